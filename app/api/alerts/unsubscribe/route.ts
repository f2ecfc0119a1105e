import { handleLinkPost } from "@/lib/alerts/link-route";
import { unsubscribeByToken } from "@/lib/alerts/links";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";

export const dynamic = "force-dynamic";

/** POST /api/alerts/unsubscribe (form field or query `token`, RFC 8058 one-click): stops one user's daily digest. No session. */
export async function POST(request: Request) {
  return handleLinkPost(request, "unsubscribe", unsubscribeByToken, db, getEnv().NEXTAUTH_SECRET);
}
