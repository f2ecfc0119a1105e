import type { Severity } from "@/lib/generated/prisma/enums";
import { formatInstant } from "@/lib/format";
import { formatFlagReason } from "@/lib/i18n/flag-reason";
import { dateLocale } from "@/lib/i18n/intl-locale";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import { ruleTitleIn } from "@/lib/i18n/policy-text";
import { type Translator, translatorFor } from "@/lib/i18n/translator";
import { ruleTitle } from "@/lib/policy";

// What an alert says, per medium: an e-mail (subject, plain text and HTML), a Slack block
// message and the outbound webhook's JSON (docs/alerts-webhook.md). Deadlines are in the store's
// zone with the zone named, as on screen. No alert carries money or buyer contact: the item
// below has neither, so no recipient (a supplier least of all) can receive them.
//
// E-mails and Slack messages are worded in the recipient's language (namespace "email" of the
// messages; lib/alerts/pass.ts picks the language); the webhook body is a machine contract and
// stays English whatever the language.

export type AlertItem = {
  /** rule:subjectType:subjectId, the same key as the risk queue's. */
  key: string;
  rule: string;
  severity: Severity;
  dueAt: Date | null;
  /** "24h" (hours before the due instant), "due", "event", or "escalation". */
  lead: string;
  /** The reason in English (the webhook's `reason`, and the fallback of every language). */
  reason: string;
  /** A stored flag's reason as a message key and parameters (formatFlagReason renders it). */
  reasonKey?: string | null;
  reasonParams?: unknown;
  /** An item derived from a deadline (no stored flag): its reason is worded by the e-mail messages. */
  derivedReason?: "dispatch" | "returns";
  orderId: string | null;
  orderNumber: string | null;
  supplierId: string | null;
  storeId: string | null;
  storeName: string | null;
  /** The store's zone; UTC for items without a store. */
  timeZone: string;
};

export type Links = { order: string | null; acknowledge: string | null; alerts: string };

type EmailT = Translator;

// i18n-uses: email.reason

function hoursLeft(dueAt: Date, now: Date, t: EmailT): string {
  const minutes = Math.max(0, Math.round((dueAt.getTime() - now.getTime()) / 60_000));
  return minutes >= 120 ? t("email.left.hours", { hours: String(Math.round(minutes / 60)) }) : t("email.left.minutes", { minutes: String(minutes) });
}

/** One line naming what is due, on which order and when, in the store's zone. */
export function headline(item: AlertItem, now: Date, locale: Locale = DEFAULT_LOCALE): string {
  const t = translatorFor(locale);
  const due = item.dueAt ? formatInstant(item.dueAt, item.timeZone, dateLocale(locale)) : null;
  const order = item.orderNumber;
  if (item.rule === "fulfillment.dispatch_deadline" && due && item.dueAt) {
    const left = hoursLeft(item.dueAt, now, t);
    return order ? t("email.headline.dispatch", { order, due, left }) : t("email.headline.dispatchNoOrder", { due, left });
  }
  if (item.rule === "returns.response_due" && due) return order ? t("email.headline.returns", { order, due }) : t("email.headline.returnsNoOrder", { due });
  const title = ruleTitleIn(item.rule, locale);
  // English has always lower-cased the whole "order …" phrase here ("… on order abc-1").
  const orderWords = order ? (locale === "en" ? order.toLowerCase() : order) : null;
  if (orderWords && due) return t("email.headline.ruleOrderDue", { title, order: orderWords, due });
  if (orderWords) return t("email.headline.ruleOrder", { title, order: orderWords });
  if (due) return t("email.headline.ruleDue", { title, due });
  return title;
}

/** The item's reason in `locale`: a derived item's own words, a stored flag's through formatFlagReason. */
export function reasonIn(item: AlertItem, locale: Locale): string {
  if (item.derivedReason) return translatorFor(locale)(`email.reason.${item.derivedReason}`);
  return formatFlagReason(item, locale);
}

export type EmailMessage = { subject: string; text: string; html: string };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);
}

function tag(item: AlertItem, t: EmailT): string {
  return item.lead === "escalation" ? t("email.tag.ESCALATED") : t(`email.tag.${item.severity}`);
}

/** The alert e-mail in the recipient's language (`locale`; English when they have not chosen one). */
export function itemEmail(item: AlertItem, links: Links, now: Date, locale: Locale = DEFAULT_LOCALE): EmailMessage {
  const t = translatorFor(locale);
  const line = headline(item, now, locale);
  const reason = reasonIn(item, locale);
  const title = ruleTitleIn(item.rule, locale);
  const label = tag(item, t);
  // ASCII separators: a subject survives every mail client (non-ASCII words are RFC 2047-encoded).
  const subject = item.storeName ? t("email.subject", { tag: label, line, store: item.storeName }) : t("email.subjectNoStore", { tag: label, line });
  const intro = item.lead === "escalation" ? t("email.intro.escalation") : t("email.intro.rule", { title });
  const text = [
    intro,
    "",
    line,
    reason,
    item.storeName ? t("email.text.store", { store: item.storeName, zone: item.timeZone }) : null,
    "",
    links.order ? t("email.text.openOrder", { url: links.order }) : null,
    links.acknowledge ? t("email.text.acknowledge", { url: links.acknowledge }) : null,
    t("email.text.alerts", { url: links.alerts }),
  ]
    .filter((l): l is string => l !== null)
    .join("\n");
  const color = item.severity === "CRITICAL" ? "#be123c" : item.severity === "WARNING" ? "#b45309" : "#334155";
  const button = (href: string, text: string, primary: boolean) =>
    `<a href="${escapeHtml(href)}" style="display:inline-block;margin:4px 8px 4px 0;padding:10px 16px;border-radius:6px;text-decoration:none;font-weight:600;${primary ? "background:#0f172a;color:#ffffff" : "background:#f1f5f9;color:#0f172a"}">${escapeHtml(text)}</a>`;
  const html = `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(subject)}</title></head>
<body style="margin:0;padding:16px;background:#f8fafc;font-family:-apple-system,Segoe UI,Roboto,Helvetica,Arial,'PingFang SC','Microsoft YaHei','Noto Sans CJK SC',sans-serif;color:#0f172a">
<table role="presentation" width="100%" style="max-width:600px;margin:0 auto;background:#ffffff;border:1px solid #e2e8f0;border-radius:8px"><tr><td style="padding:20px">
<p style="margin:0 0 8px;font-size:12px;font-weight:700;letter-spacing:.05em;color:${color}">${escapeHtml(label)} · ${escapeHtml(title)}</p>
<h1 style="margin:0 0 12px;font-size:18px;line-height:1.4">${escapeHtml(line)}</h1>
<p style="margin:0 0 12px;font-size:14px;line-height:1.5;color:#334155">${escapeHtml(item.lead === "escalation" ? intro : reason)}</p>
${item.storeName ? `<p style="margin:0 0 16px;font-size:13px;color:#64748b">${escapeHtml(t("email.html.store", { store: item.storeName, zone: item.timeZone }))}</p>` : ""}
<p style="margin:0 0 8px">${links.order ? button(links.order, t("email.button.openOrder"), true) : ""}${links.acknowledge ? button(links.acknowledge, t("email.button.acknowledge"), !links.order) : ""}</p>
<p style="margin:16px 0 0;font-size:12px;color:#94a3b8"><a href="${escapeHtml(links.alerts)}" style="color:#64748b">${escapeHtml(t("email.html.alertsLink"))}</a></p>
</td></tr></table></body></html>`;
  return { subject, text, html };
}

/** Slack incoming-webhook payload: a header, the facts as fields, buttons, and a plain fallback. */
export function slackMessage(item: AlertItem, links: Links, now: Date, organization: string, locale: Locale = DEFAULT_LOCALE): Record<string, unknown> {
  const t = translatorFor(locale);
  const line = headline(item, now, locale);
  const label = tag(item, t);
  const fields = [
    { type: "mrkdwn", text: `*${t("email.slack.severity")}*\n${label}` },
    item.dueAt ? { type: "mrkdwn", text: `*${t("email.slack.due")}*\n${formatInstant(item.dueAt, item.timeZone, dateLocale(locale))}` } : null,
    item.storeName ? { type: "mrkdwn", text: `*${t("email.slack.store")}*\n${item.storeName}` } : null,
    item.orderNumber ? { type: "mrkdwn", text: `*${t("email.slack.order")}*\n${item.orderNumber}` } : null,
  ].filter(Boolean);
  const buttons = [
    links.order ? { type: "button", text: { type: "plain_text", text: t("email.button.openOrder") }, url: links.order, style: "primary" } : null,
    links.acknowledge ? { type: "button", text: { type: "plain_text", text: t("email.button.acknowledge") }, url: links.acknowledge } : null,
  ].filter(Boolean);
  return {
    text: `[${label}] ${line}`,
    blocks: [
      { type: "header", text: { type: "plain_text", text: ruleTitleIn(item.rule, locale).slice(0, 150) } },
      { type: "section", text: { type: "mrkdwn", text: `*${line}*\n${reasonIn(item, locale)}` }, fields },
      ...(buttons.length ? [{ type: "actions", elements: buttons }] : []),
      { type: "context", elements: [{ type: "mrkdwn", text: `${organization} · <${links.alerts}|${t("email.slack.alertsLink")}>` }] },
    ],
  };
}

/** The outbound webhook's body (format for receivers: docs/alerts-webhook.md): English, whatever the language. */
export function webhookBody(item: AlertItem, links: Links, now: Date, organization: string, deliveryId: string): Record<string, unknown> {
  return {
    type: item.lead === "escalation" ? "alert.escalated" : "alert",
    id: deliveryId,
    organization,
    rule: item.rule,
    title: ruleTitle(item.rule),
    severity: item.severity,
    lead: item.lead,
    message: headline(item, now, "en"),
    reason: item.reason,
    item: {
      key: item.key,
      orderId: item.orderId,
      orderNumber: item.orderNumber,
      storeId: item.storeId,
      store: item.storeName,
      dueAt: item.dueAt?.toISOString() ?? null,
    },
    links,
    createdAt: now.toISOString(),
  };
}
