"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Textarea } from "@/components/ui/textarea";
import { cn } from "@/components/ui/cn";
import { type PastePreview, previewTrackingPaste, saveTrackingPaste } from "@/lib/actions/risk";

const EXAMPLE = "576800000000007919, UPS, 1Z999AA10123456784\n#1002, USPS, 9400111899223100000000";

/** Many tracking numbers at once: every line is checked and shown before anything is saved. */
export function BulkPaste() {
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
      setSaved(
        `Saved ${result.data.saved} line${result.data.saved === 1 ? "" : "s"}; their orders were re-checked.${result.data.saved < result.data.lines.length ? " The lines with errors were not saved." : ""}`,
      );
      void queryClient.invalidateQueries({ queryKey: ["risk"] });
    });

  return (
    <details className="group rounded-xl border border-slate-200 bg-white shadow-sm">
      <summary className="cursor-pointer list-none rounded-xl px-4 py-3 text-sm font-semibold text-slate-800 focus-visible:outline-2 focus-visible:outline-slate-900 [&::-webkit-details-marker]:hidden">
        <span className="mr-1 inline-block transition group-open:rotate-90" aria-hidden>
          ▸
        </span>
        Bulk paste tracking numbers
        <span className="ml-2 font-normal text-slate-500">one line per order: order id, carrier, tracking number</span>
      </summary>
      <div className="space-y-3 border-t border-slate-100 px-4 py-3">
        <div className="space-y-1">
          <label htmlFor="bulk-paste" className="block text-sm font-medium text-slate-800">
            Lines to check
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
          <p className="text-xs text-slate-500">
            Commas, tabs (from a spreadsheet) or semicolons. The order id is the one shown in the queue (TikTok id or #number).
          </p>
          {error ? (
            <p role="alert" className="text-xs font-medium text-rose-700">
              {error}
            </p>
          ) : null}
        </div>
        <div className="flex flex-wrap gap-2">
          <Button variant="secondary" onClick={check} disabled={pending || !text.trim()}>
            {pending && !preview ? "Checking…" : "Check lines"}
          </Button>
          {preview && !stale ? (
            <Button onClick={save} disabled={pending || preview.valid === 0 || saved !== null}>
              Save {preview.valid} valid line{preview.valid === 1 ? "" : "s"}
            </Button>
          ) : null}
          {stale ? <span className="self-center text-xs text-amber-800">The text changed: check the lines again.</span> : null}
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
  return (
    <div className="overflow-x-auto">
      {preview.tooMany ? <p className="mb-2 text-xs text-amber-800">Only the first 500 lines were read.</p> : null}
      <table className="w-full min-w-[36rem] text-left text-sm" data-testid="paste-preview">
        <caption className="sr-only">Checked lines</caption>
        <thead className="text-xs tracking-wide text-slate-500 uppercase">
          <tr>
            <th scope="col" className="py-1 pr-3">
              Line
            </th>
            <th scope="col" className="py-1 pr-3">
              Order
            </th>
            <th scope="col" className="py-1 pr-3">
              Carrier
            </th>
            <th scope="col" className="py-1 pr-3">
              Tracking number
            </th>
            <th scope="col" className="py-1">
              Check
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
              <td className={cn("py-1.5 text-xs", l.error ? "font-medium text-rose-700" : "text-emerald-700")}>{l.error ?? `✓ ${l.note ?? "ok"}`}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
