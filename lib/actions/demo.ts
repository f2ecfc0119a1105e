"use server";

import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { removeDemoOrganizations } from "@/lib/setup/organization";
import { defineAction, succeed } from "./define-action";
import { z } from "zod";

// The demo owner's "Remove the demo data" button: deletes their own demo organisation with all its
// data (and so their own account: they are signed out). Organisations of one's own cannot be
// removed this way. Its audit trail goes with it — there is no organisation left to keep it in;
// the server log records the removal instead.
export const removeDemoAction = defineAction(
  { roles: ["OWNER"], schema: z.object({ confirm: z.literal("remove", { error: 'Type "remove" to confirm.' }) }) },
  async (_input, { user, t }) => {
    const org = await db.organization.findUnique({ where: { id: user.organizationId }, select: { isDemo: true } });
    if (!org?.isDemo) throw new AppError("FORBIDDEN", t("stores.demo.onlyDemo"));
    const { removed } = await removeDemoOrganizations(db, user.organizationId);
    console.error(`[demo] ${user.email} removed the demo organisation: ${removed.join(", ")}`);
    return succeed(undefined, t("stores.demo.removed"));
  },
);
