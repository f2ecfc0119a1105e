"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";

export default function RiskError({ reset }: { error: Error; reset: () => void }) {
  const t = useTranslations("risk");
  const tc = useTranslations("common");
  return (
    <div role="alert" className="rounded-xl border border-rose-200 bg-rose-50 px-4 py-6 text-sm text-rose-900">
      <p className="font-semibold">{t("loadError")}</p>
      <p className="mt-1">{t("nothingChanged")}</p>
      <Button variant="secondary" className="mt-3" onClick={reset}>
        {tc("tryAgain")}
      </Button>
    </div>
  );
}
