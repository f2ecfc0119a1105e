"use client";

import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";

/** The error boundary body of the overview, stores and suppliers screens. */
export function PageError({ what, reset }: { what: string; reset: () => void }) {
  return (
    <Card className="p-4" role="alert">
      <p className="text-sm font-semibold text-rose-800">{what} could not be loaded</p>
      <p className="mt-1 text-sm text-slate-600">Something went wrong on our side. Try again in a moment.</p>
      <Button variant="secondary" className="mt-3" onClick={reset}>
        Try again
      </Button>
    </Card>
  );
}
