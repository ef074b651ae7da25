/**
 * Calendar dates and the due-date convention.
 *
 * A date is a calendar day with no time of day and no time zone, held as a `Day`: the whole number of
 * days since 1970-01-01. Conversion uses `Date.UTC` only, so no local time zone can shift a day.
 *
 * Excel serial numbers (1900 date system): serial 1 is 1900-01-01, and Excel counts a 29 February 1900
 * that never existed (serial 60, kept for Lotus 1-2-3 compatibility). Serials from 61 on are days since
 * 1899-12-30; serials 1–59 are days since 1899-12-31; serial 60 is rejected.
 *
 * Due dates (conventions §3): instalment k falls due on the first due date plus (k − 1) calendar months,
 * on the same day of the month, moved back to the last day of a shorter month
 * (2009-09-30 → 2010-02-28 → 2010-03-30).
 */
/** Days since 1970-01-01 (a calendar date). */
export type Day = number;

const MS_PER_DAY = 86_400_000;
/** Excel's serial for 1899-12-30 (day 0 of its modern count) relative to 1970-01-01. */
export const EXCEL_EPOCH_OFFSET = 25_569;

/** The day of a calendar date; month 1–12. */
export function dayFromParts(year: number, month: number, day: number): Day {
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

/** Year, month (1–12) and day of month of a day. */
export function partsOfDay(day: Day): { year: number; month: number; day: number } {
  const d = new Date(day * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** ISO 8601 `YYYY-MM-DD`. */
export function formatIsoDate(day: Day): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Number of days in a month (month 1–12). */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The Excel 1900-system serial number of a day (the inverse of `dayFromExcelSerial`, dateInput.ts). */
export function excelSerialFromDay(day: Day): number {
  const serial = day + EXCEL_EPOCH_OFFSET;
  return serial > 60 ? serial : serial - 1;
}

/** Adds calendar months, keeping the day of month or moving back to the month's last day. */
export function addMonths(day: Day, months: number, dayOfMonth = partsOfDay(day).day): Day {
  const p = partsOfDay(day);
  const index = p.year * 12 + (p.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return dayFromParts(year, month, Math.min(dayOfMonth, daysInMonth(year, month)));
}

/**
 * The due date of instalment k (k = 1 is the first due date). k = 0 gives the start of the first
 * period, one month before the first due date, which the actual method needs (conventions §5).
 */
export function dueDate(firstDueDate: Day, k: number): Day {
  return addMonths(firstDueDate, k - 1);
}

/**
 * How many of the n due dates fall on or before `date` (`inclusive`) or strictly before it.
 * Closed form: at most one due date falls in each calendar month, so the count is the month
 * distance, corrected by comparing with the due date in the date's own month.
 */
export function countDueDates(
  firstDueDate: Day,
  installments: number,
  date: Day,
  inclusive: boolean,
): number {
  const first = partsOfDay(firstDueDate);
  const at = partsOfDay(date);
  const monthsAfterFirst = (at.year - first.year) * 12 + (at.month - first.month);
  const k = monthsAfterFirst + 1; // the instalment that falls due in the date's month
  const due = dueDate(firstDueDate, k);
  const counted = inclusive ? due <= date : due < date;
  const count = counted ? k : k - 1;
  return Math.max(0, Math.min(installments, count));
}

/** Calendar half-year of a day: 1 January or 1 July on or before it. */
export function halfYearStart(day: Day): Day {
  const p = partsOfDay(day);
  return dayFromParts(p.year, p.month <= 6 ? 1 : 7, 1);
}

/** The first day of the next calendar half-year. */
export function nextHalfYearStart(day: Day): Day {
  return addMonths(halfYearStart(day), 6);
}

/** A half-year as users name it, e.g. "2026-07-01–2026-12-31". */
export function describeHalfYear(start: Day): string {
  return `${formatIsoDate(start)}–${formatIsoDate(nextHalfYearStart(start) - 1)}`;
}
