// Sessions that end: a session token carries the user's session version; sign-out, deactivation
// (and reactivation) and role changes bump it, so a copied or replayed cookie stops working at once.
import type { Session } from "next-auth";
import type { JWT } from "next-auth/jwt";
import bcrypt from "bcryptjs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { changeRoleAction, setUserActiveAction } from "@/lib/actions/users";
import { authOptions, authorizeCredentials, resolveSessionUser, type SessionUser } from "@/lib/auth";
import { decodeSessionToken, encodeSessionToken } from "@/lib/session-token";
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
const secret = process.env.NEXTAUTH_SECRET as string;
let orgId = "";
let seq = 0;

beforeAll(async () => {
  orgId = (await prisma.organization.create({ data: { name: `Sessions ${Date.now()}` } })).id;
  const owner = await prisma.user.create({
    data: { organizationId: orgId, email: `owner-${Date.now()}@sessions.test`, name: "Owner", role: "OWNER", passwordHash: "x" },
  });
  actor.user = { id: owner.id, email: owner.email, name: owner.name, organizationId: orgId, role: "OWNER", supplierId: null };
});

async function newUser() {
  return prisma.user.create({
    data: { organizationId: orgId, email: `ops-${Date.now()}-${++seq}@sessions.test`, name: "Ops", role: "OPS", passwordHash: bcrypt.hashSync(PASSWORD, 4) },
  });
}

/** Signs in as next-auth does and returns the session cookie's value. */
async function signIn(email: string): Promise<string> {
  const user = await authorizeCredentials({ email, password: PASSWORD });
  expect(user, "sign-in with the right password").not.toBeNull();
  const token = (await authOptions.callbacks!.jwt!({ token: { email, name: "Ops" } as JWT, user: user!, account: null, trigger: "signIn" })) as JWT;
  return encodeSessionToken({ token, secret, maxAge: 3600 });
}

/** A request carrying the cookie: decode it and resolve the user as every page and route does. */
async function replay(cookie: string): Promise<SessionUser | null> {
  const token = await decodeSessionToken({ token: cookie, secret });
  if (!token) return null;
  const session = (await authOptions.callbacks!.session!({
    session: { expires: new Date(Date.now() + 3600_000).toISOString() } as Session,
    token,
    user: undefined as never,
    newSession: undefined,
    trigger: "update",
  } as never)) as Session;
  return resolveSessionUser(session);
}

async function signOut(cookie: string) {
  const token = await decodeSessionToken({ token: cookie, secret });
  await authOptions.events!.signOut!({ token: token!, session: null as never });
}

const form = (fields: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.set(k, v);
  return f;
};

describe("sessions end when they should", () => {
  it("a session token replayed after sign-out is refused; a new sign-in works", async () => {
    const user = await newUser();
    const cookie = await signIn(user.email);
    expect((await replay(cookie))?.id).toBe(user.id);
    await signOut(cookie);
    expect(await replay(cookie)).toBeNull();
    const again = await signIn(user.email);
    expect((await replay(again))?.id).toBe(user.id);
  });

  it("signing out with an already-ended token does not end the newer session", async () => {
    const user = await newUser();
    const old = await signIn(user.email);
    await signOut(old);
    const fresh = await signIn(user.email);
    await signOut(old);
    expect((await replay(fresh))?.id).toBe(user.id);
  });

  it("deactivation ends the session, and reactivation does not revive it", async () => {
    const user = await newUser();
    const cookie = await signIn(user.email);
    expect(await setUserActiveAction(null, form({ userId: user.id, active: "false" }))).toMatchObject({ ok: true });
    expect(await replay(cookie)).toBeNull();
    expect(await setUserActiveAction(null, form({ userId: user.id, active: "true" }))).toMatchObject({ ok: true });
    expect(await replay(cookie)).toBeNull();
    expect((await replay(await signIn(user.email)))?.id).toBe(user.id);
  });

  it("a role change ends the session: the next sign-in carries the new role", async () => {
    const user = await newUser();
    const cookie = await signIn(user.email);
    expect(await changeRoleAction(null, form({ userId: user.id, role: "OWNER" }))).toMatchObject({ ok: true });
    expect(await replay(cookie)).toBeNull();
    expect((await replay(await signIn(user.email)))?.role).toBe("OWNER");
  });
});
