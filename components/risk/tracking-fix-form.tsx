"use client";

import { useTranslations } from "next-intl";
import { useId, useMemo, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { cn } from "@/components/ui/cn";
import { fixTracking } from "@/lib/actions/risk";
import { normaliseCarrierName, validateTracking } from "@/lib/policy/tracking";
import { CARRIERS, describeTracking } from "@/lib/validations/risk";

type Props = {
  orderId: string;
  externalId: string;
  carrier: string | null;
  trackingNumber: string | null;
  onDone: (message: string) => void;
  onCancel: () => void;
  /**
   * Shown before saving, e.g. that the correction uses TikTok's one allowed edit (the write-back
   * refuses a second one): `risk.fix.editWarning`.
   */
  warning?: string | null;
};

/** Add or correct a tracking number: checked against the carrier's formats as you type, again on the server. */
export function TrackingFixForm({ orderId, externalId, carrier, trackingNumber, onDone, onCancel, warning }: Props) {
  const id = useId();
  const t = useTranslations("risk.fix");
  const tc = useTranslations("common");
  const [carrierValue, setCarrier] = useState<string>(normaliseCarrierName(carrier) ?? "USPS");
  const [number, setNumber] = useState(trackingNumber ?? "");
  const [touched, setTouched] = useState(false);
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const check = useMemo(() => (number.trim() ? validateTracking(number, carrierValue) : null), [number, carrierValue]);
  const liveError = check && !check.valid ? describeTracking(check) : null;
  const numberError = serverErrors.trackingNumber ?? (touched || number !== (trackingNumber ?? "") ? liveError : null);
  const ok = check?.valid ? check : null;

  function submit(e: React.FormEvent) {
    e.preventDefault();
    setTouched(true);
    setFormError(null);
    if (!number.trim()) {
      setServerErrors({ trackingNumber: t("enterNumber") });
      return;
    }
    if (liveError) return;
    startTransition(async () => {
      const result = await fixTracking({ orderId, carrier: carrierValue, trackingNumber: number });
      if (result.ok) {
        const words = { carrier: result.data.carrier, number: result.data.trackingNumber, order: externalId };
        onDone(result.data.push.status === "pending" ? t("savedWritingBack", words) : t("saved", words));
        return;
      }
      setServerErrors(result.fieldErrors ?? {});
      if (!result.fieldErrors) setFormError(result.message);
    });
  }

  const numberId = `${id}-number`;
  const carrierId = `${id}-carrier`;
  return (
    <form
      onSubmit={submit}
      className="mt-3 grid gap-3 rounded-lg border border-slate-200 bg-slate-50 p-3 sm:grid-cols-[12rem_1fr_auto] sm:items-start"
      aria-label={t("formLabel", { order: externalId })}
    >
      <div className="space-y-1">
        <label htmlFor={carrierId} className="block text-xs font-medium text-slate-700">
          {t("carrier")}
        </label>
        <Select
          id={carrierId}
          value={carrierValue}
          onChange={(e) => {
            setCarrier(e.target.value);
            setServerErrors({});
          }}
          aria-invalid={Boolean(serverErrors.carrier)}
        >
          {CARRIERS.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </Select>
        {serverErrors.carrier ? (
          <p role="alert" className="text-xs font-medium text-rose-700">
            {serverErrors.carrier}
          </p>
        ) : null}
      </div>
      <div className="space-y-1">
        <label htmlFor={numberId} className="block text-xs font-medium text-slate-700">
          {t("trackingNumber")}
        </label>
        <Input
          id={numberId}
          value={number}
          autoComplete="off"
          spellCheck={false}
          className="font-mono"
          aria-invalid={Boolean(numberError)}
          aria-describedby={`${numberId}-status`}
          onChange={(e) => {
            setNumber(e.target.value);
            setServerErrors({});
          }}
          onBlur={() => setTouched(true)}
        />
        <p
          id={`${numberId}-status`}
          role={numberError ? "alert" : "status"}
          className={cn("min-h-4 text-xs", numberError ? "font-medium text-rose-700" : ok?.status === "unverified" ? "text-amber-800" : "text-emerald-700")}
        >
          {numberError ?? (ok ? `✓ ${ok.reason}` : "")}
        </p>
      </div>
      <div className="flex gap-2 sm:pt-5">
        <Button type="submit" disabled={pending}>
          {pending ? t("saving") : t("save")}
        </Button>
        <Button type="button" variant="ghost" onClick={onCancel}>
          {tc("cancel")}
        </Button>
      </div>
      {warning ? (
        <p className="text-xs font-medium text-amber-800 sm:col-span-3" data-testid="tracking-edit-warning">
          {warning}
        </p>
      ) : null}
      {formError ? (
        <p role="alert" className="text-sm font-medium text-rose-700 sm:col-span-3">
          {formError}
        </p>
      ) : null}
    </form>
  );
}
