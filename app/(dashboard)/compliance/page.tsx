import type { Metadata } from "next";
import { getLocale } from "next-intl/server";
import { getTranslations } from "@/lib/i18n/server";
import { Suspense } from "react";
import { DepositEntryForm, RegistrationForm } from "@/components/compliance/compliance-forms";
import { DepositsTotal } from "@/components/compliance/deposits-total";
import { StoreComplianceCard } from "@/components/compliance/store-compliance-panel";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { requirePageUser } from "@/lib/auth";
import { getStoreCompliance } from "@/lib/data/compliance";
import { type DataScope, scopeOf } from "@/lib/data/scope";
import { formatInstant, formatMoney } from "@/lib/format";
import { formatFlagReason } from "@/lib/i18n/flag-reason";
import { dateLocale, moneyLocale } from "@/lib/i18n/intl-locale";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("compliance.page");
  return { title: t("title") };
}

export default async function CompliancePage() {
  const user = await requirePageUser(["OWNER", "OPS"]);
  const scope = scopeOf(user);
  const t = await getTranslations("compliance.page");
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-xl font-semibold">{t("title")}</h1>
        <p className="text-sm text-slate-500">{t("intro")}</p>
      </div>
      <div className="max-w-sm">
        <Suspense fallback={<Skeleton className="h-28" />}>
          <DepositsTotal scope={scope} />
        </Suspense>
      </div>
      <Suspense fallback={<Skeleton className="h-96" />}>
        <StoresSection scope={scope} />
      </Suspense>
    </div>
  );
}

async function StoresSection({ scope }: { scope: DataScope }) {
  const [items, t, locale] = await Promise.all([getStoreCompliance(scope, new Date()), getTranslations("compliance.page"), getLocale()]);
  if (items.length === 0) return <EmptyState title={t("emptyTitle")}>{t("emptyBody")}</EmptyState>;
  const owner = scope.role === "OWNER";
  const standing = items.flatMap((i) => i.standing.map((f) => ({ store: i.store, flag: f })));
  return (
    <div className="space-y-6">
      {standing.length ? (
        <section aria-labelledby="standing-heading" className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm" data-testid="standing-issues-summary">
          <h2 id="standing-heading" className="text-sm font-semibold text-slate-800">
            {t("standingTitle")}
          </h2>
          <p className="text-xs text-slate-500">{t("standingIntro")}</p>
          <ul className="mt-2 space-y-1 text-sm">
            {standing.map(({ store, flag }) => (
              <li key={`${store.id}:${flag.rule}`} data-rule={flag.rule}>
                <span className="font-medium">{store.name}</span>: {formatFlagReason(flag, locale)}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {items.map((item) => (
        <StoreComplianceCard key={item.store.id} item={item}>
          <div className="grid items-start gap-4 lg:grid-cols-2">
            <details className="rounded-lg border border-slate-200 p-3" open={item.deposit.entries.length > 0}>
              <summary className="cursor-pointer text-sm font-semibold">{t("ledger")}</summary>
              {item.deposit.entries.length === 0 ? (
                <p className="mt-2 text-sm text-slate-500">{t("noEntries")}</p>
              ) : (
                <table className="mt-2 w-full text-sm" data-testid="deposit-ledger">
                  <tbody>
                    {item.deposit.entries.map((e) => (
                      <tr key={e.id} className="border-t border-slate-100">
                        <td className="py-1 pr-2 text-xs text-slate-500">{formatInstant(e.occurredAt, item.store.timeZone, dateLocale(locale))}</td>
                        <td className="py-1 pr-2">{t(`kind.${e.kind}`)}</td>
                        <td className={`py-1 pr-2 text-right tabular-nums ${e.kind === "PAYMENT" ? "" : "text-rose-700"}`}>
                          {e.kind === "PAYMENT" ? "+" : "−"}
                          {formatMoney(e.amountMinor, e.currency, locale === "en" ? undefined : moneyLocale(e.currency, locale))}
                        </td>
                        <td className="py-1 text-xs text-slate-500">{e.note}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
              {owner ? (
                <div className="mt-3 border-t border-slate-100 pt-3">
                  <DepositEntryForm storeId={item.store.id} currency={item.deposit.currency} />
                </div>
              ) : null}
            </details>
            {owner ? (
              <details className="rounded-lg border border-slate-200 p-3">
                <summary className="cursor-pointer text-sm font-semibold">{item.registration ? t("editRegistration") : t("recordRegistration")}</summary>
                <div className="mt-3">
                  <RegistrationForm storeId={item.store.id} current={item.registration} />
                </div>
              </details>
            ) : null}
          </div>
        </StoreComplianceCard>
      ))}
    </div>
  );
}
