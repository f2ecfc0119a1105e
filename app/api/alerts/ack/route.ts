import { handleLinkPost } from "@/lib/alerts/link-route";
import { acknowledgeByToken } from "@/lib/alerts/links";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";

export const dynamic = "force-dynamic";

/** POST /api/alerts/ack (form field or query `token`): acknowledges one alerted item. The signed token is the permission; no session. */
export async function POST(request: Request) {
  return handleLinkPost(request, "ack", acknowledgeByToken, db, getEnv().NEXTAUTH_SECRET);
}
