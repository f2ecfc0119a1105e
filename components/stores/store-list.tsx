import Link from "next/link";
import { getTranslations } from "@/lib/i18n/server";
import { formatRate } from "@/components/overview/kpi-format";
import { CHANNEL_TONE } from "@/components/ui/tones";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { Table, Th } from "@/components/ui/table";
import type { StoreSummary } from "@/lib/data/stores";
import { formatCount, zoneAbbreviation } from "@/lib/format";
import type { StoreHealth } from "@/lib/data/connection-health";
import { ConnectionHealthLine } from "./connection-health";
import { getDurationFormat } from "./durations";
import { FlagBadges, MarketKind } from "./store-figures";

/**
 * How every row and cell of the list looks, said once on the table body instead of on each of
 * fifty rows' eight cells (2 kB of class names per row, twice over with the page's payload: the
 * stores page was 600 kB and its render time followed; docs/benchmarks.md). Columns: 1 the store,
 * 2 market, 3 zone, 4–7 the figures, 8 open flags. Below md each row is a card: a two-column grid
 * with a label (`<small>`) over each figure.
 */
const ROWS = [
  "max-md:block max-md:space-y-3",
  // Rows: a hover tint on wide screens, a card on a phone.
  "[&>tr]:hover:bg-slate-50 max-md:[&>tr]:grid max-md:[&>tr]:grid-cols-2 max-md:[&>tr]:gap-x-2 max-md:[&>tr]:gap-y-2 max-md:[&>tr]:rounded-xl",
  "max-md:[&>tr]:border max-md:[&>tr]:border-slate-200 max-md:[&>tr]:bg-white max-md:[&>tr]:p-4 max-md:[&>tr]:shadow-sm",
  // Cells: the table's padding and rule; a block in the card's grid below md.
  "[&>tr>td]:border-b [&>tr>td]:border-slate-100 [&>tr>td]:px-3 [&>tr>td]:py-2 [&>tr>td]:align-top max-md:[&>tr>td]:block max-md:[&>tr>td]:border-0 max-md:[&>tr>td]:p-0",
  // The store's name across the card; the open flags too.
  "max-md:[&>tr>td:first-child]:col-span-2 max-md:[&>tr>td:first-child]:min-w-0 max-md:[&>tr>td:last-child]:col-span-2",
  "[&>tr>td>a]:font-medium [&>tr>td>a]:text-slate-900 [&>tr>td>a:hover]:text-teal-700 [&>tr>td>a:hover]:underline max-md:[&>tr>td>a]:block max-md:[&>tr>td>a]:truncate",
  // Market and zone: one line, small and grey on a phone.
  "[&>tr>td:nth-child(n+2):nth-child(-n+3)]:whitespace-nowrap max-md:[&>tr>td:nth-child(n+2):nth-child(-n+3)]:text-xs max-md:[&>tr>td:nth-child(n+2):nth-child(-n+3)]:text-slate-500",
  // The figures: right-aligned digits in the table, bold under their label on a phone.
  "[&>tr>td:nth-child(n+4):nth-child(-n+7)]:text-right [&>tr>td:nth-child(n+4):nth-child(-n+7)]:tabular-nums",
  "max-md:[&>tr>td:nth-child(n+4):nth-child(-n+7)]:text-left max-md:[&>tr>td:nth-child(n+4):nth-child(-n+7)]:font-semibold",
  "[&_small]:block [&_small]:text-xs [&_small]:font-normal [&_small]:text-slate-500 md:[&_small]:hidden",
].join(" ");

/**
 * Stores as a table on wide screens and as one card per store on a phone: the same rows, restyled
 * below md (each row a card, each figure with its own label), so the page renders every store
 * once. Fifty stores rendered as a table and again as hidden cards cost the stores page half its
 * render time (docs/benchmarks.md).
 */
export async function StoreList({ stores, now, health }: { stores: StoreSummary[]; now: Date; health?: Map<string, StoreHealth> }) {
  const [t, tv, duration] = await Promise.all([getTranslations("stores.table"), getTranslations("vocabulary"), getDurationFormat()]);
  const count = (n: number) => formatCount(n, duration.locale);
  return (
    <Card className="max-md:border-0 max-md:bg-transparent max-md:shadow-none">
      <Table label={t("label")} className="max-md:block">
        <thead className="max-md:hidden">
          <tr>
            <Th>{t("store")}</Th>
            <Th>{t("market")}</Th>
            <Th>{t("timeZone")}</Th>
            {/* Headers wrap when a language's words do not fit (Dutch); English fits on one line. */}
            <Th className="text-right whitespace-normal">{t("orders")}</Th>
            <Th className="text-right whitespace-normal">{t("dispatched")}</Th>
            <Th className="text-right whitespace-normal">{t("median")}</Th>
            <Th className="text-right whitespace-normal">{t("late")}</Th>
            <Th>{t("openFlags")}</Th>
          </tr>
        </thead>
        <tbody className={ROWS}>
          {stores.map((s) => (
            <tr key={s.id} data-testid={`store-row-${s.id}`}>
              <td>
                <Link href={`/stores/${s.id}`}>{s.name}</Link>
                <div className="mt-0.5">
                  <Badge tone={CHANNEL_TONE[s.channel]}>{tv(`channel.${s.channel}`)}</Badge>
                </div>
                {health?.get(s.id) ? (
                  <div className="mt-1">
                    <ConnectionHealthLine health={health.get(s.id)!} />
                  </div>
                ) : null}
              </td>
              <td>
                <MarketKind market={s.market} kind={s.kind} />
              </td>
              <td>
                {s.timeZone} ({zoneAbbreviation(now, s.timeZone)})
              </td>
              <td>
                <small>{t("orders")}</small>
                {count(s.figures.orders)}
              </td>
              <td>
                <small>{t("dispatched")}</small>
                {formatRate(s.figures.dispatched, s.figures.orders, duration.locale)}
              </td>
              <td>
                <small>{t("median")}</small>
                {duration.hours(s.figures.medianDispatchHours)}
              </td>
              <td>
                <small>{t("lateShort")}</small>
                {formatRate(s.figures.late, s.figures.lateBase, duration.locale)}
                <div className="text-xs font-normal text-slate-500">{s.figures.lateBasis === "DEADLINE" ? t("vsDeadline") : t("over48h")}</div>
              </td>
              <td>
                <FlagBadges flags={s.figures.flags} />
              </td>
            </tr>
          ))}
        </tbody>
      </Table>
    </Card>
  );
}
