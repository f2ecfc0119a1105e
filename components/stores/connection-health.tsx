import { useTranslations } from "@/lib/i18n/server";
import { getLocale } from "next-intl/server";
import { getTranslations } from "@/lib/i18n/server";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import type { HealthTone, StoreHealth } from "@/lib/data/connection-health";
import { formatInstant } from "@/lib/format";
import { dateLocale } from "@/lib/i18n/intl-locale";
import { StockBufferForm } from "./stock-buffer-form";

// A store's API connection health: one line in the stores list, a card on the store's page.

const BADGE: Record<HealthTone, BadgeTone> = { ok: "success", warn: "warning", bad: "critical", none: "neutral" };

type HealthT = Awaited<ReturnType<typeof getTranslations<"stores.health">>>;

/** "just now", "5 min ago", "3 h ago", "2 days ago" (formatAge of lib/data/connection-health.ts, translated). */
function age(t: HealthT, minutes: number): string {
  if (minutes < 1) return t("age.now");
  if (minutes < 60) return t("age.minutes", { count: minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return t("age.hours", { count: hours });
  return t("age.days", { count: Math.floor(hours / 24) });
}

/** Not async: the stores list renders one per store (see components/stores/store-figures.tsx). */
export function ConnectionHealthLine({ health }: { health: StoreHealth }) {
  const t = useTranslations("stores.health");
  const rest: string[] = [];
  if (health.state !== "not_connected")
    rest.push(health.lastSyncAgeMinutes === null ? t("line.neverSynced") : t("line.lastSync", { age: age(t, health.lastSyncAgeMinutes) }));
  const hooks = health.webhooks.failed + health.webhooks.unverified;
  if (hooks > 0) rest.push(t("line.webhooks", { count: hooks }));
  if (health.pushes.failed > 0) rest.push(t("line.pushesFailed", { count: health.pushes.failed }));
  if (health.pushes.pending > 0) rest.push(t("line.pushesPending", { count: health.pushes.pending }));
  return (
    <div className="flex flex-wrap items-center gap-x-2 gap-y-1 text-xs" data-testid={`store-health-${health.storeId}`} data-state={health.state}>
      <Badge tone={BADGE[health.tone]} className="whitespace-nowrap">
        {t(`state.${health.state}`)}
      </Badge>
      {rest.length ? <span className="text-slate-600">{rest.join(" · ")}</span> : null}
    </div>
  );
}

export async function ConnectionHealthCard({ health, timeZone, canSetBuffer = false }: { health: StoreHealth; timeZone: string; canSetBuffer?: boolean }) {
  const [t, locale] = await Promise.all([getTranslations("stores.health"), getLocale()]);
  const at = (instant: Date) => formatInstant(instant, timeZone, dateLocale(locale));
  const rows: [string, string][] = [];
  rows.push([
    t("lastSync"),
    health.lastSyncedAt && health.lastSyncAgeMinutes !== null
      ? t("lastSyncValue", { at: at(health.lastSyncedAt), age: age(t, health.lastSyncAgeMinutes) })
      : t("never"),
  ]);
  if (health.tokenExpiresAt)
    rows.push([t("tokenExpires"), t(health.tokenRefreshedAutomatically ? "tokenRefreshed" : "tokenNoRefresh", { at: at(health.tokenExpiresAt) })]);
  if (health.authExpiresAt) rows.push([t("authExpires"), at(health.authExpiresAt)]);
  rows.push([
    t("webhooks"),
    health.webhooks.failed + health.webhooks.unverified === 0
      ? t("webhooksNone")
      : t("webhooksCounts", { failed: health.webhooks.failed, unverified: health.webhooks.unverified }),
  ]);
  rows.push([t("writeBack"), t("writeBackCounts", { pending: health.pushes.pending, failed: health.pushes.failed })]);
  return (
    <Card data-testid="store-health" data-state={health.state}>
      <CardHeader title={t("title")} description={t("description")} />
      <div className="space-y-2 px-4 pb-4 text-sm">
        <Badge tone={BADGE[health.tone]}>{t(`state.${health.state}`)}</Badge>
        {health.message ? <p className="text-xs text-slate-600">{health.message}</p> : null}
        <dl className="divide-y divide-slate-100">
          {rows.map(([k, v]) => (
            <div key={k} className="flex flex-col gap-0.5 py-1.5 sm:flex-row sm:justify-between sm:gap-3">
              <dt className="text-slate-600">{k}</dt>
              <dd className="text-slate-900 sm:text-right">{v}</dd>
            </div>
          ))}
        </dl>
      </div>
      {canSetBuffer && health.state !== "not_connected" ? <StockBufferForm storeId={health.storeId} value={health.stockSafetyBuffer} /> : null}
    </Card>
  );
}
