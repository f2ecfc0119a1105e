import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "@/lib/i18n/server";
import { Suspense } from "react";
import { StoreExposure, StoreExposureSkeleton } from "@/components/exposure/store-exposure";
import { requirePageUser } from "@/lib/auth";
import { scopeOf } from "@/lib/data/scope";
import { requireExposureStore } from "@/lib/data/exposure";
import { AppError } from "@/lib/errors";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("exposure.overview");
  return { title: t("title") };
}

export default async function StoreExposurePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser(["OWNER", "OPS"]);
  const scope = scopeOf(user);
  const { id } = await params;
  const store = await requireExposureStore(scope, id).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const t = await getTranslations("stores.page");
  return (
    <div className="space-y-4">
      <div>
        <Link href="/stores" className="text-sm text-slate-500 hover:underline">
          {t("back")}
        </Link>
        <h1 className="text-xl font-semibold">{store.name}</h1>
      </div>
      <Suspense fallback={<StoreExposureSkeleton label={t("exposureLoading")} />}>
        <StoreExposure scope={scope} storeId={store.id} />
      </Suspense>
    </div>
  );
}
