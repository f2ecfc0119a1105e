import { db } from "@/lib/db";
import { handleShopifyWebhook } from "@/lib/ingest/apply-webhook";
import { readBodyLimited, WEBHOOK_MAX_BYTES } from "@/lib/ingest/read-body";
import { toErrorResponse } from "@/lib/errors";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

// No session: the caller is Shopify, authenticated by the HMAC over the raw body.
export async function POST(req: Request, { params }: { params: Promise<{ storeId: string }> }) {
  try {
    const { storeId } = await params;
    const rawBody = await readBodyLimited(req, WEBHOOK_MAX_BYTES);
    if (!rawBody) return Response.json({ error: "PAYLOAD_TOO_LARGE", message: "Body exceeds 5 MB." }, { status: 413 });
    const outcome = await handleShopifyWebhook(db, { storeId, headers: req.headers, rawBody }, new Date());
    return Response.json(outcome.body, { status: outcome.status });
  } catch (error) {
    return toErrorResponse(error);
  }
}
