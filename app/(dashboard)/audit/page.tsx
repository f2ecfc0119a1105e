import type { Metadata } from "next";
import Link from "next/link";
import { getLocale } from "next-intl/server";
import { getTranslations } from "@/lib/i18n/server";
import { buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { requirePageUser } from "@/lib/auth";
import { AUDIT_PAGE_SIZE, listAuditLog } from "@/lib/data/audit";
import { formatInstant } from "@/lib/format";
import { dateLocale } from "@/lib/i18n/intl-locale";
import { auditFilterSchema } from "@/lib/validations/audit";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("audit");
  return { title: t("title") };
}

function show(value: unknown): string {
  return value === null || value === undefined ? "—" : JSON.stringify(value, null, 1);
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser(["OWNER"]);
  const raw = await searchParams;
  const filter = auditFilterSchema.parse(Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])));
  const [{ items, total, entityTypes }, t, locale] = await Promise.all([listAuditLog(user.organizationId, filter), getTranslations("audit"), getLocale()]);
  const pages = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
  const pageHref = (page: number) =>
    `/audit?${new URLSearchParams({
      ...Object.fromEntries(
        Object.entries(filter)
          .filter(([, v]) => v !== undefined)
          .map(([k, v]) => [k, String(v)]),
      ),
      page: String(page),
    })}`;
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-xl font-semibold">{t("title")}</h1>
        <p className="text-sm text-slate-500">{t("intro")}</p>
      </div>
      <form className="grid gap-3 sm:grid-cols-5" aria-label={t("filterLabel")}>
        <Select name="entity" defaultValue={filter.entity ?? ""} aria-label={t("entity")} className="w-auto">
          <option value="">{t("allEntities")}</option>
          {entityTypes.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </Select>
        <Input name="actor" placeholder={t("actorPlaceholder")} defaultValue={filter.actor ?? ""} aria-label={t("actor")} />
        <Input name="from" type="date" defaultValue={filter.from ?? ""} aria-label={t("from")} />
        <Input name="to" type="date" defaultValue={filter.to ?? ""} aria-label={t("to")} />
        <button type="submit" className={buttonClasses("secondary")}>
          {t("filter")}
        </button>
      </form>
      {items.length === 0 ? (
        <EmptyState title={t("empty")} />
      ) : (
        <Card className="overflow-hidden">
          <ul className="divide-y divide-slate-100">
            {items.map((entry) => (
              <li key={entry.id} className="px-4 py-3 text-sm" data-testid="audit-entry">
                <div className="flex flex-wrap items-baseline justify-between gap-2">
                  <p>
                    <span className="font-medium">{entry.actorLabel}</span> · <span className="font-mono text-xs">{entry.action}</span> · {entry.entityType}{" "}
                    <span className="font-mono text-xs text-slate-500">{entry.entityId}</span>
                  </p>
                  <p className="text-xs text-slate-500">
                    {formatInstant(entry.createdAt, "UTC", dateLocale(locale))}
                    {entry.ip ? ` · ${entry.ip}` : ""}
                  </p>
                </div>
                <div className="mt-2 grid gap-2 sm:grid-cols-2">
                  <pre className="overflow-x-auto rounded bg-rose-50 p-2 text-xs text-rose-900" aria-label={t("before")}>
                    {show(entry.before)}
                  </pre>
                  <pre className="overflow-x-auto rounded bg-emerald-50 p-2 text-xs text-emerald-900" aria-label={t("after")}>
                    {show(entry.after)}
                  </pre>
                </div>
              </li>
            ))}
          </ul>
        </Card>
      )}
      {pages > 1 ? (
        <nav className="flex items-center justify-between text-sm" aria-label={t("pages")}>
          {filter.page > 1 ? <Link href={pageHref(filter.page - 1)}>{t("newer")}</Link> : <span />}
          <span className="text-slate-500">{t("page", { page: filter.page, pages })}</span>
          {filter.page < pages ? <Link href={pageHref(filter.page + 1)}>{t("older")}</Link> : <span />}
        </nav>
      ) : null}
    </div>
  );
}
