"use client";

import { useTranslations } from "next-intl";
import { PageError } from "@/components/layout/page-error";

export default function StoresError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("errors.boundary");
  return <PageError title={t("stores")} reset={reset} />;
}
