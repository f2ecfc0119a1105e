import { requireApiUser } from "@/lib/auth";
import { getDigest } from "@/lib/data/digest";
import { localeFor } from "@/lib/i18n/locale-for";
import { toRiskJson } from "@/lib/data/risk";
import { scopeOf } from "@/lib/data/scope";
import { digestText } from "@/lib/digest-text";
import { AppError, toErrorResponse } from "@/lib/errors";
import { getSettings } from "@/lib/env";

export const dynamic = "force-dynamic";

/**
 * GET /api/digest → the daily digest as JSON {organization, generatedAt, totals, rules, stores,
 * urgent}; `?format=text` → the same as a plain-text summary to send (a .txt download). Staff only.
 */
export async function GET(request: Request) {
  try {
    const user = await requireApiUser(["OWNER", "OPS"]);
    const format = new URL(request.url).searchParams.get("format") ?? "json";
    if (format !== "json" && format !== "text") throw new AppError("BAD_REQUEST", 'format: expected "json" or "text".');
    const now = new Date();
    const locale = await localeFor(user);
    const digest = await getDigest(scopeOf(user), now, locale);
    const headers = { "Cache-Control": "private, no-store" };
    if (format === "text") {
      const queueUrl = new URL("/risk", getSettings().NEXTAUTH_URL ?? request.url).toString();
      return new Response(digestText(digest, queueUrl), {
        headers: {
          ...headers,
          "Content-Type": "text/plain; charset=utf-8",
          "Content-Disposition": `attachment; filename="digest-${now.toISOString().slice(0, 10)}.txt"`,
        },
      });
    }
    return Response.json({ ...digest, generatedAt: now.toISOString(), urgent: digest.urgent.map((item) => toRiskJson(item, locale)) }, { headers });
  } catch (error) {
    return toErrorResponse(error);
  }
}
