import { digestText } from "@/lib/digest-text";
import type { Role } from "@/lib/generated/prisma/enums";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import { translatorFor } from "@/lib/i18n/translator";
import { escapeHtml, type EmailMessage } from "./messages";

// The daily digest e-mailed: the same digest as /digest (lib/data/digest.ts), as text and as
// HTML, with a signed unsubscribe link that works without signing in. Null when nothing is open.
// Worded in the recipient's language (`locale`, English when they have not chosen one).

export type DigestInput = { organizationId: string; user: { id: string; role: Role }; now: Date; unsubscribe: string; locale?: Locale };
export type DigestContent = (input: DigestInput, baseUrl: string) => Promise<EmailMessage | null>;

const defaultDigest: DigestContent = async ({ organizationId, user, now, unsubscribe, locale = DEFAULT_LOCALE }, baseUrl) => {
  // Loaded on first use: lib/data reads through the app's client (DATABASE_URL).
  const { getDigest } = await import("@/lib/data/digest");
  const digest = await getDigest({ organizationId, supplierId: null, role: user.role }, now);
  if (digest.totals.open === 0) return null;
  const t = translatorFor(locale);
  const body = digestText(digest, `${baseUrl}/risk`, locale);
  const text = `${body}\n${t("email.digest.unsubscribeText", { url: unsubscribe })}\n`;
  const subject = t("email.digest.subject", {
    open: String(digest.totals.open),
    overdue: String(digest.totals.overdue),
    critical: String(digest.totals.critical),
    organization: digest.organization,
  });
  const html = `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(subject)}</title></head>
<body style="margin:0;padding:16px;background:#f8fafc;font-family:-apple-system,Segoe UI,Roboto,Helvetica,Arial,'PingFang SC','Microsoft YaHei','Noto Sans CJK SC',sans-serif;color:#0f172a">
<div style="max-width:600px;margin:0 auto;background:#fff;border:1px solid #e2e8f0;border-radius:8px;padding:20px">
<pre style="white-space:pre-wrap;font-family:inherit;font-size:14px;line-height:1.5;margin:0">${escapeHtml(body)}</pre>
<p style="margin:16px 0 0;font-size:12px;color:#64748b"><a href="${escapeHtml(unsubscribe)}" style="color:#64748b">${escapeHtml(t("email.digest.unsubscribeLink"))}</a></p>
</div></body></html>`;
  return { subject, text, html };
};

export function buildDigestEmail(config: { baseUrl: string; digestFor?: DigestContent }, input: DigestInput): Promise<EmailMessage | null> {
  return (config.digestFor ?? defaultDigest)(input, config.baseUrl);
}
