"use server";

import { headers } from "next/headers";
import { isSignUpAllowed } from "@/lib/env";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { errorMessage } from "@/lib/i18n/error-message";
import { clientAddressOf } from "@/lib/security/client-address";
import { createSignUpLimit } from "@/lib/security/sign-in-limits";
import { createOrganizationWithOwner } from "@/lib/setup/organization";
import { signUpSchema } from "@/lib/validations/setup";
import { definePublicAction, succeed } from "./define-action";

// Sign-up attempts per real client address (the same address rule and PostgreSQL-kept counters as
// sign-in, lib/security): every attempt counts, so one address cannot create organisations or
// probe e-mails in bulk, and no address can use up anyone else's attempts.
let signUpLimit: ReturnType<typeof createSignUpLimit> | undefined;

async function clientAddress(): Promise<string | null> {
  try {
    return clientAddressOf(await headers());
  } catch {
    return null; // called outside a request (tests)
  }
}

async function gate(): Promise<void> {
  if (!isSignUpAllowed()) throw new AppError("NOT_FOUND", errorMessage("auth.signUpOff"));
  signUpLimit ??= createSignUpLimit(db);
  if (!(await signUpLimit.take(await clientAddress()))) throw new AppError("RATE_LIMITED", errorMessage("auth.signUpLimited"));
}

/** Self-service sign-up (/signup, ALLOW_SIGNUP): a new organisation and its owner, then sign in. */
export const signUpAction = definePublicAction({ schema: signUpSchema, gate }, async (input, { t }) => {
  const created = await createOrganizationWithOwner(db, input, "sign-up");
  return succeed({ organizationId: created.organizationId, email: input.email }, t("auth.signUpForm.ready", { organization: input.organization }));
});
