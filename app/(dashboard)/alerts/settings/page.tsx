import type { Metadata } from "next";
import Link from "next/link";
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
import { RULE_IDS, RULE_TITLES, ruleTitle } from "@/lib/policy";

export const metadata: Metadata = { title: "Alert settings" };
export const dynamic = "force-dynamic";

const KIND = { EMAIL: "E-mail", SLACK: "Slack", WEBHOOK: "Webhook" } as const;
const ROLE = { OWNER: "owners", OPS: "operations", SUPPLIER: "suppliers" } as const;

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
  const leads = dispatchLeadHours(settings);
  const options: RuleFormOptions = {
    rules: RULE_IDS.map((id) => ({ value: id, label: RULE_TITLES[id] })),
    stores: stores.map((s) => ({ value: s.id, label: s.name })),
    users: users.map((u) => ({ value: u.id, label: `${u.name} (${u.email})` })),
    channels: channels.map((c) => ({ value: c.id, label: `${c.name} (${KIND[c.kind]})` })),
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
          ← Alerts
        </Link>
        <h1 className="mt-1 text-xl font-semibold">Alert settings</h1>
        <p className="text-sm text-slate-500">Who hears of which items, through which channels, and when.</p>
      </div>

      <Card>
        <CardHeader title="When alerts go out" description="From your organisation's policy settings" />
        <CardBody className="space-y-1 text-sm text-slate-700" data-testid="lead-times">
          <p>
            Dispatch deadlines: <strong>{leads.map((h) => `${h} h`).join(", ")}</strong> before the deadline (due soon at {settings.dispatch.dueSoonHours} h,
            critical under {settings.dispatch.criticalHours} h).
          </p>
          <p>Return requests: at the instant the {settings.returns.responseHours} h response window ends.</p>
          <p>Store disconnections, invalid tracking and other findings: when they happen.</p>
          <p className="text-xs text-slate-500">
            Each item, lead time and recipient is alerted once. Quiet hours and the digest time are each user&apos;s own, on their account page.
          </p>
        </CardBody>
      </Card>

      <Card>
        <CardHeader title="Rules" description="An item matching a rule goes to its recipients; an item matching several rules reaches each person once" />
        <ul className="divide-y divide-slate-100">
          {rules.map((r) => (
            <li key={r.id} className="space-y-2 px-4 py-3" data-testid="alert-rule">
              <div className="flex flex-wrap items-start justify-between gap-2">
                <div className="min-w-0">
                  <p className="font-medium">
                    {r.name} {!r.active ? <Badge>paused</Badge> : null}
                  </p>
                  <p className="text-xs text-slate-500">
                    {r.severities.length ? r.severities.join(", ").toLowerCase() : "any severity"} ·{" "}
                    {r.rules.length ? r.rules.map((x) => ruleTitle(x)).join("; ") : "any rule"}
                    {r.storeIds.length ? ` · ${r.storeIds.map((s) => names.get(s) ?? "a removed store").join(", ")}` : ""}
                  </p>
                  <p className="text-xs text-slate-500">
                    To{" "}
                    {[
                      ...r.recipientRoles.map((x) => `all ${ROLE[x]}`),
                      ...r.recipientUserIds.map((u) => names.get(u) ?? "a removed user"),
                      ...r.channelIds.map((c) => names.get(c) ?? "a removed channel"),
                    ].join(", ") || "nobody"}
                    {r.leadHours.length ? ` · ${r.leadHours.join(", ")} h before` : ""}
                    {r.escalateAfterMinutes ? ` · escalates after ${r.escalateAfterMinutes} min` : " · no escalation"}
                  </p>
                </div>
                <DeleteButton id={r.id} label={`rule ${r.name}`} kind="rule" />
              </div>
              <details>
                <summary className="cursor-pointer text-sm text-teal-700">Edit</summary>
                <div className="mt-3">
                  <RuleForm options={options} rule={r} />
                </div>
              </details>
            </li>
          ))}
        </ul>
        <CardBody className="border-t border-slate-100">
          <details open={rules.length === 0}>
            <summary className="cursor-pointer text-sm font-medium text-slate-800">Add a rule</summary>
            <div className="mt-3">
              <RuleForm options={options} />
            </div>
          </details>
        </CardBody>
      </Card>

      <Card>
        <CardHeader title="Channels" description="Slack, signed webhooks and shared mailboxes. Addresses, URLs and secrets are write-only." />
        <ul className="divide-y divide-slate-100">
          {channels.map((c) => (
            <li key={c.id} className="space-y-2 px-4 py-3" data-testid="alert-channel">
              <div className="flex flex-wrap items-start justify-between gap-2">
                <div className="min-w-0">
                  <p className="font-medium">
                    {c.name} <Badge tone="info">{KIND[c.kind]}</Badge> {c.brokenAt ? <Badge tone="critical">broken</Badge> : null}
                  </p>
                  <p className="text-xs break-all text-slate-500">
                    {c.target}
                    {c.kind === "WEBHOOK" ? (c.hasSecret ? " · signing secret set" : " · no secret") : ""}
                  </p>
                  {c.brokenReason ? <p className="text-xs text-rose-700">{c.brokenReason}</p> : null}
                </div>
                <DeleteButton id={c.id} label={`channel ${c.name}`} kind="channel" />
              </div>
              <details>
                <summary className="cursor-pointer text-sm text-teal-700">Replace URL or secret</summary>
                <div className="mt-3">
                  <ChannelForm channel={{ id: c.id, kind: c.kind, name: c.name }} />
                </div>
              </details>
            </li>
          ))}
        </ul>
        <CardBody className="border-t border-slate-100">
          <p className="mb-3 text-sm font-medium text-slate-800">Add a channel</p>
          <ChannelForm />
          <p className="mt-3 text-xs text-slate-500">
            Webhook bodies are JSON signed with <code>X-Signature: sha256=…</code>; the format for receivers is in <code>docs/alerts-webhook.md</code>.
          </p>
        </CardBody>
      </Card>
    </div>
  );
}
