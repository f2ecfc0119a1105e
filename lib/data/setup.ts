import "server-only";
import { db } from "@/lib/db";

/** No organisation at all (a fresh database started with SEED_DEMO=0): the sign-in page says how to begin. */
export async function isFirstRun(): Promise<boolean> {
  return (await db.organization.count()) === 0;
}
