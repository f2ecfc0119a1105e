import { z } from "zod";

// ?page=N of a server-rendered list: anything that is not a page number shows the first page
// (a bad value never breaks the page).
const pageSchema = z.preprocess((v) => (Array.isArray(v) ? v[0] : v), z.coerce.number().int().min(1).max(100_000));

export function pageParam(raw: unknown): number {
  const parsed = pageSchema.safeParse(raw);
  return parsed.success ? parsed.data : 1;
}
