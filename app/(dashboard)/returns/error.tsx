"use client";

import { useTranslations } from "next-intl";
import { PanelError } from "@/components/layout/page-error";

export default function ReturnsError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("errors.boundary");
  return <PanelError title={t("returns")} reset={reset} />;
}
