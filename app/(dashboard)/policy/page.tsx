import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "@/lib/i18n/server";
import { PolicyCalendarTable } from "@/components/policy/policy-calendar-table";
import { PolicyChangesTable } from "@/components/policy/policy-changes-table";
import { requirePageUser } from "@/lib/auth";
import { cachedRead } from "@/lib/data/cache";
import { getPolicyChanges } from "@/lib/data/policy-impact";
import { scopeOf } from "@/lib/data/scope";
import { getPolicySettings } from "@/lib/data/policy-settings";
import { listCalendar, localDateOf } from "@/lib/policy";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("policy.calendar"))("title") };
}

export default async function PolicyPage() {
  const user = await requirePageUser(["OWNER", "OPS"]);
  const now = new Date();
  const scope = scopeOf(user);
  // Whom each change hits: scans of the open orders (seconds at a million), from the short cache
  // (forgotten when the organisation's policy settings change).
  const [settings, changes] = await Promise.all([
    getPolicySettings(scope),
    cachedRead(`policy-changes:${scope.organizationId}:${scope.supplierId ?? "-"}:${localDateOf("US", now)}`, () => getPolicyChanges(scope, now)),
  ]);
  const rows = listCalendar(now, settings);
  const t = await getTranslations("policy.calendar");
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-xl font-semibold">{t("title")}</h1>
        <p className="text-sm text-slate-500">
          {user.role === "OWNER"
            ? t.rich("introOwner", {
                link: (chunks) => (
                  <Link className="underline" href="/settings/policy">
                    {chunks}
                  </Link>
                ),
              })
            : t("intro")}
        </p>
      </div>
      <PolicyChangesTable rows={changes} />
      <PolicyCalendarTable rows={rows} />
    </div>
  );
}
