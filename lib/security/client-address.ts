import { isIP } from "node:net";

// The client's address as scripts/request-hook.mjs derived it (socket peer and
// TRUSTED_PROXY_HOPS) and put in `x-client-address`, after removing any value the client sent.
// X-Forwarded-For is never read here: without the trusted-hop rule anyone can write it.
// null when unknown (the app run without `npm start`, e.g. `next dev`): callers then skip
// per-address limits rather than put every client in one bucket.
export const CLIENT_ADDRESS_HEADER = "x-client-address";

type HeaderSource = Headers | Record<string, string | string[] | undefined> | undefined | null;

export function clientAddressOf(headers: HeaderSource): string | null {
  let value: string | string[] | null | undefined;
  if (!headers) return null;
  if (typeof (headers as Headers).get === "function") value = (headers as Headers).get(CLIENT_ADDRESS_HEADER);
  else value = (headers as Record<string, string | string[] | undefined>)[CLIENT_ADDRESS_HEADER];
  const address = (Array.isArray(value) ? value[0] : value)?.trim();
  return address && isIP(address) ? address : null;
}
