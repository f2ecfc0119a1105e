import type { Metadata } from "next";
import Link from "next/link";
import { getLocale } from "next-intl/server";
import { getTranslations } from "@/lib/i18n/server";
import { ChannelForm, DeleteButton } from "@/components/alerts/channel-forms";
import { RuleForm, type RuleFormOptions } from "@/components/alerts/rule-form";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { dispatchLeadHours } from "@/lib/alerts/lead-times";
import { requirePageUser } from "@/lib/auth";
import { getAlertChannels, getAlertRules } from "@/lib/data/alerts";
import { getPolicySettings } from "@/lib/data/policy-settings";
import { scopeOf } from "@/lib/data/scope";
import { listStoreOptions } from "@/lib/data/stores";
import { listActiveUserOptions } from "@/lib/data/users";
import { ruleTitleIn } from "@/lib/i18n/policy-text";
import { RULE_IDS } from "@/lib/policy";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("alerts.settings");
  return { title: t("title") };
}
export const dynamic = "force-dynamic";

export default async function AlertSettingsPage() {
  const user = await requirePageUser(["OWNER"]);
  const org = user.organizationId;
  const scope = scopeOf(user);
  const [settings, channels, rules, stores, users] = await Promise.all([
    getPolicySettings(scope),
    getAlertChannels(org),
    getAlertRules(org),
    listStoreOptions(scope),
    listActiveUserOptions(scope),
  ]);
  const [t, ta, locale] = await Promise.all([getTranslations("alerts.settings"), getTranslations("alerts"), getLocale()]);
  const kind = (k: "EMAIL" | "SLACK" | "WEBHOOK") => ta(`kind.${k}`);
  const leads = dispatchLeadHours(settings);
  const options: RuleFormOptions = {
    rules: RULE_IDS.map((id) => ({ value: id, label: ruleTitleIn(id, locale) })),
    stores: stores.map((s) => ({ value: s.id, label: s.name })),
    users: users.map((u) => ({ value: u.id, label: `${u.name} (${u.email})` })),
    channels: channels.map((c) => ({ value: c.id, label: `${c.name} (${kind(c.kind)})` })),
    defaultLeads: leads.join(", "),
  };
  const names = new Map([
    ...users.map((u) => [u.id, u.name] as const),
    ...channels.map((c) => [c.id, c.name] as const),
    ...stores.map((s) => [s.id, s.name] as const),
  ]);
  return (
    <div className="space-y-4">
      <div>
        <Link href="/alerts" className="text-sm text-teal-700 hover:underline">
          {ta("message.back")}
        </Link>
        <h1 className="mt-1 text-xl font-semibold">{t("title")}</h1>
        <p className="text-sm text-slate-500">{t("intro")}</p>
      </div>

      <Card>
        <CardHeader title={t("whenTitle")} description={t("whenDescription")} />
        <CardBody className="space-y-1 text-sm text-slate-700" data-testid="lead-times">
          <p>
            {t.rich("whenDispatch", {
              leads: leads.map((h) => t("hours", { hours: h })).join(", "),
              dueSoon: settings.dispatch.dueSoonHours,
              critical: settings.dispatch.criticalHours,
              strong: (chunks) => <strong>{chunks}</strong>,
            })}
          </p>
          <p>{t("whenReturns", { hours: settings.returns.responseHours })}</p>
          <p>{t("whenEvents")}</p>
          <p className="text-xs text-slate-500">{t("whenOnce")}</p>
        </CardBody>
      </Card>

      <Card>
        <CardHeader title={t("rulesTitle")} description={t("rulesDescription")} />
        <ul className="divide-y divide-slate-100">
          {rules.map((r) => (
            <li key={r.id} className="space-y-2 px-4 py-3" data-testid="alert-rule">
              <div className="flex flex-wrap items-start justify-between gap-2">
                <div className="min-w-0">
                  <p className="font-medium">
                    {r.name} {!r.active ? <Badge>{t("paused")}</Badge> : null}
                  </p>
                  <p className="text-xs text-slate-500">
                    {r.severities.length ? r.severities.map((x) => t(`severity.${x}`)).join(", ") : t("anySeverity")} ·{" "}
                    {r.rules.length ? r.rules.map((x) => ruleTitleIn(x, locale)).join("; ") : t("anyRule")}
                    {r.storeIds.length ? ` · ${r.storeIds.map((s) => names.get(s) ?? t("removedStore")).join(", ")}` : ""}
                  </p>
                  <p className="text-xs text-slate-500">
                    {t("to", {
                      recipients:
                        [
                          ...r.recipientRoles.map((x) => t(`allRole.${x}`)),
                          ...r.recipientUserIds.map((u) => names.get(u) ?? t("removedUser")),
                          ...r.channelIds.map((c) => names.get(c) ?? t("removedChannel")),
                        ].join(", ") || t("nobody"),
                    })}
                    {r.leadHours.length ? ` · ${t("hoursBefore", { hours: r.leadHours.join(", ") })}` : ""}
                    {r.escalateAfterMinutes ? ` · ${t("escalates", { minutes: String(r.escalateAfterMinutes) })}` : ` · ${t("noEscalation")}`}
                  </p>
                </div>
                <DeleteButton id={r.id} label={t("ruleLabel", { name: r.name })} kind="rule" />
              </div>
              <details>
                <summary className="cursor-pointer text-sm text-teal-700">{t("edit")}</summary>
                <div className="mt-3">
                  <RuleForm options={options} rule={r} />
                </div>
              </details>
            </li>
          ))}
        </ul>
        <CardBody className="border-t border-slate-100">
          <details open={rules.length === 0}>
            <summary className="cursor-pointer text-sm font-medium text-slate-800">{t("addRule")}</summary>
            <div className="mt-3">
              <RuleForm options={options} />
            </div>
          </details>
        </CardBody>
      </Card>

      <Card>
        <CardHeader title={t("channelsTitle")} description={t("channelsDescription")} />
        <ul className="divide-y divide-slate-100">
          {channels.map((c) => (
            <li key={c.id} className="space-y-2 px-4 py-3" data-testid="alert-channel">
              <div className="flex flex-wrap items-start justify-between gap-2">
                <div className="min-w-0">
                  <p className="font-medium">
                    {c.name} <Badge tone="info">{kind(c.kind)}</Badge> {c.brokenAt ? <Badge tone="critical">{t("broken")}</Badge> : null}
                  </p>
                  <p className="text-xs break-all text-slate-500">
                    {c.kind === "EMAIL" ? c.target : c.host ? t("urlHiddenHost", { host: c.host }) : t("urlHidden")}
                    {c.kind === "WEBHOOK" ? ` · ${c.hasSecret ? t("secretSet") : t("noSecret")}` : ""}
                  </p>
                  {c.brokenReason ? <p className="text-xs text-rose-700">{c.brokenReason}</p> : null}
                </div>
                <DeleteButton id={c.id} label={t("channelLabel", { name: c.name })} kind="channel" />
              </div>
              <details>
                <summary className="cursor-pointer text-sm text-teal-700">{t("replace")}</summary>
                <div className="mt-3">
                  <ChannelForm channel={{ id: c.id, kind: c.kind, name: c.name }} />
                </div>
              </details>
            </li>
          ))}
        </ul>
        <CardBody className="border-t border-slate-100">
          <p className="mb-3 text-sm font-medium text-slate-800">{t("addChannel")}</p>
          <ChannelForm />
          <p className="mt-3 text-xs text-slate-500">{t.rich("webhookNote", { code: (chunks) => <code>{chunks}</code> })}</p>
        </CardBody>
      </Card>
    </div>
  );
}
