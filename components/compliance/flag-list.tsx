import { useTranslations } from "@/lib/i18n/server";
import { getLocale } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import type { StoredFlag } from "@/lib/data/compliance";
import { SEVERITY_TONE } from "@/components/ui/tones";
import { formatFlagReason } from "@/lib/i18n/flag-reason";

/** Not async: lists render one per flag. */
export function SeverityBadge({ severity }: { severity: StoredFlag["severity"] }) {
  const t = useTranslations("vocabulary.severity");
  return <Badge tone={SEVERITY_TONE[severity]}>{t(severity)}</Badge>;
}

/** Stored flags of one subject with the engine's plain-language reason. */
export async function FlagList({ flags, empty }: { flags: StoredFlag[]; empty?: string }) {
  const locale = await getLocale();
  if (flags.length === 0) return empty ? <p className="text-sm text-emerald-700">{empty}</p> : null;
  return (
    <ul className="space-y-2" data-testid="flag-list">
      {flags.map((f) => (
        <li key={f.rule} className="text-sm" data-rule={f.rule}>
          <div className="flex flex-wrap items-center gap-2">
            <SeverityBadge severity={f.severity} />
            <code className="text-xs text-slate-500">{f.rule}</code>
          </div>
          <p className="mt-0.5 text-slate-700">{formatFlagReason(f, locale)}</p>
        </li>
      ))}
    </ul>
  );
}
