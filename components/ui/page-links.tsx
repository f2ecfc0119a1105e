import Link from "next/link";

/** Where one page of a bounded list sits: its page, the page count, its size and the total. */
export type PageOfList = { page: number; pages: number; pageSize: number; total: number };

/** The first and last row numbers shown on `list`'s page (1-based), for "Orders 51–100 of 240". */
export function rowRange(list: PageOfList): { first: number; last: number } {
  return { first: (list.page - 1) * list.pageSize + 1, last: Math.min(list.total, list.page * list.pageSize) };
}

/**
 * Previous / next links under a server-rendered list (no script), with where one is. The words
 * come from the caller's own messages (each list names its rows).
 */
export function PageLinks({
  list,
  href,
  text,
  testId,
}: {
  list: PageOfList;
  href: (page: number) => string;
  text: { label: string; summary: string; previous: string; next: string };
  testId: string;
}) {
  if (list.pages <= 1) return null;
  const link = "rounded-md px-3 py-1.5 text-sm font-medium ring-1 ring-slate-200 hover:bg-slate-50";
  return (
    <nav aria-label={text.label} className="flex flex-wrap items-center justify-between gap-2 text-sm" data-testid={testId}>
      <p className="text-slate-500">{text.summary}</p>
      <div className="flex gap-2">
        {list.page > 1 ? (
          <Link className={link} href={href(list.page - 1)} rel="prev">
            {text.previous}
          </Link>
        ) : null}
        {list.page < list.pages ? (
          <Link className={link} href={href(list.page + 1)} rel="next">
            {text.next}
          </Link>
        ) : null}
      </div>
    </nav>
  );
}
