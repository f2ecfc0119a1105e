import Link from "next/link";
import { getTranslations } from "@/lib/i18n/server";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

export default async function OrderNotFound() {
  const t = await getTranslations("errors.orderNotFound");
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">{t("title")}</h1>
      <EmptyState title={t("emptyTitle")}>
        <p>{t("body")}</p>
        <Link href="/orders" className={buttonClasses("secondary", "mt-3")}>
          {t("back")}
        </Link>
      </EmptyState>
    </div>
  );
}
