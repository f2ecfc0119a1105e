import type { Db } from "@/lib/database/client";
import { recordAudit, type AuditEntry } from "@/lib/audit";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { NewStoreInput } from "@/lib/validations/setup";

type Actor = AuditEntry["actor"];

const nameTaken = () =>
  new AppError("CONFLICT", "Another store in your organisation already has this name.", {
    fieldErrors: { name: "Another store in your organisation already has this name." },
  });

/**
 * Adds a store to the organisation (the owner's form and `npm run store -- add`), audited in the
 * same transaction. A name the organisation already uses is a field error on `name`.
 */
export async function createStore(db: Db, organizationId: string, input: NewStoreInput, actor: Actor, now: Date): Promise<{ id: string }> {
  if (input.defaultSupplierId) {
    const supplier = await db.supplier.findFirst({ where: { id: input.defaultSupplierId, organizationId }, select: { id: true } });
    if (!supplier) throw new AppError("BAD_REQUEST", "Check the highlighted fields.", { fieldErrors: { defaultSupplierId: "Choose one of your suppliers." } });
  }
  const joinedOn = input.joinedOn ?? now.toISOString().slice(0, 10);
  try {
    return await db.$transaction(async (tx) => {
      const store = await tx.store.create({
        data: {
          organizationId,
          name: input.name,
          channel: input.channel,
          market: input.market,
          kind: input.kind,
          timeZone: input.timeZone,
          currency: input.currency,
          joinedOn: new Date(`${joinedOn}T00:00:00Z`),
          defaultSupplierId: input.defaultSupplierId ?? null,
        },
        select: { id: true },
      });
      await recordAudit(tx, {
        organizationId,
        actor,
        action: "store.create",
        entityType: "Store",
        entityId: store.id,
        after: {
          name: input.name,
          channel: input.channel,
          market: input.market,
          kind: input.kind,
          timeZone: input.timeZone,
          currency: input.currency,
          joinedOn,
          defaultSupplierId: input.defaultSupplierId ?? null,
        },
      });
      return store;
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw nameTaken();
    throw error;
  }
}
