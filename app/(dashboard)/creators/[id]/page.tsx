import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale } from "next-intl/server";
import { getTranslations } from "@/lib/i18n/server";
import { VideoForm } from "@/components/compliance/compliance-forms";
import { CreatorTimeline } from "@/components/compliance/creator-timeline";
import { FlagList } from "@/components/compliance/flag-list";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { requirePageUser } from "@/lib/auth";
import { getCreatorDetail } from "@/lib/data/compliance";
import { scopeOf } from "@/lib/data/scope";
import { formatInstant } from "@/lib/format";
import { dateLocale } from "@/lib/i18n/intl-locale";
import { idField } from "@/lib/validations/compliance";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("compliance.creator");
  return { title: t("title") };
}

export default async function CreatorPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser(["OWNER", "OPS"]);
  const id = idField.safeParse((await params).id);
  if (!id.success) notFound();
  const now = new Date();
  const detail = await getCreatorDetail(scopeOf(user), id.data, now);
  if (!detail) notFound();
  const { creator, quota, settings } = detail;
  const zone = creator.store.timeZone;
  const [t, tc, locale] = await Promise.all([getTranslations("compliance.creator"), getTranslations("compliance"), getLocale()]);
  const at = (instant: Date) => formatInstant(instant, zone, dateLocale(locale));
  const recent = [...detail.videos].reverse();
  return (
    <div className="space-y-6">
      <div>
        <Link href="/creators" className="text-xs font-medium text-slate-500 hover:text-slate-900">
          {t("back")}
        </Link>
        <h1 className="text-xl font-semibold">@{creator.handle}</h1>
        <p className="text-sm text-slate-500">{t("subtitle", { name: creator.displayName, store: creator.store.name, zone })}</p>
      </div>

      <div className="grid gap-4 sm:grid-cols-3">
        <Card className="p-4">
          <p className="text-xs tracking-wide text-slate-500 uppercase">{t("nonInteractive", { days: settings.windowDays })}</p>
          <p className="mt-1 text-2xl font-semibold tabular-nums" data-testid="non-interactive-count">
            {detail.nonInteractiveInWindow} <span className="text-base text-slate-400">/ {settings.nonInteractiveLimit}</span>
          </p>
        </Card>
        <Card className="p-4">
          <p className="text-xs tracking-wide text-slate-500 uppercase">{t("quota")}</p>
          {quota ? (
            <p className={`mt-1 text-2xl font-semibold tabular-nums ${quota.left === 0 ? "text-rose-700" : "text-amber-700"}`} data-testid="quota-left">
              {t.rich("quotaLeft", {
                left: quota.left,
                limit: quota.limit,
                muted: (chunks) => <span className="text-base text-slate-400">{chunks}</span>,
              })}
            </p>
          ) : (
            <p className="mt-1 text-2xl font-semibold text-emerald-700" data-testid="quota-left">
              {t("notRestricted")}
            </p>
          )}
        </Card>
        <Card className="p-4">
          <p className="text-xs tracking-wide text-slate-500 uppercase">{t("restrictionEnds")}</p>
          <p className="mt-1 text-lg font-semibold" data-testid="restriction-end">
            {quota ? at(quota.until) : "—"}
          </p>
        </Card>
      </div>

      <Card>
        <CardHeader title={t("timelineTitle")} description={t("timelineDescription", { back: settings.windowDays * 2, ahead: settings.restrictionDays })} />
        <CardBody className="pt-6">
          <CreatorTimeline detail={detail} now={now} />
        </CardBody>
      </Card>

      <div className="grid gap-4 lg:grid-cols-3">
        <Card className="lg:col-span-2">
          <CardHeader title={t("openFlags")} />
          <CardBody>
            <FlagList flags={detail.flags} empty={t("noRestrictions")} />
          </CardBody>
          <Table label={t("videos")}>
            <thead>
              <tr>
                <Th>{t("posted")}</Th>
                <Th>{t("videoTitle")}</Th>
                <Th>{t("kind")}</Th>
                <Th>{t("link")}</Th>
              </tr>
            </thead>
            <tbody>
              {recent.map((v) => (
                <tr key={v.id}>
                  <Td className="whitespace-nowrap">{at(v.postedAt)}</Td>
                  <Td>{v.title}</Td>
                  <Td>
                    <Badge tone={v.nonInteractive ? "warning" : "success"}>{tc(`videoStyle.${v.style}`)}</Badge>
                    {v.format !== "SHORT_VIDEO" ? <span className="ml-1 text-xs text-slate-500">{tc(`videoFormatCode.${v.format}`)}</span> : null}
                  </Td>
                  <Td>{v.linkDropped ? <Badge tone="critical">{t("dropped")}</Badge> : v.hasProductLink ? t("yes") : t("no")}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        </Card>
        <Card>
          <CardHeader title={t("recordTitle")} />
          <CardBody>
            <VideoForm creators={[]} fixedCreatorId={creator.id} />
          </CardBody>
        </Card>
      </div>
    </div>
  );
}
