import Link from "next/link";
import { getLocale } from "next-intl/server";
import { getTranslations } from "@/lib/i18n/server";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import type { RiskQueueItem } from "@/lib/data/risk";
import type { LateDispatch, StoreDetail } from "@/lib/data/stores";
import { formatInstant } from "@/lib/format";
import { formatFlagReason } from "@/lib/i18n/flag-reason";
import { dateLocale } from "@/lib/i18n/intl-locale";
import { ruleTitleIn } from "@/lib/i18n/policy-text";
import { SEVERITY_TONE } from "@/components/ui/tones";
import { getDurationFormat } from "./durations";

export async function OpenFlagsCard({ items, total, storeId, timeZone }: { items: RiskQueueItem[]; total: number; storeId: string; timeZone: string }) {
  const [t, tv, locale] = await Promise.all([getTranslations("stores.sections"), getTranslations("vocabulary"), getLocale()]);
  return (
    <Card data-testid="store-open-flags">
      <CardHeader
        title={t("openFlags")}
        description={total > items.length ? t("mostUrgent", { shown: items.length, total }) : t("openCount", { total })}
        action={
          <Link href={`/risk?store=${storeId}`} className="text-sm font-medium text-teal-700 hover:underline">
            {t("inQueue")}
          </Link>
        }
      />
      {items.length === 0 ? (
        <p className="px-4 py-6 text-center text-sm text-slate-500">{t("nothingOpen")}</p>
      ) : (
        <ul className="divide-y divide-slate-100">
          {items.map((f) => (
            <li key={f.key} className="px-4 py-2.5">
              <div className="flex flex-wrap items-center gap-2">
                <Badge tone={SEVERITY_TONE[f.severity]}>{f.overdue ? t("overdue") : tv(`severity.${f.severity}`)}</Badge>
                <span className="text-sm font-medium text-slate-900">{ruleTitleIn(f.rule, locale)}</span>
              </div>
              <p className="mt-0.5 text-sm text-slate-600">{formatFlagReason(f, locale)}</p>
              <p className="mt-0.5 text-xs text-slate-500">
                {f.order ? (
                  <Link href={`/orders/${f.order.id}`} className="font-mono text-teal-700 hover:underline">
                    {f.order.externalId}
                  </Link>
                ) : null}
                {f.dueAt ? (
                  <span>
                    {f.order ? " · " : ""}
                    {t("due", { at: formatInstant(f.dueAt, timeZone, dateLocale(locale)) })}
                  </span>
                ) : null}
              </p>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

export async function LateDispatchesCard({ rows, timeZone, basis }: { rows: LateDispatch[]; timeZone: string; basis: "DEADLINE" | "48H" }) {
  const [t, locale, duration] = await Promise.all([getTranslations("stores.sections"), getLocale(), getDurationFormat()]);
  const at = (instant: Date) => formatInstant(instant, timeZone, dateLocale(locale));
  return (
    <Card data-testid="store-late-dispatches">
      <CardHeader title={t("lateTitle")} description={t(basis === "DEADLINE" ? "lateDescriptionDeadline" : "lateDescription48h", { zone: timeZone })} />
      {rows.length === 0 ? (
        <p className="px-4 py-6 text-center text-sm text-slate-500">{t("lateNone")}</p>
      ) : (
        <Table label={t("lateTitle")}>
          <thead>
            <tr>
              <Th>{t("order")}</Th>
              <Th>{t("dueColumn")}</Th>
              <Th>{t("dispatched")}</Th>
              <Th className="text-right">{t("lateBy")}</Th>
              <Th>{t("supplier")}</Th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <Td>
                  <Link href={`/orders/${r.id}`} className="font-mono text-xs text-teal-700 hover:underline">
                    {r.externalId}
                  </Link>
                </Td>
                <Td className="text-xs whitespace-nowrap">{at(r.dueAt)}</Td>
                <Td className="text-xs whitespace-nowrap">{r.inTransitAt ? at(r.inTransitAt) : <Badge tone="critical">{t("notYet")}</Badge>}</Td>
                <Td className="text-right tabular-nums">{duration.hours(r.lateHours)}</Td>
                <Td className="max-w-[12rem] truncate text-xs whitespace-nowrap text-slate-600" title={r.supplierName ?? undefined}>
                  {r.supplierName ?? "—"}
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </Card>
  );
}

const CONNECTION_TONE: Record<NonNullable<StoreDetail["connection"]["state"]>, "success" | "warning" | "critical"> = {
  CONNECTED: "success",
  AUTH_EXPIRING: "warning",
  NEEDS_REAUTHORIZATION: "critical",
  DISCONNECTED: "critical",
};

export async function IntegrationCard({ store }: { store: StoreDetail }) {
  const [t, locale] = await Promise.all([getTranslations("stores.integration"), getLocale()]);
  const keys: (keyof StoreDetail["integration"])[] =
    store.channel === "BRAND_SITE"
      ? ["shopifyDomain", "shopifyAccessToken", "webhookSecret"]
      : ["tiktokAppKey", "tiktokAppSecret", "tiktokAccessToken", "tiktokShopCipher", "tiktokApiBaseUrl"];
  const c = store.connection;
  return (
    <Card data-testid="store-integration">
      <CardHeader
        title={t("title")}
        description={store.lastSyncedAt ? t("lastSync", { at: formatInstant(store.lastSyncedAt, store.timeZone, dateLocale(locale)) }) : t("neverSynced")}
      />
      <div className="space-y-1 px-4 pb-2 text-sm" data-testid="store-connection">
        <div className="flex items-center justify-between gap-3">
          <span className="text-slate-700">{c.shopifyDomain ? t("connectionOf", { domain: c.shopifyDomain }) : t("connection")}</span>
          {c.state ? <Badge tone={CONNECTION_TONE[c.state]}>{t(`state.${c.state}`)}</Badge> : <Badge tone="neutral">{t("notConnected")}</Badge>}
        </div>
        {c.message ? <p className="text-xs text-slate-600">{c.message}</p> : null}
        {store.channel === "BRAND_SITE" ? (
          <p className="text-xs text-slate-600" data-testid="store-webhook-topics">
            {c.webhookTopics.length > 0
              ? t("webhooksRegistered", { topics: c.webhookTopics.map((topic) => topic.toLowerCase().replace("_", "/")).join(", ") })
              : t("noWebhooks")}
          </p>
        ) : null}
      </div>
      <ul className="divide-y divide-slate-100">
        {keys.map((k) => (
          <li key={k} className="flex items-center justify-between gap-3 px-4 py-2 text-sm">
            <span className="text-slate-700">{t(`labels.${k}`)}</span>
            {store.integration[k] ? <Badge tone="success">{t("set")}</Badge> : <Badge tone="neutral">{t("notSet")}</Badge>}
          </li>
        ))}
      </ul>
    </Card>
  );
}
