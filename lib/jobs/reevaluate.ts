import { refreshOrganizationCompliance } from "@/lib/flags/refresh-compliance";
import type { Db } from "@/lib/database/client";
import { refreshConnectionFlags } from "@/lib/flags/connection-flags";
import { refreshOrderRisk } from "@/lib/flags/refresh-orders";

// Re-evaluation of what moves with time alone: open orders' flags and dispatch instants, and the
// store, creator and listing flags (licence countdowns, video windows, open demand). Run by
// `npm run risk:reevaluate` and, hourly, by the job queue's workers (lib/jobs/queue.ts).

export type ReevaluationResult = { organizationId: string; organization: string; orders: number; flags: number };

export async function reevaluateOrganizations(db: Db, now: Date, organizationId?: string): Promise<ReevaluationResult[]> {
  const orgs = await db.organization.findMany({
    where: organizationId ? { id: organizationId } : {},
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });
  const results: ReevaluationResult[] = [];
  for (const org of orgs) {
    const risk = await refreshOrderRisk(db, { organizationId: org.id, openOnly: true }, now);
    await refreshOrganizationCompliance(db, org.id, now);
    await refreshConnectionFlags(db, org.id, now);
    results.push({ organizationId: org.id, organization: org.name, ...risk });
  }
  return results;
}
