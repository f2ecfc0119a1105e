import { revalidatePath } from "next/cache";
import { requireApiUser } from "@/lib/auth";
import { importVideos, readCsvUpload } from "@/lib/compliance/import";
import { toErrorResponse } from "@/lib/errors";
import { assertSameOrigin } from "@/lib/security/same-origin";

export const dynamic = "force-dynamic";

/** POST /api/compliance/videos/import (multipart: file) — the video log as CSV; owner and ops. */
export async function POST(request: Request) {
  try {
    assertSameOrigin(request);
    const user = await requireApiUser(["OWNER", "OPS"]);
    const { text } = await readCsvUpload(request);
    const result = await importVideos(user, text, new Date());
    if (result.saved > 0) {
      revalidatePath("/creators", "layout");
      revalidatePath("/risk");
    }
    return Response.json(result, { status: result.saved === 0 && result.errors.length > 0 ? 400 : 200 });
  } catch (error) {
    return toErrorResponse(error);
  }
}
