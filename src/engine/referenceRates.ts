/**
 * The Riksbank reference rate (referensränta), räntelagen (1975:635) 9 §.
 *
 * Convention (conventions §6): the rate is fixed per calendar half-year (from 1 January and from 1 July);
 * each day takes the rate of its own half-year. The table is strict: a day whose half-year has no entry
 * is an error naming that half-year, never a guess from a neighbouring entry. The built-in table,
 * `data/reference-rates.json`, is the Riksbank's table with its sources; callers add half-years the
 * project does not ship yet, and a caller's entry replaces a built-in one for the same half-year.
 */
import builtInTable from "./data/reference-rates.json";
import { Dec } from "./decimal";
import { dayFromExcelSerial, parseIsoDate } from "./dateInput";
import { Day, describeHalfYear, formatIsoDate, halfYearStart, partsOfDay } from "./dates";
import { EngineError, check } from "./errors";

/** One half-year's rate: in force from `from` (1 January or 1 July) for six months. */
export interface ReferenceRateEntry {
  /** 1 January or 1 July, ISO `YYYY-MM-DD`. */
  from: string;
  /** The reference rate in percent, e.g. "1.50" (text or number). */
  percent: string | number;
  /** How errors name this entry (e.g. "rates rad 3"); default `field[index]`. */
  label?: string;
}

/** A lookup from half-year to reference rate, built once and shared by every calculation. */
export class ReferenceRateTable {
  private readonly byHalfYear: ReadonlyMap<Day, Dec>;
  readonly first: Day;
  readonly last: Day;

  private constructor(byHalfYear: Map<Day, Dec>) {
    this.byHalfYear = byHalfYear;
    const starts = [...byHalfYear.keys()].sort((a, b) => a - b);
    this.first = starts[0];
    this.last = starts[starts.length - 1];
  }

  /** The built-in table, optionally extended or overridden by caller-supplied entries. */
  static withEntries(
    extra: readonly ReferenceRateEntry[] = [],
    field = "referenceRates",
  ): ReferenceRateTable {
    const map = new Map<Day, Dec>();
    for (const entry of builtInTable.rates)
      map.set(parseIsoDate(entry.from, "from"), new Dec(entry.percent));
    const seen = new Set<Day>();
    extra.forEach((entry, index) => {
      const fromField = entry.label ? `${entry.label} från` : `${field}[${index}].from`;
      const percentField = entry.label ? `${entry.label} procent` : `${field}[${index}].percent`;
      const from = parseIsoDate(String(entry.from), fromField);
      const p = partsOfDay(from);
      check(
        p.day === 1 && (p.month === 1 || p.month === 7),
        "rateEntryNotHalfYear",
        fromField,
        entry.from,
      );
      check(!seen.has(from), "duplicateRateEntry", fromField, entry.from);
      seen.add(from);
      map.set(from, parsePercent(entry.percent, percentField));
    });
    return new ReferenceRateTable(map);
  }

  /**
   * The reference rate in percent for the half-year of `day`. Errors name the input `field` and its
   * value `shown` (by default `day` itself; a window's end date when `day` is a half-year inside it).
   */
  percentOn(day: Day, field: string, shown: Day = day): Dec {
    const start = halfYearStart(day);
    const percent = this.byHalfYear.get(start);
    if (percent === undefined) {
      throw new EngineError("rateMissing", field, formatIsoDate(shown), describeHalfYear(start));
    }
    return percent;
  }

  /** Every entry in date order (for the sheet's lookup table and the task pane). */
  entries(): { from: Day; percent: Dec }[] {
    return [...this.byHalfYear.entries()]
      .sort(([a], [b]) => a - b)
      .map(([from, percent]) => ({ from, percent }));
  }
}

/** A rate in percent (a reference rate, a margin) lies strictly between −100 and 100. */
export const PERCENT_RANGE = { min: -100, max: 100, exclusive: "both", unit: "%" } as const;

function parsePercent(value: string | number, field: string): Dec {
  const text = typeof value === "number" ? String(value) : String(value).trim().replace(",", ".");
  check(/^-?\d+(\.\d+)?$/.test(text), "notNumber", field, value);
  const percent = new Dec(text);
  check(percent.abs().lessThan(100), "outOfRange", field, value, PERCENT_RANGE);
  return percent;
}

/** An entry read from a range, with the 1-based row of the range it came from. */
export interface RowRateEntry extends ReferenceRateEntry {
  row: number;
}

/**
 * Rate entries from rows of (from, percent) as a spreadsheet gives them: from as an Excel serial or
 * ISO text, percent as a number or text; further columns are ignored. Empty rows (empty cells arrive
 * as "", null or 0) and a header row (text that is not an ISO date in its first cell) are skipped.
 * `field` names the range in errors, e.g. "rates" → "rates rad 3".
 */
export function referenceEntriesFromRows(
  rows: readonly (readonly unknown[])[],
  field = "rates",
): RowRateEntry[] {
  const entries: RowRateEntry[] = [];
  const blank = (value: unknown) =>
    value === "" || value === null || value === undefined || value === 0;
  rows.forEach((row, index) => {
    const [from, percent] = row;
    if (blank(from) && blank(percent)) return;
    if (index === 0 && typeof from === "string" && !/^\d{4}-\d{2}-\d{2}$/.test(from.trim())) return;
    const at = `${field} rad ${index + 1}`;
    const iso =
      typeof from === "number" ? formatIsoDate(dayFromExcelSerial(from, at)) : String(from ?? "");
    entries.push({
      from: iso,
      percent: typeof percent === "number" ? String(percent) : String(percent ?? ""),
      label: at,
      row: index + 1,
    });
  });
  return entries;
}

/** The built-in table, for callers that add nothing. */
export const BUILT_IN_RATES = ReferenceRateTable.withEntries();
