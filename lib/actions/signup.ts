"use server";

import { headers } from "next/headers";
import { isSignUpAllowed } from "@/lib/env";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { createRateLimiter } from "@/lib/rate-limit";
import { createOrganizationWithOwner } from "@/lib/setup/organization";
import { signUpSchema } from "@/lib/validations/setup";
import { definePublicAction, succeed } from "./define-action";

// Sign-up attempts per client address, like sign-in's failures per address (lib/auth.ts): every
// attempt counts, so one address cannot create organisations or probe e-mails in bulk.
const attemptsPerAddress = createRateLimiter({ limit: 10, windowMs: 10 * 60_000 });

async function clientAddress(): Promise<string> {
  try {
    const h = await headers();
    return h.get("x-forwarded-for")?.split(",")[0]?.trim() || h.get("x-real-ip") || "local";
  } catch {
    return "local"; // called outside a request (tests)
  }
}

async function gate(): Promise<void> {
  if (!isSignUpAllowed()) throw new AppError("NOT_FOUND", "Sign-up is switched off here. Ask the operator for an account.");
  const { allowed } = attemptsPerAddress.hit(await clientAddress());
  if (!allowed) throw new AppError("RATE_LIMITED", "Too many sign-ups from your address. Try again in a few minutes.");
}

/** Self-service sign-up (/signup, ALLOW_SIGNUP): a new organisation and its owner, then sign in. */
export const signUpAction = definePublicAction({ schema: signUpSchema, gate }, async (input) => {
  const created = await createOrganizationWithOwner(db, input, "sign-up");
  return succeed({ organizationId: created.organizationId, email: input.email }, `${input.organization} is ready: signing you in…`);
});
