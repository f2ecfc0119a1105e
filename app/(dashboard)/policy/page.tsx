import type { Metadata } from "next";
import Link from "next/link";
import { PolicyCalendarTable } from "@/components/policy/policy-calendar-table";
import { PolicyChangesTable } from "@/components/policy/policy-changes-table";
import { requirePageUser } from "@/lib/auth";
import { getPolicyChanges } from "@/lib/data/policy-impact";
import { scopeOf } from "@/lib/data/scope";
import { getPolicySettings } from "@/lib/data/policy-settings";
import { listCalendar } from "@/lib/policy";

export const metadata: Metadata = { title: "Policy calendar" };

export default async function PolicyPage() {
  const user = await requirePageUser(["OWNER", "OPS"]);
  const now = new Date();
  const scope = scopeOf(user);
  const [settings, changes] = await Promise.all([getPolicySettings(scope), getPolicyChanges(scope, now)]);
  const rows = listCalendar(now, settings);
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-xl font-semibold">Policy calendar</h1>
        <p className="text-sm text-slate-500">
          TikTok Shop&apos;s 2026 rules as the dashboard enforces them. An order is judged by the rules in force on the day it was placed; rules about to take
          effect are listed first.
          {user.role === "OWNER" ? (
            <>
              {" "}
              Thresholds and dates are yours to set in{" "}
              <Link className="underline" href="/settings/policy">
                policy settings
              </Link>
              .
            </>
          ) : null}
        </p>
      </div>
      <PolicyChangesTable rows={changes} />
      <PolicyCalendarTable rows={rows} />
    </div>
  );
}
