import type { Metadata } from "next";
import { getTranslations } from "@/lib/i18n/server";
import { requirePageUser } from "@/lib/auth";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("floor");
  return { title: t("title") };
}
export const dynamic = "force-dynamic";

/**
 * The framework floor: the dashboard's shell and session check, and no data. `npm run bench`
 * loads it with the same 20 clients as the overview, so a screen's p95 is judged against what
 * any signed-in page costs on the same machine in the same run (docs/benchmarks.md).
 */
export default async function FloorPage() {
  await requirePageUser();
  const t = await getTranslations("floor");
  return (
    <div className="space-y-2">
      <h1 className="text-xl font-semibold">{t("heading")}</h1>
      <p className="text-sm text-slate-500">{t("body")}</p>
    </div>
  );
}
