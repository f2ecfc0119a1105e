import Link from "next/link";
import { formatHours, formatRate } from "@/components/overview/kpi-format";
import { CHANNEL_TONE } from "@/components/ui/tones";
import { CHANNEL_LABEL } from "@/lib/vocabulary";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import type { StoreSummary } from "@/lib/data/stores";
import { formatCount, zoneAbbreviation } from "@/lib/format";
import type { StoreHealth } from "@/lib/data/connection-health";
import { ConnectionHealthLine } from "./connection-health";
import { FlagBadges, MARKET_KIND } from "./store-figures";

/** Stores as a table on wide screens and as cards on a phone. */
export function StoreList({ stores, now, health }: { stores: StoreSummary[]; now: Date; health?: Map<string, StoreHealth> }) {
  return (
    <>
      <Card className="hidden md:block">
        <Table label="Stores">
          <thead>
            <tr>
              <Th>Store</Th>
              <Th>Market</Th>
              <Th>Time zone</Th>
              <Th className="text-right">Orders 30 d</Th>
              <Th className="text-right">Dispatched</Th>
              <Th className="text-right">Median dispatch</Th>
              <Th className="text-right">Late dispatch</Th>
              <Th>Open flags</Th>
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
                    <Badge tone={CHANNEL_TONE[s.channel]}>{CHANNEL_LABEL[s.channel]}</Badge>
                  </div>
                  {health?.get(s.id) ? (
                    <div className="mt-1">
                      <ConnectionHealthLine health={health.get(s.id)!} />
                    </div>
                  ) : null}
                </Td>
                <Td className="whitespace-nowrap">{MARKET_KIND(s.market, s.kind)}</Td>
                <Td className="whitespace-nowrap">
                  {s.timeZone} <span className="text-slate-500">({zoneAbbreviation(now, s.timeZone)})</span>
                </Td>
                <Td className="text-right tabular-nums">{formatCount(s.figures.orders)}</Td>
                <Td className="text-right tabular-nums">{formatRate(s.figures.dispatched, s.figures.orders)}</Td>
                <Td className="text-right tabular-nums">{formatHours(s.figures.medianDispatchHours)}</Td>
                <Td className="text-right tabular-nums">
                  {formatRate(s.figures.late, s.figures.lateBase)}
                  <div className="text-xs text-slate-500">{s.figures.lateBasis === "DEADLINE" ? "vs TikTok deadline" : "over 48 h"}</div>
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
                      {MARKET_KIND(s.market, s.kind)} · {s.timeZone} ({zoneAbbreviation(now, s.timeZone)})
                    </p>
                  </div>
                  <Badge tone={CHANNEL_TONE[s.channel]} className="shrink-0 whitespace-nowrap">
                    {CHANNEL_LABEL[s.channel]}
                  </Badge>
                </div>
                <dl className="mt-3 grid grid-cols-3 gap-2 text-sm">
                  <div>
                    <dt className="text-xs text-slate-500">Orders 30 d</dt>
                    <dd className="font-semibold tabular-nums">{formatCount(s.figures.orders)}</dd>
                  </div>
                  <div>
                    <dt className="text-xs text-slate-500">Median dispatch</dt>
                    <dd className="font-semibold tabular-nums">{formatHours(s.figures.medianDispatchHours)}</dd>
                  </div>
                  <div>
                    <dt className="text-xs text-slate-500">Late</dt>
                    <dd className="font-semibold tabular-nums">{formatRate(s.figures.late, s.figures.lateBase)}</dd>
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
