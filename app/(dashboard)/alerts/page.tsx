import type { Metadata } from "next";
import Link from "next/link";
import { getLocale } from "next-intl/server";
import { getTranslations } from "@/lib/i18n/server";
import { DeliveryLog } from "@/components/alerts/delivery-log";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { emailIsSent } from "@/lib/alerts/config";
import { requirePageUser } from "@/lib/auth";
import { countDeliveries, getAccountSettings, getAlertChannels, getDeliveryLog } from "@/lib/data/alerts";
import { scopeOf } from "@/lib/data/scope";
import { formatInstant } from "@/lib/format";
import { dateLocale } from "@/lib/i18n/intl-locale";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("alerts");
  return { title: t("title") };
}
export const dynamic = "force-dynamic";

const PAGE = 25;
const MORE = 200;

export default async function AlertsPage({ searchParams }: { searchParams: Promise<{ more?: string }> }) {
  const user = await requirePageUser();
  const more = (await searchParams).more === "1";
  const viewer = { ...scopeOf(user), userId: user.id };
  const owner = user.role === "OWNER";
  const sending = emailIsSent();
  const [account, rows, counts, channels, stored] = await Promise.all([
    getAccountSettings(user.id),
    getDeliveryLog(viewer, { limit: more ? MORE : PAGE }),
    countDeliveries(viewer),
    owner ? getAlertChannels(user.organizationId) : Promise.resolve([]),
    sending ? Promise.resolve([]) : getDeliveryLog(viewer, { status: "STORED", limit: 3 }),
  ]);
  const [t, locale] = await Promise.all([getTranslations("alerts"), getLocale()]);
  const broken = channels.filter((c) => c.brokenAt);
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-xl font-semibold">{t("title")}</h1>
          <p className="text-sm text-slate-500">{t(owner ? "introOwner" : "introOther", { zone: account.timeZone })}</p>
        </div>
        <div className="flex gap-2">
          <Link href="/account" className={buttonClasses("secondary")}>
            {t("preferences")}
          </Link>
          {owner ? (
            <Link href="/alerts/settings" className={buttonClasses("primary")}>
              {t("settingsLink")}
            </Link>
          ) : null}
        </div>
      </div>

      {!sending ? (
        <div role="status" className="rounded-xl border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900" data-testid="smtp-missing">
          <p className="font-semibold">{t("smtpTitle")}</p>
          <p className="mt-1">{t.rich("smtpBody", { stored: counts.STORED, code: (chunks) => <code>{chunks}</code> })}</p>
        </div>
      ) : null}

      {broken.length ? (
        <div role="alert" className="rounded-xl border border-rose-300 bg-rose-50 px-4 py-3 text-sm text-rose-900" data-testid="broken-channels">
          <p className="font-semibold">{t("brokenTitle", { count: broken.length })}</p>
          <ul className="mt-1 space-y-0.5">
            {broken.map((c) => (
              <li key={c.id}>
                {t.rich("brokenLine", {
                  name: c.name,
                  reason: c.brokenReason ?? "",
                  since: formatInstant(c.brokenAt as Date, account.timeZone, dateLocale(locale)),
                  b: (chunks) => <span className="font-medium">{chunks}</span>,
                  link: (chunks) => (
                    <Link href="/alerts/settings" className="underline">
                      {chunks}
                    </Link>
                  ),
                })}
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      <div className="flex flex-wrap gap-2" aria-label={t("byState")}>
        <Badge tone="success">{t("countSent", { count: counts.SENT })}</Badge>
        {counts.STORED ? <Badge tone="warning">{t("countStored", { count: counts.STORED })}</Badge> : null}
        <Badge tone="info">{t("countHeld", { count: counts.HELD })}</Badge>
        <Badge tone="critical">{t("countFailing", { count: counts.FAILED })}</Badge>
        <Badge tone="critical">{t("countUndeliverable", { count: counts.UNDELIVERABLE })}</Badge>
      </div>

      {!sending && stored.length ? (
        <Card>
          <CardHeader title={t("storedTitle")} description={t("storedDescription")} />
          <CardBody className="p-0">
            <DeliveryLog rows={stored} timeZone={account.timeZone} showRecipient />
          </CardBody>
        </Card>
      ) : null}

      <Card>
        <CardHeader
          title={t("logTitle")}
          description={t("logDescription", { count: more ? MORE : PAGE })}
          action={
            !more && rows.length === PAGE ? (
              <Link href="/alerts?more=1" className="text-sm text-teal-700 hover:underline">
                {t("showMore", { count: MORE })}
              </Link>
            ) : null
          }
        />
        {rows.length ? (
          <DeliveryLog rows={rows} timeZone={account.timeZone} showRecipient={owner} />
        ) : (
          <CardBody>
            <EmptyState title={t("emptyTitle")}>{owner ? t("emptyBodyOwner") : t("emptyBody")}</EmptyState>
          </CardBody>
        )}
      </Card>
    </div>
  );
}
