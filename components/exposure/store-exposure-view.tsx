import Link from "next/link";
import { getLocale } from "next-intl/server";
import { getTranslations } from "@/lib/i18n/server";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, Td, Th } from "@/components/ui/table";
import { dateFormat, formatCount, formatInstant } from "@/lib/format";
import { dateLocale, numberLocale } from "@/lib/i18n/intl-locale";
import type { Locale } from "@/lib/i18n/locales";
import type { MetricView, StoreExposure } from "@/lib/performance/exposure";
import { MARKET_ZONES } from "@/lib/policy/business-days";
import { BandBadge, WorstBandBadge } from "./band-badge";
import { fixedIn, lineIn, percentIn } from "./format";
import { TrendChart } from "./trend-chart";

type ExposureT = Awaited<ReturnType<typeof getTranslations<"exposure">>>;

function weekLabel(iso: string, timeZone: string, locale: Locale): string {
  return dateFormat(dateLocale(locale), { timeZone, day: "numeric", month: "short" }).format(new Date(iso));
}

/** The window in words: "this week" or "in the last 30 days" (the ICU select of the messages). */
const windowOf = (metric: MetricView) => ({ window: metric.window.days === null ? "week" : "days", days: metric.window.days ?? 0 });

/** "3 more late dispatches in the last 30 days before LDR goes above 4%." (metrics.ts headroomSentence, translated). */
function headroomText(t: ExposureT, metric: MetricView, locale: Locale): string {
  const line = percentIn(metric.threshold, 2, locale);
  const room = metric.headroom;
  if (room.kind === "none") return "";
  if (room.kind === "recover") return t(`headroom.recover.${metric.key}`, { count: room.needed, line });
  if (room.more === 0) return t(`headroom.next.${metric.key}`, { ...windowOf(metric), line });
  return t(`headroom.room.${metric.key}`, { count: room.more, ...windowOf(metric), line });
}

/** What the band costs (metrics.ts consequenceOf, translated). */
function consequenceText(t: ExposureT, metric: MetricView, locale: Locale): string {
  const line = lineIn(metric.direction, metric.threshold, locale);
  switch (metric.band) {
    case "no_data":
      return t("consequence.no_data");
    case "healthy":
      return t("consequence.healthy", { line });
    case "at_risk":
      return metric.bands === "ldr_2026"
        ? t("consequence.at_risk_2026", { recommended: percentIn(metric.threshold, 2, locale), enforcement: percentIn(metric.enforcementAbove, 2, locale) })
        : t(`consequence.at_risk.${metric.key}`, { line });
    case "breached":
      return t(`consequence.breached.${metric.key}`, { line });
    case "enforcement":
      return t("consequence.enforcement", { enforcement: percentIn(metric.enforcementAbove, 2, locale) });
  }
}

async function MetricCard({ metric, exposure }: { metric: MetricView; exposure: StoreExposure }) {
  const [t, locale] = await Promise.all([getTranslations("exposure"), getLocale()]);
  const zone = MARKET_ZONES[exposure.store.market];
  const points = exposure.trend.map((p) => ({ week: weekLabel(p.weekStart, zone, locale), ...p[metric.key] }));
  const count = (n: number) => formatCount(n, numberLocale(locale));
  const headroom = headroomText(t, metric, locale);
  return (
    <Card className="flex flex-col" data-testid={`metric-${metric.key}`}>
      <div className="flex items-start justify-between gap-2 px-4 pt-4">
        <div>
          <h3 className="text-sm font-semibold text-slate-900">
            {t(`metric.${metric.key}`)} <span className="font-normal text-slate-500">({metric.short})</span>
          </h3>
          <p className="text-xs text-slate-500">{t("card.lineWindow", { line: lineIn(metric.direction, metric.threshold, locale), ...windowOf(metric) })}</p>
        </div>
        <BandBadge band={metric.band} />
      </div>
      <div className="px-4 pt-2">
        <p className="text-3xl font-semibold text-slate-900 tabular-nums" data-testid="value">
          {percentIn(metric.value, 2, locale)}
        </p>
        <p className="text-xs text-slate-500" data-testid="counts">
          {t(`card.counts.${metric.key}`, { numerator: count(metric.numerator), denominator: count(metric.denominator) })}
        </p>
      </div>
      <div className="space-y-2 px-4 py-3 text-sm">
        {headroom ? (
          <p className="rounded-md bg-slate-50 px-2 py-1.5 font-medium text-slate-800" data-testid="headroom">
            {headroom}
          </p>
        ) : null}
        <p className="text-slate-600" data-testid="consequence">
          {consequenceText(t, metric, locale)}
        </p>
      </div>
      <div className="mt-auto border-t border-slate-100 px-2 pt-3 pb-2" data-testid={`trend-${metric.key}`}>
        <p className="px-2 pb-1 text-xs font-medium text-slate-500">{t("card.lastWeeks", { count: points.length })}</p>
        <TrendChart
          label={metric.short}
          threshold={metric.threshold}
          direction={metric.direction}
          points={points}
          ariaLabel={t("card.chartLabel", { short: metric.short, count: points.length, line: percentIn(metric.threshold, 2, locale) })}
          weekTitles={Object.fromEntries(points.map((p) => [p.week, t("card.weekOf", { week: p.week })]))}
          thresholdLabel={locale === "en" ? `${metric.threshold}%` : percentIn(metric.threshold, 2, locale)}
        />
      </div>
    </Card>
  );
}

function projectionAssumptions(t: ExposureT, a: StoreExposure["projection"]["atRisk"]): string {
  const parts = [
    a.critical ? t("projection.critical", { count: a.critical }) : null,
    a.trackingShipped + a.trackingPending ? t("projection.tracking", { count: a.trackingShipped + a.trackingPending }) : null,
    a.autoCancel ? t("projection.autoCancel", { count: a.autoCancel }) : null,
  ].filter((p): p is string => p !== null);
  const main = parts.length ? t("projection.if", { parts: parts.join(t("projection.separator")) }) : t("projection.none");
  return a.overdue ? t("projection.withOverdue", { main, overdue: t("projection.overdue", { count: a.overdue }) }) : main;
}

async function Projection({ exposure }: { exposure: StoreExposure }) {
  const [t, locale] = await Promise.all([getTranslations("exposure"), getLocale()]);
  const p = exposure.projection;
  const zone = MARKET_ZONES[exposure.store.market];
  const names = { ldr: "LDR", vtr: "VTR", sfcr: "SFCR" } as const;
  return (
    <Card data-testid="projection">
      <CardHeader title={t("projection.title")} description={projectionAssumptions(t, p.atRisk)} />
      <CardBody className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,2fr)]">
        <dl className="space-y-2">
          {p.metrics.map((m) => (
            <div key={m.key} className="flex items-center justify-between gap-3 text-sm" data-testid={`projection-${m.key}`}>
              <dt className="font-medium text-slate-700">{names[m.key]}</dt>
              <dd className="flex items-center gap-2 tabular-nums">
                <span className="text-slate-500">{percentIn(m.value, 2, locale)}</span>
                <span aria-hidden>→</span>
                <span className="font-semibold">{percentIn(m.projected, 2, locale)}</span>
                <BandBadge band={m.projectedBand} />
              </dd>
            </div>
          ))}
        </dl>
        <div>
          <h3 className="mb-2 text-sm font-semibold text-slate-900">{t("projection.handleFirst")}</h3>
          {p.savers.length === 0 ? (
            <p className="text-sm text-slate-500">{t("projection.noSavers")}</p>
          ) : (
            <ol className="divide-y divide-slate-100 text-sm" data-testid="savers">
              {p.savers.map((s, i) => (
                <li key={s.orderId} className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-0.5 py-1.5">
                  <span className="min-w-0">
                    <span className="mr-2 text-slate-400 tabular-nums">{i + 1}.</span>
                    <Link
                      href={`/orders?q=${encodeURIComponent(s.externalId)}`}
                      className="font-mono text-xs text-slate-900 underline-offset-2 hover:underline"
                    >
                      {s.externalId}
                    </Link>
                    <span className="ml-2 text-slate-600">{s.causes.map((c) => t(`projection.cause.${c}`)).join(" · ")}</span>
                  </span>
                  <span className="text-xs whitespace-nowrap text-slate-500">
                    {s.dueAt ? `${formatInstant(new Date(s.dueAt), zone, dateLocale(locale))} · ` : ""}
                    <span className="font-semibold text-emerald-700">{t("projection.saves", { points: fixedIn(s.savedPoints, 2, locale) })}</span>
                  </span>
                </li>
              ))}
            </ol>
          )}
        </div>
      </CardBody>
    </Card>
  );
}

const share = (x: number | null) => (x === null ? "—" : `${Math.round(x * 100)}%`);

async function Suppliers({ exposure }: { exposure: StoreExposure }) {
  const [t, locale] = await Promise.all([getTranslations("exposure.suppliers"), getLocale()]);
  const count = (n: number) => formatCount(n, numberLocale(locale));
  return (
    <Card data-testid="suppliers">
      <CardHeader title={t("title")} description={t("description")} />
      {exposure.suppliers.length === 0 ? (
        <CardBody className="text-sm text-slate-500">{t("none")}</CardBody>
      ) : (
        <Table label={t("label")}>
          <thead>
            <tr>
              <Th>{t("supplier")}</Th>
              <Th className="text-right">{t("lateDue")}</Th>
              <Th className="text-right">{t("lateShare")}</Th>
              <Th className="text-right">{t("invalidShipped")}</Th>
              <Th className="text-right">{t("invalidShare")}</Th>
            </tr>
          </thead>
          <tbody>
            {exposure.suppliers.map((s) => (
              <tr key={s.supplierId ?? "none"}>
                <Td>{s.supplierId === null ? t("ownStock") : s.name}</Td>
                <Td className="text-right tabular-nums">
                  {count(s.lateDispatches)} / {count(s.dispatchesDue)}
                </Td>
                <Td className="text-right font-medium tabular-nums">{share(s.lateShare)}</Td>
                <Td className="text-right tabular-nums">
                  {count(s.invalidTracking)} / {count(s.shipped)}
                </Td>
                <Td className="text-right font-medium tabular-nums">{share(s.invalidShare)}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </Card>
  );
}

async function Comparison({ exposure }: { exposure: StoreExposure }) {
  const [t, tv, locale] = await Promise.all([getTranslations("exposure.comparison"), getTranslations("vocabulary"), getLocale()]);
  const hours = (x: number | null) => (x === null ? "—" : t("hours", { value: fixedIn(x, 1, locale) }));
  const days = (x: number | null) => (x === null ? "—" : t("days", { value: fixedIn(x, 1, locale) }));
  return (
    <Card data-testid="comparison">
      <CardHeader title={t("title")} description={t("description")} />
      {exposure.comparisonPending ? (
        <p role="status" className="px-4 py-3 text-sm text-slate-600" data-testid="comparison-pending">
          {t("pending")}
        </p>
      ) : null}
      <Table label={t("label")}>
        <thead>
          <tr>
            <Th>{t("store")}</Th>
            <Th className="text-right">{t("dispatch")}</Th>
            <Th className="text-right">{t("delivery")}</Th>
            <Th className="text-right">{t("delivered")}</Th>
            <Th className="text-right">{t("returns")}</Th>
            <Th className="text-right">{t("notBuyersFault")}</Th>
          </tr>
        </thead>
        <tbody>
          {exposure.comparison.map((c) => (
            <tr key={c.storeId} className={c.storeId === exposure.store.id ? "bg-slate-50" : undefined} data-channel={c.channel}>
              <Td>
                <span className="font-medium">{c.name}</span>
                <span className="ml-2 text-xs text-slate-500">{tv(`channel.${c.channel}`)}</span>
              </Td>
              <Td className="text-right tabular-nums">{hours(c.medianDispatchHours)}</Td>
              <Td className="text-right tabular-nums">{days(c.medianDeliveryDays)}</Td>
              <Td className="text-right tabular-nums">{formatCount(c.delivered, numberLocale(locale))}</Td>
              <Td className="text-right tabular-nums">{percentIn(c.returnRate, 1, locale)}</Td>
              <Td className="text-right tabular-nums">{percentIn(c.nonBuyerFaultReturnRate, 1, locale)}</Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </Card>
  );
}

/** The whole exposure of one store, as data in (no fetching here). */
export async function StoreExposureView({ exposure }: { exposure: StoreExposure }) {
  const [t, locale] = await Promise.all([getTranslations("exposure"), getLocale()]);
  const min = exposure.minimumOrders;
  const zone = MARKET_ZONES[exposure.store.market];
  const count = (n: number) => formatCount(n, numberLocale(locale));
  if (!exposure.scored) {
    return (
      <section aria-labelledby="exposure-heading" className="space-y-4" data-testid="store-exposure">
        <h2 id="exposure-heading" className="text-lg font-semibold">
          {t("view.serviceTitle")}
        </h2>
        <p className="text-sm text-slate-500">{t("view.brandSite")}</p>
        <Comparison exposure={exposure} />
      </section>
    );
  }
  return (
    <section aria-labelledby="exposure-heading" className="space-y-4" data-testid="store-exposure">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <h2 id="exposure-heading" className="text-lg font-semibold">
            {t("view.title")}
          </h2>
          <p className="text-sm text-slate-500">
            {t("view.asOf", { store: exposure.store.name, at: formatInstant(new Date(exposure.asOf), zone, dateLocale(locale)) })}
          </p>
        </div>
        <WorstBandBadge band={exposure.worstBand} label={t("view.worstBand")} />
      </div>
      <p
        className={`rounded-lg border px-3 py-2 text-sm ${min.met ? "border-slate-200 bg-white text-slate-600" : "border-amber-200 bg-amber-50 text-amber-900"}`}
        data-testid="minimum-orders"
      >
        {t(min.met ? "view.minimumMet" : "view.minimumNotMet", { delivered: count(min.delivered), required: min.required, days: min.windowDays })}
      </p>
      <div className="grid gap-4 md:grid-cols-2 2xl:grid-cols-4">
        {exposure.metrics.map((m) => (
          <MetricCard key={m.key} metric={m} exposure={exposure} />
        ))}
      </div>
      <p className="text-sm text-slate-600" data-testid="returns-rate">
        {t.rich("view.returns", {
          rate: percentIn(exposure.returns.value, 2, locale),
          orders: count(exposure.returns.denominator),
          b: (chunks) => <span className="font-semibold">{chunks}</span>,
        })}
      </p>
      <Projection exposure={exposure} />
      <Suppliers exposure={exposure} />
      <Comparison exposure={exposure} />
    </section>
  );
}

export async function StoreExposureEmpty() {
  const t = await getTranslations("exposure.view");
  return <EmptyState title={t("emptyTitle")}>{t("emptyBody")}</EmptyState>;
}
