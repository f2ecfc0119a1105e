import Link from "next/link";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, Td, Th } from "@/components/ui/table";
import { dateFormat, formatCount, formatInstant } from "@/lib/format";
import type { MetricView, StoreExposure } from "@/lib/performance/exposure";
import { formatPercent } from "@/lib/performance/metrics";
import { MARKET_ZONES } from "@/lib/policy/business-days";
import { BandBadge, WorstBandBadge } from "./band-badge";
import { TrendChart } from "./trend-chart";
import { CHANNEL_LABEL } from "@/lib/vocabulary";

function weekLabel(iso: string, timeZone: string): string {
  return dateFormat("en-GB", { timeZone, day: "numeric", month: "short" }).format(new Date(iso));
}

function MetricCard({ metric, exposure }: { metric: MetricView; exposure: StoreExposure }) {
  const zone = MARKET_ZONES[exposure.store.market];
  const points = exposure.trend.map((p) => ({ week: weekLabel(p.weekStart, zone), ...p[metric.key] }));
  return (
    <Card className="flex flex-col" data-testid={`metric-${metric.key}`}>
      <div className="flex items-start justify-between gap-2 px-4 pt-4">
        <div>
          <h3 className="text-sm font-semibold text-slate-900">
            {metric.label} <span className="font-normal text-slate-500">({metric.short})</span>
          </h3>
          <p className="text-xs text-slate-500">
            Line {metric.thresholdText} · {metric.window.label}
          </p>
        </div>
        <BandBadge band={metric.band} />
      </div>
      <div className="px-4 pt-2">
        <p className="text-3xl font-semibold text-slate-900 tabular-nums" data-testid="value">
          {formatPercent(metric.value, 2)}
        </p>
        <p className="text-xs text-slate-500" data-testid="counts">
          {formatCount(metric.numerator)} of {formatCount(metric.denominator)} orders
          {metric.key === "ldr"
            ? " dispatched late"
            : metric.key === "vtr"
              ? " with valid tracking"
              : metric.key === "otdr"
                ? " delivered on time"
                : " cancelled by seller fault"}
        </p>
      </div>
      <div className="space-y-2 px-4 py-3 text-sm">
        {metric.headroomSentence ? (
          <p className="rounded-md bg-slate-50 px-2 py-1.5 font-medium text-slate-800" data-testid="headroom">
            {metric.headroomSentence}
          </p>
        ) : null}
        <p className="text-slate-600" data-testid="consequence">
          {metric.consequence}
        </p>
      </div>
      <div className="mt-auto border-t border-slate-100 px-2 pt-3 pb-2" data-testid={`trend-${metric.key}`}>
        <p className="px-2 pb-1 text-xs font-medium text-slate-500">Last {points.length} weeks</p>
        <TrendChart label={metric.short} threshold={metric.threshold} direction={metric.direction} points={points} />
      </div>
    </Card>
  );
}

function projectionAssumptions(a: StoreExposure["projection"]["atRisk"]): string {
  const n = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;
  const parts = [
    a.critical ? `${n(a.critical, "dispatch", "dispatches")} due within hours ${a.critical === 1 ? "goes" : "go"} late` : null,
    a.trackingShipped + a.trackingPending
      ? `${n(a.trackingShipped + a.trackingPending, "invalid tracking number stays", "invalid tracking numbers stay")} invalid`
      : null,
    a.autoCancel ? `${n(a.autoCancel, "order is", "orders are")} auto-cancelled` : null,
  ].filter(Boolean);
  const overdue = a.overdue ? ` ${n(a.overdue, "overdue order already counts", "overdue orders already count")} as late.` : "";
  return parts.length ? `If ${parts.join(", ")}.${overdue}` : `No open order is about to move a rate.${overdue}`;
}

function Projection({ exposure }: { exposure: StoreExposure }) {
  const p = exposure.projection;
  const zone = MARKET_ZONES[exposure.store.market];
  const names = { ldr: "LDR", vtr: "VTR", sfcr: "SFCR" } as const;
  return (
    <Card data-testid="projection">
      <CardHeader title="What if nothing is handled" description={projectionAssumptions(p.atRisk)} />
      <CardBody className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,2fr)]">
        <dl className="space-y-2">
          {p.metrics.map((m) => (
            <div key={m.key} className="flex items-center justify-between gap-3 text-sm" data-testid={`projection-${m.key}`}>
              <dt className="font-medium text-slate-700">{names[m.key]}</dt>
              <dd className="flex items-center gap-2 tabular-nums">
                <span className="text-slate-500">{formatPercent(m.value, 2)}</span>
                <span aria-hidden>→</span>
                <span className="font-semibold">{formatPercent(m.projected, 2)}</span>
                <BandBadge band={m.projectedBand} />
              </dd>
            </div>
          ))}
        </dl>
        <div>
          <h3 className="mb-2 text-sm font-semibold text-slate-900">Handle these first</h3>
          {p.savers.length === 0 ? (
            <p className="text-sm text-slate-500">No open order can move a rate right now.</p>
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
                    <span className="ml-2 text-slate-600">{s.reasons.join(" · ")}</span>
                  </span>
                  <span className="text-xs whitespace-nowrap text-slate-500">
                    {s.dueAt ? `${formatInstant(new Date(s.dueAt), zone)} · ` : ""}
                    <span className="font-semibold text-emerald-700">saves {s.savedPoints.toFixed(2)} pts</span>
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

function Suppliers({ exposure }: { exposure: StoreExposure }) {
  return (
    <Card data-testid="suppliers">
      <CardHeader title="Who causes it" description="Each supplier's share of this store's late dispatches and invalid tracking (LDR and VTR windows)" />
      {exposure.suppliers.length === 0 ? (
        <CardBody className="text-sm text-slate-500">No dispatches in the window.</CardBody>
      ) : (
        <Table label="Supplier attribution">
          <thead>
            <tr>
              <Th>Supplier</Th>
              <Th className="text-right">Late / due</Th>
              <Th className="text-right">Share of late</Th>
              <Th className="text-right">Invalid / shipped</Th>
              <Th className="text-right">Share of invalid</Th>
            </tr>
          </thead>
          <tbody>
            {exposure.suppliers.map((s) => (
              <tr key={s.supplierId ?? "none"}>
                <Td>{s.name}</Td>
                <Td className="text-right tabular-nums">
                  {formatCount(s.lateDispatches)} / {formatCount(s.dispatchesDue)}
                </Td>
                <Td className="text-right font-medium tabular-nums">{share(s.lateShare)}</Td>
                <Td className="text-right tabular-nums">
                  {formatCount(s.invalidTracking)} / {formatCount(s.shipped)}
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

function Comparison({ exposure }: { exposure: StoreExposure }) {
  const num = (x: number | null, unit: string) => (x === null ? "—" : `${x.toFixed(1)} ${unit}`);
  return (
    <Card data-testid="comparison">
      <CardHeader
        title="Service side by side"
        description="Every store of both channels, last 30 days: median order → carrier scan, median scan → delivery, returns of delivered orders"
      />
      {exposure.comparisonPending ? (
        <p role="status" className="px-4 py-3 text-sm text-slate-600" data-testid="comparison-pending">
          Still being computed for every store: shown when you next open or refresh this page.
        </p>
      ) : null}
      <Table label="Service comparison">
        <thead>
          <tr>
            <Th>Store</Th>
            <Th className="text-right">Dispatch</Th>
            <Th className="text-right">Delivery</Th>
            <Th className="text-right">Delivered</Th>
            <Th className="text-right">Returns</Th>
            <Th className="text-right">Not buyer&apos;s fault</Th>
          </tr>
        </thead>
        <tbody>
          {exposure.comparison.map((c) => (
            <tr key={c.storeId} className={c.storeId === exposure.store.id ? "bg-slate-50" : undefined} data-channel={c.channel}>
              <Td>
                <span className="font-medium">{c.name}</span>
                <span className="ml-2 text-xs text-slate-500">{CHANNEL_LABEL[c.channel]}</span>
              </Td>
              <Td className="text-right tabular-nums">{num(c.medianDispatchHours, "h")}</Td>
              <Td className="text-right tabular-nums">{num(c.medianDeliveryDays, "d")}</Td>
              <Td className="text-right tabular-nums">{formatCount(c.delivered)}</Td>
              <Td className="text-right tabular-nums">{formatPercent(c.returnRate, 1)}</Td>
              <Td className="text-right tabular-nums">{formatPercent(c.nonBuyerFaultReturnRate, 1)}</Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </Card>
  );
}

/** The whole exposure of one store, as data in (no fetching here). */
export function StoreExposureView({ exposure }: { exposure: StoreExposure }) {
  const min = exposure.minimumOrders;
  const zone = MARKET_ZONES[exposure.store.market];
  if (!exposure.scored) {
    return (
      <section aria-labelledby="exposure-heading" className="space-y-4" data-testid="store-exposure">
        <h2 id="exposure-heading" className="text-lg font-semibold">
          Service figures
        </h2>
        <p className="text-sm text-slate-500">
          TikTok&apos;s shop-performance rates do not apply to the brand website; here is its service beside the TikTok stores.
        </p>
        <Comparison exposure={exposure} />
      </section>
    );
  }
  return (
    <section aria-labelledby="exposure-heading" className="space-y-4" data-testid="store-exposure">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <h2 id="exposure-heading" className="text-lg font-semibold">
            Shop performance exposure
          </h2>
          <p className="text-sm text-slate-500">
            {exposure.store.name} · as of {formatInstant(new Date(exposure.asOf), zone)}
          </p>
        </div>
        <WorstBandBadge band={exposure.worstBand} label="Worst band" />
      </div>
      <p
        className={`rounded-lg border px-3 py-2 text-sm ${min.met ? "border-slate-200 bg-white text-slate-600" : "border-amber-200 bg-amber-50 text-amber-900"}`}
        data-testid="minimum-orders"
      >
        {min.met
          ? `Shop Performance Score applies: ${formatCount(min.delivered)} delivered orders in ${min.windowDays} days (at least ${min.required} needed).`
          : `No Shop Performance Score yet: ${formatCount(min.delivered)} of ${min.required} delivered orders in ${min.windowDays} days. The rates below still show where the store stands.`}
      </p>
      <div className="grid gap-4 md:grid-cols-2 2xl:grid-cols-4">
        {exposure.metrics.map((m) => (
          <MetricCard key={m.key} metric={m} exposure={exposure} />
        ))}
      </div>
      <p className="text-sm text-slate-600" data-testid="returns-rate">
        Non-buyer-fault returns (damaged, not as described, wrong or missing item):{" "}
        <span className="font-semibold">{formatPercent(exposure.returns.value, 2)}</span> of {formatCount(exposure.returns.denominator)} orders delivered in the
        last 30 days.
      </p>
      <Projection exposure={exposure} />
      <Suppliers exposure={exposure} />
      <Comparison exposure={exposure} />
    </section>
  );
}

export function StoreExposureEmpty() {
  return <EmptyState title="No exposure to show">This store has no orders yet.</EmptyState>;
}
