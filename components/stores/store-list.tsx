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

/** Stores as a table on wide screens and as cards on a phone. */
export async function StoreList({ stores, now, health }: { stores: StoreSummary[]; now: Date; health?: Map<string, StoreHealth> }) {
  const [t, tv, duration] = await Promise.all([getTranslations("stores.table"), getTranslations("vocabulary"), getDurationFormat()]);
  const count = (n: number) => formatCount(n, duration.locale);
  return (
    <>
      <Card className="hidden md:block">
        <Table label={t("label")}>
          <thead>
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
          <tbody>
            {stores.map((s) => (
              <tr key={s.id} className="hover:bg-slate-50" data-testid={`store-row-${s.id}`}>
                <Td>
                  <Link href={`/stores/${s.id}`} className="font-medium text-slate-900 hover:text-teal-700 hover:underline">
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
                <Td className="whitespace-nowrap">
                  <MarketKind market={s.market} kind={s.kind} />
                </Td>
                <Td className="whitespace-nowrap">
                  {s.timeZone} <span className="text-slate-500">({zoneAbbreviation(now, s.timeZone)})</span>
                </Td>
                <Td className="text-right tabular-nums">{count(s.figures.orders)}</Td>
                <Td className="text-right tabular-nums">{formatRate(s.figures.dispatched, s.figures.orders, duration.locale)}</Td>
                <Td className="text-right tabular-nums">{duration.hours(s.figures.medianDispatchHours)}</Td>
                <Td className="text-right tabular-nums">
                  {formatRate(s.figures.late, s.figures.lateBase, duration.locale)}
                  <div className="text-xs text-slate-500">{s.figures.lateBasis === "DEADLINE" ? t("vsDeadline") : t("over48h")}</div>
                </Td>
                <Td>
                  <FlagBadges flags={s.figures.flags} />
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      </Card>

      <ul className="space-y-3 md:hidden">
        {stores.map((s) => (
          <li key={s.id}>
            <Link href={`/stores/${s.id}`} className="block focus-visible:outline-2 focus-visible:outline-slate-900">
              <Card className="p-4 hover:border-slate-300">
                <div className="flex items-start justify-between gap-2">
                  <div className="min-w-0">
                    <p className="truncate font-medium text-slate-900">{s.name}</p>
                    <p className="text-xs text-slate-500">
                      <MarketKind market={s.market} kind={s.kind} /> · {s.timeZone} ({zoneAbbreviation(now, s.timeZone)})
                    </p>
                  </div>
                  <Badge tone={CHANNEL_TONE[s.channel]} className="shrink-0 whitespace-nowrap">
                    {tv(`channel.${s.channel}`)}
                  </Badge>
                </div>
                <dl className="mt-3 grid grid-cols-3 gap-2 text-sm">
                  <div>
                    <dt className="text-xs text-slate-500">{t("orders")}</dt>
                    <dd className="font-semibold tabular-nums">{count(s.figures.orders)}</dd>
                  </div>
                  <div>
                    <dt className="text-xs text-slate-500">{t("median")}</dt>
                    <dd className="font-semibold tabular-nums">{duration.hours(s.figures.medianDispatchHours)}</dd>
                  </div>
                  <div>
                    <dt className="text-xs text-slate-500">{t("lateShort")}</dt>
                    <dd className="font-semibold tabular-nums">{formatRate(s.figures.late, s.figures.lateBase, duration.locale)}</dd>
                  </div>
                </dl>
                <div className="mt-3">
                  <FlagBadges flags={s.figures.flags} />
                </div>
                {health?.get(s.id) ? (
                  <div className="mt-2">
                    <ConnectionHealthLine health={health.get(s.id)!} />
                  </div>
                ) : null}
              </Card>
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}
