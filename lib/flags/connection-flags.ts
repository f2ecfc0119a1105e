import type { Db } from "@/lib/database/client";
import { englishReason, reasonMessage } from "@/lib/policy";

// A store whose API connection is gone (TikTok type 6 deauthorisation, a refused token, a refresh
// that failed) raises a CRITICAL flag in the risk queue, so a dead connection is never silent:
// nothing syncs in and no tracking or stock is written back until someone re-authorises. Cleared
// when the store is connected again (a working sync, new credentials).

export const CONNECTION_RULE = "connection.disconnected";

const DEAD = ["NEEDS_REAUTHORIZATION", "DISCONNECTED"] as const;

export async function refreshConnectionFlags(db: Db, organizationId: string, now: Date, storeIds?: readonly string[]): Promise<number> {
  const stores = await db.store.findMany({
    where: { organizationId, ...(storeIds ? { id: { in: [...storeIds] } } : {}) },
    select: { id: true, name: true, channel: true, connectionState: true, connectionMessage: true, connectionChangedAt: true },
  });
  let open = 0;
  for (const s of stores) {
    const dead = s.connectionState !== null && (DEAD as readonly string[]).includes(s.connectionState);
    if (!dead) {
      await db.riskFlag.deleteMany({ where: { subjectType: "STORE", subjectId: s.id, rule: CONNECTION_RULE } });
      continue;
    }
    open += 1;
    const message = reasonMessage(s.connectionState === "NEEDS_REAUTHORIZATION" ? "connection.needsReauthorization" : "connection.refused", {
      store: s.name,
      platform: s.channel === "TIKTOK_SHOP" ? "TikTok Shop" : "Shopify",
      hasDetail: Boolean(s.connectionMessage),
      detail: s.connectionMessage ?? "",
    });
    const reason = englishReason(message);
    const reasonKey = message.key;
    const reasonParams = message.params;
    const evidence = [
      { field: "connectionState", value: s.connectionState },
      { field: "since", value: (s.connectionChangedAt ?? now).toISOString() },
    ];
    await db.riskFlag.upsert({
      where: { subjectType_subjectId_rule: { subjectType: "STORE", subjectId: s.id, rule: CONNECTION_RULE } },
      create: {
        organizationId,
        subjectType: "STORE",
        subjectId: s.id,
        storeId: s.id,
        rule: CONNECTION_RULE,
        severity: "CRITICAL",
        dueAt: s.connectionChangedAt ?? now,
        reason,
        reasonKey,
        reasonParams,
        evidence,
        actionable: true,
      },
      update: { severity: "CRITICAL", reason, reasonKey, reasonParams, evidence, actionable: true, dueAt: s.connectionChangedAt ?? now },
    });
  }
  return open;
}
