"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { Field, Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { useFormAction } from "@/components/ui/use-form-action";
import {
  addWarehouseRuleAction,
  importSupplierStockAction,
  removeWarehouseRuleAction,
  saveSupplierAction,
  setSkuSupplierAction,
  setStoreDefaultSupplierAction,
} from "@/lib/actions/suppliers";

type Option = { id: string; name: string };
type SupplierValues = {
  id: string;
  name: string;
  shipFromCountry: string;
  promisedOutboundHours: number;
  promisedDeliveryDays: number;
  contactEmail: string | null;
};

function SupplierOptions({ suppliers, none }: { suppliers: Option[]; none?: string }) {
  return (
    <>
      {none ? <option value="">{none}</option> : null}
      {suppliers.map((s) => (
        <option key={s.id} value={s.id}>
          {s.name}
        </option>
      ))}
    </>
  );
}

/** Add a supplier (no `supplier`) or edit one. */
export function SupplierForm({ supplier }: { supplier?: SupplierValues }) {
  const { result, onSubmit, pending, fieldError } = useFormAction(saveSupplierAction, { resetOnSuccess: !supplier });
  const t = useTranslations("suppliers.forms");
  const p = supplier ? `sup-${supplier.id}` : "sup-new";
  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-3 sm:grid-cols-2" aria-label={supplier ? t("editLabel", { name: supplier.name }) : t("addLabel")}>
      {supplier ? <input type="hidden" name="supplierId" value={supplier.id} /> : null}
      <Field label={t("name")} htmlFor={`${p}-name`} error={fieldError("name")}>
        <Input id={`${p}-name`} name="name" defaultValue={supplier?.name} aria-invalid={Boolean(fieldError("name"))} />
      </Field>
      <Field label={t("country")} htmlFor={`${p}-country`} error={fieldError("shipFromCountry")}>
        <Input
          id={`${p}-country`}
          name="shipFromCountry"
          maxLength={2}
          defaultValue={supplier?.shipFromCountry ?? "US"}
          aria-invalid={Boolean(fieldError("shipFromCountry"))}
        />
      </Field>
      <Field label={t("hours")} htmlFor={`${p}-hours`} error={fieldError("promisedOutboundHours")} hint={t("hoursHint")}>
        <Input
          id={`${p}-hours`}
          name="promisedOutboundHours"
          inputMode="numeric"
          defaultValue={supplier?.promisedOutboundHours ?? 24}
          aria-invalid={Boolean(fieldError("promisedOutboundHours"))}
        />
      </Field>
      <Field label={t("days")} htmlFor={`${p}-days`} error={fieldError("promisedDeliveryDays")}>
        <Input
          id={`${p}-days`}
          name="promisedDeliveryDays"
          inputMode="numeric"
          defaultValue={supplier?.promisedDeliveryDays ?? 5}
          aria-invalid={Boolean(fieldError("promisedDeliveryDays"))}
        />
      </Field>
      <Field label={t("email")} htmlFor={`${p}-email`} error={fieldError("contactEmail")} hint={t("optional")}>
        <Input
          id={`${p}-email`}
          name="contactEmail"
          type="email"
          defaultValue={supplier?.contactEmail ?? ""}
          aria-invalid={Boolean(fieldError("contactEmail"))}
        />
      </Field>
      <div className="flex flex-wrap items-center gap-3 sm:col-span-2">
        <Button type="submit" disabled={pending}>
          {pending ? t("saving") : supplier ? t("save") : t("add")}
        </Button>
        <FormMessage result={result} compact className="text-sm" />
      </div>
    </form>
  );
}

/** Routing by SKU: the SKU's listing goes to the supplier; open orders with it move at once. */
export function SkuRuleForm({ suppliers, skus }: { suppliers: Option[]; skus: { sku: string; name: string }[] }) {
  const { result, onSubmit, pending, fieldError } = useFormAction(setSkuSupplierAction);
  const t = useTranslations("suppliers.forms");
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-3 sm:flex-row sm:items-end" aria-label={t("routeSku")}>
      <div className="sm:w-56">
        <Field label="SKU" htmlFor="rule-sku" error={fieldError("sku")}>
          <Input id="rule-sku" name="sku" list="rule-skus" autoComplete="off" aria-invalid={Boolean(fieldError("sku"))} />
        </Field>
        <datalist id="rule-skus">
          {skus.map((s) => (
            <option key={s.sku} value={s.sku}>
              {s.name}
            </option>
          ))}
        </datalist>
      </div>
      <div className="sm:w-56">
        <Field label={t("shippedBy")} htmlFor="rule-sku-supplier" error={fieldError("supplierId")}>
          <Select id="rule-sku-supplier" name="supplierId" defaultValue={suppliers[0]?.id ?? ""}>
            <SupplierOptions suppliers={suppliers} none={t("noSupplierRules")} />
          </Select>
        </Field>
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? t("saving") : t("saveSku")}
      </Button>
      <FormMessage result={result} compact className="text-sm" />
    </form>
  );
}

export function WarehouseRuleForm({ suppliers }: { suppliers: Option[] }) {
  const { result, onSubmit, pending, fieldError } = useFormAction(addWarehouseRuleAction);
  const t = useTranslations("suppliers.forms");
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-3 sm:flex-row sm:items-end" aria-label={t("routeWarehouse")}>
      <div className="sm:w-56">
        <Field label={t("warehouse")} htmlFor="rule-wh" error={fieldError("warehouseName")} hint={t("warehouseHint")}>
          <Input id="rule-wh" name="warehouseName" aria-invalid={Boolean(fieldError("warehouseName"))} />
        </Field>
      </div>
      <div className="sm:w-56">
        <Field label={t("shippedBy")} htmlFor="rule-wh-supplier" error={fieldError("supplierId")}>
          <Select id="rule-wh-supplier" name="supplierId" defaultValue={suppliers[0]?.id ?? ""}>
            <SupplierOptions suppliers={suppliers} />
          </Select>
        </Field>
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? t("saving") : t("saveWarehouse")}
      </Button>
      <FormMessage result={result} compact className="text-sm" />
    </form>
  );
}

export function RemoveWarehouseRule({ ruleId, name }: { ruleId: string; name: string }) {
  const { result, onSubmit, pending } = useFormAction(removeWarehouseRuleAction);
  const t = useTranslations("suppliers.forms");
  return (
    <form onSubmit={onSubmit} className="flex items-center gap-2" aria-label={t("removeRule", { name })}>
      <input type="hidden" name="ruleId" value={ruleId} />
      <Button type="submit" size="sm" variant="ghost" disabled={pending}>
        {t("remove")}
      </Button>
      <FormMessage result={result} compact />
    </form>
  );
}

export function StoreDefaultForm({ store, suppliers }: { store: { id: string; name: string; defaultSupplierId: string | null }; suppliers: Option[] }) {
  const { result, onSubmit, pending } = useFormAction(setStoreDefaultSupplierAction, { resetOnSuccess: false });
  const t = useTranslations("suppliers.forms");
  return (
    <form onSubmit={onSubmit} className="flex flex-wrap items-center gap-2" aria-label={t("defaultOf", { store: store.name })}>
      <input type="hidden" name="storeId" value={store.id} />
      <label htmlFor={`def-${store.id}`} className="min-w-32 text-sm text-slate-700">
        {store.name}
      </label>
      <Select id={`def-${store.id}`} name="supplierId" fieldSize="sm" className="w-auto min-w-40" defaultValue={store.defaultSupplierId ?? ""}>
        <SupplierOptions suppliers={suppliers} none={t("noDefault")} />
      </Select>
      <Button type="submit" size="sm" variant="secondary" disabled={pending}>
        {t("saveShort")}
      </Button>
      <FormMessage result={result} compact />
    </form>
  );
}

/** A supplier's stock file (CSV: SKU, available), read in the browser and sent as text. */
export function StockImportForm({ suppliers }: { suppliers: Option[] }) {
  const { result, onSubmit, pending, fieldError } = useFormAction(importSupplierStockAction);
  const [text, setText] = useState("");
  const errors = result?.ok ? (result.data as { errors: { line: number; message: string }[] }).errors : [];
  const t = useTranslations("suppliers.forms");
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" aria-label={t("importStock")}>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label={t("supplier")} htmlFor="stock-supplier" error={fieldError("supplierId")}>
          <Select id="stock-supplier" name="supplierId" defaultValue={suppliers[0]?.id ?? ""}>
            <SupplierOptions suppliers={suppliers} />
          </Select>
        </Field>
        <Field label={t("stockFile")} htmlFor="stock-file">
          <Input
            id="stock-file"
            type="file"
            accept=".csv,text/csv"
            onChange={async (e) => {
              const file = e.currentTarget.files?.[0];
              setText(file ? await file.text() : "");
            }}
          />
        </Field>
      </div>
      <Field label={t("paste")} htmlFor="stock-csv" error={fieldError("csv")}>
        <Textarea
          id="stock-csv"
          name="csv"
          rows={4}
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder={"SKU,available\nMUG-01,120"}
          className="font-mono text-xs"
        />
      </Field>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? t("importing") : t("import")}
        </Button>
        <FormMessage result={result} compact className="text-sm" />
      </div>
      {errors.length ? (
        <ul className="list-inside list-disc text-xs text-rose-800" aria-label={t("refusedRows")}>
          {errors.slice(0, 50).map((e) => (
            <li key={`${e.line}-${e.message}`}>{t("errorLine", { line: String(e.line), message: e.message })}</li>
          ))}
        </ul>
      ) : null}
    </form>
  );
}
