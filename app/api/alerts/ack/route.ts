import { handleLinkPost } from "@/lib/alerts/link-route";
import { acknowledgeByToken } from "@/lib/alerts/links";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { toErrorResponse } from "@/lib/errors";
import { assertSameOrigin } from "@/lib/security/same-origin";

export const dynamic = "force-dynamic";

/**
 * POST /api/alerts/ack (form field or query `token`): acknowledges one alerted item. The signed
 * token is the permission; no session. Only from this app's own link page: another site must not
 * be able to acknowledge an alert on someone's behalf (the e-mail and Slack links open that page).
 */
export async function POST(request: Request) {
  try {
    assertSameOrigin(request);
  } catch (error) {
    return toErrorResponse(error);
  }
  return handleLinkPost(request, "ack", acknowledgeByToken, db, getEnv().NEXTAUTH_SECRET);
}
