"use client";

import { Search, X } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import type { OrderFilterOptions } from "@/lib/data/orders";
import { ANY_FLAG, CHANNELS, ORDER_STATUSES, type OrderQuery } from "@/lib/validations/orders";
import type { RuleOption } from "./labels";

export type FilterPatch = Partial<Record<"channel" | "store" | "status" | "rule" | "supplier" | "from" | "to" | "q", string | undefined>>;

const OPEN_STATUSES = "AWAITING_SHIPMENT,AWAITING_COLLECTION,ON_HOLD";
const SEARCH_DEBOUNCE_MS = 350;

export function FilterBar({
  query,
  options,
  rules,
  showSupplier,
  onChange,
}: {
  query: OrderQuery;
  options: OrderFilterOptions;
  rules: RuleOption[];
  showSupplier: boolean;
  onChange: (patch: FilterPatch) => void;
}) {
  const status = query.status?.join(",") ?? "";
  const knownStatus = status === "" || status === OPEN_STATUSES || (ORDER_STATUSES as string[]).includes(status);
  const stores = query.channel ? options.stores.filter((s) => s.channel === query.channel) : options.stores;
  const filtered = Boolean(query.channel || query.store || query.status || query.rule || query.supplier || query.from || query.to || query.q);
  const t = useTranslations("orders.filters");
  const tv = useTranslations("vocabulary");
  const locale = useLocale();
  // An unusual combination from a link ("Delivered or Completed"): each status in the viewer's words.
  const statusWords = query.status?.map((s) => tv(`status.${s}`)) ?? [];
  const combined = locale === "en" ? statusWords.join(" or ") : new Intl.ListFormat(locale, { type: "disjunction" }).format(statusWords);

  return (
    <form role="search" aria-label={t("label")} className="space-y-3" onSubmit={(e) => e.preventDefault()}>
      <SearchBox value={query.q ?? ""} onSearch={(q) => onChange({ q: q || undefined })} />
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-7">
        <Labelled id="f-channel" label={t("channel")}>
          <Select id="f-channel" value={query.channel ?? ""} onChange={(e) => onChange({ channel: e.target.value || undefined, store: undefined })}>
            <option value="">{t("bothChannels")}</option>
            {CHANNELS.map((c) => (
              <option key={c} value={c}>
                {tv(`channel.${c}`)}
              </option>
            ))}
          </Select>
        </Labelled>
        <Labelled id="f-store" label={t("store")}>
          <Select id="f-store" value={query.store ?? ""} onChange={(e) => onChange({ store: e.target.value || undefined })}>
            <option value="">{t("allStores")}</option>
            {stores.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </Select>
        </Labelled>
        <Labelled id="f-status" label={t("status")}>
          <Select id="f-status" value={status} onChange={(e) => onChange({ status: e.target.value || undefined })}>
            <option value="">{t("allStatuses")}</option>
            <option value={OPEN_STATUSES}>{t("awaitingDispatch")}</option>
            {ORDER_STATUSES.map((s) => (
              <option key={s} value={s}>
                {tv(`status.${s}`)}
              </option>
            ))}
            {knownStatus ? null : <option value={status}>{combined}</option>}
          </Select>
        </Labelled>
        <Labelled id="f-rule" label={t("flag")}>
          <Select id="f-rule" value={query.rule ?? ""} onChange={(e) => onChange({ rule: e.target.value || undefined })}>
            <option value="">{t("anyOrNone")}</option>
            <option value={ANY_FLAG}>{t("anyFlag")}</option>
            {rules.map((r) => (
              <option key={r.id} value={r.id}>
                {r.title}
              </option>
            ))}
          </Select>
        </Labelled>
        {showSupplier ? (
          <Labelled id="f-supplier" label={t("supplier")}>
            <Select id="f-supplier" value={query.supplier ?? ""} onChange={(e) => onChange({ supplier: e.target.value || undefined })}>
              <option value="">{t("allSuppliers")}</option>
              <option value="unassigned">{t("unassigned")}</option>
              {options.suppliers.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </Select>
          </Labelled>
        ) : null}
        <Labelled id="f-from" label={t("placedFrom")}>
          <Input
            id="f-from"
            type="date"
            value={query.from?.raw.slice(0, 10) ?? ""}
            max={query.to?.raw.slice(0, 10)}
            onChange={(e) => onChange({ from: e.target.value || undefined })}
          />
        </Labelled>
        <Labelled id="f-to" label={t("placedTo")}>
          <Input
            id="f-to"
            type="date"
            value={query.to?.raw.slice(0, 10) ?? ""}
            min={query.from?.raw.slice(0, 10)}
            onChange={(e) => onChange({ to: e.target.value || undefined })}
          />
        </Labelled>
      </div>
      {filtered ? (
        <Button
          variant="ghost"
          className="px-2 py-1 text-xs"
          onClick={() =>
            onChange({
              channel: undefined,
              store: undefined,
              status: undefined,
              rule: undefined,
              supplier: undefined,
              from: undefined,
              to: undefined,
              q: undefined,
            })
          }
        >
          <X aria-hidden className="size-3.5" /> {t("clear")}
        </Button>
      ) : null}
    </form>
  );
}

function Labelled({ id, label, children }: { id: string; label: string; children: React.ReactNode }) {
  return (
    <div className="min-w-0 space-y-1">
      <label htmlFor={id} className="block text-xs font-medium text-slate-600">
        {label}
      </label>
      {children}
    </div>
  );
}

/** Applies the search after a pause in typing, or at once on Enter. */
function SearchBox({ value, onSearch }: { value: string; onSearch: (q: string) => void }) {
  const t = useTranslations("orders.filters");
  const [draft, setDraft] = useState(value);
  const [applied, setApplied] = useState(value);
  const [sent, setSent] = useState(value);
  // The URL changed from elsewhere (Clear filters, Back): show what it says. A change we sent
  // ourselves leaves the box alone, so letters typed since are not lost.
  if (value !== applied) {
    setApplied(value);
    if (value !== sent) {
      setDraft(value);
      setSent(value);
    }
  }

  useEffect(() => {
    const q = draft.trim();
    if (q === sent) return;
    const timer = setTimeout(() => {
      setSent(q);
      onSearch(q);
    }, SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [draft, sent, onSearch]);

  return (
    <div className="relative max-w-xl">
      <label htmlFor="f-q" className="sr-only">
        {t("searchLabel")}
      </label>
      <Search aria-hidden className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-slate-400" />
      <Input
        id="f-q"
        type="search"
        inputMode="search"
        autoComplete="off"
        placeholder={t("searchPlaceholder")}
        className="pl-9"
        value={draft}
        maxLength={100}
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === "Enter") {
            e.preventDefault();
            setSent(draft.trim());
            onSearch(draft.trim());
          }
        }}
      />
    </div>
  );
}
