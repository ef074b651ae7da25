/**
 * The Riksbank reference rate (referensränta), räntelagen (1975:635) 9 §.
 *
 * Convention (conventions §6): the rate is fixed per calendar half-year (from 1 January and from 1 July);
 * each day takes the rate of its own half-year. The table is strict: a day whose half-year has no entry
 * is an error naming that half-year, never a guess from a neighbouring entry. The built-in table,
 * `data/reference-rates.json`, is the Riksbank's table with its sources; callers add half-years the
 * project does not ship yet, and a caller's entry replaces a built-in one for the same half-year.
 *
 * Every entry keeps where its figure comes from ({@link RateSource}): a built-in row is confirmed
 * against the Riksbank's notice or taken from a secondary source not yet confirmed (the data file's
 * `confirmed`), and a caller's row is the user's, named as the caller names it (a file and row, the
 * workbook's sheet, the page's panel). A caller's row that restates a built-in figure exactly keeps
 * the built-in source: the figure is the same, and so is where it comes from.
 */
import builtInTable from "./data/reference-rates.json";
import { Dec } from "./decimal";
import { dayFromExcelSerial, parseIsoDate } from "./dateInput";
import { Day, formatIsoDate, halfYearStart, partsOfDay } from "./dates";
import { EngineError, check } from "./errors";

/** How to add a missing half-year, where the caller does not say (the engine's own callers). */
const DEFAULT_ADD_HINT = "lägg till den i referensräntetabellen";

/** Where a half-year's figure comes from. */
export type RateSource =
  /** The built-in table, checked against the Riksbank's notice or table. */
  | { kind: "confirmed" }
  /** The built-in table, taken from a secondary source not yet checked against the Riksbank's notice. */
  | { kind: "unconfirmed" }
  /** Added by the user; `where` names the place (`rates.csv rad 3`, `panelen Referensräntor`). */
  | { kind: "user"; where: string };

/** One half-year of a table: its start, its rate in percent and where the figure comes from. */
export interface RateRow {
  from: Day;
  percent: Dec;
  source: RateSource;
}

/** One half-year's rate: in force from `from` (1 January or 1 July) for six months. */
export interface ReferenceRateEntry {
  /** 1 January or 1 July, ISO `YYYY-MM-DD`. */
  from: string;
  /** The reference rate in percent, e.g. "1.50" (text or number). */
  percent: string | number;
  /** How errors name this entry (e.g. "rates rad 3"); default `field[index]`. */
  label?: string;
  /** Where the user gave it, for the printed source; default the label. */
  where?: string;
}

/** A lookup from half-year to reference rate, built once and shared by every calculation. */
export class ReferenceRateTable {
  private readonly byHalfYear: ReadonlyMap<Day, RateRow>;
  readonly first: Day;
  readonly last: Day;
  /** How a missing half-year is added where the user works (ends the missing-rate message). */
  readonly addHint: string;

  private constructor(byHalfYear: Map<Day, RateRow>, addHint: string) {
    this.byHalfYear = byHalfYear;
    this.addHint = addHint;
    const starts = [...byHalfYear.keys()].sort((a, b) => a - b);
    this.first = starts[0];
    this.last = starts[starts.length - 1];
  }

  /**
   * The built-in table, optionally extended or overridden by caller-supplied entries. `addHint` says
   * how the user adds a half-year where they work (`lägg till halvåret med --rates FIL`), for the
   * message about a missing one; by default, the generic {@link DEFAULT_ADD_HINT}.
   */
  static withEntries(
    extra: readonly ReferenceRateEntry[] = [],
    field = "referenceRates",
    addHint: string = DEFAULT_ADD_HINT,
  ): ReferenceRateTable {
    const map = new Map<Day, RateRow>();
    for (const entry of builtInTable.rates) {
      const from = parseIsoDate(entry.from, "from");
      const source: RateSource = { kind: entry.confirmed ? "confirmed" : "unconfirmed" };
      map.set(from, { from, percent: new Dec(entry.percent), source });
    }
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
      const percent = parsePercent(entry.percent, percentField);
      const shipped = map.get(from);
      const restated =
        shipped !== undefined && shipped.source.kind !== "user" && shipped.percent.equals(percent);
      const where = entry.where ?? entry.label ?? `${field}[${index}]`;
      if (!restated) map.set(from, { from, percent, source: { kind: "user", where } });
    });
    return new ReferenceRateTable(map, addHint);
  }

  /**
   * The reference rate in percent for the half-year of `day`. Errors name the input `field` and its
   * value `shown` (by default `day` itself; a window's end date when `day` is a half-year inside it).
   */
  percentOn(day: Day, field: string, shown: Day = day): Dec {
    const start = halfYearStart(day);
    const row = this.byHalfYear.get(start);
    if (row === undefined) {
      throw new EngineError("rateMissing", field, formatIsoDate(shown), start, this.addHint);
    }
    return row.percent;
  }

  /** Every entry in date order, each with its source (the sheet's table, `atertag rates`, the pane). */
  entries(): RateRow[] {
    return [...this.byHalfYear.values()].sort((a, b) => a.from - b.from);
  }

  /** Whether any entry is the user's (a workbook written from this table then carries its rows). */
  hasUserEntries(): boolean {
    return this.entries().some((row) => row.source.kind === "user");
  }
}

/** Where a figure comes from, in Swedish, as the printed sheets, the command line and the pane say it. */
export function rateSourceText(source: RateSource): string {
  switch (source.kind) {
    case "confirmed":
      return "Riksbankens besked (bekräftad)";
    case "unconfirmed":
      return "Sekundär källa, ännu inte bekräftad mot Riksbankens besked";
    case "user":
      return `Tillagd av användaren (${source.where})`;
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
