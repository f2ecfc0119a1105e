import type { Db } from "@/lib/database/client";
import { type PolicySettings, type PolicySettingsOverrides, mergeSettings } from "@/lib/policy/settings";

// An organisation's policy settings: the 2026 defaults with its overrides (Organization.policy).

/** Read now: for jobs that write flags (re-evaluation, compliance refresh). */
export async function readOrganizationSettings(client: Db, organizationId: string): Promise<PolicySettings> {
  const org = await client.organization.findUnique({ where: { id: organizationId }, select: { policy: true } });
  return mergeSettings((org?.policy ?? null) as PolicySettingsOverrides | null);
}

// Screens read the settings on every request (the risk queue's API several times a second per
// viewer) while they change a few times a year; ten seconds of reuse saves a query per request.
const SETTINGS_TTL_MS = 10_000;
const cached = new Map<string, { until: number; settings: Promise<PolicySettings> }>();

/** For screens: read at most every ten seconds per organisation and process. */
export function organizationSettings(client: Db, organizationId: string): Promise<PolicySettings> {
  const now = Date.now();
  const hit = cached.get(organizationId);
  if (hit && hit.until > now) return hit.settings;
  const settings = readOrganizationSettings(client, organizationId);
  cached.set(organizationId, { until: now + SETTINGS_TTL_MS, settings });
  settings.catch(() => cached.delete(organizationId));
  return settings;
}

/** After a change of an organisation's settings, so this process shows it at once. */
export function forgetOrganizationSettings(organizationId: string): void {
  cached.delete(organizationId);
}
