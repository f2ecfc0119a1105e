/** Raw request body up to `maxBytes`, or null when it is larger (checked while reading, not after). */
export async function readBodyLimited(req: Request, maxBytes: number): Promise<Buffer | null> {
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > maxBytes) return null;
  if (!req.body) return Buffer.alloc(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = req.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** Webhook payloads are small; anything bigger is refused before it is parsed or verified. */
export const WEBHOOK_MAX_BYTES = 5 * 1024 * 1024;
