import type { Db } from "@/lib/database/client";
import { type LinkCheck, verifyLink } from "./link-tokens";

// What the signed links in alerts do, and nothing more: acknowledge one item (no escalation for
// it), or stop one user's digest. No session: the token is the permission.

export type LinkOutcome = { ok: true; already: boolean } | { ok: false; problem: Exclude<LinkCheck, { ok: true }>["problem"] | "unknown" };

export async function acknowledgeByToken(client: Db, secret: string, token: string, now: Date): Promise<LinkOutcome> {
  const check = verifyLink(secret, token, "ack", now);
  if (!check.ok) return check;
  const { o: organizationId, i: itemKey } = check.claims;
  const org = await client.organization.findUnique({ where: { id: organizationId }, select: { id: true } });
  if (!org) return { ok: false, problem: "unknown" };
  const existing = await client.alertAck.findUnique({ where: { organizationId_itemKey: { organizationId, itemKey } }, select: { id: true } });
  if (existing) return { ok: true, already: true };
  await client.alertAck.createMany({ data: [{ organizationId, itemKey, acknowledgedAt: now }], skipDuplicates: true });
  return { ok: true, already: false };
}

export async function unsubscribeByToken(client: Db, secret: string, token: string, now: Date): Promise<LinkOutcome> {
  const check = verifyLink(secret, token, "unsubscribe", now);
  if (!check.ok) return check;
  const user = await client.user.findFirst({
    where: { id: check.claims.i, organizationId: check.claims.o },
    select: { id: true, alertPreference: { select: { digestUnsubscribedAt: true } } },
  });
  if (!user) return { ok: false, problem: "unknown" };
  if (user.alertPreference?.digestUnsubscribedAt) return { ok: true, already: true };
  await client.alertPreference.upsert({
    where: { userId: user.id },
    create: { userId: user.id, digestUnsubscribedAt: now },
    update: { digestUnsubscribedAt: now },
  });
  return { ok: true, already: false };
}

export const LINK_PROBLEMS: Record<Exclude<LinkOutcome, { ok: true }>["problem"], string> = {
  malformed: "This link is incomplete or was changed: nothing was done. Copy the whole link from the message, or sign in.",
  tampered: "This link was changed after it was sent, so it cannot be trusted: nothing was done.",
  expired: "This link has expired: nothing was done. Sign in to see the item, or wait for the next message.",
  "wrong-purpose": "This link is not meant for this page: nothing was done.",
  unknown: "This link no longer matches an account or organisation: nothing was done.",
};
