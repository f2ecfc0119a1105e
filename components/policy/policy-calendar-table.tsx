import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import type { CalendarRow } from "@/lib/policy";
import { dateFormat } from "@/lib/format";

const CONFIDENCE = {
  seed: { label: "Seed brief", tone: "neutral" },
  official: { label: "Official", tone: "success" },
  press: { label: "Trade press", tone: "warning" },
  "3P": { label: "Third party", tone: "warning" },
} as const;

function formatDate(date: string | null): string {
  if (!date) return "Always (product check)";
  return dateFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }).format(new Date(`${date}T00:00:00Z`));
}

export function PolicyCalendarTable({ rows }: { rows: CalendarRow[] }) {
  return (
    <Card className="overflow-hidden">
      <div className="overflow-x-auto">
        <table className="min-w-full divide-y divide-slate-200 text-sm" aria-label="Policy calendar">
          <thead className="bg-slate-50 text-left text-xs font-semibold tracking-wide text-slate-500 uppercase">
            <tr>
              <th scope="col" className="px-4 py-2">
                Rule
              </th>
              <th scope="col" className="px-4 py-2">
                Effective
              </th>
              <th scope="col" className="px-4 py-2">
                Scope
              </th>
              <th scope="col" className="px-4 py-2">
                Threshold
              </th>
              <th scope="col" className="px-4 py-2">
                Source
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((row) => (
              <tr key={row.rule} className="align-top" data-rule={row.rule}>
                <td className="px-4 py-3">
                  <p className="font-medium text-slate-900">{row.title}</p>
                  <p className="font-mono text-xs text-slate-500">{row.rule}</p>
                  {row.note ? <p className="mt-1 max-w-md text-xs text-slate-500">{row.note}</p> : null}
                </td>
                <td className="px-4 py-3 whitespace-nowrap">
                  <p>{formatDate(row.effectiveFrom)}</p>
                  <Badge tone={row.status === "upcoming" ? "warning" : "success"} className="mt-1">
                    {row.status === "upcoming" ? "Upcoming" : "In force"}
                  </Badge>
                </td>
                <td className="px-4 py-3 text-slate-700">{row.scope}</td>
                <td className="px-4 py-3 text-slate-700">{row.threshold}</td>
                <td className="px-4 py-3">
                  <Badge tone={CONFIDENCE[row.confidence].tone}>{CONFIDENCE[row.confidence].label}</Badge>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Card>
  );
}
