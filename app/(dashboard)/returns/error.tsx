"use client";

import { Button } from "@/components/ui/button";

export default function ReturnsError({ reset }: { error: Error; reset: () => void }) {
  return (
    <div role="alert" className="rounded-xl border border-rose-200 bg-rose-50 px-4 py-6 text-sm text-rose-900">
      <p className="font-semibold">The returns could not be loaded.</p>
      <p className="mt-1">Nothing was changed. Try again in a moment.</p>
      <Button variant="secondary" className="mt-3" onClick={reset}>
        Try again
      </Button>
    </div>
  );
}
