"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { recordAudit } from "@/lib/audit";
import { forgetCachedOrganization } from "@/lib/data/cache";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { formatRateDay, formatRateValue } from "@/lib/fx/format";
import { parseRate, rateToString } from "@/lib/fx/rate";
import type { Translator } from "@/lib/i18n/translator";
import { type EcbError, parseEcbCsv, parseEcbDay } from "@/lib/ingest/ecb-rates";
import { type FxUpsertResult, upsertFxRates } from "@/lib/ingest/fx-rates";
import { isCurrencyCode } from "@/lib/money";
import { defineAction, succeed } from "./define-action";

// The owner's reporting currency and the reference rates on /settings. Every change is audited
// and forgets the organisation's cached figures, so the overview shows the new conversion at once.

/** The pages whose figures a change of currency or rates moves. */
function refreshFigures(organizationId: string) {
  forgetCachedOrganization(organizationId);
  for (const path of ["/settings", "/", "/stores"]) revalidatePath(path);
  revalidatePath("/stores/[id]", "page");
}

const refused = (t: Translator, fieldErrors: Record<string, string>) => new AppError("BAD_REQUEST", t("currency.form.refused"), { fieldErrors });

export const setReportingCurrencyAction = defineAction(
  { roles: ["OWNER"], schema: z.object({ reportingCurrency: z.string().trim().toUpperCase().default("") }) },
  async ({ reportingCurrency }, { user, t }) => {
    const next = reportingCurrency === "" || reportingCurrency === "AUTO" ? null : reportingCurrency;
    if (next !== null && !isCurrencyCode(next)) throw refused(t, { reportingCurrency: t("currency.form.badCurrency") });
    const org = await db.organization.findUniqueOrThrow({ where: { id: user.organizationId }, select: { reportingCurrency: true } });
    if (org.reportingCurrency !== next) {
      await db.$transaction(async (tx) => {
        await tx.organization.update({ where: { id: user.organizationId }, data: { reportingCurrency: next }, select: { id: true } });
        await recordAudit(tx, {
          organizationId: user.organizationId,
          actor: { id: user.id, email: user.email },
          action: "organization.reporting_currency.set",
          entityType: "Organization",
          entityId: user.organizationId,
          before: { reportingCurrency: org.reportingCurrency },
          after: { reportingCurrency: next },
        });
      });
      refreshFigures(user.organizationId);
    }
    return succeed({ reportingCurrency: next }, next ? t("currency.form.currencySaved", { currency: next }) : t("currency.form.currencySavedAutomatic"));
  },
);

const rateSchema = z.object({
  day: z.string().trim().default(""),
  base: z.string().trim().toUpperCase().default(""),
  quote: z.string().trim().toUpperCase().default(""),
  rate: z.string().trim().default(""),
});

export const saveFxRateAction = defineAction({ roles: ["OWNER"], schema: rateSchema }, async (input, { user, t, locale }) => {
  const errors: Record<string, string> = {};
  // <input type="date"> sends YYYY-MM-DD; the ECB's own "28 November 2026" is accepted too.
  const day = parseEcbDay(input.day);
  if (!day) errors.day = t("currency.form.badDay");
  if (!isCurrencyCode(input.base)) errors.base = t("currency.form.badCurrency");
  if (!isCurrencyCode(input.quote)) errors.quote = t("currency.form.badCurrency");
  else if (input.base === input.quote) errors.quote = t("currency.form.sameCurrency");
  // A decimal comma (Dutch: "0,8635") is read as the decimal point; no thousands separators.
  const text = /^\d+,\d+$/.test(input.rate) ? input.rate.replace(",", ".") : input.rate;
  const exact = parseRate(text);
  if (!exact) errors.rate = t("currency.form.badRate");
  if (Object.keys(errors).length || !day || !exact) throw refused(t, errors);

  const rate = rateToString(exact);
  const before = await db.fxRate.findUnique({
    where: { organizationId_base_quote_day: { organizationId: user.organizationId, base: input.base, quote: input.quote, day: new Date(`${day}T00:00:00Z`) } },
    select: { rate: true, source: true },
  });
  const result = await db.$transaction(async (tx) => {
    const written = await upsertFxRates(tx, user.organizationId, [{ day, base: input.base, quote: input.quote, rate, source: "manual" }]);
    if (written.unchanged === 0) {
      await recordAudit(tx, {
        organizationId: user.organizationId,
        actor: { id: user.id, email: user.email },
        action: "fx_rate.set",
        entityType: "FxRate",
        entityId: `${input.base}/${input.quote}@${day}`,
        before: before ? { rate: before.rate.toString(), source: before.source } : null,
        after: { rate, source: "manual" },
      });
    }
    return written;
  });
  if (result.unchanged) return succeed(result, t("currency.form.rateUnchanged"));
  refreshFigures(user.organizationId);
  return succeed(
    result,
    t("currency.form.rateSaved", { base: input.base, quote: input.quote, rate: formatRateValue(rate, locale), day: formatRateDay(day, locale) }),
  );
});

const deleteRateSchema = z.object({ rateId: z.string().trim().min(1, { error: "Name the rate to delete." }).max(64) });

/** A stored rate removed (a mistyped one): the days it served fall back to the latest earlier rate, or to "no rate". */
export const deleteFxRateAction = defineAction({ roles: ["OWNER"], schema: deleteRateSchema }, async ({ rateId }, { user, t, locale }) => {
  // Only the owner's own organisation's rates: another's id is "no such rate", never a deletion.
  const stored = await db.fxRate.findFirst({
    where: { id: rateId, organizationId: user.organizationId },
    select: { id: true, day: true, base: true, quote: true, rate: true, source: true },
  });
  if (!stored) throw new AppError("NOT_FOUND", t("currency.form.noSuchRate"));
  const day = stored.day.toISOString().slice(0, 10);
  const exact = parseRate(stored.rate.toString());
  const rate = exact ? rateToString(exact) : stored.rate.toString();
  await db.$transaction(async (tx) => {
    await tx.fxRate.delete({ where: { id: stored.id } });
    await recordAudit(tx, {
      organizationId: user.organizationId,
      actor: { id: user.id, email: user.email },
      action: "fx_rate.delete",
      entityType: "FxRate",
      entityId: `${stored.base}/${stored.quote}@${day}`,
      before: { rate, source: stored.source },
      after: null,
    });
  });
  refreshFigures(user.organizationId);
  return succeed(
    undefined,
    t("currency.form.rateDeleted", { base: stored.base, quote: stored.quote, rate: formatRateValue(rate, locale), day: formatRateDay(day, locale) }),
  );
});

/** An ECB file is a few hundred KB at most (the whole history since 1999 about 1.5 MB). */
const MAX_RATE_FILE_BYTES = 3 * 1024 * 1024;
const ERRORS_SHOWN = 20;

function describeError(t: Translator, e: EcbError): string {
  const message = t(`currency.import.errors.${e.code}`, {
    value: e.value ?? "",
    currency: e.columnName ?? "",
    otherLine: e.otherLine ?? 0,
  });
  return e.column === null
    ? t("currency.import.errorAtLine", { line: e.line, message })
    : t("currency.import.errorAt", { line: e.line, column: e.column, message });
}

export type EcbImportResult = FxUpsertResult & { rates: number; days: number; firstDay: string; lastDay: string };

export const importEcbRatesAction = defineAction(
  { roles: ["OWNER"], schema: z.instanceof(FormData, { message: "Send the import form" }), form: "raw" },
  async (form, { user, t }) => {
    const file = form.get("file");
    if (!(file instanceof File) || file.size === 0) throw refused(t, { file: t("currency.import.noFile") });
    if (file.size > MAX_RATE_FILE_BYTES) throw refused(t, { file: t("currency.import.tooLarge", { size: MAX_RATE_FILE_BYTES / 1024 / 1024 }) });
    const parsed = parseEcbCsv(await file.text());
    if (parsed.errors.length) {
      const count = parsed.errors.length + parsed.moreErrors;
      const lines = parsed.errors.slice(0, ERRORS_SHOWN).map((e) => describeError(t, e));
      if (count > lines.length) lines.push(t("currency.import.moreErrors", { count: count - lines.length }));
      throw new AppError("BAD_REQUEST", t("currency.import.refused", { count }), { fieldErrors: { file: lines.join("\n") } });
    }
    const result = await db.$transaction(
      async (tx) => {
        const written = await upsertFxRates(
          tx,
          user.organizationId,
          parsed.rates.map((r) => ({ ...r, source: "ecb" as const })),
        );
        if (written.inserted || written.updated) {
          await recordAudit(tx, {
            organizationId: user.organizationId,
            actor: { id: user.id, email: user.email },
            action: "fx_rate.import",
            entityType: "FxRate",
            entityId: `ECB ${parsed.days[0]}..${parsed.days.at(-1)}`,
            after: { file: file.name, days: parsed.days.length, ...written },
          });
        }
        return written;
      },
      { timeout: 120_000 },
    );
    if (result.inserted || result.updated) refreshFigures(user.organizationId);
    const data: EcbImportResult = {
      ...result,
      rates: parsed.rates.length,
      days: parsed.days.length,
      firstDay: parsed.days[0] as string,
      lastDay: parsed.days.at(-1) as string,
    };
    return succeed(
      data,
      t("currency.import.imported", { count: data.rates, days: data.days, inserted: data.inserted, updated: data.updated, unchanged: data.unchanged }),
    );
  },
);
