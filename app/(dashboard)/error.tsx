"use client";

import { PageError } from "@/components/stores/page-error";

export default function OverviewError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <PageError what="overview" reset={reset} />;
}
