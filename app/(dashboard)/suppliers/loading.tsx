import { getTranslations } from "@/lib/i18n/server";
import { Skeleton } from "@/components/ui/skeleton";

export default async function SuppliersLoading() {
  const t = await getTranslations("shell.loading");
  return (
    <div className="space-y-4" aria-busy="true" aria-label={t("suppliers")}>
      <Skeleton className="h-7 w-40" />
      <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
        <Skeleton className="h-72" />
        <Skeleton className="h-72" />
      </div>
    </div>
  );
}
