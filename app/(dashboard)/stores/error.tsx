"use client";

import { PageError } from "@/components/stores/page-error";

export default function StoresError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <PageError what="stores" reset={reset} />;
}
