import { getLocale } from "next-intl/server";
import { getTranslations } from "@/lib/i18n/server";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { type DepositState, type StoreCompliance, getStoreCompliance } from "@/lib/data/compliance";
import type { DataScope } from "@/lib/data/scope";
import { formatInstant, formatMoney } from "@/lib/format";
import { dateLocale, moneyLocale } from "@/lib/i18n/intl-locale";
import { FlagList } from "./flag-list";

const DEPOSIT_TONE: Record<DepositState, BadgeTone> = {
  not_required: "neutral",
  ok: "success",
  unknown: "info",
  top_up_due: "warning",
  restricted: "critical",
};

function licenceTone(days: number | null): BadgeTone {
  if (days === null) return "neutral";
  if (days < 90) return "critical";
  if (days <= 120) return "warning";
  return "success";
}

/** Registration + deposit summary of one store (presentational; the data comes from getStoreCompliance). */
export async function StoreComplianceCard({ item, children }: { item: StoreCompliance; children?: React.ReactNode }) {
  const [t, locale] = await Promise.all([getTranslations("compliance"), getLocale()]);
  const money = (minor: number, currency: string) => formatMoney(minor, currency, moneyLocale(currency, locale));
  const { store, registration: reg, deposit: dep } = item;
  return (
    <Card data-testid={`store-compliance-${store.id}`}>
      <CardHeader
        title={store.name}
        description={t("card.description", {
          market: store.market,
          kind: store.kind === "CROSS_BORDER" ? "cross_border" : "local",
          joined: store.joinedOn.toISOString().slice(0, 10),
        })}
        action={
          <Badge tone={DEPOSIT_TONE[dep.state]} data-testid="deposit-state">
            {t(`depositState.${dep.state}`)}
          </Badge>
        }
      />
      <CardBody className="grid gap-4 md:grid-cols-2">
        <section aria-label={t("card.registration")} className="space-y-2">
          <h3 className="text-xs font-semibold tracking-wide text-slate-500 uppercase">{t("card.registration")}</h3>
          {reg ? (
            <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
              <dt className="text-slate-500">{t("card.legalName")}</dt>
              <dd>{reg.legalName}</dd>
              <dt className="text-slate-500">{t("card.legalForm")}</dt>
              <dd>{t(`entity.${reg.entityType}`)}</dd>
              <dt className="text-slate-500">{t("card.country")}</dt>
              <dd>{reg.registrationCountry}</dd>
              <dt className="text-slate-500">{t("card.incorporated")}</dt>
              <dd>{reg.incorporatedOn}</dd>
              <dt className="text-slate-500">{t("card.licence")}</dt>
              <dd className="flex flex-wrap items-center gap-2">
                {reg.licenceExpiresOn ?? t("card.noExpiry")}
                {item.licenceDaysLeft !== null ? (
                  <Badge tone={licenceTone(item.licenceDaysLeft)} data-testid="licence-countdown">
                    {item.licenceDaysLeft < 0 ? t("card.expiredAgo", { days: -item.licenceDaysLeft }) : t("card.daysLeft", { days: item.licenceDaysLeft })}
                  </Badge>
                ) : null}
              </dd>
            </dl>
          ) : (
            <p className="text-sm text-slate-500">{t("card.noRegistration")}</p>
          )}
        </section>
        <section aria-label={t("card.deposit")} className="space-y-2">
          <h3 className="text-xs font-semibold tracking-wide text-slate-500 uppercase">{t("card.deposit")}</h3>
          <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
            <dt className="text-slate-500">{t("card.balance")}</dt>
            <dd className="font-semibold tabular-nums" data-testid="deposit-balance">
              {dep.balanceMinor === null ? "—" : money(dep.balanceMinor, dep.currency)}
            </dd>
            <dt className="text-slate-500">{t("card.required")}</dt>
            <dd className="tabular-nums">{dep.requiredMinor === null ? t("card.notRequired") : money(dep.requiredMinor, dep.currency)}</dd>
            {dep.requiredMinor !== null ? (
              <>
                <dt className="text-slate-500">{t("card.shortfall")}</dt>
                <dd className={dep.shortfallMinor ? "font-semibold text-rose-700 tabular-nums" : "tabular-nums"} data-testid="deposit-shortfall">
                  {money(dep.shortfallMinor ?? 0, dep.currency)}
                </dd>
              </>
            ) : null}
            {dep.topUpBy ? (
              <>
                <dt className="text-slate-500">{t("card.topUpBy")}</dt>
                <dd>{formatInstant(dep.topUpBy, store.timeZone, dateLocale(locale))}</dd>
              </>
            ) : null}
            {dep.balances
              .filter((b) => b.currency !== dep.currency)
              .map((b) => (
                <div key={b.currency} className="contents">
                  <dt className="text-slate-500">{t("card.alsoHeld")}</dt>
                  <dd className="tabular-nums">{money(b.balanceMinor, b.currency)}</dd>
                </div>
              ))}
          </dl>
        </section>
        <section aria-label={t("card.openFlags")} className="md:col-span-2">
          <FlagList flags={item.flags} empty={item.standing.length ? t("card.nothingToday") : t("card.noProblems")} />
        </section>
        {item.standing.length ? (
          <section
            aria-label={t("card.standingTitle")}
            className="rounded-lg border border-slate-200 bg-slate-50 p-3 md:col-span-2"
            data-testid="standing-issues"
          >
            <h3 className="text-sm font-semibold text-slate-800">{t("card.standingTitle")}</h3>
            <p className="mb-2 text-xs text-slate-500">{t("card.standingIntro")}</p>
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
