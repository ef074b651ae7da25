/**
 * Dates as users give them, read or refused: ISO text (`YYYY-MM-DD`) and Excel 1900-system serial
 * numbers (the calendar and its serial count are described in dates.ts). A date that cannot be read
 * throws the engine's error naming the field and the value.
 */
import { Day, EXCEL_EPOCH_OFFSET, dayFromParts, daysInMonth } from "./dates";
import { EngineError, check } from "./errors";

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses `YYYY-MM-DD`; the field name goes into the error for bad text or an impossible date. */
export function parseIsoDate(text: string, field: string): Day {
  const match = ISO_DATE.exec(text.trim());
  if (!match) throw new EngineError("notDate", field, text);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  // Years before 1900 are outside Excel's date system (and Date.UTC would read 0012 as 1912).
  check(
    year >= 1900 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month),
    "invalidDate",
    field,
    text,
  );
  return dayFromParts(year, month, day);
}

/** An Excel 1900-system serial number as a day; fractions (a time of day) and serial 60 are refused. */
export function dayFromExcelSerial(serial: number, field: string): Day {
  check(Number.isFinite(serial), "notDate", field, serial);
  check(Number.isInteger(serial), "dateWithTime", field, serial);
  check(serial >= 1 && serial <= 2_958_465, "notDate", field, serial); // 1900-01-01 … 9999-12-31
  check(serial !== 60, "excelLeapBug", field, serial);
  return serial > 60 ? serial - EXCEL_EPOCH_OFFSET : serial - EXCEL_EPOCH_OFFSET + 1;
}

/** An Excel serial number written as text ("40086"): whole days, no sign, no separators. */
const SERIAL_TEXT = /^\d{1,7}$/;

/**
 * A date as a contract gives it, in every place one enters (JSON, CSV, .xlsx, the form, the custom
 * functions): ISO text `YYYY-MM-DD`, or an Excel 1900-system serial number, as a number or as digits
 * (`40086` = 2009-09-30), which is what a date cell holds.
 */
export function parseDateInput(value: unknown, field: string): Day {
  if (typeof value === "number") return dayFromExcelSerial(value, field);
  if (typeof value !== "string") throw new EngineError("notDate", field, value);
  const text = value.trim();
  if (text.length > 40) throw new EngineError("notDate", field, value);
  if (SERIAL_TEXT.test(text)) return dayFromExcelSerial(Number(text), field);
  return parseIsoDate(value, field);
}
