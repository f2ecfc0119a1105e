import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { type DepositState, type StoreCompliance, getStoreCompliance } from "@/lib/data/compliance";
import type { DataScope } from "@/lib/data/scope";
import { formatInstant, formatMoney } from "@/lib/format";
import { ENTITY_LABEL } from "@/lib/validations/compliance";
import { FlagList } from "./flag-list";

const DEPOSIT_STATE: Record<DepositState, { label: string; tone: BadgeTone }> = {
  not_required: { label: "No deposit rule", tone: "neutral" },
  ok: { label: "Deposit complete", tone: "success" },
  unknown: { label: "Deposit not recorded", tone: "info" },
  top_up_due: { label: "Top-up due", tone: "warning" },
  restricted: { label: "Restricted: deposit short", tone: "critical" },
};

function licenceTone(days: number | null): BadgeTone {
  if (days === null) return "neutral";
  if (days < 90) return "critical";
  if (days <= 120) return "warning";
  return "success";
}

const money = (minor: number, currency: string) => formatMoney(minor, currency, currency === "GBP" ? "en-GB" : "en-US");

/** Registration + deposit summary of one store (presentational; the data comes from getStoreCompliance). */
export function StoreComplianceCard({ item, children }: { item: StoreCompliance; children?: React.ReactNode }) {
  const { store, registration: reg, deposit: dep } = item;
  const state = DEPOSIT_STATE[dep.state];
  return (
    <Card data-testid={`store-compliance-${store.id}`}>
      <CardHeader
        title={store.name}
        description={`${store.market} · ${store.kind === "CROSS_BORDER" ? "cross-border" : "local"} · joined ${store.joinedOn.toISOString().slice(0, 10)}`}
        action={
          <Badge tone={state.tone} data-testid="deposit-state">
            {state.label}
          </Badge>
        }
      />
      <CardBody className="grid gap-4 md:grid-cols-2">
        <section aria-label="Registration" className="space-y-2">
          <h3 className="text-xs font-semibold tracking-wide text-slate-500 uppercase">Registration</h3>
          {reg ? (
            <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
              <dt className="text-slate-500">Legal name</dt>
              <dd>{reg.legalName}</dd>
              <dt className="text-slate-500">Legal form</dt>
              <dd>{ENTITY_LABEL[reg.entityType]}</dd>
              <dt className="text-slate-500">Country</dt>
              <dd>{reg.registrationCountry}</dd>
              <dt className="text-slate-500">Incorporated</dt>
              <dd>{reg.incorporatedOn}</dd>
              <dt className="text-slate-500">Licence</dt>
              <dd className="flex flex-wrap items-center gap-2">
                {reg.licenceExpiresOn ?? "no expiry recorded"}
                {item.licenceDaysLeft !== null ? (
                  <Badge tone={licenceTone(item.licenceDaysLeft)} data-testid="licence-countdown">
                    {item.licenceDaysLeft < 0 ? `expired ${-item.licenceDaysLeft} days ago` : `${item.licenceDaysLeft} days left`}
                  </Badge>
                ) : null}
              </dd>
            </dl>
          ) : (
            <p className="text-sm text-slate-500">No registration recorded.</p>
          )}
        </section>
        <section aria-label="Deposit" className="space-y-2">
          <h3 className="text-xs font-semibold tracking-wide text-slate-500 uppercase">Deposit</h3>
          <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
            <dt className="text-slate-500">Balance</dt>
            <dd className="font-semibold tabular-nums" data-testid="deposit-balance">
              {dep.balanceMinor === null ? "—" : money(dep.balanceMinor, dep.currency)}
            </dd>
            <dt className="text-slate-500">Required</dt>
            <dd className="tabular-nums">{dep.requiredMinor === null ? "not required for this store" : money(dep.requiredMinor, dep.currency)}</dd>
            {dep.requiredMinor !== null ? (
              <>
                <dt className="text-slate-500">Shortfall</dt>
                <dd className={dep.shortfallMinor ? "font-semibold text-rose-700 tabular-nums" : "tabular-nums"} data-testid="deposit-shortfall">
                  {money(dep.shortfallMinor ?? 0, dep.currency)}
                </dd>
              </>
            ) : null}
            {dep.topUpBy ? (
              <>
                <dt className="text-slate-500">Top-up deadline</dt>
                <dd>{formatInstant(dep.topUpBy, store.timeZone)}</dd>
              </>
            ) : null}
            {dep.balances
              .filter((b) => b.currency !== dep.currency)
              .map((b) => (
                <div key={b.currency} className="contents">
                  <dt className="text-slate-500">Also held</dt>
                  <dd className="tabular-nums">{money(b.balanceMinor, b.currency)}</dd>
                </div>
              ))}
          </dl>
        </section>
        <section aria-label="Open flags" className="md:col-span-2">
          <FlagList flags={item.flags} empty={item.standing.length ? "Nothing to act on today." : "No registration or deposit problems."} />
        </section>
        {item.standing.length ? (
          <section aria-label="Standing issues" className="rounded-lg border border-slate-200 bg-slate-50 p-3 md:col-span-2" data-testid="standing-issues">
            <h3 className="text-sm font-semibold text-slate-800">Standing issues</h3>
            <p className="mb-2 text-xs text-slate-500">Facts of the registration that no action today can change; they are kept out of the daily risk queue.</p>
            <FlagList flags={item.standing} />
          </section>
        ) : null}
        {children ? <div className="md:col-span-2">{children}</div> : null}
      </CardBody>
    </Card>
  );
}

/**
 * Registration and deposit summary for one store, for the store page. Async server component:
 * renders nothing for brand sites, suppliers or a store outside the organisation.
 */
export async function StoreCompliancePanel({ scope, storeId, now = new Date() }: { scope: DataScope; storeId: string; now?: Date }) {
  const [item] = await getStoreCompliance(scope, now, storeId);
  if (!item) return null;
  return <StoreComplianceCard item={item} />;
}
