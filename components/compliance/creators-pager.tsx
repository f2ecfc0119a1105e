import { getTranslations } from "@/lib/i18n/server";
import { PageLinks, rowRange } from "@/components/ui/page-links";
import type { CreatorsPage } from "@/lib/data/compliance";

/** Page links under the creators, as under a supplier's orders. */
export async function CreatorsPager({ list }: { list: Omit<CreatorsPage, "creators"> }) {
  if (list.pages <= 1) return null;
  const t = await getTranslations("compliance.creators.pager");
  const text = {
    label: t("label"),
    summary: t("summary", { ...rowRange(list), total: list.total, page: list.page, pages: list.pages }),
    previous: t("previous"),
    next: t("next"),
  };
  return <PageLinks list={list} href={(page) => (page > 1 ? `/creators?page=${page}` : "/creators")} text={text} testId="creators-pager" />;
}
