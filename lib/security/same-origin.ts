import { AppError } from "@/lib/errors";

// Cross-site request refusal for state-changing route handlers. Server actions have Next's own
// Origin check; route handlers have none, and a cookie-authenticated POST from another site (a
// `text/plain` form or fetch needs no CORS preflight) would otherwise run as the signed-in user.
// Browsers send `Sec-Fetch-Site` (all current ones) and `Origin` on every cross-origin POST, so:
//   Sec-Fetch-Site present → only `same-origin` (or `none`: typed by the user, no other site) passes;
//   else Origin present    → it must be this app's origin (the Host the browser addressed, or
//                            NEXTAUTH_URL's origin);
//   neither                → not a browser (curl, the CLI, a server): nothing to forge, it passes
//                            and the session cookie still has to be its own.

const ALLOWED_FETCH_SITES = new Set(["same-origin", "none"]);

function ownOrigins(req: Request): Set<string> {
  const origins = new Set<string>();
  try {
    origins.add(new URL(req.url).origin);
  } catch {
    // A request without an absolute URL has no origin of its own; NEXTAUTH_URL still counts.
  }
  const host = req.headers.get("host")?.trim().toLowerCase();
  if (host) {
    origins.add(`http://${host}`);
    origins.add(`https://${host}`);
  }
  const configured = process.env.NEXTAUTH_URL;
  if (configured) {
    try {
      origins.add(new URL(configured).origin);
    } catch {
      // lib/env.ts reports a malformed NEXTAUTH_URL; here it simply adds nothing.
    }
  }
  return origins;
}

/** Whether a request could have been sent by another site's page in the user's browser. */
export function isCrossSite(req: Request): boolean {
  const site = req.headers.get("sec-fetch-site");
  if (site !== null) return !ALLOWED_FETCH_SITES.has(site.trim().toLowerCase());
  const origin = req.headers.get("origin");
  if (origin === null) return false;
  // `Origin: null` (sandboxed frames, file: pages, some redirects) is never this app.
  return !ownOrigins(req).has(origin.trim().toLowerCase());
}

/** First line of every state-changing route handler except signed webhooks: 403 for a cross-site request. */
export function assertSameOrigin(req: Request): void {
  if (isCrossSite(req)) throw new AppError("FORBIDDEN", "Cross-site request refused: send it from this app's own pages.");
}
