import { randomUUID } from "node:crypto";
import pLimit from "p-limit";
import type { Db } from "@/lib/database/client";
import { readOrganizationSettings } from "@/lib/data/settings";
import { Prisma } from "@/lib/generated/prisma/client";
import type { AlertChannelKind, AlertDeliveryStatus, Role } from "@/lib/generated/prisma/enums";
import { DEFAULT_LOCALE, isLocale, type Locale } from "@/lib/i18n/locales";
import { translatorFor } from "@/lib/i18n/translator";
import { type DigestContent, buildDigestEmail } from "./digest";
import { readOpenItems, type OpenItem } from "./items";
import { currentLead, dispatchLeadHours } from "./lead-times";
import { ACK_LINK_HOURS, UNSUBSCRIBE_LINK_DAYS, signLink } from "./link-tokens";
import { type AlertItem, type Links, itemEmail, slackMessage, webhookBody } from "./messages";
import { localSlot, quietUntil } from "./quiet-hours";
import { postSlack, postWebhook, sendEmail } from "./transports";
import { decryptSecret } from "@/lib/security/secrets";

// One alert pass: find what is due at `now`, create each (item, lead time, recipient) delivery
// once — the unique `key` makes a second pass, or a concurrent one, create nothing — then send
// every delivery that is due: new ones, ones held for quiet hours that have ended, and failed
// ones whose backoff has run out. Run every minute (lib/jobs/queue.ts, lib/alerts/scheduler.ts)
// and by `npm run alerts -- run`.

export type AlertConfig = {
  /** null: the embedded default without SMTP — e-mails are stored, not sent, and /alerts shows them. */
  smtpUrl: string | null;
  from: string;
  /** The app's public URL, for links in messages. */
  baseUrl: string;
  /** Signs acknowledge and unsubscribe links (NEXTAUTH_SECRET). */
  secret: string;
  /** The digest's content for one user (lib/alerts/digest.ts); tests may replace it. */
  digestFor?: DigestContent;
};

export type AttemptStatus = "sent" | "held" | "failed";
export type AttemptLine = { channel: "email" | "slack" | "webhook"; to: string; rule: string; orderId: string | null; status: AttemptStatus; reason?: string };
export type PassResult = { attempts: AttemptLine[]; sent: number; held: number; failed: number };

/** A pass that died mid-send leaves its claim; another may take the delivery after this long. */
const CLAIM_MS = 5 * 60_000;
const DIGEST_WINDOW_MS = 6 * 3_600_000;
/** What a supplier may be alerted about: their own orders' shipping, never money or returns. */
export const SUPPLIER_RULES: ReadonlySet<string> = new Set([
  "fulfillment.dispatch_deadline",
  "fulfillment.auto_cancel_risk",
  "tracking.missing",
  "tracking.invalid",
  "tracking.carrier_mismatch",
  "tracking.carrier_not_approved",
]);

/** Minutes until the next attempt after `attempts` failures: 1, 2, 4 … capped at an hour. */
export function backoffMinutes(attempts: number): number {
  return Math.min(60, 2 ** Math.max(0, attempts - 1));
}

type UserRow = {
  id: string;
  email: string;
  name: string;
  role: Role;
  supplierId: string | null;
  timeZone: string;
  /** The user's own language; null: not chosen (e-mails are then English). */
  locale: string | null;
  createdAt: Date;
  alertPreference: {
    email: boolean;
    quietStart: string | null;
    quietEnd: string | null;
    criticalBreaksQuiet: boolean;
    digestTime: string | null;
    digestUnsubscribedAt: Date | null;
  } | null;
};
type ChannelRow = { id: string; kind: AlertChannelKind; name: string; url: string; secret: string | null };
type RuleRow = {
  id: string;
  rules: string[];
  severities: string[];
  storeIds: string[];
  recipientRoles: Role[];
  recipientUserIds: string[];
  channelIds: string[];
  leadHours: number[];
  escalateAfterMinutes: number | null;
};
type Recipient = { kind: "user"; user: UserRow } | { kind: "channel"; channel: ChannelRow };
type Planned = { key: string; ruleId: string | null; item: AlertItem; expiresAt: Date; recipient: Recipient };

export async function runAlertPass(client: Db, now: Date, config: AlertConfig, organizationId?: string): Promise<PassResult> {
  const orgs = await client.organization.findMany({
    where: organizationId ? { id: organizationId } : {},
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });
  const result: PassResult = { attempts: [], sent: 0, held: 0, failed: 0 };
  for (const org of orgs) {
    for (const line of await passForOrganization(client, org, now, config)) {
      result.attempts.push(line);
      result[line.status] += 1;
    }
  }
  return result;
}

const recipientKey = (r: Recipient) => (r.kind === "user" ? `user:${r.user.id}` : `channel:${r.channel.id}`);

function matches(rule: RuleRow, item: AlertItem): boolean {
  return (
    (rule.rules.length === 0 || rule.rules.includes(item.rule)) &&
    (rule.severities.length === 0 || rule.severities.includes(item.severity)) &&
    (rule.storeIds.length === 0 || (item.storeId !== null && rule.storeIds.includes(item.storeId)))
  );
}

/** A supplier hears only of their own orders' shipping; staff of everything. */
function mayReceive(user: UserRow, item: AlertItem): boolean {
  if (user.role !== "SUPPLIER") return true;
  return user.supplierId !== null && item.supplierId === user.supplierId && item.orderId !== null && SUPPLIER_RULES.has(item.rule);
}

async function passForOrganization(client: Db, org: { id: string; name: string }, now: Date, config: AlertConfig): Promise<AttemptLine[]> {
  const [settings, rules, users, channels] = await Promise.all([
    readOrganizationSettings(client, org.id),
    client.alertRule.findMany({ where: { organizationId: org.id, active: true }, orderBy: { createdAt: "asc" } }),
    client.user.findMany({
      where: { organizationId: org.id, active: true },
      select: { id: true, email: true, name: true, role: true, supplierId: true, timeZone: true, locale: true, createdAt: true, alertPreference: true },
    }),
    client.alertChannel.findMany({ where: { organizationId: org.id }, select: { id: true, kind: true, name: true, url: true, secret: true } }),
  ]);
  const defaultLeads = dispatchLeadHours(settings);
  // A rule's own lead times apply to the items it matches; the item list covers the largest.
  const allLeads = [...new Set([...defaultLeads, ...rules.flatMap((r) => r.leadHours)])];
  const items = rules.length ? await readOpenItems(client, org.id, now, settings, allLeads) : [];
  const open = new Map(items.map((i) => [i.key, i]));
  const usersById = new Map(users.map((u) => [u.id, u]));
  const channelsById = new Map(channels.map((c) => [c.id, c]));

  const planned = new Map<string, Planned>();
  const plan = (p: Planned) => {
    // Nothing worth saying any more (e.g. escalating a deadline that has passed).
    if (p.expiresAt.getTime() <= now.getTime()) return;
    if (!planned.has(p.key)) planned.set(p.key, p);
  };
  const recipientsOf = (rule: RuleRow): Recipient[] => [
    ...users.filter((u) => rule.recipientRoles.includes(u.role) || rule.recipientUserIds.includes(u.id)).map((user) => ({ kind: "user" as const, user })),
    ...rule.channelIds.flatMap((id) => {
      const channel = channelsById.get(id);
      return channel ? [{ kind: "channel" as const, channel }] : [];
    }),
  ];

  // Alerts at their lead time.
  for (const item of items) {
    for (const rule of rules) {
      if (!matches(rule, item)) continue;
      // A rule's own lead times apply to the dispatch deadlines it matches; else the settings' ones.
      const lead =
        item.rule === "fulfillment.dispatch_deadline" && item.dueAt
          ? ((l) => (l === null ? null : `${l}h`))(currentLead(item.dueAt, rule.leadHours.length ? rule.leadHours : defaultLeads, now))
          : item.alertLead;
      if (lead === null) continue;
      for (const recipient of recipientsOf(rule)) {
        if (recipient.kind === "user" && (!mayReceive(recipient.user, item) || recipient.user.alertPreference?.email === false)) continue;
        plan({ key: `${item.key}|${lead}|${recipientKey(recipient)}`, ruleId: rule.id, item: { ...item, lead }, expiresAt: item.expiresAt, recipient });
      }
    }
  }

  // Escalation: critical items first alerted long enough ago, neither fixed (still open) nor acknowledged.
  const critical = items.filter((i) => i.severity === "CRITICAL");
  if (critical.length) {
    const keys = critical.map((i) => i.key);
    const [firsts, acks] = await Promise.all([
      client.$queryRaw<{ itemKey: string; first: Date }[]>`
        SELECT "itemKey", min("createdAt") AS first FROM "AlertDelivery"
        WHERE "organizationId" = ${org.id} AND "itemKey" = ANY(${keys}) AND lead <> 'escalation' GROUP BY "itemKey"`,
      client.alertAck.findMany({ where: { organizationId: org.id, itemKey: { in: keys } }, select: { itemKey: true } }),
    ]);
    const acked = new Set(acks.map((a) => a.itemKey));
    const firstAt = new Map(firsts.map((f) => [f.itemKey, f.first]));
    const owners = users.filter((u) => u.role === "OWNER" && u.alertPreference?.email !== false);
    for (const item of critical) {
      const first = firstAt.get(item.key);
      if (!first || acked.has(item.key)) continue;
      const after = rules.filter((r) => r.escalateAfterMinutes !== null && matches(r, item)).map((r) => r.escalateAfterMinutes as number);
      if (!after.length || first.getTime() + Math.min(...after) * 60_000 > now.getTime()) continue;
      for (const user of owners)
        plan({
          key: `${item.key}|escalation|user:${user.id}`,
          ruleId: null,
          item: { ...item, lead: "escalation" },
          expiresAt: item.expiresAt,
          recipient: { kind: "user", user },
        });
    }
  }

  // The daily digest at each staff user's local digest time, when there is something to do.
  const digests: { key: string; user: UserRow; date: string; at: Date }[] = [];
  for (const user of users) {
    const pref = user.alertPreference;
    if (user.role === "SUPPLIER" || !pref?.digestTime || !pref.email || pref.digestUnsubscribedAt) continue;
    const slot = localSlot(now, pref.digestTime, user.timeZone);
    if (now.getTime() < slot.at.getTime() || now.getTime() >= slot.at.getTime() + DIGEST_WINDOW_MS) continue;
    digests.push({ key: `digest|${slot.date}|user:${user.id}`, user, date: slot.date, at: slot.at });
  }

  await createDeliveries(client, org, now, config, [...planned.values()], digests, channelLocale(users));
  return sendDue(client, org, now, config, { open, usersById, channelsById });
}

async function existingKeys(client: Db, keys: string[]): Promise<Set<string>> {
  if (!keys.length) return new Set();
  const rows = await client.alertDelivery.findMany({ where: { key: { in: keys } }, select: { key: true } });
  return new Set(rows.map((r) => r.key));
}

/** A user's e-mails are in their own language; English until they choose one. */
function localeOfUser(user: { locale: string | null }): Locale {
  return isLocale(user.locale) ? user.locale : DEFAULT_LOCALE;
}

/**
 * Channels have no reader of their own (a Slack channel, a shared mailbox): they speak the language
 * of the organisation's first owner (the oldest active owner account), English when that owner has
 * not chosen one. The outbound webhook's body is a machine contract and always English.
 */
function channelLocale(users: readonly UserRow[]): Locale {
  const owner = users.filter((u) => u.role === "OWNER").sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id))[0];
  return owner ? localeOfUser(owner) : DEFAULT_LOCALE;
}

function linksFor(config: AlertConfig, org: { id: string }, item: AlertItem, recipient: Recipient, now: Date): Links {
  // A supplier's alert has no acknowledge link: acknowledging is the seller's call.
  const staff = recipient.kind === "channel" || recipient.user.role !== "SUPPLIER";
  return {
    order: item.orderId ? `${config.baseUrl}/orders/${item.orderId}` : null,
    acknowledge: staff
      ? `${config.baseUrl}/links/ack/${signLink(config.secret, "ack", org.id, item.key, new Date(now.getTime() + ACK_LINK_HOURS * 3_600_000))}`
      : null,
    alerts: `${config.baseUrl}/alerts`,
  };
}

async function createDeliveries(
  client: Db,
  org: { id: string; name: string },
  now: Date,
  config: AlertConfig,
  planned: Planned[],
  digests: { key: string; user: UserRow; date: string; at: Date }[],
  channelLanguage: Locale,
) {
  const have = await existingKeys(client, [...planned.map((p) => p.key), ...digests.map((d) => d.key)]);
  const rows: Prisma.AlertDeliveryCreateManyInput[] = [];
  for (const p of planned) {
    if (have.has(p.key)) continue;
    const id = randomUUID();
    const links = linksFor(config, org, p.item, p.recipient, now);
    const common = {
      id,
      organizationId: org.id,
      key: p.key,
      alertRuleId: p.ruleId,
      rule: p.item.rule,
      itemKey: p.item.key,
      orderId: p.item.orderId,
      storeId: p.item.storeId,
      severity: p.item.severity,
      lead: p.item.lead,
      nextAttemptAt: now,
      expiresAt: p.expiresAt,
      createdAt: now,
    };
    if (p.recipient.kind === "user") {
      const email = itemEmail(p.item, links, now, localeOfUser(p.recipient.user));
      rows.push({
        ...common,
        channel: "EMAIL",
        userId: p.recipient.user.id,
        to: p.recipient.user.email,
        subject: email.subject,
        text: email.text,
        html: email.html,
      });
    } else {
      const { channel } = p.recipient;
      const email = itemEmail(p.item, links, now, channelLanguage);
      if (channel.kind === "EMAIL") {
        // A shared mailbox (e.g. the ops team's): the channel's address, no quiet hours.
        rows.push({ ...common, channel: "EMAIL", channelId: channel.id, to: channel.url, subject: email.subject, text: email.text, html: email.html });
        continue;
      }
      const payload = channel.kind === "SLACK" ? slackMessage(p.item, links, now, org.name, channelLanguage) : webhookBody(p.item, links, now, org.name, id);
      // The webhook body is kept as the exact text sent (and signed), so every retry is byte-identical.
      rows.push({
        ...common,
        channel: channel.kind,
        channelId: channel.id,
        to: channel.name,
        subject: email.subject,
        text: JSON.stringify(payload),
        payload: payload as Prisma.InputJsonValue,
      });
    }
  }
  for (const d of digests) {
    if (have.has(d.key)) continue;
    const token = signLink(config.secret, "unsubscribe", org.id, d.user.id, new Date(now.getTime() + UNSUBSCRIBE_LINK_DAYS * 86_400_000));
    const unsubscribe = `${config.baseUrl}/links/unsubscribe/${token}`;
    const oneClick = `${config.baseUrl}/api/alerts/unsubscribe?token=${token}`;
    const locale = localeOfUser(d.user);
    const email = await buildDigestEmail(config, { organizationId: org.id, user: d.user, now, unsubscribe, locale });
    const common = {
      id: randomUUID(),
      organizationId: org.id,
      key: d.key,
      rule: "digest",
      lead: `digest ${d.date}`,
      channel: "EMAIL" as const,
      userId: d.user.id,
      to: d.user.email,
      nextAttemptAt: now,
      createdAt: now,
      expiresAt: new Date(d.at.getTime() + DIGEST_WINDOW_MS),
    };
    // Nothing to do: recorded (so the pass does not ask again today), not sent.
    if (!email)
      rows.push({
        ...common,
        // i18n-uses: email.digest.nothingOpenSubject
        subject: translatorFor(locale)("email.digest.nothingOpenSubject"),
        text: "",
        status: "CANCELLED",
        lastError: "Nothing open: no digest sent",
      });
    else rows.push({ ...common, subject: email.subject, text: email.text, html: email.html, payload: { unsubscribe, oneClick } });
  }
  // A concurrent pass may have created some of these since: the unique key keeps one of each.
  await insertDeliveries(client, rows);
}

const COLUMNS = [
  "id",
  "organizationId",
  "key",
  "alertRuleId",
  "rule",
  "itemKey",
  "orderId",
  "storeId",
  "severity",
  "lead",
  "channel",
  "channelId",
  "userId",
  "to",
  "subject",
  "text",
  "html",
  "payload",
  "status",
  "attempts",
  "nextAttemptAt",
  "expiresAt",
  "lastError",
  "createdAt",
] as const;

/**
 * One INSERT … ON CONFLICT (key) DO NOTHING from a single JSON parameter: a first pass over a
 * large organisation creates thousands of deliveries, which createMany sends as tens of thousands
 * of bind parameters (seconds) where one JSON document takes milliseconds.
 */
async function insertDeliveries(client: Db, rows: Prisma.AlertDeliveryCreateManyInput[]) {
  if (!rows.length) return;
  const records = rows.map((r) => ({
    status: "PENDING",
    attempts: 0,
    alertRuleId: null,
    itemKey: null,
    orderId: null,
    storeId: null,
    severity: null,
    channelId: null,
    userId: null,
    html: null,
    payload: null,
    lastError: null,
    ...r,
  }));
  const columns = Prisma.raw(COLUMNS.map((c) => `"${c}"`).join(", "));
  for (let i = 0; i < records.length; i += 2_000) {
    const chunk = JSON.stringify(records.slice(i, i + 2_000));
    await client.$executeRaw`
      INSERT INTO "AlertDelivery" (${columns})
      SELECT ${columns} FROM json_populate_recordset(NULL::"AlertDelivery", ${chunk}::json)
      ON CONFLICT (key) DO NOTHING`;
  }
}

type Ctx = { open: Map<string, OpenItem>; usersById: Map<string, UserRow>; channelsById: Map<string, ChannelRow>; stored?: string[] };
type Claimed = {
  id: string;
  key: string;
  rule: string;
  itemKey: string | null;
  orderId: string | null;
  severity: string | null;
  lead: string;
  channel: AlertChannelKind;
  channelId: string | null;
  userId: string | null;
  to: string;
  subject: string;
  text: string;
  html: string | null;
  payload: unknown;
  status: AlertDeliveryStatus;
  attempts: number;
  expiresAt: Date;
  lastError: string | null;
};

async function sendDue(client: Db, org: { id: string }, now: Date, config: AlertConfig, ctx: Ctx): Promise<AttemptLine[]> {
  // Claimed in one statement: a row another pass holds (locked, or claimed and not yet released)
  // is skipped, so two passes never send the same delivery.
  const claimed = await client.$queryRaw<Claimed[]>`
    UPDATE "AlertDelivery" d SET "claimedUntil" = ${new Date(now.getTime() + CLAIM_MS)}
    WHERE d.id IN (
      SELECT id FROM "AlertDelivery"
      WHERE "organizationId" = ${org.id} AND status IN ('PENDING', 'HELD', 'FAILED') AND "nextAttemptAt" <= ${now}
        AND ("claimedUntil" IS NULL OR "claimedUntil" <= ${now})
      ORDER BY "nextAttemptAt", "createdAt", key LIMIT 1000
      FOR UPDATE SKIP LOCKED)
      AND d.status IN ('PENDING', 'HELD', 'FAILED') AND ("claimedUntil" IS NULL OR "claimedUntil" <= ${now})
    RETURNING d.id, d.key, d.rule, d."itemKey", d."orderId", d.severity::text, d.lead, d.channel, d."channelId", d."userId", d."to", d.subject, d.text, d.html, d.payload, d.status, d.attempts, d."expiresAt", d."lastError"`;
  if (!claimed.length) return [];
  claimed.sort((a, b) => a.key.localeCompare(b.key));

  const ackKeys = claimed.filter((c) => c.lead === "escalation" && c.itemKey).map((c) => c.itemKey as string);
  const acked = new Set(
    ackKeys.length
      ? (await client.alertAck.findMany({ where: { organizationId: org.id, itemKey: { in: ackKeys } }, select: { itemKey: true } })).map((a) => a.itemKey)
      : [],
  );
  // A held or retried alert whose next lead time has come meanwhile says less than the new one:
  // only the latest lead per item and recipient goes out.
  const latest = new Map<string, Claimed>();
  const leadHours = (d: Claimed) => (/^\d+h$/.test(d.lead) ? Number.parseInt(d.lead, 10) : null);
  for (const d of claimed) {
    const h = leadHours(d);
    if (h === null || !d.itemKey) continue;
    const group = `${d.itemKey}|${d.userId ?? d.channelId}`;
    const best = latest.get(group);
    if (!best || h < (leadHours(best) ?? Infinity)) latest.set(group, d);
  }
  const superseded = claimed.filter((d) => leadHours(d) !== null && d.itemKey && latest.get(`${d.itemKey}|${d.userId ?? d.channelId}`) !== d);
  for (const d of superseded) {
    const by = latest.get(`${d.itemKey}|${d.userId ?? d.channelId}`);
    await finish(client, d.id, { status: "CANCELLED", lastError: `superseded by the ${by?.lead ?? "later"} alert` });
  }
  const limit = pLimit(4);
  // Stored e-mails (no SMTP) are marked in one statement: nothing left the building, so a pass
  // that dies before that only leaves them claimed for a later pass to store.
  const stored: string[] = [];
  const lines = await Promise.all(
    claimed.filter((d) => !superseded.includes(d)).map((d) => limit(() => attempt(client, now, config, { ...ctx, stored }, acked, d))),
  );
  if (stored.length) {
    await client.alertDelivery.updateMany({
      where: { id: { in: stored } },
      data: { status: "STORED", attempts: { increment: 1 }, lastError: STORED_REASON, claimedUntil: null },
    });
  }
  return lines.filter((l): l is AttemptLine => l !== null);
}

const CHANNEL_NAME = { EMAIL: "email", SLACK: "slack", WEBHOOK: "webhook" } as const;

async function finish(client: Db, id: string, data: Prisma.AlertDeliveryUpdateInput) {
  await client.alertDelivery.update({ where: { id }, data: { ...data, claimedUntil: null } });
}

async function attempt(client: Db, now: Date, config: AlertConfig, ctx: Ctx, acked: Set<string>, d: Claimed): Promise<AttemptLine | null> {
  const line = (status: AttemptStatus, reason?: string): AttemptLine => ({
    channel: CHANNEL_NAME[d.channel],
    to: d.to,
    rule: d.rule,
    orderId: d.orderId,
    status,
    ...(reason ? { reason } : {}),
  });

  if (d.expiresAt.getTime() <= now.getTime()) {
    const reason = d.lastError
      ? `expired after ${d.attempts} attempt${d.attempts === 1 ? "" : "s"}; last: ${d.lastError}`
      : d.status === "HELD"
        ? "expired during quiet hours"
        : "expired before it could be sent";
    await finish(client, d.id, { status: "UNDELIVERABLE", lastError: reason });
    return null;
  }
  // Fixed (no longer open) or acknowledged before a held or retried alert went out: nothing to say.
  if (d.itemKey && d.rule !== "digest" && !ctx.open.has(d.itemKey)) {
    await finish(client, d.id, { status: "CANCELLED", lastError: "resolved before it was sent" });
    return null;
  }
  if (d.lead === "escalation" && d.itemKey && acked.has(d.itemKey)) {
    await finish(client, d.id, { status: "CANCELLED", lastError: "acknowledged before the escalation was sent" });
    return null;
  }

  if (d.channel === "EMAIL" && d.userId) {
    const user = ctx.usersById.get(d.userId);
    if (!user) {
      await finish(client, d.id, { status: "CANCELLED", lastError: "the recipient's account is no longer active" });
      return null;
    }
    const pref = user.alertPreference;
    const quietEnd = pref?.quietStart && pref.quietEnd ? quietUntil(now, { start: pref.quietStart, end: pref.quietEnd, timeZone: user.timeZone }) : null;
    const breaksThrough = d.severity === "CRITICAL" && d.rule !== "digest" && pref?.criticalBreaksQuiet === true;
    if (quietEnd && !breaksThrough) {
      const wasHeld = d.status === "HELD";
      await finish(client, d.id, { status: "HELD", nextAttemptAt: quietEnd, lastError: null });
      return wasHeld ? null : line("held", `quiet hours until ${quietEnd.toISOString()}`);
    }
    return email(client, now, config, ctx, d, line);
  }

  const channel = d.channelId ? ctx.channelsById.get(d.channelId) : undefined;
  if (!channel) {
    await finish(client, d.id, { status: "CANCELLED", lastError: "the channel was removed" });
    return null;
  }
  if (channel.kind === "EMAIL") return email(client, now, config, ctx, { ...d, to: channel.url }, line);
  // Slack URLs carry their own secret and webhook keys are secrets: both stored encrypted.
  const url = decryptSecret(channel.url) ?? "";
  const sent = channel.kind === "SLACK" ? await postSlack(url, d.payload) : await postWebhook(url, decryptSecret(channel.secret) ?? "", d.text, d.id);
  if (sent.ok) await client.alertChannel.update({ where: { id: channel.id }, data: { brokenAt: null, brokenReason: null } });
  else if (sent.status && sent.status >= 400 && sent.status < 500) {
    await client.alertChannel.update({ where: { id: channel.id }, data: { brokenAt: now, brokenReason: sent.reason } });
  }
  return record(client, now, d, sent, line);
}

const STORED_REASON = "SMTP_URL is not set: stored, not sent";

async function email(
  client: Db,
  now: Date,
  config: AlertConfig,
  ctx: Ctx,
  d: Claimed,
  line: (s: AttemptStatus, r?: string) => AttemptLine,
): Promise<AttemptLine> {
  if (!config.smtpUrl) {
    if (ctx.stored) ctx.stored.push(d.id);
    else await finish(client, d.id, { status: "STORED", attempts: { increment: 1 }, lastError: STORED_REASON });
    return line("held", STORED_REASON);
  }
  const oneClick = (d.payload as { oneClick?: string } | null)?.oneClick;
  const headers: Record<string, string> = { "X-Alert-Delivery": d.id };
  // RFC 8058 one-click unsubscribe: the mail client POSTs to this URL, no page in between.
  if (oneClick) Object.assign(headers, { "List-Unsubscribe": `<${oneClick}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" });
  const sent = await sendEmail(config.smtpUrl, { from: config.from, to: d.to, subject: d.subject, text: d.text, html: d.html, headers });
  return record(client, now, d, sent, line);
}

async function record(
  client: Db,
  now: Date,
  d: Claimed,
  sent: Awaited<ReturnType<typeof sendEmail>>,
  line: (s: AttemptStatus, r?: string) => AttemptLine,
): Promise<AttemptLine> {
  if (sent.ok) {
    await finish(client, d.id, { status: "SENT", sentAt: now, attempts: { increment: 1 }, lastError: null });
    return line("sent");
  }
  const attempts = d.attempts + 1;
  const next = Math.min(now.getTime() + backoffMinutes(attempts) * 60_000, d.expiresAt.getTime());
  await finish(client, d.id, { status: "FAILED", attempts, nextAttemptAt: new Date(next), lastError: sent.reason });
  return line("failed", sent.reason);
}
