import { getTranslations } from "next-intl/server";
import { Skeleton } from "@/components/ui/skeleton";

export default async function StoresLoading() {
  const t = await getTranslations("stores");
  return (
    <div className="space-y-4" aria-busy="true" aria-label={t("list.loading")}>
      <Skeleton className="h-7 w-40" />
      <Skeleton className="h-64" />
    </div>
  );
}
