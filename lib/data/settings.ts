import type { Db } from "@/lib/database/client";
import { formatIssuePath, settingsOverridesSchema } from "@/lib/policy/facts-schema";
import { type PolicySettings, type PolicySettingsOverrides, mergeSettings } from "@/lib/policy/settings";

// THE settings reader: an organisation's policy settings are the 2026 defaults with its
// overrides (Organization.policy, written only by lib/actions/policy-settings.ts). Every caller
// that needs a threshold — the engine calls, the risk queue SQL, the countdowns, exposure, the
// digest, the re-evaluation job — reads them here, so a change takes effect everywhere at once.

type SettingsClient = Pick<Db, "organization">;

export type SettingsRead = { overrides: PolicySettingsOverrides; settings: PolicySettings; problems: string[] };

/**
 * The stored overrides, validated. A part that fails validation (a hand-edited row, an old
 * shape) is dropped section by section and reported in `problems`, so a bad value never reaches
 * a rule; the rest of the overrides still apply.
 */
export function parseOverrides(raw: unknown): { overrides: PolicySettingsOverrides; problems: string[] } {
  if (raw === null || raw === undefined) return { overrides: {}, problems: [] };
  const whole = settingsOverridesSchema.safeParse(raw);
  if (whole.success) return { overrides: whole.data as PolicySettingsOverrides, problems: [] };
  const problems = whole.error.issues.map((i) => `${formatIssuePath(i.path)}: ${i.message}`);
  if (typeof raw !== "object" || Array.isArray(raw)) return { overrides: {}, problems };
  const kept: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    const one = settingsOverridesSchema.safeParse({ [key]: value });
    if (one.success) Object.assign(kept, one.data);
  }
  return { overrides: kept as PolicySettingsOverrides, problems };
}

/** Read now, uncached: for jobs that write flags and for the settings screen. */
export async function readOrganizationSettingsDetail(client: SettingsClient, organizationId: string): Promise<SettingsRead> {
  const org = await client.organization.findUnique({ where: { id: organizationId }, select: { policy: true } });
  const { overrides, problems } = parseOverrides(org?.policy ?? null);
  if (problems.length) console.warn(`policy settings of organisation ${organizationId} ignored in part: ${problems.join("; ")}`);
  return { overrides, settings: mergeSettings(overrides), problems };
}

export async function readOrganizationSettings(client: SettingsClient, organizationId: string): Promise<PolicySettings> {
  return (await readOrganizationSettingsDetail(client, organizationId)).settings;
}

// Screens read the settings on every request (the risk queue's API several times a second per
// viewer) while they change a few times a year: reuse them for a few seconds per process. A
// write in this process forgets them at once (forgetOrganizationSettings); other processes
// (a second web server, the worker) see the change within the TTL.
const SETTINGS_TTL_MS = 5_000;
const cached = new Map<string, { until: number; settings: Promise<PolicySettings> }>();

/** For screens: cached per organisation and process, forgotten on write. */
export function organizationSettings(client: SettingsClient, organizationId: string): Promise<PolicySettings> {
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
