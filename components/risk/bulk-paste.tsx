"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Textarea } from "@/components/ui/textarea";
import { cn } from "@/components/ui/cn";
import { type PastePreview, previewTrackingPaste, saveTrackingPaste } from "@/lib/actions/risk";
import { MAX_PASTE_LINES } from "@/lib/validations/risk";

const EXAMPLE = "576800000000007919, UPS, 1Z999AA10123456784\n#1002, USPS, 9400111899223100000000";

/** Many tracking numbers at once: every line is checked and shown before anything is saved. */
export function BulkPaste() {
  const t = useTranslations("risk.paste");
  const queryClient = useQueryClient();
  const [text, setText] = useState("");
  const [preview, setPreview] = useState<PastePreview | null>(null);
  const [checkedText, setCheckedText] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const stale = preview !== null && checkedText !== text;

  const check = () =>
    startTransition(async () => {
      setError(null);
      setSaved(null);
      const result = await previewTrackingPaste(text);
      if (!result.ok) {
        setPreview(null);
        setError(result.fieldErrors?.text ?? result.message);
        return;
      }
      setPreview(result.data);
      setCheckedText(text);
    });

  const save = () =>
    startTransition(async () => {
      setError(null);
      const result = await saveTrackingPaste(text);
      if (!result.ok) {
        setError(result.fieldErrors?.text ?? result.message);
        return;
      }
      setPreview(result.data);
      const count = result.data.saved;
      setSaved(count < result.data.lines.length ? t("savedSome", { count }) : t("saved", { count }));
      void queryClient.invalidateQueries({ queryKey: ["risk"] });
    });

  return (
    <details className="group rounded-xl border border-slate-200 bg-white shadow-sm">
      <summary className="cursor-pointer list-none rounded-xl px-4 py-3 text-sm font-semibold text-slate-800 focus-visible:outline-2 focus-visible:outline-slate-900 [&::-webkit-details-marker]:hidden">
        <span className="mr-1 inline-block transition group-open:rotate-90" aria-hidden>
          ▸
        </span>
        {t("summary")}
        <span className="ml-2 font-normal text-slate-500">{t("summaryHint")}</span>
      </summary>
      <div className="space-y-3 border-t border-slate-100 px-4 py-3">
        <div className="space-y-1">
          <label htmlFor="bulk-paste" className="block text-sm font-medium text-slate-800">
            {t("linesLabel")}
          </label>
          <Textarea
            id="bulk-paste"
            rows={5}
            value={text}
            placeholder={EXAMPLE}
            className="font-mono"
            spellCheck={false}
            aria-invalid={Boolean(error)}
            onChange={(e) => setText(e.target.value)}
          />
          <p className="text-xs text-slate-500">{t("help")}</p>
          {error ? (
            <p role="alert" className="text-xs font-medium text-rose-700">
              {error}
            </p>
          ) : null}
        </div>
        <div className="flex flex-wrap gap-2">
          <Button variant="secondary" onClick={check} disabled={pending || !text.trim()}>
            {pending && !preview ? t("checking") : t("check")}
          </Button>
          {preview && !stale ? (
            <Button onClick={save} disabled={pending || preview.valid === 0 || saved !== null}>
              {t("saveValid", { count: preview.valid })}
            </Button>
          ) : null}
          {stale ? <span className="self-center text-xs text-amber-800">{t("stale")}</span> : null}
        </div>
        {saved ? (
          <p role="status" className="rounded-lg bg-emerald-50 px-3 py-2 text-sm text-emerald-900 ring-1 ring-emerald-200">
            {saved}
          </p>
        ) : null}
        {preview ? <PreviewTable preview={preview} /> : null}
      </div>
    </details>
  );
}

function PreviewTable({ preview }: { preview: PastePreview }) {
  const t = useTranslations("risk.paste");
  return (
    <div className="overflow-x-auto">
      {preview.tooMany ? <p className="mb-2 text-xs text-amber-800">{t("tooMany", { max: MAX_PASTE_LINES })}</p> : null}
      <table className="w-full min-w-[36rem] text-left text-sm" data-testid="paste-preview">
        <caption className="sr-only">{t("caption")}</caption>
        <thead className="text-xs tracking-wide text-slate-500 uppercase">
          <tr>
            <th scope="col" className="py-1 pr-3">
              {t("columns.line")}
            </th>
            <th scope="col" className="py-1 pr-3">
              {t("columns.order")}
            </th>
            <th scope="col" className="py-1 pr-3">
              {t("columns.carrier")}
            </th>
            <th scope="col" className="py-1 pr-3">
              {t("columns.trackingNumber")}
            </th>
            <th scope="col" className="py-1">
              {t("columns.checkColumn")}
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {preview.lines.map((l) => (
            <tr key={l.line} data-testid="paste-line" data-ok={l.error ? "false" : "true"}>
              <td className="py-1.5 pr-3 text-slate-500 tabular-nums">{l.line}</td>
              <td className="py-1.5 pr-3 font-mono">
                {l.orderRef || "—"}
                {l.order ? <span className="block font-sans text-xs text-slate-500">{l.order.storeName}</span> : null}
              </td>
              <td className="py-1.5 pr-3">{l.carrier || "—"}</td>
              <td className="py-1.5 pr-3 font-mono">{l.trackingNumber || "—"}</td>
              <td className={cn("py-1.5 text-xs", l.error ? "font-medium text-rose-700" : "text-emerald-700")}>{l.error ?? `✓ ${l.note ?? t("ok")}`}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
