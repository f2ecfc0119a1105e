import type { Severity } from "@/lib/generated/prisma/enums";
import { formatInstant } from "@/lib/format";
import { ruleTitle } from "@/lib/policy";

// What an alert says, per medium: an e-mail (subject, plain text and HTML), a Slack block
// message and the outbound webhook's JSON (docs/alerts-webhook.md). Deadlines are in the store's
// zone with the zone named, as on screen. No alert carries money or buyer contact: the item
// below has neither, so no recipient (a supplier least of all) can receive them.

export type AlertItem = {
  /** rule:subjectType:subjectId, the same key as the risk queue's. */
  key: string;
  rule: string;
  severity: Severity;
  dueAt: Date | null;
  /** "24h" (hours before the due instant), "due", "event", or "escalation". */
  lead: string;
  reason: string;
  orderId: string | null;
  orderNumber: string | null;
  supplierId: string | null;
  storeId: string | null;
  storeName: string | null;
  /** The store's zone; UTC for items without a store. */
  timeZone: string;
};

export type Links = { order: string | null; acknowledge: string | null; alerts: string };

function hoursLeft(dueAt: Date, now: Date): string {
  const minutes = Math.max(0, Math.round((dueAt.getTime() - now.getTime()) / 60_000));
  return minutes >= 120 ? `${Math.round(minutes / 60)} h left` : `${minutes} min left`;
}

/** One line naming what is due, on which order and when, in the store's zone. */
export function headline(item: AlertItem, now: Date): string {
  const order = item.orderNumber ? `Order ${item.orderNumber}` : null;
  const due = item.dueAt ? formatInstant(item.dueAt, item.timeZone) : null;
  if (item.rule === "fulfillment.dispatch_deadline" && due && item.dueAt)
    return `${order ?? "An order"} must be in transit by ${due} (${hoursLeft(item.dueAt, now)})`;
  if (item.rule === "returns.response_due" && due) return `Return on ${order ?? "an order"} is due for a decision: auto-approved at ${due}`;
  return `${ruleTitle(item.rule)}${order ? ` on ${order.toLowerCase()}` : ""}${due ? `, due ${due}` : ""}`;
}

export type EmailMessage = { subject: string; text: string; html: string };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);
}

function tag(item: AlertItem): string {
  return item.lead === "escalation" ? "ESCALATED" : item.severity;
}

export function itemEmail(item: AlertItem, links: Links, now: Date): EmailMessage {
  const line = headline(item, now);
  // ASCII only: a subject survives every mail client unencoded.
  const where = item.storeName ? ` - ${item.storeName}` : "";
  const subject = `[${tag(item)}] ${line}${where}`;
  const intro =
    item.lead === "escalation"
      ? "This critical item was alerted and has not been acknowledged or fixed since. It is escalated to you as an owner."
      : `${ruleTitle(item.rule)}.`;
  const text = [
    intro,
    "",
    line,
    item.reason,
    item.storeName ? `Store: ${item.storeName} (times in ${item.timeZone})` : null,
    "",
    links.order ? `Open the order: ${links.order}` : null,
    links.acknowledge ? `Acknowledge (stops the escalation): ${links.acknowledge}` : null,
    `Alerts and settings: ${links.alerts}`,
  ]
    .filter((l): l is string => l !== null)
    .join("\n");
  const color = item.severity === "CRITICAL" ? "#be123c" : item.severity === "WARNING" ? "#b45309" : "#334155";
  const button = (href: string, label: string, primary: boolean) =>
    `<a href="${escapeHtml(href)}" style="display:inline-block;margin:4px 8px 4px 0;padding:10px 16px;border-radius:6px;text-decoration:none;font-weight:600;${primary ? "background:#0f172a;color:#ffffff" : "background:#f1f5f9;color:#0f172a"}">${escapeHtml(label)}</a>`;
  const html = `<!doctype html><html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(subject)}</title></head>
<body style="margin:0;padding:16px;background:#f8fafc;font-family:-apple-system,Segoe UI,Roboto,Helvetica,Arial,sans-serif;color:#0f172a">
<table role="presentation" width="100%" style="max-width:600px;margin:0 auto;background:#ffffff;border:1px solid #e2e8f0;border-radius:8px"><tr><td style="padding:20px">
<p style="margin:0 0 8px;font-size:12px;font-weight:700;letter-spacing:.05em;color:${color}">${escapeHtml(tag(item))} · ${escapeHtml(ruleTitle(item.rule))}</p>
<h1 style="margin:0 0 12px;font-size:18px;line-height:1.4">${escapeHtml(line)}</h1>
<p style="margin:0 0 12px;font-size:14px;line-height:1.5;color:#334155">${escapeHtml(item.lead === "escalation" ? intro : item.reason)}</p>
${item.storeName ? `<p style="margin:0 0 16px;font-size:13px;color:#64748b">Store: ${escapeHtml(item.storeName)} · times in ${escapeHtml(item.timeZone)}</p>` : ""}
<p style="margin:0 0 8px">${links.order ? button(links.order, "Open the order", true) : ""}${links.acknowledge ? button(links.acknowledge, "Acknowledge", !links.order) : ""}</p>
<p style="margin:16px 0 0;font-size:12px;color:#94a3b8"><a href="${escapeHtml(links.alerts)}" style="color:#64748b">Alerts and your settings</a></p>
</td></tr></table></body></html>`;
  return { subject, text, html };
}

/** Slack incoming-webhook payload: a header, the facts as fields, buttons, and a plain fallback. */
export function slackMessage(item: AlertItem, links: Links, now: Date, organization: string): Record<string, unknown> {
  const line = headline(item, now);
  const fields = [
    { type: "mrkdwn", text: `*Severity*\n${tag(item)}` },
    item.dueAt ? { type: "mrkdwn", text: `*Due*\n${formatInstant(item.dueAt, item.timeZone)}` } : null,
    item.storeName ? { type: "mrkdwn", text: `*Store*\n${item.storeName}` } : null,
    item.orderNumber ? { type: "mrkdwn", text: `*Order*\n${item.orderNumber}` } : null,
  ].filter(Boolean);
  const buttons = [
    links.order ? { type: "button", text: { type: "plain_text", text: "Open the order" }, url: links.order, style: "primary" } : null,
    links.acknowledge ? { type: "button", text: { type: "plain_text", text: "Acknowledge" }, url: links.acknowledge } : null,
  ].filter(Boolean);
  return {
    text: `[${tag(item)}] ${line}`,
    blocks: [
      { type: "header", text: { type: "plain_text", text: ruleTitle(item.rule).slice(0, 150) } },
      { type: "section", text: { type: "mrkdwn", text: `*${line}*\n${item.reason}` }, fields },
      ...(buttons.length ? [{ type: "actions", elements: buttons }] : []),
      { type: "context", elements: [{ type: "mrkdwn", text: `${organization} · <${links.alerts}|alerts and settings>` }] },
    ],
  };
}

/** The outbound webhook's body (format for receivers: docs/alerts-webhook.md). */
export function webhookBody(item: AlertItem, links: Links, now: Date, organization: string, deliveryId: string): Record<string, unknown> {
  return {
    type: item.lead === "escalation" ? "alert.escalated" : "alert",
    id: deliveryId,
    organization,
    rule: item.rule,
    title: ruleTitle(item.rule),
    severity: item.severity,
    lead: item.lead,
    message: headline(item, now),
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
