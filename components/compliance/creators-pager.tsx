import Link from "next/link";
import type { CreatorsPage } from "@/lib/data/compliance";

/**
 * Page links under the creators (server-rendered, no script): previous, next and where one is,
 * as under a supplier's orders.
 */
export function CreatorsPager({ list }: { list: Omit<CreatorsPage, "creators"> }) {
  if (list.pages <= 1) return null;
  const href = (page: number) => (page > 1 ? `/creators?page=${page}` : "/creators");
  const first = (list.page - 1) * list.pageSize + 1;
  const last = Math.min(list.total, list.page * list.pageSize);
  const link = "rounded-md px-3 py-1.5 text-sm font-medium ring-1 ring-slate-200 hover:bg-slate-50";
  return (
    <nav aria-label="Pages of creators" className="flex flex-wrap items-center justify-between gap-2 text-sm" data-testid="creators-pager">
      <p className="text-slate-500">
        Creators {first}–{last} of {list.total} · page {list.page} of {list.pages}
      </p>
      <div className="flex gap-2">
        {list.page > 1 ? (
          <Link className={link} href={href(list.page - 1)} rel="prev">
            Previous
          </Link>
        ) : null}
        {list.page < list.pages ? (
          <Link className={link} href={href(list.page + 1)} rel="next">
            Next
          </Link>
        ) : null}
      </div>
    </nav>
  );
}
