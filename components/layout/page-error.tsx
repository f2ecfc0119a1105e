"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";

/** The error boundary body of a screen (its error.tsx): what could not be loaded, and a retry. */
export function PageError({ title, reset }: { title: string; reset: () => void }) {
  const t = useTranslations("errors.boundary");
  return (
    <Card className="p-4" role="alert">
      <p className="text-sm font-semibold text-rose-800">{title}</p>
      <p className="mt-1 text-sm text-slate-600">{t("body")}</p>
      <Button variant="secondary" className="mt-3" onClick={reset}>
        {t("retry")}
      </Button>
    </Card>
  );
}

/** The same for a screen whose refusal changed nothing (the risk queue, returns): a tinted panel. */
export function PanelError({ title, reset }: { title: string; reset: () => void }) {
  const t = useTranslations("errors.boundary");
  return (
    <div role="alert" className="rounded-xl border border-rose-200 bg-rose-50 px-4 py-6 text-sm text-rose-900">
      <p className="font-semibold">{title}</p>
      <p className="mt-1">{t("nothingChanged")}</p>
      <Button variant="secondary" className="mt-3" onClick={reset}>
        {t("retry")}
      </Button>
    </div>
  );
}
