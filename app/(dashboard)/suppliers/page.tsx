import type { Metadata } from "next";
import { Suspense } from "react";
import { Scorecard } from "@/components/suppliers/scorecard";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { requirePageUser } from "@/lib/auth";
import { type DataScope, scopeOf } from "@/lib/data/scope";
import { SCORECARD_DAYS, listSupplierScorecards } from "@/lib/data/suppliers";

export const metadata: Metadata = { title: "Suppliers" };

// Owners and ops see every supplier of the organisation. A supplier login sees only its own
// scorecard (the query filters by the session's supplierId): the card holds no money, buyer data
// or other suppliers, and "how am I doing against my promise" is theirs to know.
export default async function SuppliersPage() {
  const user = await requirePageUser();
  const scope = scopeOf(user);
  const isSupplier = scope.role === "SUPPLIER";
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-xl font-semibold">{isSupplier ? "Your scorecard" : "Suppliers"}</h1>
        <p className="text-sm text-slate-500">
          Promised service levels against what happened · orders placed in the last {SCORECARD_DAYS} days, cancelled excluded
        </p>
      </div>
      <Suspense
        fallback={
          <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
            <Skeleton className="h-72" />
            <Skeleton className="h-72" />
          </div>
        }
      >
        <ScorecardsSection scope={scope} />
      </Suspense>
    </div>
  );
}

async function ScorecardsSection({ scope }: { scope: DataScope }) {
  const cards = await listSupplierScorecards(scope, new Date());
  if (cards.length === 0) return <EmptyState title="No suppliers yet">Suppliers appear here once they are added and orders are assigned to them.</EmptyState>;
  return (
    <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
      {cards.map((card) => (
        <Scorecard key={card.id} card={card} />
      ))}
    </div>
  );
}
