import { Skeleton } from "@/components/ui/skeleton";

export default function StoresLoading() {
  return (
    <div className="space-y-4" aria-busy="true" aria-label="Loading stores">
      <Skeleton className="h-7 w-40" />
      <Skeleton className="h-64" />
    </div>
  );
}
