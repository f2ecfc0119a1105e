import type { Metadata } from "next";
import { getTranslations } from "@/lib/i18n/server";
import { Suspense } from "react";
import { ImportForm } from "@/components/import/import-form";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { requirePageUser } from "@/lib/auth";
import { listImportStores } from "@/lib/data/imports";
import { type DataScope, scopeOf } from "@/lib/data/scope";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("import");
  return { title: t("title") };
}

export default async function ImportPage() {
  const user = await requirePageUser(["OWNER", "OPS"]);
  const t = await getTranslations("import");
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-xl font-semibold">{t("title")}</h1>
        <p className="text-sm text-slate-500">{t("intro")}</p>
      </div>
      <Suspense fallback={<Skeleton className="h-48" />}>
        <ImportSection scope={scopeOf(user)} />
      </Suspense>
    </div>
  );
}

async function ImportSection({ scope }: { scope: DataScope }) {
  const [stores, t] = await Promise.all([listImportStores(scope), getTranslations("import")]);
  if (stores.length === 0) return <EmptyState title={t("noStoresTitle")}>{t("noStoresBody")}</EmptyState>;
  return <ImportForm stores={stores} />;
}
