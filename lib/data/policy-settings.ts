import "server-only";
import { db } from "@/lib/db";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import { settingsFieldTextIn } from "@/lib/i18n/policy-text";
import { SETTINGS_FIELDS, type SettingsField, fieldValue, isOverridden } from "@/lib/policy/settings-fields";
import type { DataScope } from "./scope";
import { organizationSettings, readOrganizationSettingsDetail } from "./settings";
import type { PolicySettings } from "@/lib/policy/settings";

// The /settings/policy screen: each editable threshold and effective date with the
// organisation's value, the default and its source, and the last changes from the audit log.

/** A field as the form shows it: group, label, unit and source in the viewer's language. */
export type PolicySettingsFieldView = SettingsField & { value: string; overridden: boolean };

export type PolicySettingsView = {
  fields: PolicySettingsFieldView[];
  /** Stored values the reader ignored (out of bounds, old shape), so the owner can fix them. */
  problems: string[];
  history: { id: string; at: Date; actor: string; changed: Record<string, { before: unknown; after: unknown }> }[];
};

type Changed = { changed?: Record<string, unknown> } | null;

/** The organisation's policy settings for a screen (the one reader, lib/data/settings.ts). */
export function getPolicySettings(scope: DataScope): Promise<PolicySettings> {
  return organizationSettings(db, scope.organizationId);
}

export async function getPolicySettingsView(scope: DataScope, locale: Locale = DEFAULT_LOCALE): Promise<PolicySettingsView> {
  const [{ overrides, settings, problems }, audit] = await Promise.all([
    readOrganizationSettingsDetail(db, scope.organizationId),
    db.auditLog.findMany({
      where: { organizationId: scope.organizationId, entityType: "PolicySettings" },
      orderBy: { createdAt: "desc" },
      take: 10,
      select: { id: true, createdAt: true, actorLabel: true, before: true, after: true },
    }),
  ]);
  return {
    fields: SETTINGS_FIELDS.map((f) => ({ ...f, ...settingsFieldTextIn(f, locale), value: fieldValue(settings, f), overridden: isOverridden(overrides, f) })),
    problems,
    history: audit.map((a) => {
      const before = (a.before as Changed)?.changed ?? {};
      const after = (a.after as Changed)?.changed ?? {};
      const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
      return {
        id: a.id,
        at: a.createdAt,
        actor: a.actorLabel,
        changed: Object.fromEntries(keys.map((k) => [k, { before: before[k] ?? null, after: after[k] ?? null }])),
      };
    }),
  };
}
