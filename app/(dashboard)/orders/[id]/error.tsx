"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";

export default function OrderError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("orders");
  const tc = useTranslations("common");
  return (
    <Card className="p-4" role="alert">
      <p className="text-sm font-semibold text-rose-800">{t("orderLoadError")}</p>
      <p className="mt-1 text-sm text-slate-600">{t("ourSide")}</p>
      <Button variant="secondary" className="mt-3" onClick={reset}>
        {tc("tryAgain")}
      </Button>
    </Card>
  );
}
