import { type NextRequest, NextResponse } from "next/server";
import { contentSecurityPolicy, createNonce } from "@/lib/security/csp";

// Runs before every request (Next's proxy, formerly middleware):
// - a path whose percent-encoding is broken, or a NUL byte anywhere in path or query, is a 400
//   here: further in, the first throws inside Next's router (a 500) and the second reaches
//   PostgreSQL, which refuses NUL in text (a 500, or an export cut off mid-body);
// - pages get a Content-Security-Policy with a fresh nonce (lib/security/csp.ts).

function badRequest(message: string): NextResponse {
  return NextResponse.json({ error: "BAD_REQUEST", message }, { status: 400 });
}

export function proxy(request: NextRequest) {
  const raw = request.nextUrl.pathname;
  let path: string;
  try {
    path = decodeURIComponent(raw);
  } catch {
    return badRequest("The address has a broken percent-encoding.");
  }
  if (path.includes("\u0000") || /%00/i.test(request.nextUrl.search) || request.nextUrl.search.includes("\u0000")) {
    return badRequest("The address contains a NUL character.");
  }

  const nonce = createNonce();
  const policy = contentSecurityPolicy(nonce, { dev: process.env.NODE_ENV === "development" });
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

export const config = {
  // Static files carry no inline script and need neither check.
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico).*)" }],
};
