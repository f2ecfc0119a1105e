import { ArrowLeft, CircleAlert, CircleCheck, ExternalLink, TriangleAlert } from "lucide-react";
import Link from "next/link";
import { useLocale, useTranslations } from "@/lib/i18n/server";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { Table, Td, Th } from "@/components/ui/table";
import type { PushState } from "@/lib/channels/push";
import type { OrderDetail } from "@/lib/data/orders";
import { formatInstant, formatMoney } from "@/lib/format";
import { intlLocale } from "@/lib/i18n/intl-locale";
import type { Locale } from "@/lib/i18n/locales";
import { type TrackingResult, buildTrackingUrl, validateTracking } from "@/lib/policy/tracking";
import { Countdown } from "./countdown";
import { CHANNEL_TONE, SEVERITY_TONE, STATUS_TONE } from "@/components/ui/tones";
import { ruleTitleFrom } from "@/lib/vocabulary";
import { awaitsDispatch, moneyLocale } from "./labels";

type Props = { order: OrderDetail; now: Date; ruleTitles: Record<string, string> };

export function OrderHeader({ order, now }: Omit<Props, "ruleTitles">) {
  const t = useTranslations("orders.detail");
  const tv = useTranslations("vocabulary");
  const locale = useLocale();
  const at = (instant: Date) => formatInstant(instant, order.store.timeZone, intlLocale(locale));
  return (
    <div className="space-y-2">
      <Link
        href="/orders"
        className="inline-flex items-center gap-1 rounded text-sm text-slate-600 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-slate-900"
      >
        <ArrowLeft aria-hidden className="size-4" /> {t("back")}
      </Link>
      <div className="flex flex-wrap items-center gap-2">
        <h1 className="text-xl font-semibold break-all">{t("heading", { order: order.externalId })}</h1>
        <Badge tone={CHANNEL_TONE[order.channel]}>{tv(`channel.${order.channel}`)}</Badge>
        <Badge tone={STATUS_TONE[order.status]} data-testid="order-status">
          {tv(`status.${order.status}`)}
        </Badge>
        {awaitsDispatch(order) && order.dispatchDueAt ? <Countdown deadline={order.dispatchDueAt} now={now} alert={order.dispatchAlertHours} /> : null}
        {order.fulfillmentType !== "SELLER_SHIPPING" ? (
          <Badge tone={order.fulfillmentType === "FULFILLED_BY_TIKTOK" ? "info" : "neutral"} data-testid="fulfillment-type">
            {t(`fulfillment.${order.fulfillmentType}`)}
          </Badge>
        ) : null}
      </div>
      {order.onHold?.active ? (
        <p role="status" className="rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-sm font-medium text-amber-900" data-testid="on-hold">
          {t("onHold", { until: at(order.onHold.until) })}
        </p>
      ) : null}
      {order.fulfillmentType === "FULFILLED_BY_TIKTOK" ? <p className="text-sm text-slate-600">{t("fulfilledByTikTok")}</p> : null}
      <p className="text-sm text-slate-500">
        {t("placed", { store: order.store.name, at: at(order.placedAt) })}
        {order.money ? <> · {formatMoney(order.money.totalMinor, order.money.currency, moneyLocale(order.money.currency, locale))}</> : null}
      </p>
    </div>
  );
}

export function FlagsCard({ order, ruleTitles }: Omit<Props, "now">) {
  const t = useTranslations("orders.flags");
  const tv = useTranslations("vocabulary");
  const locale = useLocale() as Locale;
  return (
    <Card>
      <CardHeader title={t("title")} description={t("description")} />
      <CardBody>
        {order.flags.length === 0 ? (
          <p className="flex items-center gap-2 text-sm text-slate-600">
            <CircleCheck aria-hidden className="size-4 text-emerald-600" /> {t("none")}
          </p>
        ) : (
          <ul className="space-y-3" data-testid="order-flags">
            {order.flags.map((f) => (
              <li key={f.rule} className="flex gap-3">
                <Badge tone={SEVERITY_TONE[f.severity]} className="h-fit shrink-0">
                  {tv(`severity.${f.severity}`)}
                </Badge>
                <div className="min-w-0 text-sm">
                  <p className="font-medium text-slate-900">
                    {ruleTitleFrom(f.rule, ruleTitles)}
                    {f.upcoming ? <span className="ml-2 text-xs font-normal text-amber-800">{t("upcoming")}</span> : null}
                  </p>
                  <p className="text-slate-600">{f.reasonText}</p>
                  {f.dueAt ? (
                    <p className="text-xs text-slate-500">{t("due", { at: formatInstant(f.dueAt, order.store.timeZone, intlLocale(locale)) })}</p>
                  ) : null}
                </div>
              </li>
            ))}
          </ul>
        )}
      </CardBody>
    </Card>
  );
}

export function LinesCard({ order }: Pick<Props, "order">) {
  const t = useTranslations("orders.lines");
  const locale = useLocale();
  const money = order.money;
  const fmt = (minor: number) => (money ? formatMoney(minor, money.currency, moneyLocale(money.currency, locale)) : "");
  return (
    <Card>
      <CardHeader title={t("title")} description={t("count", { count: order.lines.length })} />
      <Table label={t("tableLabel")}>
        <thead>
          <tr>
            <Th className="hidden sm:table-cell">{t("sku")}</Th>
            <Th>{t("product")}</Th>
            <Th className="text-right">{t("quantity")}</Th>
            {money ? <Th className="hidden text-right sm:table-cell">{t("unitPrice")}</Th> : null}
            {money ? <Th className="text-right">{t("lineTotal")}</Th> : null}
          </tr>
        </thead>
        <tbody>
          {order.lines.map((l) => (
            <tr key={l.position}>
              <Td className="hidden font-mono text-xs whitespace-nowrap sm:table-cell">{l.sku}</Td>
              <Td>
                {l.productName}
                <span className="block font-mono text-xs text-slate-500 sm:hidden">{l.sku}</span>
              </Td>
              <Td className="text-right tabular-nums">{l.quantity}</Td>
              {money && l.unitPriceMinor !== undefined ? (
                <Td className="hidden text-right whitespace-nowrap tabular-nums sm:table-cell">{fmt(l.unitPriceMinor)}</Td>
              ) : null}
              {money && l.unitPriceMinor !== undefined ? (
                <Td className="text-right whitespace-nowrap tabular-nums">{fmt(l.unitPriceMinor * l.quantity)}</Td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </Table>
      {money ? (
        <div className="flex items-baseline justify-end gap-4 px-3 py-2 text-sm">
          <span className="text-slate-600">{t("orderTotal")}</span>
          <span className="font-semibold tabular-nums" data-testid="order-total">
            {fmt(money.totalMinor)}
          </span>
        </div>
      ) : null}
    </Card>
  );
}

/** Alerts about the order (lib/data/alerts.ts getOrderAlerts), shown as "Alert sent to …" steps. */
export type TimelineAlert = { at: Date; to: string; stored: boolean };

export function TimelineCard({ order, now, alerts = [], pushes }: Omit<Props, "ruleTitles"> & { alerts?: TimelineAlert[]; pushes?: PushState[] }) {
  const t = useTranslations("orders.timeline");
  const locale = useLocale();
  const zone = order.store.timeZone;
  const deadline = order.dispatchDueAt;
  const steps: { label: string; at: Date | null; note?: string; tone?: "late" | "due" }[] = [
    { label: t("placed"), at: order.placedAt },
    ...(order.onHold ? [{ label: t("onHoldUntil"), at: order.onHold.until, tone: order.onHold.active ? ("due" as const) : undefined }] : []),
    { label: t("paid"), at: order.paidAt },
  ];
  if (deadline) {
    const late = order.inTransitAt ? order.inTransitAt > deadline : deadline < now;
    steps.push({
      label: t("deadline"),
      at: deadline,
      note: late ? (order.inTransitAt ? t("dispatchedLate") : t("passed")) : undefined,
      tone: late ? "late" : "due",
    });
  }
  steps.push({ label: t("inTransit"), at: order.inTransitAt }, { label: t("delivered"), at: order.deliveredAt });
  if (order.cancelledAt || order.status === "CANCELLED") steps.push({ label: t("cancelled"), at: order.cancelledAt });
  // The write-back's pushes, oldest first, after the order's own steps.
  for (const p of [...(pushes ?? [])].reverse()) {
    steps.push({
      label: t(`push.${p.status}`),
      at: p.sentAt ?? p.createdAt,
      note: p.status === "FAILED" ? (p.message ?? undefined) : undefined,
      tone: p.status === "FAILED" ? "late" : undefined,
    });
  }
  for (const a of alerts) steps.push({ label: a.stored ? t("alertStored", { to: a.to }) : t("alertSent", { to: a.to }), at: a.at });
  // Alerts and write-backs sit among the order's own events in time order; steps not yet reached stay last.
  if (alerts.length || pushes?.length) steps.sort((x, y) => (x.at && y.at ? x.at.getTime() - y.at.getTime() : x.at ? -1 : y.at ? 1 : 0));
  return (
    <Card>
      <CardHeader title={t("title")} description={t("description", { zone })} />
      <CardBody>
        <ol className="relative space-y-3 border-l border-slate-200 pl-4" data-testid="order-timeline">
          {steps.map((s, i) => (
            <li key={`${i}-${s.label}`} className="relative">
              <span
                aria-hidden
                className={cn(
                  "absolute top-1.5 -left-[1.3rem] size-2.5 rounded-full ring-2 ring-white",
                  s.tone === "late" ? "bg-rose-600" : s.tone === "due" ? "bg-amber-500" : s.at ? "bg-slate-900" : "bg-slate-300",
                )}
              />
              <p className="text-sm font-medium text-slate-800">{s.label}</p>
              <p className={cn("text-sm", s.at ? "text-slate-600" : "text-slate-400")}>
                {s.at ? formatInstant(s.at, zone, intlLocale(locale)) : t("notYet")}
                {s.note ? <span className="ml-2 font-medium text-rose-700">{s.note}</span> : null}
              </p>
            </li>
          ))}
        </ol>
      </CardBody>
    </Card>
  );
}

const TRACKING_TONE: Record<TrackingResult["status"], "success" | "critical" | "warning" | "neutral"> = {
  valid: "success",
  invalid: "critical",
  mismatch: "warning",
  unverified: "neutral",
};

export function TrackingCard({ order }: Pick<Props, "order">) {
  const t = useTranslations("orders.shipping");
  const tv = useTranslations("vocabulary");
  const number = order.trackingNumber;
  const result = number ? validateTracking(number, order.carrier) : null;
  // Link to the carrier the number really belongs to when the order names another one.
  const url = number ? buildTrackingUrl(result?.status === "mismatch" && result.carrier ? result.carrier : order.carrier, number) : null;
  const status = result ? { tone: TRACKING_TONE[result.status], label: t(`validity.${result.status}`) } : null;
  const trackWith = result?.status === "mismatch" && result.carrier ? result.carrier : order.carrier;
  return (
    <Card>
      <CardHeader title={t("title")} />
      <CardBody className="space-y-3 text-sm">
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1.5">
          <dt className="text-slate-500">{t("carrier")}</dt>
          <dd>{order.carrier ?? "—"}</dd>
          <dt className="text-slate-500">{t("tracking")}</dt>
          <dd className="font-mono text-xs leading-5 break-all" data-testid="tracking-number">
            {number ?? <span className="font-sans text-sm text-slate-400">{t("noneYet")}</span>}
          </dd>
          <dt className="text-slate-500">{t("label")}</dt>
          <dd>{tv(`labelSource.${order.labelSource}`)}</dd>
          <dt className="text-slate-500">{t("shipsFrom")}</dt>
          <dd>{order.shipFromCountry ?? "—"}</dd>
          {order.supplier ? (
            <>
              <dt className="text-slate-500">{t("supplier")}</dt>
              <dd>{order.supplier.name}</dd>
            </>
          ) : null}
        </dl>
        {result && status ? (
          <div className={cn("flex gap-2 rounded-lg p-2", result.valid ? "bg-emerald-50" : "bg-amber-50")} data-testid="tracking-validity">
            {result.valid ? (
              <CircleCheck aria-hidden className="size-4 shrink-0 text-emerald-700" />
            ) : (
              <TriangleAlert aria-hidden className="size-4 shrink-0 text-amber-700" />
            )}
            <div>
              <Badge tone={status.tone}>{status.label}</Badge>
              <p className="mt-1 text-slate-700">{result.reason}</p>
            </div>
          </div>
        ) : order.channel === "TIKTOK_SHOP" && order.status !== "CANCELLED" ? (
          <p className="flex items-center gap-2 text-slate-600">
            <CircleAlert aria-hidden className="size-4 text-amber-600" /> {t("noTracking")}
          </p>
        ) : null}
        {url ? (
          <a
            href={url}
            target="_blank"
            rel="noopener noreferrer"
            className="inline-flex items-center gap-1 rounded font-medium text-teal-800 underline underline-offset-2 focus-visible:outline-2 focus-visible:outline-slate-900"
          >
            {t("trackWith", { carrier: trackWith ?? "" })} <ExternalLink aria-hidden className="size-3.5" />
            <span className="sr-only">{t("opensCarrier")}</span>
          </a>
        ) : null}
      </CardBody>
    </Card>
  );
}

export function BuyerCard({ order }: Pick<Props, "order">) {
  const t = useTranslations("orders.buyer");
  const place = [order.shipTo.city, order.shipTo.region, order.shipTo.postcode, order.shipTo.country].filter(Boolean).join(", ");
  return (
    <Card>
      <CardHeader title={order.buyer ? t("titleBuyer") : t("titleShipTo")} description={order.buyer ? undefined : t("notShared")} />
      <CardBody className="text-sm">
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1.5" data-testid="ship-to">
          {order.buyer ? (
            <>
              <dt className="text-slate-500">{t("name")}</dt>
              <dd>{order.buyer.name ?? "—"}</dd>
              <dt className="text-slate-500">{t("email")}</dt>
              <dd className="break-all">{order.buyer.email ?? "—"}</dd>
              <dt className="text-slate-500">{t("phone")}</dt>
              <dd>{order.buyer.phone ?? "—"}</dd>
              <dt className="text-slate-500">{t("street")}</dt>
              <dd>{[order.buyer.address1, order.buyer.address2].filter(Boolean).join(", ") || "—"}</dd>
            </>
          ) : null}
          <dt className="text-slate-500">{t("place")}</dt>
          <dd>{place || "—"}</dd>
        </dl>
      </CardBody>
    </Card>
  );
}
