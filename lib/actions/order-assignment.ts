"use server";

import { revalidatePath } from "next/cache";
import { recordAudit } from "@/lib/audit";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { routeWrittenOrders, prismaRunner } from "@/lib/ingest/routing";
import { assignOrdersSchema } from "@/lib/validations/setup";
import { defineAction, fieldError, succeed } from "./define-action";

/**
 * Manual supplier assignment, for one order (its detail page) or many (the orders list): the
 * orders go to the chosen supplier and routing rules leave them there from now on. "Back to the
 * rules" (no supplier chosen) clears the override and routes them by the rules again.
 */
export const assignOrdersAction = defineAction({ roles: ["OWNER", "OPS"], schema: assignOrdersSchema }, async ({ orderIds, supplierId }, { user, t }) => {
  const ids = [...new Set(orderIds)];
  const result = await db.$transaction(async (tx) => {
    const supplier = supplierId
      ? await tx.supplier.findFirst({ where: { id: supplierId, organizationId: user.organizationId }, select: { id: true, name: true } })
      : null;
    if (supplierId && !supplier) throw fieldError("supplierId", t("suppliers.actions.chooseSupplier"), t("suppliers.actions.checkFields"));
    const orders = await tx.order.findMany({
      where: { id: { in: ids }, organizationId: user.organizationId },
      select: { id: true, externalId: true, supplierId: true, supplierManual: true },
    });
    if (orders.length === 0) throw new AppError("NOT_FOUND", t("suppliers.assign.noneFound"));
    const found = orders.map((o) => o.id);
    if (supplier) {
      await tx.order.updateMany({ where: { id: { in: found }, organizationId: user.organizationId }, data: { supplierId: supplier.id, supplierManual: true } });
      await tx.riskFlag.updateMany({ where: { orderId: { in: found }, organizationId: user.organizationId }, data: { supplierId: supplier.id } });
    } else {
      await tx.order.updateMany({ where: { id: { in: found }, organizationId: user.organizationId }, data: { supplierManual: false } });
      // Back to the rules, whatever the status: a person asked for these orders explicitly.
      await tx.order.updateMany({ where: { id: { in: found }, organizationId: user.organizationId }, data: { supplierId: null } });
      await routeWrittenOrders(prismaRunner(tx), user.organizationId, found);
    }
    const after = await tx.order.findMany({ where: { id: { in: found } }, select: { id: true, supplierId: true } });
    const afterById = new Map(after.map((o) => [o.id, o.supplierId]));
    for (const o of orders) {
      await recordAudit(tx, {
        organizationId: user.organizationId,
        actor: { id: user.id, email: user.email },
        action: supplier ? "order.assign_supplier" : "order.route_by_rules",
        entityType: "Order",
        entityId: o.id,
        before: { supplierId: o.supplierId, manual: o.supplierManual },
        after: { supplierId: afterById.get(o.id) ?? null, manual: Boolean(supplier) },
      });
    }
    return { count: orders.length, supplierName: supplier?.name ?? null, missing: ids.length - orders.length };
  });
  revalidatePath("/orders");
  revalidatePath("/");
  revalidatePath("/suppliers");
  const done = result.supplierName
    ? t("suppliers.assign.assigned", { count: result.count, supplier: result.supplierName })
    : t("suppliers.assign.routedByRules", { count: result.count });
  return succeed({ count: result.count }, result.missing ? t("suppliers.assign.withMissing", { done, missing: result.missing }) : done);
});
