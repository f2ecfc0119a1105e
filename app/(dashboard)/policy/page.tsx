import type { Metadata } from "next";
import { PolicyCalendarTable } from "@/components/policy/policy-calendar-table";
import { requirePageUser } from "@/lib/auth";
import { db } from "@/lib/db";
import { listCalendar, mergeSettings, type PolicySettingsOverrides } from "@/lib/policy";

export const metadata: Metadata = { title: "Policy calendar" };

export default async function PolicyPage() {
  const user = await requirePageUser(["OWNER", "OPS"]);
  const org = await db.organization.findUniqueOrThrow({ where: { id: user.organizationId }, select: { policy: true } });
  const rows = listCalendar(new Date(), mergeSettings(org.policy as PolicySettingsOverrides));
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-xl font-semibold">Policy calendar</h1>
        <p className="text-sm text-slate-500">
          TikTok Shop&apos;s 2026 rules as the dashboard enforces them. An order is judged by the rules in force on the day it was placed; rules about to take
          effect are listed first.
        </p>
      </div>
      <PolicyCalendarTable rows={rows} />
    </div>
  );
}
