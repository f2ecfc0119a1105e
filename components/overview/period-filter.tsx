"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useState } from "react";
import { buttonClasses } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";

export type PeriodFilterProps = {
  period: "7" | "30" | "90" | "custom";
  fromDate: string;
  toDate: string;
  storeId: string | null;
  stores: { id: string; name: string }[];
};

const PRESETS = ["7", "30", "90"] as const;

/** Period and store live in the URL, so a view can be shared and the back button works. */
export function PeriodFilter({ period, fromDate, toDate, storeId, stores }: PeriodFilterProps) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const [customOpen, setCustomOpen] = useState(period === "custom");
  const t = useTranslations("overview.filter");

  const hrefWith = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params.toString());
    for (const [k, v] of Object.entries(changes)) {
      if (v === null) next.delete(k);
      else next.set(k, v);
    }
    const qs = next.toString();
    return qs ? `${pathname}?${qs}` : pathname;
  };

  return (
    <div className="flex flex-col gap-3 sm:flex-row sm:flex-wrap sm:items-end">
      <div>
        <span className="mb-1 block text-xs font-medium text-slate-500" id="period-label">
          {t("period")}
        </span>
        <div role="group" aria-labelledby="period-label" className="inline-flex flex-wrap rounded-lg bg-slate-100 p-0.5">
          {PRESETS.map((p) => (
            <Link
              key={p}
              href={hrefWith({ period: p, from: null, to: null })}
              aria-current={period === p ? "true" : undefined}
              className={cn(
                "rounded-md px-2.5 py-1.5 text-sm font-medium whitespace-nowrap focus-visible:outline-2 focus-visible:outline-slate-900 sm:px-3",
                period === p ? "bg-white text-slate-900 shadow-sm" : "text-slate-600 hover:text-slate-900",
              )}
            >
              {t("days", { days: Number(p) })}
            </Link>
          ))}
          <button
            type="button"
            aria-expanded={customOpen}
            aria-controls="custom-range"
            onClick={() => setCustomOpen((o) => !o)}
            className={cn(
              "rounded-md px-2.5 py-1.5 text-sm font-medium whitespace-nowrap focus-visible:outline-2 focus-visible:outline-slate-900 sm:px-3",
              period === "custom" ? "bg-white text-slate-900 shadow-sm" : "text-slate-600 hover:text-slate-900",
            )}
          >
            {t("custom")}
          </button>
        </div>
      </div>

      <div className="sm:w-56">
        <label htmlFor="store-filter" className="mb-1 block text-xs font-medium text-slate-500">
          {t("store")}
        </label>
        <Select id="store-filter" value={storeId ?? ""} onChange={(e) => router.push(hrefWith({ store: e.target.value || null }))} className="py-1.5">
          <option value="">{t("allStores")}</option>
          {stores.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </Select>
      </div>

      {customOpen ? (
        <form id="custom-range" method="get" action={pathname} className="flex flex-wrap items-end gap-2">
          <input type="hidden" name="period" value="custom" />
          {storeId ? <input type="hidden" name="store" value={storeId} /> : null}
          <div>
            <label htmlFor="range-from" className="mb-1 block text-xs font-medium text-slate-500">
              {t("from")}
            </label>
            <Input id="range-from" type="date" name="from" defaultValue={fromDate} required className="py-1.5" />
          </div>
          <div>
            <label htmlFor="range-to" className="mb-1 block text-xs font-medium text-slate-500">
              {t("to")}
            </label>
            <Input id="range-to" type="date" name="to" defaultValue={toDate} required className="py-1.5" />
          </div>
          <button type="submit" className={buttonClasses("secondary", "py-1.5")}>
            {t("apply")}
          </button>
        </form>
      ) : null}
    </div>
  );
}
