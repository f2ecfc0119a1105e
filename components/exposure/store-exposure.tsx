import { Skeleton } from "@/components/ui/skeleton";
import type { DataScope } from "@/lib/data/scope";
import { getStoreExposure } from "@/lib/data/exposure";
import { StoreExposureView } from "./store-exposure-view";

/**
 * The exposure section of /stores/<id>: an async server component to put inside <Suspense
 * fallback={<StoreExposureSkeleton />}>. The scope comes from the page's session; a store of
 * another organisation throws AppError NOT_FOUND, a supplier scope FORBIDDEN.
 */
export async function StoreExposure({ scope, storeId, now }: { scope: DataScope; storeId: string; now?: Date }) {
  const exposure = await getStoreExposure(scope, storeId, now ?? new Date());
  return <StoreExposureView exposure={exposure} />;
}

/** `label`: the accessible name while loading ("Loading shop performance"), from the page's messages. */
export function StoreExposureSkeleton({ label }: { label: string }) {
  return (
    <div className="space-y-4" aria-busy="true" aria-label={label}>
      <Skeleton className="h-6 w-64" />
      <div className="grid gap-4 md:grid-cols-2 2xl:grid-cols-4">
        {[0, 1, 2, 3].map((i) => (
          <Skeleton key={i} className="h-96" />
        ))}
      </div>
      <Skeleton className="h-48" />
    </div>
  );
}
