import { getTranslations } from "@/lib/i18n/server";
import { Skeleton } from "@/components/ui/skeleton";

export default async function StoresLoading() {
  const t = await getTranslations("shell.loading");
  return (
    <div className="space-y-4" aria-busy="true" aria-label={t("stores")}>
      <Skeleton className="h-7 w-40" />
      <Skeleton className="h-64" />
    </div>
  );
}
