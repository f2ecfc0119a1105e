import type { Metadata } from "next";
import Link from "next/link";
import { getLocale } from "next-intl/server";
import { getTranslations } from "@/lib/i18n/server";
import { CreatorForm, VideoForm } from "@/components/compliance/compliance-forms";
import { CsvImportForm } from "@/components/compliance/csv-import-form";
import { SeverityBadge } from "@/components/compliance/flag-list";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, Td, Th } from "@/components/ui/table";
import { requirePageUser } from "@/lib/auth";
import { type CreatorSummary, getCreatorsPage, getTikTokStores } from "@/lib/data/compliance";
import { CreatorsPager } from "@/components/compliance/creators-pager";
import { pageParam } from "@/lib/validations/page";
import { scopeOf } from "@/lib/data/scope";
import { VIDEO_CSV_COLUMNS } from "@/lib/compliance/columns";
import { getPolicySettings } from "@/lib/data/policy-settings";
import { formatFlagReason } from "@/lib/i18n/flag-reason";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("compliance.creators");
  return { title: t("title") };
}

export default async function CreatorsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser(["OWNER", "OPS"]);
  const scope = scopeOf(user);
  const now = new Date();
  const page = pageParam((await searchParams).page);
  // One page of creators (CREATORS_PAGE_SIZE): the list, and the video form's choices, stay
  // bounded; every creator's own page records videos for them too.
  const [list, stores, settings, t] = await Promise.all([
    getCreatorsPage(scope, now, page),
    user.role === "OWNER" ? getTikTokStores(scope) : Promise.resolve([]),
    getPolicySettings(scope),
    getTranslations("compliance.creators"),
  ]);
  const c = settings.content;
  const { creators } = list;
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-xl font-semibold">{t("title")}</h1>
        <p className="text-sm text-slate-500">
          {t("intro", { limit: c.nonInteractiveLimit, windowDays: c.windowDays, restrictionDays: c.restrictionDays, quota: c.restrictedLinkQuota })}
        </p>
      </div>
      <CreatorList creators={creators} limit={c.nonInteractiveLimit} />
      <CreatorsPager list={list} />
      <div className="grid items-start gap-4 lg:grid-cols-3">
        {creators.length ? (
          <Card>
            <CardHeader title={t("recordTitle")} description={t("recordDescription")} />
            <CardBody>
              <VideoForm creators={creators.map((x) => ({ id: x.id, handle: x.handle }))} />
            </CardBody>
          </Card>
        ) : null}
        <Card>
          <CardHeader title={t("importTitle")} description={t("importDescription")} />
          <CardBody>
            <CsvImportForm id="videos" endpoint="/api/compliance/videos/import" columns={VIDEO_CSV_COLUMNS.join(", ")} />
          </CardBody>
        </Card>
        {user.role === "OWNER" && stores.length ? (
          <Card>
            <CardHeader title={t("addTitle")} />
            <CardBody>
              <CreatorForm stores={stores} />
            </CardBody>
          </Card>
        ) : null}
      </div>
    </div>
  );
}

type CreatorsT = Awaited<ReturnType<typeof getTranslations<"compliance.creators">>>;
const CONTENT_RULES = ["near_limit", "restricted", "links_dropped"] as const;

/** "near limit", "restricted", "links dropped": a content rule's short name. */
function ruleShort(t: CreatorsT, rule: string): string {
  const key = CONTENT_RULES.find((k) => rule === `content.${k}`);
  return key ? t(`ruleShort.${key}`) : rule.replace("content.", "").replace("_", " ");
}

async function CreatorList({ creators, limit }: { creators: CreatorSummary[]; limit: number }) {
  const [t, locale] = await Promise.all([getTranslations("compliance.creators"), getLocale()]);
  if (creators.length === 0) return <EmptyState title={t("emptyTitle")}>{t("emptyBody")}</EmptyState>;
  return (
    <Card>
      <Table label={t("title")}>
        <thead>
          <tr>
            <Th>{t("creator")}</Th>
            <Th>{t("store")}</Th>
            <Th className="text-right">{t("nonInteractive")}</Th>
            <Th className="text-right">{t("shopVideos")}</Th>
            <Th>{t("status")}</Th>
          </tr>
        </thead>
        <tbody>
          {creators.map((c) => (
            <tr key={c.id} data-testid={`creator-${c.handle}`}>
              <Td>
                <Link href={`/creators/${c.id}`} className="font-medium text-slate-900 underline-offset-2 hover:underline">
                  @{c.handle}
                </Link>
                <div className="text-xs text-slate-500">{c.displayName}</div>
              </Td>
              <Td>{c.store.name}</Td>
              <Td className="text-right tabular-nums">
                <span className={c.nonInteractive7d >= limit - 1 ? "font-semibold text-amber-700" : undefined}>{c.nonInteractive7d}</span>
                <span className="text-slate-400"> / {limit}</span>
              </Td>
              <Td className="text-right tabular-nums">{c.shopVideos7d}</Td>
              <Td>
                <div className="flex flex-wrap gap-1">
                  {c.flags.length === 0 ? <Badge tone="success">{t("ok")}</Badge> : null}
                  {c.flags.map((f) => (
                    <span key={f.rule} className="inline-flex items-center gap-1" title={formatFlagReason(f, locale)} data-rule={f.rule}>
                      <SeverityBadge severity={f.severity} />
                      <span className="text-xs text-slate-600">{ruleShort(t, f.rule)}</span>
                    </span>
                  ))}
                </div>
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </Card>
  );
}
