import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { query } from "@/lib/data/daily";
import { Prisma } from "@/lib/generated/prisma/client";
import { testDb } from "./db";

// The overview's reads share a statement only while it is in flight (lib/data/daily.ts): two
// sections asking the same at the same moment get one answer, and the next view reads afresh —
// a figure must never come from an earlier view's statement.

const prisma = testDb();
const name = `Sharing ${randomUUID()}`;
const count = () => query<{ n: number }[]>("sharing_test", Prisma.sql`SELECT count(*)::int AS n FROM "Organization" WHERE name = ${name}`);

afterAll(async () => {
  await prisma.organization.deleteMany({ where: { name } });
});

describe("identical overview reads", () => {
  it("share one statement while in flight and read afresh once it has settled", async () => {
    const [first, second] = await Promise.all([count(), count()]);
    expect(second).toBe(first);
    expect(first[0]?.n).toBe(0);
    await prisma.organization.create({ data: { name } });
    const later = await count();
    expect(later).not.toBe(first);
    expect(later[0]?.n).toBe(1);
  });

  it("keeps different values apart", async () => {
    const other = query<{ n: number }[]>("sharing_test", Prisma.sql`SELECT count(*)::int AS n FROM "Organization" WHERE name = ${`${name} (other)`}`);
    const [mine, theirs] = await Promise.all([count(), other]);
    expect(theirs).not.toBe(mine);
    expect(theirs[0]?.n).toBe(0);
  });
});
