"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useId, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { decideReturn } from "@/lib/actions/returns";
import type { ReturnReason } from "@/lib/generated/prisma/enums";
import { RETURN_JUSTIFICATIONS, validateDecision } from "@/lib/validations/returns";

type Choice = "APPROVE" | "REFUSE";

/**
 * Approve, or refuse with a reason. The change-of-mind rule is checked here as you submit and
 * again on the server, which reads the return's reason itself.
 */
export function DecisionForm({
  returnId,
  reason,
  onDone,
  onCancel,
}: {
  returnId: string;
  reason: ReturnReason;
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const id = useId();
  const router = useRouter();
  const [decision, setDecision] = useState<Choice | "">("");
  const [justification, setJustification] = useState("");
  const [note, setNote] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [pending, startTransition] = useTransition();
  const changeOfMind = reason === "CHANGE_OF_MIND";
  const t = useTranslations("returns");
  const tc = useTranslations("common");

  /**
   * The form's own check, worded in the viewer's language: the field tells which rule failed
   * (lib/validations/returns.ts has the same rules, in English, for the server and the tests).
   */
  function localErrors(fieldErrors: Record<string, string>): Record<string, string> {
    const out: Record<string, string> = { ...fieldErrors };
    if (out.decision) out.decision = t("errors.decision");
    if (out.justification)
      out.justification = !justification ? t("errors.justification") : changeOfMind ? t("errors.otherNotLegitimate") : t("errors.chooseJustification");
    if (out.note) out.note = note.trim().length > 500 ? t("errors.noteTooLong") : t("errors.noteRequired");
    return out;
  }

  function submit(e: React.FormEvent) {
    e.preventDefault();
    const input = { returnId, decision: decision || undefined, justification: decision === "REFUSE" ? justification : "", note } as Parameters<
      typeof validateDecision
    >[0];
    const checked = validateDecision(input, reason);
    if (!checked.ok) {
      setErrors(localErrors(checked.fieldErrors));
      return;
    }
    setErrors({});
    startTransition(async () => {
      const result = await decideReturn(input);
      if (!result.ok) {
        setErrors(result.fieldErrors ?? { form: result.message });
        return;
      }
      onDone(result.data.status === "APPROVED" ? t("form.approved") : t("form.refused"));
      router.refresh();
    });
  }

  const field = (name: string) => `${id}-${name}`;
  return (
    <form onSubmit={submit} noValidate className="mt-3 space-y-3 rounded-lg border border-slate-200 bg-slate-50 p-3" aria-label={t("form.label")}>
      <fieldset aria-describedby={errors.decision ? `${field("decision")}-error` : undefined}>
        <legend className="text-xs font-medium text-slate-700">{t("form.decision")}</legend>
        <div className="mt-1 flex flex-wrap gap-4">
          {(["APPROVE", "REFUSE"] as const).map((choice) => (
            <label key={choice} className="flex items-center gap-2 text-sm">
              <input
                type="radio"
                name={field("decision")}
                value={choice}
                checked={decision === choice}
                onChange={() => {
                  setDecision(choice);
                  setErrors({});
                }}
                className="h-4 w-4 accent-slate-900"
              />
              {choice === "APPROVE" ? t("form.approve") : t("form.refuse")}
            </label>
          ))}
        </div>
        {errors.decision ? (
          <p id={`${field("decision")}-error`} role="alert" className="mt-1 text-xs font-medium text-rose-700">
            {errors.decision}
          </p>
        ) : null}
      </fieldset>

      {decision === "REFUSE" ? (
        <div className="space-y-1">
          <label htmlFor={field("justification")} className="block text-xs font-medium text-slate-700">
            {t("form.justification")}
          </label>
          <Select
            id={field("justification")}
            value={justification}
            aria-invalid={Boolean(errors.justification)}
            aria-describedby={errors.justification ? `${field("justification")}-error` : `${field("justification")}-hint`}
            onChange={(e) => {
              setJustification(e.target.value);
              setErrors({});
            }}
          >
            <option value="">{t("form.chooseWhy")}</option>
            {RETURN_JUSTIFICATIONS.map((j) => (
              <option key={j} value={j}>
                {t(`justification.${j}`)}
              </option>
            ))}
          </Select>
          {errors.justification ? (
            <p id={`${field("justification")}-error`} role="alert" className="text-xs font-medium text-rose-700">
              {errors.justification}
            </p>
          ) : (
            <p id={`${field("justification")}-hint`} className="text-xs text-slate-500">
              {changeOfMind ? t("form.hintChangeOfMind") : t("form.hint")}
            </p>
          )}
        </div>
      ) : null}

      <div className="space-y-1">
        <label htmlFor={field("note")} className="block text-xs font-medium text-slate-700">
          {t("form.note")} <span className="font-normal text-slate-500">{t("form.noteHint", { refuse: String(decision === "REFUSE") })}</span>
        </label>
        <Textarea id={field("note")} rows={2} value={note} maxLength={500} aria-invalid={Boolean(errors.note)} onChange={(e) => setNote(e.target.value)} />
        {errors.note ? (
          <p role="alert" className="text-xs font-medium text-rose-700">
            {errors.note}
          </p>
        ) : null}
      </div>
      {errors.form ? (
        <p role="alert" className="text-sm font-medium text-rose-700">
          {errors.form}
        </p>
      ) : null}
      <div className="flex gap-2">
        <Button type="submit" variant={decision === "REFUSE" ? "danger" : "primary"} disabled={pending}>
          {pending ? t("form.saving") : t("form.save")}
        </Button>
        <Button type="button" variant="ghost" onClick={onCancel}>
          {tc("cancel")}
        </Button>
      </div>
    </form>
  );
}
