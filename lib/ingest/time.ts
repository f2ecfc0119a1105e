import { DateTime, IANAZone } from "luxon";
import type { FieldResult } from "./types";

export function assertTimeZone(zone: string): void {
  if (!IANAZone.isValidZone(zone)) throw new RangeError(`not an IANA time zone: ${zone}`);
}

type WallClock = { year: number; month: number; day: number; hour: number; minute: number; second: number };

function wallClockToDate(w: WallClock, zone: string): Date | null {
  // luxon rejects impossible dates (31 Feb) instead of rolling them over like Date.UTC would; for a
  // wall time skipped by a DST jump it moves forward, which is the only sensible reading.
  const dt = DateTime.fromObject(w, { zone });
  return dt.isValid ? dt.toJSDate() : null;
}

const US_TIME = /^(\d{1,2})\/(\d{1,2})\/(\d{4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])$/;
const DAY_FIRST_TIME = /^(\d{1,2})\/(\d{1,2})\/(\d{4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?$/;
const ISO_LOCAL_TIME = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/;

/**
 * A Seller Center export time. The files carry no zone, so the wall time is read in the store's zone.
 * An AM/PM suffix means a US file (MM/DD/YYYY hh:mm:ss AM); without it the TH/MY form DD/MM/YYYY HH:mm:ss.
 * Empty cells are `null`.
 */
export function parseTikTokExportTime(text: string, zone: string): FieldResult<Date | null> {
  const s = text.trim();
  if (s === "" || s === "-" || s === "--") return { ok: true, value: null };
  let w: WallClock | null = null;
  let m = US_TIME.exec(s);
  if (m) {
    const hour12 = Number(m[4]);
    if (hour12 >= 1 && hour12 <= 12) {
      const pm = (m[7] ?? "").toUpperCase() === "PM";
      w = {
        month: Number(m[1]),
        day: Number(m[2]),
        year: Number(m[3]),
        hour: (hour12 % 12) + (pm ? 12 : 0),
        minute: Number(m[5]),
        second: Number(m[6] ?? 0),
      };
    }
  } else if ((m = DAY_FIRST_TIME.exec(s))) {
    w = { day: Number(m[1]), month: Number(m[2]), year: Number(m[3]), hour: Number(m[4]), minute: Number(m[5]), second: Number(m[6] ?? 0) };
  } else if ((m = ISO_LOCAL_TIME.exec(s))) {
    w = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]), hour: Number(m[4]), minute: Number(m[5]), second: Number(m[6] ?? 0) };
  }
  const date = w ? wallClockToDate(w, zone) : null;
  if (!date) {
    return { ok: false, reason: `"${s}" is not a date (expected MM/DD/YYYY hh:mm:ss AM/PM or DD/MM/YYYY HH:mm:ss)` };
  }
  return { ok: true, value: date };
}

const EXCEL_EPOCH_OFFSET_DAYS = 25569; // serial of 1970-01-01 in the 1900 date system
const MS_PER_DAY = 86_400_000;

/** An Excel date serial (a wall time without zone) read in the store's zone, to the second. */
export function excelSerialToDate(serial: number, zone: string): FieldResult<Date> {
  if (!Number.isFinite(serial) || serial < 1) return { ok: false, reason: `${serial} is not a date` };
  const utc = new Date(Math.round(((serial - EXCEL_EPOCH_OFFSET_DAYS) * MS_PER_DAY) / 1000) * 1000);
  const date = wallClockToDate(
    {
      year: utc.getUTCFullYear(),
      month: utc.getUTCMonth() + 1,
      day: utc.getUTCDate(),
      hour: utc.getUTCHours(),
      minute: utc.getUTCMinutes(),
      second: utc.getUTCSeconds(),
    },
    zone,
  );
  return date ? { ok: true, value: date } : { ok: false, reason: `${serial} is not a date` };
}

const SHOPIFY_TIME = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2}) ?([+-])(\d{2}):?(\d{2})$/;

/**
 * Shopify export time `YYYY-MM-DD HH:MM:SS ±HHMM`. Hand-parsed rather than through luxon because it
 * runs for every order of exports with hundreds of thousands of lines and the offset is explicit.
 */
export function parseShopifyExportTime(text: string): FieldResult<Date | null> {
  const s = text.trim();
  if (s === "") return { ok: true, value: null };
  const m = SHOPIFY_TIME.exec(s);
  if (!m) return { ok: false, reason: `"${s}" is not a time (expected YYYY-MM-DD HH:MM:SS ±HHMM)` };
  const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4], m[5], m[6]].map(Number) as [number, number, number, number, number, number];
  const offsetMinutes = (m[7] === "-" ? -1 : 1) * (Number(m[8]) * 60 + Number(m[9]));
  const wallMs = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(wallMs);
  // Date.UTC silently rolls 2024-02-31 into March; reject instead.
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23 || minute > 59 || second > 59 || Math.abs(offsetMinutes) > 18 * 60) {
    return { ok: false, reason: `"${s}" is not a valid time` };
  }
  return { ok: true, value: new Date(wallMs - offsetMinutes * 60_000) };
}

/** Unix seconds (API/webhook) to Date; 0 and absent mean "not happened yet". */
export function unixSecondsToDate(seconds: number | null | undefined): Date | null {
  if (seconds === null || seconds === undefined || seconds <= 0) return null;
  return new Date(seconds * 1000);
}
