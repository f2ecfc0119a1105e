import NextAuth from "next-auth";
import { NextRequest } from "next/server";
import { authOptions } from "@/lib/auth";
import { readBodyLimited } from "@/lib/ingest/read-body";

const handler = NextAuth(authOptions);

// Sign-in and sign-out bodies are a few hundred bytes of form fields.
const MAX_AUTH_BODY_BYTES = 16 * 1024;
type Context = { params: Promise<{ nextauth: string[] }> };

/**
 * next-auth parses the body itself and throws on malformed JSON (a 500): the body is read here
 * first, bounded, and a malformed one is a 400 before next-auth sees it.
 */
async function POST(req: NextRequest, context: Context): Promise<Response> {
  const body = await readBodyLimited(req, MAX_AUTH_BODY_BYTES);
  if (body === null) return Response.json({ error: "PAYLOAD_TOO_LARGE", message: "The sign-in request is too large." }, { status: 413 });
  const type = req.headers.get("content-type") ?? "";
  const text = body.toString("utf8");
  if (type.includes("application/json")) {
    try {
      const parsed: unknown = JSON.parse(text);
      if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) throw new Error("not an object");
    } catch {
      return Response.json({ error: "BAD_REQUEST", message: "The sign-in body is not a JSON object." }, { status: 400 });
    }
  }
  const replay = new NextRequest(req.url, { method: "POST", headers: req.headers, body: text });
  return handler(replay, context);
}

export { handler as GET, POST };
