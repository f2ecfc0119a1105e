import Link from "next/link";
import { formatHours } from "@/components/overview/kpi-format";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import type { RiskQueueItem } from "@/lib/data/risk";
import type { LateDispatch, StoreDetail } from "@/lib/data/stores";
import { formatInstant } from "@/lib/format";
import { ruleTitle } from "@/lib/policy";
import { SEVERITY_TONE } from "@/components/ui/tones";
import { SEVERITY_LABEL } from "@/lib/vocabulary";

export function OpenFlagsCard({ items, total, storeId, timeZone }: { items: RiskQueueItem[]; total: number; storeId: string; timeZone: string }) {
  return (
    <Card data-testid="store-open-flags">
      <CardHeader
        title="Open flags"
        description={total > items.length ? `The ${items.length} most urgent of ${total}` : `${total} open`}
        action={
          <Link href={`/risk?store=${storeId}`} className="text-sm font-medium text-teal-700 hover:underline">
            In the queue →
          </Link>
        }
      />
      {items.length === 0 ? (
        <p className="px-4 py-6 text-center text-sm text-slate-500">Nothing open for this store.</p>
      ) : (
        <ul className="divide-y divide-slate-100">
          {items.map((f) => (
            <li key={f.key} className="px-4 py-2.5">
              <div className="flex flex-wrap items-center gap-2">
                <Badge tone={SEVERITY_TONE[f.severity]}>{f.overdue ? "Overdue" : SEVERITY_LABEL[f.severity]}</Badge>
                <span className="text-sm font-medium text-slate-900">{ruleTitle(f.rule)}</span>
              </div>
              <p className="mt-0.5 text-sm text-slate-600">{f.reasonText}</p>
              <p className="mt-0.5 text-xs text-slate-500">
                {f.order ? (
                  <Link href={`/orders/${f.order.id}`} className="font-mono text-teal-700 hover:underline">
                    {f.order.externalId}
                  </Link>
                ) : null}
                {f.dueAt ? (
                  <span>
                    {f.order ? " · " : ""}due {formatInstant(f.dueAt, timeZone)}
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

export function LateDispatchesCard({ rows, timeZone, basis }: { rows: LateDispatch[]; timeZone: string; basis: "DEADLINE" | "48H" }) {
  return (
    <Card data-testid="store-late-dispatches">
      <CardHeader
        title="Recent late dispatches"
        description={`Last 30 days · ${basis === "DEADLINE" ? "after the TikTok dispatch deadline" : "more than 48 h after the order"} · times in ${timeZone}`}
      />
      {rows.length === 0 ? (
        <p className="px-4 py-6 text-center text-sm text-slate-500">No late dispatches in the last 30 days.</p>
      ) : (
        <Table label="Recent late dispatches">
          <thead>
            <tr>
              <Th>Order</Th>
              <Th>Due</Th>
              <Th>Dispatched</Th>
              <Th className="text-right">Late by</Th>
              <Th>Supplier</Th>
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
                <Td className="text-xs whitespace-nowrap">{formatInstant(r.dueAt, timeZone)}</Td>
                <Td className="text-xs whitespace-nowrap">{r.inTransitAt ? formatInstant(r.inTransitAt, timeZone) : <Badge tone="critical">Not yet</Badge>}</Td>
                <Td className="text-right tabular-nums">{formatHours(r.lateHours)}</Td>
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

const INTEGRATION_LABELS: Record<keyof StoreDetail["integration"], string> = {
  webhookSecret: "Shopify webhook secret",
  tiktokAppKey: "TikTok app key",
  tiktokAppSecret: "TikTok app secret",
  tiktokAccessToken: "Access token",
  tiktokShopCipher: "Shop cipher",
  tiktokApiBaseUrl: "API base URL",
  shopifyDomain: "Shop domain",
  shopifyAccessToken: "Admin API access token",
  shopifyApiVersion: "API version",
};

const CONNECTION: Record<NonNullable<StoreDetail["connection"]["state"]>, { label: string; tone: "success" | "warning" | "critical" }> = {
  CONNECTED: { label: "Connected", tone: "success" },
  AUTH_EXPIRING: { label: "Authorisation expiring", tone: "warning" },
  NEEDS_REAUTHORIZATION: { label: "Needs re-authorisation", tone: "critical" },
  DISCONNECTED: { label: "Disconnected", tone: "critical" },
};

export function IntegrationCard({ store }: { store: StoreDetail }) {
  const keys: (keyof StoreDetail["integration"])[] =
    store.channel === "BRAND_SITE"
      ? ["shopifyDomain", "shopifyAccessToken", "webhookSecret"]
      : ["tiktokAppKey", "tiktokAppSecret", "tiktokAccessToken", "tiktokShopCipher", "tiktokApiBaseUrl"];
  const c = store.connection;
  const state = c.state ? CONNECTION[c.state] : null;
  return (
    <Card data-testid="store-integration">
      <CardHeader
        title="Integration"
        description={store.lastSyncedAt ? `Last API sync ${formatInstant(store.lastSyncedAt, store.timeZone)}` : "Never synced through the API"}
      />
      <div className="space-y-1 px-4 pb-2 text-sm" data-testid="store-connection">
        <div className="flex items-center justify-between gap-3">
          <span className="text-slate-700">Connection{c.shopifyDomain ? ` (${c.shopifyDomain})` : ""}</span>
          {state ? <Badge tone={state.tone}>{state.label}</Badge> : <Badge tone="neutral">Not connected yet</Badge>}
        </div>
        {c.message ? <p className="text-xs text-slate-600">{c.message}</p> : null}
        {store.channel === "BRAND_SITE" ? (
          <p className="text-xs text-slate-600" data-testid="store-webhook-topics">
            {c.webhookTopics.length > 0
              ? `Webhooks registered: ${c.webhookTopics.map((t) => t.toLowerCase().replace("_", "/")).join(", ")}`
              : "No webhooks registered through the API yet."}
          </p>
        ) : null}
      </div>
      <ul className="divide-y divide-slate-100">
        {keys.map((k) => (
          <li key={k} className="flex items-center justify-between gap-3 px-4 py-2 text-sm">
            <span className="text-slate-700">{INTEGRATION_LABELS[k]}</span>
            {store.integration[k] ? <Badge tone="success">Set</Badge> : <Badge tone="neutral">Not set</Badge>}
          </li>
        ))}
      </ul>
    </Card>
  );
}
