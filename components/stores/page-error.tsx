"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";

/** The error boundary body of the overview, stores and suppliers screens. */
export function PageError({ what, reset }: { what: "overview" | "stores" | "suppliers"; reset: () => void }) {
  const t = useTranslations("stores.pageError");
  return (
    <Card className="p-4" role="alert">
      <p className="text-sm font-semibold text-rose-800">{t(what)}</p>
      <p className="mt-1 text-sm text-slate-600">{t("body")}</p>
      <Button variant="secondary" className="mt-3" onClick={reset}>
        {t("retry")}
      </Button>
    </Card>
  );
}
