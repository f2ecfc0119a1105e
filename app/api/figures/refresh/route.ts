import { requireApiUser } from "@/lib/auth";
import { forgetCachedOrganization } from "@/lib/data/cache";
import { toErrorResponse } from "@/lib/errors";
import { assertSameOrigin } from "@/lib/security/same-origin";

export const dynamic = "force-dynamic";

/**
 * `POST /api/figures/refresh`: forgets the organisation's cached figures in this server process
 * (the overview's sections, the stores page's figures, the exposure summaries, the service
 * comparison; lib/data/cache.ts), so the next view reads them from the database. For when a fix
 * or an import should show at once rather than within the cache period. Staff only; other
 * organisations' figures stay cached. Answers `{ "forgotten": <entries> }`.
 */
export async function POST(req: Request) {
  try {
    assertSameOrigin(req);
    const user = await requireApiUser(["OWNER", "OPS"]);
    const forgotten = forgetCachedOrganization(user.organizationId);
    return Response.json({ forgotten }, { headers: { "Cache-Control": "private, no-store" } });
  } catch (error) {
    return toErrorResponse(error);
  }
}
