"use client";

import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { TrackingFixForm } from "@/components/risk/tracking-fix-form";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { retryPush } from "@/lib/actions/pushes";
import { formatInstant } from "@/lib/format";
import { intlLocale } from "@/lib/i18n/intl-locale";

// The order's write-back: where its tracking stands on the platform (pending → sent → failed with
// the platform's message and a Retry), the fix form for owner/ops, and TikTok's one-edit warning.

export type WriteBackView = {
  connected: boolean;
  latest: {
    id: string;
    status: "pending" | "sent" | "failed";
    platformId: string | null;
    message: string | null;
    attempts: number;
    createdAt: string;
    sentAt: string | null;
  } | null;
  nextUsesTikTokEdit: boolean;
  tiktokEditUsed: boolean;
};

type Props = {
  order: { id: string; externalId: string; carrier: string | null; trackingNumber: string | null; channel: "TIKTOK_SHOP" | "BRAND_SITE"; timeZone: string };
  writeBack: WriteBackView;
  canWrite: boolean;
};

const STATUS_TONE = { pending: "warning", sent: "success", failed: "critical" } as const;

export function WriteBackCard({ order, writeBack, canWrite }: Props) {
  const router = useRouter();
  const [fixing, setFixing] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const t = useTranslations("orders.writeBack");
  const tf = useTranslations("risk.fix");
  const locale = intlLocale(useLocale());
  const platform = order.channel === "TIKTOK_SHOP" ? "TikTok Shop" : "Shopify";
  const latest = writeBack.latest;

  function retry(pushId: string) {
    startTransition(async () => {
      const r = await retryPush({ pushId });
      setNotice(r.ok ? (r.message ?? t("queuedAgain")) : r.message);
      router.refresh();
    });
  }

  return (
    <Card data-testid="write-back">
      <CardHeader title={t("title", { platform })} description={writeBack.connected ? t("connected") : t("notConnected")} />
      <CardBody className="space-y-3 text-sm">
        {latest ? (
          <div className="space-y-1" data-testid="write-back-state" data-status={latest.status}>
            <div className="flex items-center gap-2">
              <Badge tone={STATUS_TONE[latest.status]}>{t(`status.${latest.status}`)}</Badge>
              <span className="text-slate-600">
                {latest.status === "sent" && latest.sentAt
                  ? `${formatInstant(new Date(latest.sentAt), order.timeZone, locale)}${latest.platformId ? ` · ${latest.platformId}` : ""}`
                  : t("queuedAt", { at: formatInstant(new Date(latest.createdAt), order.timeZone, locale) })}
              </span>
            </div>
            {latest.message ? <p className={latest.status === "failed" ? "text-rose-700" : "text-slate-600"}>{latest.message}</p> : null}
            {latest.status === "failed" && canWrite ? (
              <Button size="sm" variant="secondary" disabled={pending} onClick={() => retry(latest.id)}>
                {pending ? t("retrying") : t("retry")}
              </Button>
            ) : null}
          </div>
        ) : writeBack.connected ? (
          <p className="text-slate-600">{t("nothingYet")}</p>
        ) : null}
        {writeBack.tiktokEditUsed ? <p className="text-amber-800">{t("editUsed")}</p> : null}
        {notice ? <p role="status">{notice}</p> : null}
        {canWrite && !fixing ? (
          <Button size="sm" variant="secondary" onClick={() => setFixing(true)}>
            {order.trackingNumber ? t("correctTracking") : t("addTracking")}
          </Button>
        ) : null}
        {canWrite && fixing ? (
          <TrackingFixForm
            orderId={order.id}
            externalId={order.externalId}
            carrier={order.carrier}
            trackingNumber={order.trackingNumber}
            warning={writeBack.nextUsesTikTokEdit ? tf("editWarning") : null}
            onCancel={() => setFixing(false)}
            onDone={(message) => {
              setFixing(false);
              setNotice(message);
              router.refresh();
            }}
          />
        ) : null}
      </CardBody>
    </Card>
  );
}
