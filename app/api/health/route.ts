import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { toErrorResponse } from "@/lib/errors";

export const dynamic = "force-dynamic";

// Public on purpose (load balancers call it); says only which database answered.
export async function GET() {
  try {
    await db.$queryRaw`SELECT 1`;
    return Response.json({ ok: true, database: getEnv().DATABASE_MODE });
  } catch (error) {
    return toErrorResponse(error);
  }
}
