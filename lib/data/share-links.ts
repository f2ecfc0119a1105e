import "server-only";
import { db } from "@/lib/db";
import { hashShareToken, looksLikeShareToken, type ShareLinkState, shareLinkState } from "@/lib/sharing/tokens";

export type ResolvedShareLink =
  | { state: "invalid" }
  | { state: Exclude<ShareLinkState, "active"> }
  | {
      state: "active";
      link: { id: string; organizationId: string; supplierId: string; storeId: string | null; label: string; expiresAt: Date; organizationName: string };
    };

/**
 * Finds the link behind a token and records the view when it is active. Invalid, expired and
 * revoked links return no data at all — the page only says which of the three it is.
 */
export async function openShareLink(token: string, now: Date, visitor: { ip: string | null; userAgent: string | null }): Promise<ResolvedShareLink> {
  if (!looksLikeShareToken(token)) return { state: "invalid" };
  const link = await db.shareLink.findUnique({
    where: { tokenHash: hashShareToken(token) },
    select: {
      id: true,
      organizationId: true,
      supplierId: true,
      storeId: true,
      label: true,
      expiresAt: true,
      revokedAt: true,
      organization: { select: { name: true } },
    },
  });
  if (!link) return { state: "invalid" };
  const state = shareLinkState(link, now);
  if (state !== "active") return { state };
  await db.shareLinkView.create({ data: { shareLinkId: link.id, viewedAt: now, ip: visitor.ip, userAgent: visitor.userAgent?.slice(0, 300) ?? null } });
  return {
    state: "active",
    link: {
      id: link.id,
      organizationId: link.organizationId,
      supplierId: link.supplierId,
      storeId: link.storeId,
      label: link.label,
      expiresAt: link.expiresAt,
      organizationName: link.organization.name,
    },
  };
}

export async function listShareLinks(organizationId: string) {
  return db.shareLink.findMany({
    where: { organizationId },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      label: true,
      expiresAt: true,
      revokedAt: true,
      createdAt: true,
      supplier: { select: { name: true } },
      store: { select: { name: true } },
      _count: { select: { views: true } },
      views: { orderBy: { viewedAt: "desc" }, take: 1, select: { viewedAt: true, ip: true } },
    },
  });
}
