"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Button, buttonClasses } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Field } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Table, Td, Th } from "@/components/ui/table";
import type { ImportJobView, ImportStoreOption } from "@/lib/data/imports";

const FORMATS = [
  { value: "", label: "Detect from the file" },
  { value: "tiktok-csv", label: "TikTok Shop export (CSV)" },
  { value: "tiktok-xlsx", label: "TikTok Shop export (XLSX)" },
  { value: "shopify-csv", label: "Shopify order export (CSV)" },
] as const;

type UploadResult = { ok: true } | { ok: false; message: string };

async function fetchJob(id: string): Promise<ImportJobView | null> {
  const res = await fetch(`/api/imports/${id}`, { cache: "no-store" });
  if (res.status === 404) return null; // not created yet: the upload has only just started
  if (!res.ok) throw new Error(`Progress unavailable (HTTP ${res.status})`);
  return (await res.json()) as ImportJobView;
}

export function ImportForm({ stores }: { stores: ImportStoreOption[] }) {
  const [storeId, setStoreId] = useState(stores[0]?.id ?? "");
  const [format, setFormat] = useState("");
  const [file, setFile] = useState<File | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const [upload, setUpload] = useState<UploadResult | null>(null);
  const [fileError, setFileError] = useState<string | undefined>();

  const job = useQuery({
    queryKey: ["import-job", jobId],
    queryFn: () => fetchJob(jobId as string),
    enabled: jobId !== null,
    staleTime: 0,
    refetchInterval: (query) => (upload === null || query.state.data?.status === "RUNNING" ? 500 : false),
  });

  async function start(event: React.FormEvent) {
    event.preventDefault();
    if (!file) {
      setFileError("Choose a file to import");
      return;
    }
    setFileError(undefined);
    setUpload(null);
    const params = { storeId, fileName: file.name, ...(format ? { format } : {}) };
    try {
      // The server makes the job (and its id) first, so its progress can be polled during the upload.
      const prepared = await fetch(`/api/imports/jobs?${new URLSearchParams(params).toString()}`, { method: "POST" });
      const made = (await prepared.json().catch(() => ({}))) as { id?: string; message?: string };
      if (!prepared.ok || !made.id) {
        setFileError(made.message ?? `Import failed (HTTP ${prepared.status})`);
        return;
      }
      const id = made.id;
      setJobId(id);
      const query = new URLSearchParams({ ...params, jobId: id });
      const res = await fetch(`/api/imports?${query.toString()}`, { method: "POST", body: file, headers: { "content-type": "application/octet-stream" } });
      const body = (await res.json().catch(() => ({}))) as { message?: string };
      setUpload(res.ok ? { ok: true } : { ok: false, message: body.message ?? `Import failed (HTTP ${res.status})` });
    } catch {
      setUpload({ ok: false, message: "The upload was interrupted. Orders already imported are kept; upload the file again to finish." });
    }
    await job.refetch();
  }

  const data = job.data ?? null;
  const running = jobId !== null && upload === null;
  const percent = data && data.bytesTotal > 0 ? Math.min(100, Math.round((data.bytesRead / data.bytesTotal) * 100)) : 0;

  return (
    <div className="space-y-4">
      <Card>
        <CardHeader title="File" description="Store times are read in the store's time zone when the file gives none." />
        <CardBody>
          <form onSubmit={start} className="grid gap-4 sm:grid-cols-3">
            <Field label="Store" htmlFor="import-store">
              <Select id="import-store" value={storeId} onChange={(e) => setStoreId(e.target.value)} disabled={running}>
                {stores.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name} ({s.channel === "TIKTOK_SHOP" ? "TikTok Shop" : "Brand site"} {s.market})
                  </option>
                ))}
              </Select>
            </Field>
            <Field label="Format" htmlFor="import-format">
              <Select id="import-format" value={format} onChange={(e) => setFormat(e.target.value)} disabled={running}>
                {FORMATS.map((f) => (
                  <option key={f.value} value={f.value}>
                    {f.label}
                  </option>
                ))}
              </Select>
            </Field>
            <Field label="Export file" htmlFor="import-file" error={fileError}>
              <input
                id="import-file"
                type="file"
                accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                aria-invalid={fileError ? true : undefined}
                onChange={(e) => setFile(e.target.files?.[0] ?? null)}
                disabled={running}
                className="block w-full text-sm file:mr-3 file:rounded-lg file:border-0 file:bg-slate-100 file:px-3 file:py-2 file:text-sm file:font-medium"
              />
            </Field>
            <div className="sm:col-span-3">
              <Button type="submit" disabled={running || !storeId}>
                {running ? "Importing…" : "Import"}
              </Button>
            </div>
          </form>
        </CardBody>
      </Card>

      {jobId ? (
        <Card>
          <CardHeader title={data ? `${data.fileName} → ${data.storeName}` : "Starting…"} description={data ? statusText(data, upload) : undefined} />
          <CardBody className="space-y-4">
            <div>
              <div
                role="progressbar"
                aria-label="Import progress"
                aria-valuemin={0}
                aria-valuemax={100}
                aria-valuenow={data?.status === "DONE" ? 100 : percent}
                className="h-2 w-full overflow-hidden rounded-full bg-slate-100"
              >
                <div
                  className={data?.status === "FAILED" ? "h-full bg-rose-600" : "h-full bg-slate-900 transition-[width]"}
                  style={{ width: `${data?.status === "DONE" ? 100 : percent}%` }}
                />
              </div>
              {data ? (
                <p className="mt-1 text-xs text-slate-500">
                  {formatBytes(data.bytesRead)} of {formatBytes(data.bytesTotal)} · line {data.linesRead.toLocaleString("en-US")}
                </p>
              ) : null}
            </div>
            {data ? (
              <dl className="grid grid-cols-2 gap-3 text-sm sm:grid-cols-5" aria-label="Import summary">
                {(
                  [
                    ["Orders", data.orders],
                    ["New", data.created],
                    ["Updated", data.updated],
                    ["Unchanged", data.unchanged],
                    ["Errors", data.errorCount],
                  ] as const
                ).map(([label, value]) => (
                  <div key={label} className="rounded-lg bg-slate-50 px-3 py-2">
                    <dt className="text-xs text-slate-500">{label}</dt>
                    <dd className="text-lg font-semibold tabular-nums">{value.toLocaleString("en-US")}</dd>
                  </div>
                ))}
              </dl>
            ) : null}
            {upload && !upload.ok ? (
              <p role="alert" className="text-sm font-medium text-rose-700">
                {upload.message}
              </p>
            ) : null}
            {data && data.status !== "RUNNING" && data.errorCount > 0 ? <ErrorReport job={data} /> : null}
          </CardBody>
        </Card>
      ) : null}
    </div>
  );
}

function ErrorReport({ job }: { job: ImportJobView }) {
  return (
    <div className="space-y-2">
      <div className="flex items-center justify-between gap-3">
        <h3 className="text-sm font-semibold">
          {job.errorCount.toLocaleString("en-US")} row{job.errorCount === 1 ? "" : "s"} not imported
          {job.errorCount > job.errors.length ? ` (first ${job.errors.length} shown)` : ""}
        </h3>
        <a className={buttonClasses("secondary")} href={`/api/imports/${job.id}/errors.csv`} download>
          Download error report (CSV)
        </a>
      </div>
      <Table label="Import errors">
        <thead>
          <tr>
            <Th className="w-20">Line</Th>
            <Th>Problem</Th>
          </tr>
        </thead>
        <tbody>
          {job.errors.map((e, i) => (
            <tr key={`${e.line}-${i}`}>
              <Td className="tabular-nums">{e.line}</Td>
              <Td>{e.message}</Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </div>
  );
}

function statusText(job: ImportJobView, upload: UploadResult | null): string {
  if (job.status === "RUNNING") return upload ? "Finishing…" : "Importing…";
  if (job.status === "FAILED")
    return `Stopped: ${job.message ?? "the import failed"}. Orders already imported are kept; importing the file again completes it.`;
  return "Done.";
}

function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 ** 2) return `${(n / 1024).toFixed(1)} KB`;
  if (n < 1024 ** 3) return `${(n / 1024 ** 2).toFixed(1)} MB`;
  return `${(n / 1024 ** 3).toFixed(2)} GB`;
}
