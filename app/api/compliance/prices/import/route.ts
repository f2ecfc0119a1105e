import { revalidatePath } from "next/cache";
import { requireApiUser } from "@/lib/auth";
import { importPrices, readCsvUpload } from "@/lib/compliance/import";
import { toErrorResponse } from "@/lib/errors";
import { assertSameOrigin } from "@/lib/security/same-origin";

export const dynamic = "force-dynamic";

/** POST /api/compliance/prices/import (multipart: file, channel, currency?) — one channel's price list; owner only. */
export async function POST(request: Request) {
  try {
    assertSameOrigin(request);
    const user = await requireApiUser(["OWNER"]);
    const { text, form } = await readCsvUpload(request);
    const result = await importPrices(user, text, { channel: form.get("channel") ?? undefined, currency: form.get("currency") ?? undefined }, new Date());
    if (result.saved > 0) {
      revalidatePath("/listings");
      revalidatePath("/risk");
    }
    return Response.json(result, { status: result.saved === 0 && result.errors.length > 0 ? 400 : 200 });
  } catch (error) {
    return toErrorResponse(error);
  }
}
