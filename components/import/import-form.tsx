"use client";

import { useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { Button, buttonClasses } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Field } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Table, Td, Th } from "@/components/ui/table";
import type { ImportJobView, ImportStoreOption } from "@/lib/data/imports";
import { numberFormat } from "@/lib/format";
import { intlLocale } from "@/lib/i18n/intl-locale";

const FORMATS = [
  { value: "", key: "detect" },
  { value: "tiktok-csv", key: "tiktokCsv" },
  { value: "tiktok-xlsx", key: "tiktokXlsx" },
  { value: "shopify-csv", key: "shopifyCsv" },
] as const;

type UploadResult = { ok: true } | { ok: false; message: string };
type ImportT = ReturnType<typeof useTranslations<"import">>;

async function fetchJob(id: string, unavailable: (status: number) => string): Promise<ImportJobView | null> {
  const res = await fetch(`/api/imports/${id}`, { cache: "no-store" });
  if (res.status === 404) return null; // not created yet: the upload has only just started
  if (!res.ok) throw new Error(unavailable(res.status));
  return (await res.json()) as ImportJobView;
}

export function ImportForm({ stores }: { stores: ImportStoreOption[] }) {
  const t = useTranslations("import");
  const tv = useTranslations("vocabulary");
  const locale = useLocale();
  const count = (n: number) => numberFormat(intlLocale(locale, "en-US")).format(n);
  const [storeId, setStoreId] = useState(stores[0]?.id ?? "");
  const [format, setFormat] = useState("");
  const [file, setFile] = useState<File | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const [upload, setUpload] = useState<UploadResult | null>(null);
  const [fileError, setFileError] = useState<string | undefined>();

  const job = useQuery({
    queryKey: ["import-job", jobId],
    queryFn: () => fetchJob(jobId as string, (status) => t("progressUnavailable", { status: String(status) })),
    enabled: jobId !== null,
    staleTime: 0,
    refetchInterval: (query) => (upload === null || query.state.data?.status === "RUNNING" ? 500 : false),
  });

  async function start(event: React.FormEvent) {
    event.preventDefault();
    if (!file) {
      setFileError(t("chooseFile"));
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
        setFileError(made.message ?? t("failed", { status: String(prepared.status) }));
        return;
      }
      const id = made.id;
      setJobId(id);
      const query = new URLSearchParams({ ...params, jobId: id });
      const res = await fetch(`/api/imports?${query.toString()}`, { method: "POST", body: file, headers: { "content-type": "application/octet-stream" } });
      const body = (await res.json().catch(() => ({}))) as { message?: string };
      setUpload(res.ok ? { ok: true } : { ok: false, message: body.message ?? t("failed", { status: String(res.status) }) });
    } catch {
      setUpload({ ok: false, message: t("interrupted") });
    }
    await job.refetch();
  }

  const data = job.data ?? null;
  const running = jobId !== null && upload === null;
  const percent = data && data.bytesTotal > 0 ? Math.min(100, Math.round((data.bytesRead / data.bytesTotal) * 100)) : 0;

  return (
    <div className="space-y-4">
      <Card>
        <CardHeader title={t("file.title")} description={t("file.description")} />
        <CardBody>
          <form onSubmit={start} className="grid gap-4 sm:grid-cols-3">
            <Field label={t("file.store")} htmlFor="import-store">
              <Select id="import-store" value={storeId} onChange={(e) => setStoreId(e.target.value)} disabled={running}>
                {stores.map((s) => (
                  <option key={s.id} value={s.id}>
                    {t("file.storeOption", { name: s.name, channel: tv(`channel.${s.channel}`), market: s.market })}
                  </option>
                ))}
              </Select>
            </Field>
            <Field label={t("file.format")} htmlFor="import-format">
              <Select id="import-format" value={format} onChange={(e) => setFormat(e.target.value)} disabled={running}>
                {FORMATS.map((f) => (
                  <option key={f.value} value={f.value}>
                    {t(`formats.${f.key}`)}
                  </option>
                ))}
              </Select>
            </Field>
            <Field label={t("file.exportFile")} htmlFor="import-file" error={fileError}>
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
                {running ? t("importing") : t("import")}
              </Button>
            </div>
          </form>
        </CardBody>
      </Card>

      {jobId ? (
        <Card>
          <CardHeader title={data ? `${data.fileName} → ${data.storeName}` : t("starting")} description={data ? statusText(t, data, upload) : undefined} />
          <CardBody className="space-y-4">
            <div>
              <div
                role="progressbar"
                aria-label={t("progress")}
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
                  {t("progressText", { read: formatBytes(data.bytesRead, locale), total: formatBytes(data.bytesTotal, locale), line: data.linesRead })}
                </p>
              ) : null}
            </div>
            {data ? (
              <dl className="grid grid-cols-2 gap-3 text-sm sm:grid-cols-5" aria-label={t("summary.label")}>
                {(
                  [
                    ["orders", data.orders],
                    ["created", data.created],
                    ["updated", data.updated],
                    ["unchanged", data.unchanged],
                    ["errors", data.errorCount],
                  ] as const
                ).map(([key, value]) => (
                  <div key={key} className="rounded-lg bg-slate-50 px-3 py-2">
                    <dt className="text-xs text-slate-500">{t(`summary.${key}`)}</dt>
                    <dd className="text-lg font-semibold tabular-nums">{count(value)}</dd>
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
  const t = useTranslations("import.errors");
  return (
    <div className="space-y-2">
      <div className="flex items-center justify-between gap-3">
        <h3 className="text-sm font-semibold">
          {job.errorCount > job.errors.length ? t("titleFirst", { count: job.errorCount, shown: job.errors.length }) : t("title", { count: job.errorCount })}
        </h3>
        <a className={buttonClasses("secondary")} href={`/api/imports/${job.id}/errors.csv`} download>
          {t("download")}
        </a>
      </div>
      <Table label={t("tableLabel")}>
        <thead>
          <tr>
            <Th className="w-20">{t("line")}</Th>
            <Th>{t("problem")}</Th>
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

function statusText(t: ImportT, job: ImportJobView, upload: UploadResult | null): string {
  if (job.status === "RUNNING") return upload ? t("finishing") : t("importing");
  if (job.status === "FAILED") return t("stopped", { reason: job.message ?? t("stoppedUnknown") });
  return t("done");
}

/** "1.5 MB": English as it always was, else the viewer's decimal separator ("1,5 MB"). */
function formatBytes(n: number, locale: string): string {
  const fixed = (value: number, digits: number) =>
    locale === "en" ? value.toFixed(digits) : numberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
  if (n < 1024) return `${n} B`;
  if (n < 1024 ** 2) return `${fixed(n / 1024, 1)} KB`;
  if (n < 1024 ** 3) return `${fixed(n / 1024 ** 2, 1)} MB`;
  return `${fixed(n / 1024 ** 3, 2)} GB`;
}
