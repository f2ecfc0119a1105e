import bcrypt from "bcryptjs";
import type { Db } from "@/lib/database/client";
import { recordAudit } from "@/lib/audit";
import { AppError } from "@/lib/errors";
import { errorMessage } from "@/lib/i18n/error-message";
import { Prisma } from "@/lib/generated/prisma/client";
import type { SignUpInput } from "@/lib/validations/setup";

export type CreatedOrganization = { organizationId: string; ownerId: string };

export class EmailTakenError extends AppError {
  constructor() {
    const message = errorMessage("auth.emailTaken");
    super("CONFLICT", message, { fieldErrors: { email: message } });
  }
}

/**
 * A new organisation with its first owner (the setup CLI and self-service sign-up). One
 * transaction with its audit entry; a taken e-mail (accounts are unique across organisations)
 * throws EmailTakenError and writes nothing.
 */
export async function createOrganizationWithOwner(db: Db, input: SignUpInput, actorLabel: string): Promise<CreatedOrganization> {
  if (await db.user.findUnique({ where: { email: input.email }, select: { id: true } })) throw new EmailTakenError();
  const passwordHash = await bcrypt.hash(input.password, 10);
  try {
    return await db.$transaction(async (tx) => {
      const org = await tx.organization.create({ data: { name: input.organization }, select: { id: true } });
      const owner = await tx.user.create({
        data: { organizationId: org.id, email: input.email, name: input.email.split("@")[0] ?? input.email, role: "OWNER", passwordHash },
        select: { id: true },
      });
      await recordAudit(tx, {
        organizationId: org.id,
        actor: { label: actorLabel },
        action: "organization.create",
        entityType: "Organization",
        entityId: org.id,
        after: { name: input.organization, ownerId: owner.id, ownerEmail: input.email },
      });
      return { organizationId: org.id, ownerId: owner.id };
    });
  } catch (error) {
    // Two sign-ups with one address at the same instant: the unique index decides.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw new EmailTakenError();
    throw error;
  }
}

/**
 * Deletes demo organisations (Organization.isDemo, set by lib/seed/demo.ts) with everything in
 * them. `only` limits it to one (the demo owner's button); without it every demo organisation
 * goes (`npm run demo -- remove`). Organisations of one's own are never touched.
 */
export async function removeDemoOrganizations(db: Db, only?: string): Promise<{ removed: string[] }> {
  const demos = await db.organization.findMany({ where: { isDemo: true, ...(only ? { id: only } : {}) }, select: { id: true, name: true } });
  if (demos.length === 0) return { removed: [] };
  const ids = demos.map((d) => d.id);
  await db.$transaction(
    async (tx) => {
      await tx.organization.deleteMany({ where: { id: { in: ids }, isDemo: true } });
      // OrderCount has no foreign key (its triggers keep it); make sure nothing of theirs is left.
      await tx.orderCount.deleteMany({ where: { organizationId: { in: ids } } });
    },
    { timeout: 120_000 },
  );
  return { removed: demos.map((d) => d.name) };
}
