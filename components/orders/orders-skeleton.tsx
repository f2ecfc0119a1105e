import { useTranslations } from "@/lib/i18n/server";
import { Skeleton } from "@/components/ui/skeleton";

export function OrdersSkeleton() {
  const t = useTranslations("orders.list");
  return (
    <div className="space-y-4" aria-busy aria-label={t("loadingLabel")}>
      <Skeleton className="h-36" />
      <Skeleton className="h-6 w-40" />
      {Array.from({ length: 8 }, (_, i) => (
        <Skeleton key={i} className="h-12" />
      ))}
    </div>
  );
}
