import "server-only";
import bcrypt from "bcryptjs";
import type { NextAuthOptions, Session } from "next-auth";
import { getServerSession } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { redirect } from "next/navigation";
import { cache } from "react";
import { LOCK_MINUTES } from "@/lib/auth-throttle";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { errorMessage } from "@/lib/i18n/error-message";
import type { Role } from "@/lib/generated/prisma/enums";
import { clientAddressOf } from "@/lib/security/client-address";
import { createSignInLimits, type SignInLimits } from "@/lib/security/sign-in-limits";
import { decodeSessionToken, encodeSessionToken } from "@/lib/session-token";
import { signInSchema } from "@/lib/validations/auth";
import { getSettings } from "@/lib/env";

// A hash to compare against when the e-mail is unknown, the account inactive or the attempt
// refused by a limit, so every failure costs one bcrypt comparison: response timing does not
// reveal which addresses have accounts or which are locked.
const DUMMY_HASH = "$2b$10$1bMlS07XwgHK2ECdT4jOQ.FnfS8xRM4bPB2mL.vIIDnM12am07yQm";

let limits: SignInLimits | undefined;
const signInLimits = () => (limits ??= createSignInLimits(db));

export type SignInRequest = { headers?: Record<string, string | string[] | undefined> };

/** The credentials check; exported for the security tests, which drive it as next-auth does. */
export async function authorizeCredentials(raw: unknown, req?: SignInRequest) {
  const parsed = signInSchema.safeParse(raw);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  const address = clientAddressOf(req?.headers);
  const verdict = await signInLimits().reserve(email, address);
  const user = await db.user.findUnique({
    where: { email },
    select: {
      id: true,
      email: true,
      name: true,
      passwordHash: true,
      role: true,
      organizationId: true,
      supplierId: true,
      active: true,
      lockedUntil: true,
      sessionVersion: true,
    },
  });
  const usable = verdict.allowed && user !== null && user.active;
  const matches = await bcrypt.compare(password, usable ? user.passwordHash : DUMMY_HASH);
  if (!usable || !matches) {
    // Shown on the Users page; the limiter itself is what refuses the next attempts.
    if (user && verdict.allowed && verdict.lastChance) {
      await db.user.update({ where: { id: user.id }, data: { lockedUntil: new Date(Date.now() + LOCK_MINUTES * 60_000) } });
    }
    return null;
  }
  await signInLimits().succeeded(email, address);
  if (user.lockedUntil) await db.user.update({ where: { id: user.id }, data: { lockedUntil: null, failedSignIns: 0 } });
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    organizationId: user.organizationId,
    role: user.role,
    supplierId: user.supplierId,
    sessionVersion: user.sessionVersion,
  };
}

/**
 * Ends every session of the user issued before now: each session token carries the version it
 * was issued with, and getSessionUser refuses a token whose version is not the row's. Used on
 * sign-out, deactivation, reactivation, role and password changes.
 */
export function endSessionsData() {
  return { sessionVersion: { increment: 1 } } as const;
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
      authorize: (credentials, req) => authorizeCredentials(credentials, req as SignInRequest),
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.organizationId = user.organizationId;
        token.role = user.role;
        token.supplierId = user.supplierId;
        token.sv = user.sessionVersion ?? 0;
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
      session.sessionVersion = token.sv ?? 0;
      return session;
    },
  },
  events: {
    // Signing out ends the session everywhere it was copied to: the cookie is cleared in this
    // browser, and the version bump makes a replayed copy of the token worthless.
    async signOut({ token }) {
      if (!token?.uid) return;
      await db.user.updateMany({ where: { id: token.uid, sessionVersion: token.sv ?? 0 }, data: endSessionsData() });
    },
  },
};

export type SessionUser = Session["user"];

/**
 * The signed-in user as the database knows them now, once per request: a deactivated account,
 * a changed role or an ended session (sign-out, deactivation, role change: the session version)
 * takes effect at once, not when the 12-hour session cookie runs out.
 */
export async function resolveSessionUser(session: Session | null): Promise<SessionUser | null> {
  if (!session?.user?.id) return null;
  const current = await db.user.findUnique({
    where: { id: session.user.id },
    select: { id: true, email: true, name: true, organizationId: true, role: true, supplierId: true, active: true, sessionVersion: true, locale: true },
  });
  if (!current?.active) return null;
  if ((session.sessionVersion ?? 0) !== current.sessionVersion) return null;
  return {
    id: current.id,
    email: current.email,
    name: current.name,
    organizationId: current.organizationId,
    role: current.role,
    supplierId: current.supplierId,
    locale: current.locale,
  };
}

export const getSessionUser = cache(async (): Promise<SessionUser | null> => resolveSessionUser(await getServerSession(authOptions)));

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
  // English in the API's JSON; the action pipeline says them in the user's language.
  if (!user) throw new AppError("UNAUTHENTICATED", errorMessage("form.signInFirst"));
  if (roles && !roles.includes(user.role)) throw new AppError("FORBIDDEN", errorMessage("form.forbidden"));
  return user;
}
