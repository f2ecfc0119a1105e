import type { Db } from "@/lib/database/client";
import { localeFor } from "@/lib/i18n/locale-for";
import { translatorFor } from "@/lib/i18n/translator";
import { escapeHtml } from "./messages";
import { LINK_PROBLEMS, type LinkOutcome } from "./links";

// The edge of the two signed-link endpoints (POST /api/alerts/ack, /api/alerts/unsubscribe): the
// token from the form or the query string (RFC 8058 one-click posts to the List-Unsubscribe URL),
// a redirect to the link's page on success, a plain page with the reason otherwise.

export async function handleLinkPost(
  request: Request,
  page: "ack" | "unsubscribe",
  act: (client: Db, secret: string, token: string, now: Date) => Promise<LinkOutcome>,
  client: Db,
  secret: string,
): Promise<Response> {
  const url = new URL(request.url);
  let token = url.searchParams.get("token") ?? "";
  const type = request.headers.get("content-type") ?? "";
  if (!token && (type.includes("application/x-www-form-urlencoded") || type.includes("multipart/form-data"))) {
    try {
      const value = (await request.formData()).get("token");
      token = typeof value === "string" ? value : "";
    } catch {
      // A body that is not the form it claims to be carries no token: answered as a bad link below.
      token = "";
    }
  }
  const outcome = await act(client, secret, token.trim(), new Date());
  if (outcome.ok)
    return new Response(null, { status: 303, headers: { Location: `/links/${page}/${encodeURIComponent(token)}?done=1`, "Cache-Control": "no-store" } });
  // Nobody is signed in on this page: the browser's language (the same words as the link pages).
  const locale = await localeFor(null);
  const t = translatorFor(locale);
  const message = locale === "en" ? LINK_PROBLEMS[outcome.problem] : t(`links.problems.${outcome.problem}`);
  const html = `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(t("links.notAccepted.title"))}</title></head><body style="font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;color:#0f172a"><h1 style="font-size:1.25rem">${escapeHtml(t("links.notAccepted.heading"))}</h1><p>${escapeHtml(message)}</p></body></html>`;
  return new Response(html, { status: 400, headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" } });
}
