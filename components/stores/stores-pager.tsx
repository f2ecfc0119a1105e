import { getTranslations } from "@/lib/i18n/server";
import { PageLinks, rowRange } from "@/components/ui/page-links";
import type { StoresPage } from "@/lib/data/stores";

/** Page links under the stores list, as under the creators and a supplier's orders. */
export async function StoresPager({ list }: { list: Omit<StoresPage, "stores"> }) {
  if (list.pages <= 1) return null;
  const t = await getTranslations("stores.list.pager");
  const text = {
    label: t("label"),
    summary: t("summary", { ...rowRange(list), total: list.total, page: list.page, pages: list.pages }),
    previous: t("previous"),
    next: t("next"),
  };
  return <PageLinks list={list} href={(page) => (page > 1 ? `/stores?page=${page}` : "/stores")} text={text} testId="stores-pager" />;
}
