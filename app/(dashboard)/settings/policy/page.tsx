import type { Metadata } from "next";
import Link from "next/link";
import { getLocale } from "next-intl/server";
import { getTranslations } from "@/lib/i18n/server";
import { PolicySettingsForm } from "@/components/policy/policy-settings-form";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { requirePageUser } from "@/lib/auth";
import { getPolicySettingsView } from "@/lib/data/policy-settings";
import { scopeOf } from "@/lib/data/scope";
import { formatInstant } from "@/lib/format";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("policy.settings"))("title") };
}

/** Owners set every threshold and effective date of the calendar; each change is audited and re-evaluates open orders. */
export default async function PolicySettingsPage() {
  const user = await requirePageUser(["OWNER"]);
  const [t, locale] = await Promise.all([getTranslations("policy.settings"), getLocale()]);
  const view = await getPolicySettingsView(scopeOf(user), locale);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-xl font-semibold">{t("title")}</h1>
        <p className="text-sm text-slate-500">
          {t.rich("intro", {
            audit: (chunks) => (
              <Link className="underline" href="/audit?entity=PolicySettings">
                {chunks}
              </Link>
            ),
            calendar: (chunks) => (
              <Link className="underline" href="/policy">
                {chunks}
              </Link>
            ),
          })}
        </p>
      </div>
      {view.problems.length ? (
        <div role="alert" className="rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
          {t("problems", { problems: view.problems.join("; ") })}
        </div>
      ) : null}
      <PolicySettingsForm fields={view.fields} />
      <Card>
        <CardHeader title={t("historyTitle")} description={t("historyDescription")} />
        <CardBody>
          {view.history.length === 0 ? (
            <p className="text-sm text-slate-500">{t("historyEmpty")}</p>
          ) : (
            <ul className="space-y-2 text-sm" data-testid="policy-settings-history">
              {view.history.map((h) => (
                <li key={h.id}>
                  <span className="text-slate-500">{formatInstant(h.at, "UTC", locale === "en" ? "en-GB" : locale)}</span> · {h.actor}:{" "}
                  {Object.entries(h.changed)
                    .map(([k, v]) => t("historyChange", { setting: k, before: String(v.before ?? t("default")), after: String(v.after ?? t("default")) }))
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
