import Link from "next/link";
import { useLocale, useTranslations } from "@/lib/i18n/server";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import type { UpcomingRule } from "@/lib/data/policy-impact";
import { dateFormat } from "@/lib/format";
import { intlLocale } from "@/lib/i18n/intl-locale";

/** Rules and 2026 updates taking effect in the next 30 days, with what of yours they hit. */
export function UpcomingRules({ rules }: { rules: UpcomingRule[] }) {
  const t = useTranslations("overview.upcoming");
  const locale = useLocale();
  return (
    <Card data-testid="upcoming-rules">
      <CardHeader
        title={t("title")}
        description={
          <Link className="underline" href="/policy">
            {t("calendar")}
          </Link>
        }
      />
      <CardBody>
        {rules.length === 0 ? (
          <p className="text-sm text-slate-500">{t("empty")}</p>
        ) : (
          <ul className="space-y-2 text-sm">
            {rules.map((r) => (
              <li key={r.id}>
                <span className="font-medium text-slate-900">
                  {dateFormat(intlLocale(locale), { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }).format(
                    new Date(`${r.effectiveFrom}T00:00:00Z`),
                  )}
                </span>{" "}
                · {r.title}
                {r.orders || r.stores ? (
                  <span className="text-slate-500">
                    {" "}
                    — {r.orders ? t("openOrders", { count: r.orders }) : t("stores", { count: r.stores })}
                    {r.href ? (
                      <>
                        {" "}
                        <Link className="underline" href={r.href}>
                          {t("open")}
                        </Link>
                      </>
                    ) : null}
                  </span>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </CardBody>
    </Card>
  );
}
