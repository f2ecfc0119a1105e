"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";

type ImportResponse = { saved?: number; errors?: { line: number; column: string | null; message: string }[]; message?: string };

/** Uploads a CSV to one of the import routes and lists the rejected lines with their column. */
export function CsvImportForm({ endpoint, columns, withChannel = false, id }: { endpoint: string; columns: string; withChannel?: boolean; id: string }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [result, setResult] = useState<ImportResponse | null>(null);
  const t = useTranslations("compliance.csv");

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    setPending(true);
    const response = await fetch(endpoint, { method: "POST", body: new FormData(form) });
    const body = (await response.json()) as ImportResponse;
    setPending(false);
    setResult(body);
    if ((body.saved ?? 0) > 0) router.refresh();
  }

  return (
    <form onSubmit={onSubmit} className="space-y-3" aria-label={t("form")}>
      <p className="text-xs text-slate-500">{t.rich("columns", { columns, code: (chunks) => <code>{chunks}</code> })}</p>
      {withChannel ? (
        <div className="grid grid-cols-2 gap-3">
          <Field label={t("channel")} htmlFor={`${id}-channel`}>
            <Select id={`${id}-channel`} name="channel" defaultValue="TIKTOK_SHOP">
              <option value="TIKTOK_SHOP">TikTok Shop</option>
              <option value="BRAND_SITE">{t("brandWebsite")}</option>
            </Select>
          </Field>
          <Field label={t("currency")} htmlFor={`${id}-currency`}>
            <Input id={`${id}-currency`} name="currency" placeholder="USD" maxLength={3} />
          </Field>
        </div>
      ) : null}
      <Field label={t("file")} htmlFor={`${id}-file`}>
        <Input id={`${id}-file`} name="file" type="file" accept=".csv,text/csv" required />
      </Field>
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? t("importing") : t("import")}
      </Button>
      {result ? (
        <div role="status" className="space-y-1 text-sm">
          {result.message ? <p className="text-rose-800">{result.message}</p> : null}
          {result.saved !== undefined ? <p className="font-medium">{t("saved", { count: result.saved })}</p> : null}
          {result.errors?.length ? (
            <ul className="max-h-40 space-y-0.5 overflow-y-auto rounded-lg bg-rose-50 px-3 py-2 text-xs text-rose-800">
              {result.errors.map((e, i) => (
                <li key={i}>
                  {e.column
                    ? t("errorAt", { line: String(e.line), column: e.column, message: e.message })
                    : t("errorLine", { line: String(e.line), message: e.message })}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </form>
  );
}
