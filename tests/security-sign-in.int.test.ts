// Brute force and lock-out: sign-in attempts are limited per account and per real client address
// (never in one global bucket), counted atomically in PostgreSQL, with the same work for unknown,
// locked and wrong; the client address comes only from the trusted-hop rule; adding a user whose
// e-mail exists in another organisation gets the same answer as a new one.
import { once } from "node:events";
import { createServer, request } from "node:http";
import type { AddressInfo } from "node:net";
import bcrypt from "bcryptjs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { addUserAction } from "@/lib/actions/users";
import { authorizeCredentials, type SessionUser } from "@/lib/auth";
import { ADDRESS_ATTEMPTS } from "@/lib/security/sign-in-limits";
import { testDb } from "./db";

const actor = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("next-auth", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next-auth")>()),
  getServerSession: vi.fn(async () => (actor.user ? { user: actor.user } : null)),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));

const prisma = testDb();
afterAll(() => prisma.$disconnect());

const PASSWORD = "correct horse battery";
// The app's real cost factor: timing equality is about bcrypt at this cost.
const HASH = bcrypt.hashSync(PASSWORD, 10);
let orgId = "";
let seq = 0;
const run = Date.now();

beforeAll(async () => {
  orgId = (await prisma.organization.create({ data: { name: `Sign-in ${run}` } })).id;
});

async function newUser() {
  return prisma.user.create({ data: { organizationId: orgId, email: `u${++seq}-${run}@sign-in.test`, name: "User", role: "OPS", passwordHash: HASH } });
}
const attempt = (email: string, password: string, address?: string) =>
  authorizeCredentials(
    { email, password },
    { headers: address ? { "x-client-address": address, "x-forwarded-for": `10.9.${seq}.${Math.floor(Math.random() * 250)}` } : {} },
  );
const addr = () => `198.51.100.${(++seq % 250) + 1}`;

describe("limits per account and per client address, never global", () => {
  it("many failures from clients of unknown address (no X-Forwarded-For) lock nobody else out", async () => {
    const victims = await Promise.all([newUser(), newUser()]);
    const other = await newUser();
    for (let i = 0; i < ADDRESS_ATTEMPTS + 5; i++) await attempt(victims[i % 2]!.email, "wrong password");
    expect(await attempt(other.email, PASSWORD)).toMatchObject({ id: other.id });
  });

  it("an address past its budget is refused for any account, another address is not", async () => {
    const sprayer = addr();
    const targets = await Promise.all(Array.from({ length: 8 }, () => newUser()));
    for (let i = 0; i < ADDRESS_ATTEMPTS; i++) await attempt(targets[i % targets.length]!.email, "wrong password", sprayer);
    const bystander = await newUser();
    expect(await attempt(bystander.email, PASSWORD, sprayer)).toBeNull();
    expect(await attempt(bystander.email, PASSWORD, addr())).toMatchObject({ id: bystander.id });
  });

  it("a rotating X-Forwarded-For does not buy a fresh address budget (only the trusted client address counts)", async () => {
    const sprayer = addr();
    for (let i = 0; i < ADDRESS_ATTEMPTS; i++) {
      await authorizeCredentials(
        { email: `nobody-${i}-${run}@sign-in.test`, password: "x" },
        { headers: { "x-client-address": sprayer, "x-forwarded-for": `203.0.113.${i}` } },
      );
    }
    const user = await newUser();
    expect(
      await authorizeCredentials({ email: user.email, password: PASSWORD }, { headers: { "x-client-address": sprayer, "x-forwarded-for": "203.0.113.250" } }),
    ).toBeNull();
  });
});

describe("atomic counting", () => {
  it("20 parallel wrong passwords get at most 5 evaluated, and the account is locked after", async () => {
    const user = await newUser();
    const compare = vi.spyOn(bcrypt, "compare");
    try {
      const results = await Promise.all(Array.from({ length: 20 }, () => attempt(user.email, "wrong password", addr())));
      expect(results.every((r) => r === null)).toBe(true);
      const againstRealHash = compare.mock.calls.filter(([, hash]) => hash === HASH).length;
      expect(againstRealHash).toBeGreaterThanOrEqual(1);
      expect(againstRealHash).toBeLessThanOrEqual(5);
    } finally {
      compare.mockRestore();
    }
    expect(await attempt(user.email, PASSWORD, addr())).toBeNull();
    const row = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.lockedUntil?.getTime()).toBeGreaterThan(Date.now());
  });
});

describe("the per-account lock", () => {
  it("five wrong passwords lock the account, even against the right one; a success before that starts the count again", async () => {
    const user = await newUser();
    for (let i = 0; i < 4; i++) expect(await attempt(user.email, "wrong password", addr())).toBeNull();
    expect(await attempt(user.email, PASSWORD, addr())).toMatchObject({ id: user.id });
    for (let i = 0; i < 4; i++) expect(await attempt(user.email, "wrong password", addr())).toBeNull();
    expect(await attempt(user.email, PASSWORD, addr())).toMatchObject({ id: user.id });
    for (let i = 0; i < 5; i++) expect(await attempt(user.email, "wrong password", addr())).toBeNull();
    expect(await attempt(user.email, PASSWORD, addr())).toBeNull();
  });
});

describe("equal work for unknown, locked and wrong", () => {
  it("each failure costs exactly one bcrypt comparison at the app's cost factor", async () => {
    const locked = await newUser();
    for (let i = 0; i < 6; i++) await attempt(locked.email, "wrong password", addr());
    const wrong = await newUser();
    const compare = vi.spyOn(bcrypt, "compare");
    try {
      for (const email of [`unknown-${run}@sign-in.test`, locked.email, wrong.email]) {
        compare.mockClear();
        expect(await attempt(email, "wrong password", addr())).toBeNull();
        expect(compare, email).toHaveBeenCalledTimes(1);
        expect(String(compare.mock.calls[0]?.[1]).slice(0, 7), email).toBe("$2b$10$");
      }
    } finally {
      compare.mockRestore();
    }
  });
});

describe("the client address", () => {
  it("is set by the start script's hook from the socket, whatever the client writes in X-Forwarded-For or x-client-address", async () => {
    process.env.TRUSTED_PROXY_HOPS = "0";
    const hook = await import("../scripts/request-hook.mjs");
    const server = createServer((req, res) => res.end(String(req.headers["x-client-address"] ?? "none")));
    hook.install(server);
    server.listen(0, "127.0.0.1");
    await once(server, "listening");
    try {
      const port = (server.address() as AddressInfo).port;
      const seen = await new Promise<string>((resolve, reject) => {
        const req = request({ host: "127.0.0.1", port, path: "/", headers: { "x-forwarded-for": "6.6.6.6", "x-client-address": "7.7.7.7" } }, (res) => {
          let body = "";
          res.on("data", (c: Buffer) => (body += c.toString()));
          res.on("end", () => resolve(body));
        });
        req.on("error", reject);
        req.end();
      });
      expect(seen).toBe("127.0.0.1");
    } finally {
      server.close();
    }
  });
});

describe("adding a user whose e-mail exists elsewhere", () => {
  it("answers exactly as for a new address and creates nothing", async () => {
    const elsewhere = await prisma.organization.create({ data: { name: `Elsewhere ${run}` } });
    const taken = await prisma.user.create({
      data: { organizationId: elsewhere.id, email: `taken-${run}@sign-in.test`, name: "Taken", role: "OWNER", passwordHash: HASH },
    });
    const owner = await prisma.user.create({
      data: { organizationId: orgId, email: `owner-${run}@sign-in.test`, name: "Owner", role: "OWNER", passwordHash: HASH },
    });
    actor.user = { id: owner.id, email: owner.email, name: owner.name, organizationId: orgId, role: "OWNER", supplierId: null };
    const add = (email: string) => {
      const f = new FormData();
      for (const [k, v] of Object.entries({ email, name: "New person", role: "OPS", password: "a long enough password" })) f.set(k, v);
      return addUserAction(null, f);
    };
    const fresh = await add(`fresh-${run}@sign-in.test`);
    const existing = await add(taken.email);
    expect(existing).toEqual({ ...fresh, message: (fresh as { message: string }).message.replace(`fresh-${run}@sign-in.test`, taken.email) });
    expect(await prisma.user.count({ where: { email: taken.email } })).toBe(1);
    expect(await prisma.user.findUniqueOrThrow({ where: { id: taken.id } })).toMatchObject({ organizationId: elsewhere.id, name: "Taken" });
  });
});
