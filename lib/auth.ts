import "server-only";
import bcrypt from "bcryptjs";
import type { NextAuthOptions, Session } from "next-auth";
import { getServerSession } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { redirect } from "next/navigation";
import { cache } from "react";
import { afterFailure, afterSuccess, isLocked } from "@/lib/auth-throttle";
import { createRateLimiter } from "@/lib/rate-limit";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";
import { decodeSessionToken, encodeSessionToken } from "@/lib/session-token";
import { signInSchema } from "@/lib/validations/auth";
import { getSettings } from "@/lib/env";

// A hash to compare against when the e-mail is unknown, so a miss costs the same time as a hit
// and response timing does not reveal which addresses have accounts.
const DUMMY_HASH = "$2b$10$1bMlS07XwgHK2ECdT4jOQ.FnfS8xRM4bPB2mL.vIIDnM12am07yQm";

// Failed sign-ins per client address, on top of the per-account lock: stops one address from
// spraying passwords across many accounts. Kept in memory (one instance); see lib/rate-limit.ts.
const failuresPerAddress = createRateLimiter({ limit: 30, windowMs: 10 * 60_000 });

function clientAddress(headers: Record<string, string | string[] | undefined> | undefined): string {
  const forwarded = headers?.["x-forwarded-for"];
  const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(",")[0]?.trim();
  const real = headers?.["x-real-ip"];
  return first || (Array.isArray(real) ? real[0] : real) || "local";
}

async function authorizeCredentials(raw: unknown, req?: { headers?: Record<string, string | string[] | undefined> }) {
  const address = clientAddress(req?.headers);
  if (failuresPerAddress.isBlocked(address)) return null;
  const user = await checkCredentials(raw);
  if (!user) failuresPerAddress.hit(address);
  return user;
}

async function checkCredentials(raw: unknown) {
  const parsed = signInSchema.safeParse(raw);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, passwordHash: true, role: true, organizationId: true, supplierId: true, active: true, failedSignIns: true, lockedUntil: true },
  });
  const now = new Date();
  if (!user) {
    await bcrypt.compare(password, DUMMY_HASH);
    return null;
  }
  if (!user.active || isLocked(user, now)) return null;
  if (!(await bcrypt.compare(password, user.passwordHash))) {
    await db.user.update({ where: { id: user.id }, data: afterFailure(user, now) });
    return null;
  }
  if (user.failedSignIns > 0 || user.lockedUntil) await db.user.update({ where: { id: user.id }, data: afterSuccess() });
  return { id: user.id, email: user.email, name: user.name, organizationId: user.organizationId, role: user.role, supplierId: user.supplierId };
}

const secureCookies = getSettings().NEXTAUTH_URL?.startsWith("https://") ?? false;

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  // next-auth's token format, with the key derived once per secret (lib/session-token.ts).
  jwt: { encode: encodeSessionToken, decode: decodeSessionToken },
  // httpOnly + sameSite=lax always; `secure` (and the __Secure- prefix) whenever served over https.
  useSecureCookies: secureCookies,
  pages: { signIn: "/login" },
  providers: [
    CredentialsProvider({
      name: "E-mail and password",
      credentials: { email: { label: "E-mail", type: "email" }, password: { label: "Password", type: "password" } },
      authorize: (credentials, req) => authorizeCredentials(credentials, req as { headers?: Record<string, string | string[] | undefined> }),
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.organizationId = user.organizationId;
        token.role = user.role;
        token.supplierId = user.supplierId;
      }
      return token;
    },
    session({ session, token }) {
      session.user = {
        id: token.uid,
        email: token.email ?? "",
        name: token.name ?? "",
        organizationId: token.organizationId,
        role: token.role,
        supplierId: token.supplierId,
      };
      return session;
    },
  },
};

export type SessionUser = Session["user"];

/**
 * The signed-in user as the database knows them now, once per request: a deactivated account or
 * a changed role takes effect at once, not when the 12-hour session cookie runs out.
 */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const session = await getServerSession(authOptions);
  if (!session?.user?.id) return null;
  const current = await db.user.findUnique({
    where: { id: session.user.id },
    select: { id: true, email: true, name: true, organizationId: true, role: true, supplierId: true, active: true },
  });
  if (!current?.active) return null;
  return { id: current.id, email: current.email, name: current.name, organizationId: current.organizationId, role: current.role, supplierId: current.supplierId };
});

/** Pages: anonymous → /login; a role not allowed here → the overview with a notice. */
export async function requirePageUser(roles?: readonly Role[]): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect("/login");
  if (roles && !roles.includes(user.role)) redirect("/?denied=1");
  return user;
}

/** Route handlers and server actions: anonymous → 401, wrong role → 403. */
export async function requireApiUser(roles?: readonly Role[]): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) throw new AppError("UNAUTHENTICATED", "Sign in first.");
  if (roles && !roles.includes(user.role)) throw new AppError("FORBIDDEN", "Your role cannot do this.");
  return user;
}
