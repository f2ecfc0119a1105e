import { createHmac } from "node:crypto";
import nodemailer, { type Transporter } from "nodemailer";
import { assertOutboundUrl, OFFICIAL_HOSTS } from "@/lib/security/outbound-url";

// The three ways out. Each answers sent or failed with a reason a user can read; none throws.
// Slack and webhooks get ten seconds; a 4xx means the URL is wrong or revoked (the channel is
// marked broken), a 5xx or a network error is worth retrying.

export type SendResult = { ok: true } | { ok: false; reason: string; status?: number };

const transports = new Map<string, Transporter>();

function transportFor(smtpUrl: string): Transporter {
  let transport = transports.get(smtpUrl);
  if (!transport) {
    transport = nodemailer.createTransport(smtpUrl, { connectionTimeout: 5_000, greetingTimeout: 5_000, socketTimeout: 15_000 } as never);
    transports.set(smtpUrl, transport);
  }
  return transport;
}

export type OutgoingEmail = { from: string; to: string; subject: string; text: string; html: string | null; headers?: Record<string, string> };

export async function sendEmail(smtpUrl: string, email: OutgoingEmail): Promise<SendResult> {
  try {
    await transportFor(smtpUrl).sendMail({
      from: email.from,
      to: email.to,
      subject: email.subject,
      text: email.text,
      html: email.html ?? undefined,
      headers: email.headers,
    });
    return { ok: true };
  } catch (error) {
    const e = error as { message?: string; code?: string; responseCode?: number };
    return {
      ok: false,
      reason: `SMTP: ${e.responseCode ? `${e.responseCode} ` : ""}${e.code ? `${e.code} ` : ""}${(e.message ?? String(error)).slice(0, 200)}`.trim(),
      status: e.responseCode,
    };
  }
}

async function post(url: string, body: string, headers: Record<string, string>, what: string, official: readonly string[]): Promise<SendResult> {
  try {
    // Only where it belongs: Slack's own host for Slack, never link-local or metadata addresses
    // (checked again after DNS), https unless the operator allows custom URLs.
    await assertOutboundUrl(url, official);
    const response = await fetch(url, {
      method: "POST",
      body,
      headers: { "content-type": "application/json", ...headers },
      signal: AbortSignal.timeout(10_000),
      redirect: "manual",
    });
    // The start of the answer names the problem ("no_service", "invalid_payload"); a body that
    // cannot be read leaves the status alone to say it.
    const answer = (await response.text().catch(() => "")).slice(0, 120);
    if (response.status >= 200 && response.status < 300) return { ok: true };
    return { ok: false, status: response.status, reason: `${what} answered ${response.status}${answer ? `: ${answer}` : ""}` };
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    return { ok: false, reason: `${what}: ${cause ?? (error as Error).name}: ${(error as Error).message}`.slice(0, 200) };
  }
}

export function postSlack(url: string, payload: unknown): Promise<SendResult> {
  return post(url, JSON.stringify(payload), {}, "Slack", OFFICIAL_HOSTS.slack);
}

/** `sha256=<hex HMAC-SHA256 of the exact body bytes>`, keyed with the channel's secret. */
export function webhookSignature(secret: string, body: string): string {
  return `sha256=${createHmac("sha256", secret).update(body, "utf8").digest("hex")}`;
}

export function postWebhook(url: string, secret: string, body: string, deliveryId: string): Promise<SendResult> {
  return post(
    url,
    body,
    { "x-signature": webhookSignature(secret, body), "x-alert-delivery": deliveryId, "user-agent": "seller-dashboard-alerts/1" },
    "Webhook",
    ["*"],
  );
}
