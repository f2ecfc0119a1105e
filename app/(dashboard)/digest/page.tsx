import type { Metadata } from "next";
import Link from "next/link";
import { getLocale } from "next-intl/server";
import { getTranslations } from "@/lib/i18n/server";
import { CopySummary } from "@/components/digest/copy-summary";
import { SEVERITY_TONE } from "@/components/ui/tones";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { requirePageUser } from "@/lib/auth";
import { getDigest } from "@/lib/data/digest";
import { scopeOf } from "@/lib/data/scope";
import { digestText } from "@/lib/digest-text";
import { formatCount, formatInstant } from "@/lib/format";
import { intlLocale } from "@/lib/i18n/intl-locale";
import type { Locale } from "@/lib/i18n/locales";
import { ruleTitle } from "@/lib/policy";
import { getSettings } from "@/lib/env";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("digest");
  return { title: t("title") };
}

/** What ops must do today: the risk queue summed up, and the same as text to send. Staff only. */
export default async function DigestPage() {
  const user = await requirePageUser(["OWNER", "OPS"]);
  const now = new Date();
  const digest = await getDigest(scopeOf(user), now, await getLocale());
  const { totals } = digest;
  const [t, tv, locale] = await Promise.all([getTranslations("digest"), getTranslations("vocabulary"), getLocale() as Promise<Locale>]);
  const count = (n: number) => formatCount(n, intlLocale(locale, "en-US"));
  const at = (instant: Date, zone: string) => formatInstant(instant, zone, intlLocale(locale));
  const queueUrl = new URL("/risk", getSettings().NEXTAUTH_URL ?? `http://localhost:${getSettings().PORT}`).toString();
  // `id`: the tile's English name, a stable handle (data-total) whatever the viewer's language.
  const tiles = [
    { id: "Open flags", label: t("tiles.open"), value: totals.open, href: "/risk" },
    { id: "Overdue", label: t("tiles.overdue"), value: totals.overdue, href: "/risk", tone: totals.overdue > 0 ? "text-rose-700" : "" },
    {
      id: `Due in ${digest.dueSoonHours} h`,
      label: t("tiles.dueSoon", { hours: digest.dueSoonHours }),
      value: totals.dueSoon,
      href: "/risk",
      tone: totals.dueSoon > 0 ? "text-amber-700" : "",
    },
    { id: "Critical", label: t("tiles.critical"), value: totals.critical, href: "/risk", tone: totals.critical > 0 ? "text-rose-700" : "" },
    {
      id: `Missed returns (${digest.missedReturns.days} d)`,
      label: t("tiles.missedReturns", { days: digest.missedReturns.days }),
      value: digest.missedReturns.count,
      href: "/returns?status=PENDING",
      tone: digest.missedReturns.count > 0 ? "text-rose-700" : "",
    },
  ];

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-xl font-semibold">{t("title")}</h1>
        <p className="text-sm text-slate-500">
          {t.rich("intro", {
            at: at(now, "UTC"),
            queue: (chunks) => (
              <Link className="underline" href="/risk">
                {chunks}
              </Link>
            ),
          })}
        </p>
      </div>

      <dl className="grid grid-cols-2 gap-3 md:grid-cols-5" data-testid="digest-totals">
        {tiles.map((tile) => (
          <Link key={tile.id} href={tile.href} className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm hover:border-slate-300">
            <dt className="text-xs font-medium tracking-wide text-slate-500 uppercase">{tile.label}</dt>
            <dd className={`mt-1 text-2xl font-semibold tabular-nums ${tile.tone ?? ""}`} data-total={tile.id}>
              {count(tile.value)}
            </dd>
          </Link>
        ))}
      </dl>

      <Card>
        <CardHeader title={t("urgent.title")} description={t("urgent.description", { shown: digest.urgent.length, open: totals.open })} />
        {digest.urgent.length === 0 ? (
          <EmptyState title={t("urgent.emptyTitle")}>{t("urgent.emptyBody")}</EmptyState>
        ) : (
          <ol className="divide-y divide-slate-100" data-testid="digest-urgent">
            {digest.urgent.map((item) => (
              <li key={item.key} className="flex flex-col gap-1 px-4 py-3 sm:flex-row sm:items-start sm:gap-3">
                <Badge tone={SEVERITY_TONE[item.severity]} className="self-start">
                  {tv(`severity.${item.severity}`)}
                </Badge>
                <div className="min-w-0 flex-1">
                  <p className="text-sm font-medium text-slate-900">
                    {ruleTitle(item.rule)}
                    {item.store ? <span className="font-normal text-slate-500"> · {item.store.name}</span> : null}
                    {item.order ? (
                      <>
                        {" · "}
                        <Link className="font-normal underline" href={`/orders/${item.order.id}`}>
                          {item.order.externalId}
                        </Link>
                      </>
                    ) : null}
                  </p>
                  <p className="text-sm text-slate-600">{item.reasonText}</p>
                </div>
                <p className={`shrink-0 text-sm tabular-nums ${item.overdue ? "font-medium text-rose-700" : "text-slate-600"}`}>
                  {item.dueAt
                    ? t(item.overdue ? "urgent.overdueSince" : "urgent.due", { at: at(item.dueAt, item.store?.timeZone ?? "UTC") })
                    : t("urgent.noDeadline")}
                </p>
              </li>
            ))}
          </ol>
        )}
      </Card>

      <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
        <Card>
          <CardHeader title={t("byRule")} />
          <ul className="divide-y divide-slate-100">
            {digest.rules.map((r) => (
              <li key={r.rule} className="flex items-center justify-between gap-3 px-4 py-2 text-sm">
                <Link className="min-w-0 truncate hover:underline" href={`/risk?rule=${encodeURIComponent(r.rule)}`}>
                  {r.title}
                </Link>
                <span className="shrink-0 text-slate-600 tabular-nums">{t("ruleCounts", { count: r.count, overdue: r.overdue, critical: r.critical })}</span>
              </li>
            ))}
          </ul>
        </Card>
        <Card>
          <CardHeader title={t("byStore")} />
          <ul className="divide-y divide-slate-100">
            {digest.stores.map((s) => (
              <li key={s.id} className="flex items-center justify-between gap-3 px-4 py-2 text-sm">
                <Link className="min-w-0 truncate hover:underline" href={`/risk?store=${encodeURIComponent(s.id)}`}>
                  {s.name}
                </Link>
                <span className="shrink-0 text-slate-600 tabular-nums">{t("storeCounts", { open: s.open, critical: s.critical })}</span>
              </li>
            ))}
          </ul>
        </Card>
      </div>

      <Card>
        <CardHeader title={t("send.title")} description={t("send.description")} />
        <div className="px-4 py-3">
          <CopySummary text={digestText(digest, queueUrl)} subject={t("send.subject", { organization: digest.organization })} />
        </div>
      </Card>
    </div>
  );
}
