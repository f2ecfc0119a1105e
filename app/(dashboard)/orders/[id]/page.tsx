import type { Metadata } from "next";
import { getLocale } from "next-intl/server";
import { getTranslations } from "@/lib/i18n/server";
import { notFound } from "next/navigation";
import { BuyerCard, FlagsCard, LinesCard, OrderHeader, TimelineCard, TrackingCard } from "@/components/orders/order-detail";
import { requirePageUser } from "@/lib/auth";
import { getOrderAlerts } from "@/lib/data/alerts";
import { getOrderDetail } from "@/lib/data/orders";
import { getOrderAssignment } from "@/lib/data/routing";
import { OrderSupplierForm } from "@/components/routing/assign-orders";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { WriteBackCard } from "@/components/orders/write-back-card";
import { getOrderWriteBack, pushJson } from "@/lib/data/write-back";
import { scopeOf } from "@/lib/data/scope";
import { ruleTitlesIn } from "@/lib/i18n/policy-text";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("orders.detail");
  return { title: t("metaTitle") };
}

const ID = /^[A-Za-z0-9_-]{1,64}$/;

export default async function OrderPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser();
  const { id } = await params;
  const now = new Date();
  // Not in this organisation (or not this supplier's) and not existing look the same: 404.
  const scope = scopeOf(user);
  const [order, assignment] = ID.test(id)
    ? await Promise.all([getOrderDetail(scope, id, now, await getLocale()), getOrderAssignment(scope, id)])
    : [null, null];
  if (!order) notFound();
  // Staff only: a supplier's view has no write-back.
  const [alerts, writeBack, t] = await Promise.all([
    getOrderAlerts({ ...scope, userId: user.id }, order.id),
    getOrderWriteBack(scope, order.id),
    getTranslations("orders.detail"),
  ]);
  return (
    <div className="space-y-4">
      <OrderHeader order={order} now={now} />
      <div className="grid gap-4 lg:grid-cols-3">
        <div className="min-w-0 space-y-4 lg:col-span-2">
          <FlagsCard order={order} ruleTitles={ruleTitlesIn(await getLocale())} />
          <LinesCard order={order} />
          <TimelineCard order={order} now={now} alerts={alerts} pushes={writeBack?.pushes} />
        </div>
        <div className="min-w-0 space-y-4">
          <TrackingCard order={order} />
          {assignment && assignment.suppliers.length ? (
            <Card>
              <CardHeader title={t("supplier")} description={assignment.supplierId ? undefined : t("unassigned")} />
              <CardBody>
                <OrderSupplierForm orderId={order.id} current={assignment.supplierId} manual={assignment.manual} suppliers={assignment.suppliers} />
              </CardBody>
            </Card>
          ) : null}
          {writeBack ? (
            <WriteBackCard
              order={{
                id: order.id,
                externalId: order.externalId,
                carrier: order.carrier,
                trackingNumber: order.trackingNumber,
                channel: order.channel,
                timeZone: order.store.timeZone,
              }}
              writeBack={{
                connected: writeBack.connected,
                latest: writeBack.latest ? pushJson(writeBack.latest) : null,
                nextUsesTikTokEdit: writeBack.nextUsesTikTokEdit,
                tiktokEditUsed: writeBack.tiktokEditUsed,
              }}
              canWrite={user.role === "OWNER" || user.role === "OPS"}
            />
          ) : null}
          <BuyerCard order={order} />
        </div>
      </div>
    </div>
  );
}
