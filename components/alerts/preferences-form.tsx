"use client";

import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/input";
import { saveAlertPreferencesAction } from "@/lib/actions/account";
import { FormMessage } from "@/components/ui/form-message";
import { useFormAction } from "@/components/ui/use-form-action";

export type PreferenceValues = {
  timeZone: string;
  email: boolean;
  quietStart: string;
  quietEnd: string;
  criticalBreaksQuiet: boolean;
  digestTime: string;
  digestSubscribed: boolean;
};

function Toggle({ name, label, defaultChecked, hint }: { name: string; label: string; defaultChecked: boolean; hint?: string }) {
  return (
    <label className="flex items-start gap-2 text-sm text-slate-700">
      <input type="hidden" name={name} value="off" />
      <input type="checkbox" name={name} value="on" defaultChecked={defaultChecked} className="mt-0.5 size-4 rounded border-slate-300" />
      <span>
        {label}
        {hint ? <span className="block text-xs text-slate-500">{hint}</span> : null}
      </span>
    </label>
  );
}

export function PreferencesForm({ values, zones, readOnly }: { values: PreferenceValues; zones: string[]; readOnly: boolean }) {
  const { result: state, onSubmit, pending, fieldError } = useFormAction(saveAlertPreferencesAction);
  const e = (state && !state.ok ? state.fieldErrors : undefined) ?? {};
  return (
    <form onSubmit={onSubmit} className="space-y-5" aria-label="Alert preferences">
      <fieldset disabled={readOnly} className="space-y-5">
        <Field label="Your time zone" htmlFor="pref-zone" error={e.timeZone} hint="Quiet hours and the digest time are in this zone">
          <Input id="pref-zone" name="timeZone" list="pref-zones" defaultValue={values.timeZone} aria-invalid={Boolean(e.timeZone)} />
        </Field>
        <datalist id="pref-zones">
          {zones.map((z) => (
            <option key={z} value={z} />
          ))}
        </datalist>
        <Toggle name="email" label="E-mail me the alerts that name me or my role" defaultChecked={values.email} />
        <div className="grid gap-3 sm:grid-cols-2">
          <Field label="Quiet hours from" htmlFor="pref-quiet-start" error={e.quietStart} hint="Held alerts go out when they end">
            <Input id="pref-quiet-start" name="quietStart" type="time" defaultValue={values.quietStart} aria-invalid={Boolean(e.quietStart)} />
          </Field>
          <Field label="until" htmlFor="pref-quiet-end" error={e.quietEnd} hint="May cross midnight, e.g. 22:00 until 07:00">
            <Input id="pref-quiet-end" name="quietEnd" type="time" defaultValue={values.quietEnd} aria-invalid={Boolean(e.quietEnd)} />
          </Field>
        </div>
        <Toggle name="criticalBreaksQuiet" label="Critical alerts break through quiet hours" defaultChecked={values.criticalBreaksQuiet} />
        <div className="grid gap-3 sm:grid-cols-2">
          <Field label="Daily digest at" htmlFor="pref-digest" error={e.digestTime} hint="Blank: no digest e-mail">
            <Input id="pref-digest" name="digestTime" type="time" defaultValue={values.digestTime} aria-invalid={Boolean(e.digestTime)} />
          </Field>
          <div className="self-end pb-2">
            <Toggle name="digestSubscribed" label="Send me the digest" defaultChecked={values.digestSubscribed} hint="Unticked by an unsubscribe link" />
          </div>
        </div>
      </fieldset>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={pending || readOnly}>
          {pending ? "Saving…" : "Save preferences"}
        </Button>
        <FormMessage result={state} />
      </div>
    </form>
  );
}
