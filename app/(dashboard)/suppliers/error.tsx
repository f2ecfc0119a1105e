"use client";

import { PageError } from "@/components/stores/page-error";

export default function SuppliersError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <PageError what="suppliers" reset={reset} />;
}
