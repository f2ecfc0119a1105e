import Link from "next/link";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import type { UpcomingRule } from "@/lib/data/policy-impact";
import { dateFormat, formatCount } from "@/lib/format";

/** Rules and 2026 updates taking effect in the next 30 days, with what of yours they hit. */
export function UpcomingRules({ rules }: { rules: UpcomingRule[] }) {
  return (
    <Card data-testid="upcoming-rules">
      <CardHeader
        title="Rules taking effect in the next 30 days"
        description={
          <Link className="underline" href="/policy">
            Policy calendar →
          </Link>
        }
      />
      <CardBody>
        {rules.length === 0 ? (
          <p className="text-sm text-slate-500">No rule changes in the next 30 days.</p>
        ) : (
          <ul className="space-y-2 text-sm">
            {rules.map((r) => (
              <li key={r.id}>
                <span className="font-medium text-slate-900">
                  {dateFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }).format(new Date(`${r.effectiveFrom}T00:00:00Z`))}
                </span>{" "}
                · {r.title}
                {r.orders || r.stores ? (
                  <span className="text-slate-500">
                    {" "}
                    — {r.orders ? `${formatCount(r.orders)} open orders` : `${formatCount(r.stores)} stores`}
                    {r.href ? (
                      <>
                        {" "}
                        <Link className="underline" href={r.href}>
                          Open
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
