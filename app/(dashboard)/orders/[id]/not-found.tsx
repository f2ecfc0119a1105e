import Link from "next/link";
import { useTranslations } from "next-intl";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

export default function OrderNotFound() {
  const t = useTranslations("orders.notFound");
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
