import type { Metadata } from "next";
import Link from "next/link";
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

export const metadata: Metadata = { title: "Creators" };

export default async function CreatorsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser(["OWNER", "OPS"]);
  const scope = scopeOf(user);
  const now = new Date();
  const page = pageParam((await searchParams).page);
  // One page of creators (CREATORS_PAGE_SIZE): the list, and the video form's choices, stay
  // bounded; every creator's own page records videos for them too.
  const [list, stores, settings] = await Promise.all([
    getCreatorsPage(scope, now, page),
    user.role === "OWNER" ? getTikTokStores(scope) : Promise.resolve([]),
    getPolicySettings(scope),
  ]);
  const c = settings.content;
  const { creators } = list;
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-xl font-semibold">Creators</h1>
        <p className="text-sm text-slate-500">
          {c.nonInteractiveLimit} or more non-interactive shop videos in any {c.windowDays} days restrict a creator&apos;s product links for {c.restrictionDays}{" "}
          days (at most {c.restrictedLinkQuota} linked videos).
        </p>
      </div>
      <CreatorList creators={creators} limit={c.nonInteractiveLimit} />
      <CreatorsPager list={list} />
      <div className="grid items-start gap-4 lg:grid-cols-3">
        {creators.length ? (
          <Card>
            <CardHeader title="Record a video" description="Daily log: owner or ops." />
            <CardBody>
              <VideoForm creators={creators.map((x) => ({ id: x.id, handle: x.handle }))} />
            </CardBody>
          </Card>
        ) : null}
        <Card>
          <CardHeader title="Import videos from CSV" description="Valid rows are saved; the others come back with their line and column." />
          <CardBody>
            <CsvImportForm id="videos" endpoint="/api/compliance/videos/import" columns={VIDEO_CSV_COLUMNS.join(", ")} />
          </CardBody>
        </Card>
        {user.role === "OWNER" && stores.length ? (
          <Card>
            <CardHeader title="Add a creator" />
            <CardBody>
              <CreatorForm stores={stores} />
            </CardBody>
          </Card>
        ) : null}
      </div>
    </div>
  );
}

function CreatorList({ creators, limit }: { creators: CreatorSummary[]; limit: number }) {
  if (creators.length === 0) return <EmptyState title="No creators yet">Add the creators who post shop videos for your stores.</EmptyState>;
  return (
    <Card>
      <Table label="Creators">
        <thead>
          <tr>
            <Th>Creator</Th>
            <Th>Store</Th>
            <Th className="text-right">Non-interactive (7 d)</Th>
            <Th className="text-right">Shop videos (7 d)</Th>
            <Th>Status</Th>
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
                  {c.flags.length === 0 ? <Badge tone="success">ok</Badge> : null}
                  {c.flags.map((f) => (
                    <span key={f.rule} className="inline-flex items-center gap-1" title={f.reason} data-rule={f.rule}>
                      <SeverityBadge severity={f.severity} />
                      <span className="text-xs text-slate-600">{f.rule.replace("content.", "").replace("_", " ")}</span>
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
