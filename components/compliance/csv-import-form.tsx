"use client";

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
    <form onSubmit={onSubmit} className="space-y-3" aria-label="CSV import">
      <p className="text-xs text-slate-500">
        Columns: <code>{columns}</code>
      </p>
      {withChannel ? (
        <div className="grid grid-cols-2 gap-3">
          <Field label="Channel" htmlFor={`${id}-channel`}>
            <Select id={`${id}-channel`} name="channel" defaultValue="TIKTOK_SHOP">
              <option value="TIKTOK_SHOP">TikTok Shop</option>
              <option value="BRAND_SITE">Brand website</option>
            </Select>
          </Field>
          <Field label="Currency (if no column)" htmlFor={`${id}-currency`}>
            <Input id={`${id}-currency`} name="currency" placeholder="USD" maxLength={3} />
          </Field>
        </div>
      ) : null}
      <Field label="CSV file" htmlFor={`${id}-file`}>
        <Input id={`${id}-file`} name="file" type="file" accept=".csv,text/csv" required />
      </Field>
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? "Importing…" : "Import CSV"}
      </Button>
      {result ? (
        <div role="status" className="space-y-1 text-sm">
          {result.message ? <p className="text-rose-800">{result.message}</p> : null}
          {result.saved !== undefined ? <p className="font-medium">{result.saved} row(s) saved.</p> : null}
          {result.errors?.length ? (
            <ul className="max-h-40 space-y-0.5 overflow-y-auto rounded-lg bg-rose-50 px-3 py-2 text-xs text-rose-800">
              {result.errors.map((e, i) => (
                <li key={i}>
                  Line {e.line}
                  {e.column ? `, column ${e.column}` : ""}: {e.message}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </form>
  );
}
