import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { formatRate } from "@/components/overview/kpi-format";
import { CHANNEL_TONE } from "@/components/ui/tones";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import type { StoreSummary } from "@/lib/data/stores";
import { formatCount, zoneAbbreviation } from "@/lib/format";
import type { StoreHealth } from "@/lib/data/connection-health";
import { ConnectionHealthLine } from "./connection-health";
import { getDurationFormat } from "./durations";
import { FlagBadges, MarketKind } from "./store-figures";

/**
 * Stores as a table on wide screens and as one card per store on a phone: the same rows, restyled
 * below md (each row a card, each figure with its own label), so the page renders every store
 * once. Fifty stores rendered as a table and again as hidden cards cost the stores page half its
 * render time (docs/benchmarks.md).
 */
export async function StoreList({ stores, now, health }: { stores: StoreSummary[]; now: Date; health?: Map<string, StoreHealth> }) {
  const [t, tv, duration] = await Promise.all([getTranslations("stores.table"), getTranslations("vocabulary"), getDurationFormat()]);
  const count = (n: number) => formatCount(n, duration.locale);
  // Below md a cell is a block in the card's grid, without the table's padding and rule.
  const cell = "max-md:block max-md:border-0 max-md:p-0";
  const figure = `${cell} text-right tabular-nums max-md:text-left max-md:font-semibold`;
  const label = (text: string) => <span className="block text-xs font-normal text-slate-500 md:hidden">{text}</span>;
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
        <tbody className="max-md:block max-md:space-y-3">
          {stores.map((s) => (
            <tr
              key={s.id}
              className="hover:bg-slate-50 max-md:grid max-md:grid-cols-2 max-md:gap-x-2 max-md:gap-y-2 max-md:rounded-xl max-md:border max-md:border-slate-200 max-md:bg-white max-md:p-4 max-md:shadow-sm"
              data-testid={`store-row-${s.id}`}
            >
              <Td className={`${cell} max-md:col-span-2 max-md:min-w-0`}>
                <Link href={`/stores/${s.id}`} className="font-medium text-slate-900 hover:text-teal-700 hover:underline max-md:block max-md:truncate">
                  {s.name}
                </Link>
                <div className="mt-0.5">
                  <Badge tone={CHANNEL_TONE[s.channel]}>{tv(`channel.${s.channel}`)}</Badge>
                </div>
                {health?.get(s.id) ? (
                  <div className="mt-1">
                    <ConnectionHealthLine health={health.get(s.id)!} />
                  </div>
                ) : null}
              </Td>
              <Td className={`${cell} whitespace-nowrap max-md:text-xs max-md:text-slate-500`}>
                <MarketKind market={s.market} kind={s.kind} />
              </Td>
              <Td className={`${cell} whitespace-nowrap max-md:text-xs max-md:text-slate-500`}>
                {s.timeZone} <span className="text-slate-500">({zoneAbbreviation(now, s.timeZone)})</span>
              </Td>
              <Td className={figure}>
                {label(t("orders"))}
                {count(s.figures.orders)}
              </Td>
              <Td className={figure}>
                {label(t("dispatched"))}
                {formatRate(s.figures.dispatched, s.figures.orders, duration.locale)}
              </Td>
              <Td className={figure}>
                {label(t("median"))}
                {duration.hours(s.figures.medianDispatchHours)}
              </Td>
              <Td className={figure}>
                {label(t("lateShort"))}
                {formatRate(s.figures.late, s.figures.lateBase, duration.locale)}
                <div className="text-xs font-normal text-slate-500">{s.figures.lateBasis === "DEADLINE" ? t("vsDeadline") : t("over48h")}</div>
              </Td>
              <Td className={`${cell} max-md:col-span-2`}>
                <FlagBadges flags={s.figures.flags} />
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </Card>
  );
}
