import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import type { ChangeImpactRow } from "@/lib/data/policy-impact";
import { dateFormat, formatCount } from "@/lib/format";

const CONFIDENCE = {
  seed: { label: "Seed brief", tone: "neutral" },
  official: { label: "Official", tone: "success" },
  press: { label: "Trade press", tone: "warning" },
  "3P": { label: "Third party", tone: "warning" },
} as const;

const KIND = {
  new_rule: "New rule",
  changed_threshold: "Changed threshold",
  changed_metric: "Changed metric",
  withdrawn: "Announced, then withdrawn",
  information: "Information",
} as const;

const STATUS = {
  in_force: { label: "In force", tone: "success" },
  upcoming: { label: "Effective date ahead", tone: "warning" },
  withdrawn: { label: "Withdrawn", tone: "neutral" },
} as const;

/** "2 Mar 2026": dates here always carry their year (they span several). */
function day(date: string | null): string {
  if (!date) return "—";
  return dateFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }).format(new Date(`${date}T00:00:00Z`));
}

function Hits({ row }: { row: ChangeImpactRow }) {
  const { impact } = row;
  const parts = [
    impact.orders
      ? `${formatCount(impact.orders)} open ${row.source === "update" && row.id === "returns.response_window_business_days" ? "returns" : "orders"}`
      : null,
    impact.stores ? `${formatCount(impact.stores)} stores` : null,
    impact.creators ? `${formatCount(impact.creators)} creators` : null,
    impact.skus ? `${formatCount(impact.skus)} SKUs` : null,
  ].filter(Boolean);
  if (row.status === "withdrawn") return <span className="text-slate-500">Nobody: keep your logistics as they are.</span>;
  if (parts.length === 0) return <span className="text-slate-500">Nothing of yours today</span>;
  return (
    <span>
      {parts.join(" · ")}
      {impact.href ? (
        <>
          {" "}
          <Link className="whitespace-nowrap underline" href={impact.href}>
            Open →
          </Link>
        </>
      ) : null}
    </span>
  );
}

/** The calendar's changes, newest first: what changed, when, from which source, and whom it hits today. */
export function PolicyChangesTable({ rows }: { rows: ChangeImpactRow[] }) {
  return (
    <Card className="overflow-hidden">
      <CardHeader
        title="What changed, and whom it hits"
        description="The 2026 updates and rules with an effective date ahead, newest first. Counts are of your data today."
      />
      <div className="overflow-x-auto">
        <table className="min-w-full divide-y divide-slate-200 text-sm" aria-label="Policy changes">
          <thead className="bg-slate-50 text-left text-xs font-semibold tracking-wide text-slate-500 uppercase">
            <tr>
              <th scope="col" className="px-4 py-2">
                Change
              </th>
              <th scope="col" className="px-4 py-2">
                Effective
              </th>
              <th scope="col" className="px-4 py-2">
                Version
              </th>
              <th scope="col" className="px-4 py-2">
                Source
              </th>
              <th scope="col" className="px-4 py-2">
                Hits today
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((row) => (
              <tr key={`${row.source}:${row.id}`} className="align-top" data-change={row.id} data-status={row.status}>
                <td className="px-4 py-3">
                  <p className="font-medium text-slate-900">{row.title}</p>
                  <p className="text-xs text-slate-500">
                    {KIND[row.kind]} · <span className="font-mono">{row.id}</span>
                  </p>
                  {row.source === "update" ? (
                    <p className="mt-1 max-w-xl text-xs text-slate-600">{row.summary}</p>
                  ) : row.note ? (
                    <p className="mt-1 max-w-xl text-xs text-slate-600">{row.note}</p>
                  ) : null}
                </td>
                <td className="px-4 py-3 whitespace-nowrap">
                  <p>{row.source === "update" && row.effectiveText && !row.effectiveFrom ? row.effectiveText : day(row.effectiveFrom)}</p>
                  {row.source === "update" && row.effectiveText && row.effectiveFrom ? <p className="text-xs text-slate-500">{row.effectiveText}</p> : null}
                  {row.source === "update" && row.defaultEffectiveFrom !== row.effectiveFrom ? (
                    <p className="text-xs text-sky-700">Your setting (default {day(row.defaultEffectiveFrom)})</p>
                  ) : null}
                  <Badge tone={STATUS[row.status].tone} className="mt-1">
                    {STATUS[row.status].label}
                  </Badge>
                </td>
                <td className="px-4 py-3 whitespace-nowrap text-slate-700">{row.source === "update" ? day(row.versionDate) : "—"}</td>
                <td className="px-4 py-3">
                  <Badge tone={CONFIDENCE[row.confidence].tone}>{CONFIDENCE[row.confidence].label}</Badge>
                  {row.source === "update" ? <p className="mt-1 max-w-xs text-xs break-words text-slate-500">{row.sources.join("; ")}</p> : null}
                </td>
                <td className="px-4 py-3 text-slate-700" data-testid="change-hits">
                  <Hits row={row} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Card>
  );
}
