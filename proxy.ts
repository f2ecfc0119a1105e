import { type NextRequest, NextResponse } from "next/server";
import { contentSecurityPolicy, createNonce } from "@/lib/security/csp";

// Runs before every request (Next's proxy, formerly middleware):
// - a path whose percent-encoding is broken, or a NUL byte anywhere in path or query, is a 400
//   here: further in, the first throws inside Next's router (a 500) and the second reaches
//   PostgreSQL, which refuses NUL in text (a 500, or an export cut off mid-body);
// - a malformed server-action call is a 400 (Next would answer 500);
// - pages get a Content-Security-Policy with a fresh nonce (lib/security/csp.ts).

function badRequest(message: string): NextResponse {
  return NextResponse.json({ error: "BAD_REQUEST", message }, { status: 400 });
}

/**
 * A server-action call Next would answer with a 500: an action id that is no id, or a body that
 * does not decode (React sends the arguments as JSON text or as multipart form data). Next keeps
 * its own Origin check and body size limit; the body read here is a copy.
 */
async function checkServerActionRequest(request: NextRequest): Promise<string | null> {
  const id = request.headers.get("next-action") ?? "";
  if (!/^[0-9a-f]{40,100}$/i.test(id)) return "Not a server action.";
  const type = request.headers.get("content-type") ?? "";
  try {
    if (type.startsWith("multipart/form-data")) await request.clone().formData();
    else if (type.startsWith("text/plain")) JSON.parse(await request.clone().text());
    else if (type !== "" && !type.startsWith("application/x-www-form-urlencoded")) return "A server action body is form data or JSON text.";
  } catch {
    return "The server action body is malformed.";
  }
  return null;
}

export async function proxy(request: NextRequest) {
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

  if (request.method === "POST" && request.headers.has("next-action")) {
    const refused = await checkServerActionRequest(request);
    if (refused) return badRequest(refused);
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
  matcher: [
    // Pages, and the server actions posted to them. Static files carry no inline script.
    { source: "/((?!_next/static|_next/image|favicon.ico|api/).*)" },
    // API routes only without a body: for any request it runs on, Next copies the body for the
    // proxy and holds the route until the whole body has arrived — an order upload (up to 1 GB,
    // streamed) would be buffered in memory and cut at 10 MB. Route handlers validate their own
    // parameters and bodies.
    {
      source: "/api/:path*",
      missing: [
        { type: "header", key: "content-length" },
        { type: "header", key: "transfer-encoding" },
      ],
    },
  ],
};
