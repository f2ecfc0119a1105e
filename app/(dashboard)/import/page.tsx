import type { Metadata } from "next";
import { Suspense } from "react";
import { ImportForm } from "@/components/import/import-form";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { requirePageUser } from "@/lib/auth";
import { listImportStores } from "@/lib/data/imports";
import { type DataScope, scopeOf } from "@/lib/data/scope";

export const metadata: Metadata = { title: "Import orders" };

export default async function ImportPage() {
  const user = await requirePageUser(["OWNER", "OPS"]);
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-xl font-semibold">Import orders</h1>
        <p className="text-sm text-slate-500">
          TikTok Shop Seller Center exports (CSV or XLSX) and Shopify order exports (CSV). Importing the same file again changes nothing; a later export updates
          the orders it contains.
        </p>
      </div>
      <Suspense fallback={<Skeleton className="h-48" />}>
        <ImportSection scope={scopeOf(user)} />
      </Suspense>
    </div>
  );
}

async function ImportSection({ scope }: { scope: DataScope }) {
  const stores = await listImportStores(scope);
  if (stores.length === 0) return <EmptyState title="No stores yet">Add a store before importing its orders.</EmptyState>;
  return <ImportForm stores={stores} />;
}
