import type { Metadata } from "next";
import Link from "next/link";
import { PolicySettingsForm } from "@/components/policy/policy-settings-form";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { requirePageUser } from "@/lib/auth";
import { getPolicySettingsView } from "@/lib/data/policy-settings";
import { scopeOf } from "@/lib/data/scope";
import { formatInstant } from "@/lib/format";

export const metadata: Metadata = { title: "Policy settings" };

/** Owners set every threshold and effective date of the calendar; each change is audited and re-evaluates open orders. */
export default async function PolicySettingsPage() {
  const user = await requirePageUser(["OWNER"]);
  const view = await getPolicySettingsView(scopeOf(user));
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-xl font-semibold">Policy settings</h1>
        <p className="text-sm text-slate-500">
          The thresholds and effective dates the dashboard judges your orders by. Each shows its default and where it comes from; a change applies at once to
          the risk queue, countdowns, exposure and digest, re-evaluates your open orders, and is recorded in the{" "}
          <Link className="underline" href="/audit?entity=PolicySettings">
            audit log
          </Link>
          . See the{" "}
          <Link className="underline" href="/policy">
            policy calendar
          </Link>{" "}
          for what each rule does.
        </p>
      </div>
      {view.problems.length ? (
        <div role="alert" className="rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
          Some stored settings were out of bounds and are ignored (the default applies): {view.problems.join("; ")}. Save the form to replace them.
        </div>
      ) : null}
      <PolicySettingsForm fields={view.fields} />
      <Card>
        <CardHeader title="Recent changes" description="From the audit log: who changed which setting, before → after" />
        <CardBody>
          {view.history.length === 0 ? (
            <p className="text-sm text-slate-500">No change yet: every setting is at its default.</p>
          ) : (
            <ul className="space-y-2 text-sm" data-testid="policy-settings-history">
              {view.history.map((h) => (
                <li key={h.id}>
                  <span className="text-slate-500">{formatInstant(h.at, "UTC")}</span> · {h.actor}:{" "}
                  {Object.entries(h.changed)
                    .map(([k, v]) => `${k} ${v.before ?? "default"} → ${v.after ?? "default"}`)
                    .join("; ")}
                </li>
              ))}
            </ul>
          )}
        </CardBody>
      </Card>
    </div>
  );
}
