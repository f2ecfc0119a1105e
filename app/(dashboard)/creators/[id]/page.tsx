import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { VideoForm } from "@/components/compliance/compliance-forms";
import { CreatorTimeline } from "@/components/compliance/creator-timeline";
import { FlagList } from "@/components/compliance/flag-list";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { requirePageUser } from "@/lib/auth";
import { VIDEO_STYLE_LABEL } from "@/lib/compliance/ledger";
import { getCreatorDetail } from "@/lib/data/compliance";
import { scopeOf } from "@/lib/data/scope";
import { formatInstant } from "@/lib/format";
import { idField } from "@/lib/validations/compliance";

export const metadata: Metadata = { title: "Creator" };

export default async function CreatorPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser(["OWNER", "OPS"]);
  const id = idField.safeParse((await params).id);
  if (!id.success) notFound();
  const now = new Date();
  const detail = await getCreatorDetail(scopeOf(user), id.data, now);
  if (!detail) notFound();
  const { creator, quota, settings } = detail;
  const zone = creator.store.timeZone;
  const recent = [...detail.videos].reverse();
  return (
    <div className="space-y-6">
      <div>
        <Link href="/creators" className="text-xs font-medium text-slate-500 hover:text-slate-900">
          ← Creators
        </Link>
        <h1 className="text-xl font-semibold">@{creator.handle}</h1>
        <p className="text-sm text-slate-500">
          {creator.displayName} · {creator.store.name} · times in {zone}
        </p>
      </div>

      <div className="grid gap-4 sm:grid-cols-3">
        <Card className="p-4">
          <p className="text-xs tracking-wide text-slate-500 uppercase">Non-interactive in the last {settings.windowDays} days</p>
          <p className="mt-1 text-2xl font-semibold tabular-nums" data-testid="non-interactive-count">
            {detail.nonInteractiveInWindow} <span className="text-base text-slate-400">/ {settings.nonInteractiveLimit}</span>
          </p>
        </Card>
        <Card className="p-4">
          <p className="text-xs tracking-wide text-slate-500 uppercase">Link quota</p>
          {quota ? (
            <p className={`mt-1 text-2xl font-semibold tabular-nums ${quota.left === 0 ? "text-rose-700" : "text-amber-700"}`} data-testid="quota-left">
              {quota.left} <span className="text-base text-slate-400">of {quota.limit} left</span>
            </p>
          ) : (
            <p className="mt-1 text-2xl font-semibold text-emerald-700" data-testid="quota-left">
              Not restricted
            </p>
          )}
        </Card>
        <Card className="p-4">
          <p className="text-xs tracking-wide text-slate-500 uppercase">Restriction ends</p>
          <p className="mt-1 text-lg font-semibold" data-testid="restriction-end">
            {quota ? formatInstant(quota.until, zone) : "—"}
          </p>
        </Card>
      </div>

      <Card>
        <CardHeader
          title="Timeline"
          description={`${settings.windowDays * 2} days back and the ${settings.restrictionDays} days ahead; the white band is the rolling window`}
        />
        <CardBody className="pt-6">
          <CreatorTimeline detail={detail} now={now} />
        </CardBody>
      </Card>

      <div className="grid gap-4 lg:grid-cols-3">
        <Card className="lg:col-span-2">
          <CardHeader title="Open flags" />
          <CardBody>
            <FlagList flags={detail.flags} empty="No content restrictions." />
          </CardBody>
          <Table label="Videos">
            <thead>
              <tr>
                <Th>Posted</Th>
                <Th>Title</Th>
                <Th>Kind</Th>
                <Th>Link</Th>
              </tr>
            </thead>
            <tbody>
              {recent.map((v) => (
                <tr key={v.id}>
                  <Td className="whitespace-nowrap">{formatInstant(v.postedAt, zone)}</Td>
                  <Td>{v.title}</Td>
                  <Td>
                    <Badge tone={v.nonInteractive ? "warning" : "success"}>{VIDEO_STYLE_LABEL[v.style]}</Badge>
                    {v.format !== "SHORT_VIDEO" ? <span className="ml-1 text-xs text-slate-500">{v.format}</span> : null}
                  </Td>
                  <Td>{v.linkDropped ? <Badge tone="critical">dropped</Badge> : v.hasProductLink ? "yes" : "no"}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        </Card>
        <Card>
          <CardHeader title="Record a video" />
          <CardBody>
            <VideoForm creators={[]} fixedCreatorId={creator.id} />
          </CardBody>
        </Card>
      </div>
    </div>
  );
}
