"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { Field, Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { useFormAction } from "@/components/ui/use-form-action";
import { createStoreAction, setStoreArchivedAction } from "@/lib/actions/store-admin";

const ZONES = ["America/Los_Angeles", "America/Denver", "America/Chicago", "America/New_York", "Europe/London", "Asia/Shanghai", "Asia/Hong_Kong", "UTC"];

/** The owner's "Add a store": channel, market, kind (TikTok only), zone, joined date, default supplier. */
export function AddStoreForm({ suppliers }: { suppliers: { id: string; name: string }[] }) {
  const { result, onSubmit, pending, fieldError } = useFormAction(createStoreAction);
  const [channel, setChannel] = useState("TIKTOK_SHOP");
  const invalid = (name: string) => Boolean(fieldError(name));
  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3" aria-label="Add a store">
      <Field label="Store name" htmlFor="ns-name" error={fieldError("name")}>
        <Input id="ns-name" name="name" aria-invalid={invalid("name")} placeholder="e.g. TikTok Shop US" />
      </Field>
      <Field label="Channel" htmlFor="ns-channel" error={fieldError("channel")}>
        <Select id="ns-channel" name="channel" value={channel} onChange={(e) => setChannel(e.target.value)}>
          <option value="TIKTOK_SHOP">TikTok Shop</option>
          <option value="BRAND_SITE">Brand site (Shopify)</option>
        </Select>
      </Field>
      <Field label="Market" htmlFor="ns-market" error={fieldError("market")}>
        <Select id="ns-market" name="market" defaultValue="US" aria-invalid={invalid("market")}>
          <option value="US">United States</option>
          <option value="UK">United Kingdom</option>
        </Select>
      </Field>
      {channel === "TIKTOK_SHOP" ? (
        <Field label="Kind" htmlFor="ns-kind" error={fieldError("kind")} hint="Cross-border stores carry the deposit and other rules">
          <Select id="ns-kind" name="kind" defaultValue="LOCAL">
            <option value="LOCAL">Local seller</option>
            <option value="CROSS_BORDER">Cross-border seller</option>
          </Select>
        </Field>
      ) : null}
      <Field label="Time zone (IANA)" htmlFor="ns-zone" error={fieldError("timeZone")} hint="Deadlines and times are shown in this zone">
        <Input id="ns-zone" name="timeZone" list="ns-zones" defaultValue="America/Los_Angeles" aria-invalid={invalid("timeZone")} />
        <datalist id="ns-zones">
          {ZONES.map((z) => (
            <option key={z} value={z} />
          ))}
        </datalist>
      </Field>
      <Field label="Joined the platform on" htmlFor="ns-joined" error={fieldError("joinedOn")} hint="Empty: today">
        <Input id="ns-joined" name="joinedOn" type="date" aria-invalid={invalid("joinedOn")} />
      </Field>
      {suppliers.length > 0 ? (
        <Field label="Default supplier" htmlFor="ns-supplier" error={fieldError("defaultSupplierId")} hint="Ships this store's orders no other rule routes">
          <Select id="ns-supplier" name="defaultSupplierId" defaultValue="">
            <option value="">None</option>
            {suppliers.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </Select>
        </Field>
      ) : null}
      <div className="flex flex-wrap items-center gap-3 sm:col-span-2 lg:col-span-3">
        <Button type="submit" disabled={pending}>
          {pending ? "Adding…" : "Add store"}
        </Button>
        <FormMessage result={result} compact className="text-sm" />
      </div>
    </form>
  );
}

/** Archive (or restore) a store: its orders stay, it leaves the daily views. */
export function ArchiveStoreButton({ storeId, archived, name }: { storeId: string; archived: boolean; name: string }) {
  const { result, onSubmit, pending } = useFormAction(setStoreArchivedAction, { resetOnSuccess: false });
  return (
    <form onSubmit={onSubmit} className="flex flex-wrap items-center gap-2" aria-label={`${archived ? "Restore" : "Archive"} ${name}`}>
      <input type="hidden" name="storeId" value={storeId} />
      <input type="hidden" name="archived" value={archived ? "false" : "true"} />
      <Button type="submit" size="sm" variant={archived ? "secondary" : "ghost"} disabled={pending}>
        {archived ? "Restore" : "Archive store"}
      </Button>
      <FormMessage result={result} compact />
    </form>
  );
}
