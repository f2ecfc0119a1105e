import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { CreatorsPage } from "@/lib/data/compliance";

/**
 * Page links under the creators (server-rendered, no script): previous, next and where one is,
 * as under a supplier's orders.
 */
export async function CreatorsPager({ list }: { list: Omit<CreatorsPage, "creators"> }) {
  if (list.pages <= 1) return null;
  const t = await getTranslations("compliance.creators.pager");
  const href = (page: number) => (page > 1 ? `/creators?page=${page}` : "/creators");
  const first = (list.page - 1) * list.pageSize + 1;
  const last = Math.min(list.total, list.page * list.pageSize);
  const link = "rounded-md px-3 py-1.5 text-sm font-medium ring-1 ring-slate-200 hover:bg-slate-50";
  return (
    <nav aria-label={t("label")} className="flex flex-wrap items-center justify-between gap-2 text-sm" data-testid="creators-pager">
      <p className="text-slate-500">{t("summary", { first, last, total: list.total, page: list.page, pages: list.pages })}</p>
      <div className="flex gap-2">
        {list.page > 1 ? (
          <Link className={link} href={href(list.page - 1)} rel="prev">
            {t("previous")}
          </Link>
        ) : null}
        {list.page < list.pages ? (
          <Link className={link} href={href(list.page + 1)} rel="next">
            {t("next")}
          </Link>
        ) : null}
      </div>
    </nav>
  );
}
