import { db } from "@/lib/db";
import { handleShopifyWebhook } from "@/lib/ingest/apply-webhook";
import { readBodyLimited, WEBHOOK_MAX_BYTES } from "@/lib/ingest/read-body";
import { toErrorResponse } from "@/lib/errors";
import { recordWebhookDelivery } from "@/lib/channels/webhook-health";

/** The store's health counts deliveries that were refused or failed (never the reason a forger could read). */
async function count(storeId: string, status: number) {
  try {
    await recordWebhookDelivery(db, storeId, "SHOPIFY", status, new Date());
  } catch (error) {
    console.error("[webhook-health]", error);
  }
}

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

// No session: the caller is Shopify, authenticated by the HMAC over the raw body.
export async function POST(req: Request, { params }: { params: Promise<{ storeId: string }> }) {
  const { storeId } = await params;
  try {
    const rawBody = await readBodyLimited(req, WEBHOOK_MAX_BYTES);
    if (!rawBody) return Response.json({ error: "PAYLOAD_TOO_LARGE", message: "Body exceeds 5 MB." }, { status: 413 });
    const outcome = await handleShopifyWebhook(db, { storeId, headers: req.headers, rawBody }, new Date());
    await count(storeId, outcome.status);
    return Response.json(outcome.body, { status: outcome.status });
  } catch (error) {
    await count(storeId, 500);
    return toErrorResponse(error);
  }
}
