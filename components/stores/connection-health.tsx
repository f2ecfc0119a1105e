import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { type HealthTone, type StoreHealth, formatAge } from "@/lib/data/connection-health";
import { formatInstant } from "@/lib/format";
import { StockBufferForm } from "./stock-buffer-form";

// A store's API connection health: one line in the stores list, a card on the store's page.

const BADGE: Record<HealthTone, BadgeTone> = { ok: "success", warn: "warning", bad: "critical", none: "neutral" };

export function ConnectionHealthLine({ health }: { health: StoreHealth }) {
  const [, ...rest] = health.line.split(" · ");
  return (
    <div className="flex flex-wrap items-center gap-x-2 gap-y-1 text-xs" data-testid={`store-health-${health.storeId}`} data-state={health.state}>
      <Badge tone={BADGE[health.tone]}>{health.label}</Badge>
      {rest.length ? <span className="text-slate-600">{rest.join(" · ")}</span> : null}
    </div>
  );
}

export function ConnectionHealthCard({ health, timeZone, canSetBuffer = false }: { health: StoreHealth; timeZone: string; canSetBuffer?: boolean }) {
  const rows: [string, string][] = [];
  rows.push([
    "Last successful sync",
    health.lastSyncedAt && health.lastSyncAgeMinutes !== null
      ? `${formatInstant(health.lastSyncedAt, timeZone)} (${formatAge(health.lastSyncAgeMinutes)})`
      : "Never",
  ]);
  if (health.tokenExpiresAt)
    rows.push([
      "Access token expires",
      `${formatInstant(health.tokenExpiresAt, timeZone)}${health.tokenRefreshedAutomatically ? " — refreshed automatically before then" : " — no refresh token: re-authorise before then"}`,
    ]);
  if (health.authExpiresAt) rows.push(["Authorisation expires", formatInstant(health.authExpiresAt, timeZone)]);
  rows.push([
    "Webhooks, last 24 h",
    health.webhooks.failed + health.webhooks.unverified === 0
      ? "No failed or unverified deliveries"
      : `${health.webhooks.failed} failed, ${health.webhooks.unverified} unverified`,
  ]);
  rows.push(["Write-back", `${health.pushes.pending} pending, ${health.pushes.failed} failed`]);
  return (
    <Card data-testid="store-health" data-state={health.state}>
      <CardHeader title="Connection health" description="What the platform's API says about this store right now" />
      <div className="space-y-2 px-4 pb-4 text-sm">
        <Badge tone={BADGE[health.tone]}>{health.label}</Badge>
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
