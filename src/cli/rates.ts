/**
 * The reference rates of the command line: the built-in table, with the half-years of a `--rates FIL`
 * added or replacing built-in ones. The file is a CSV or .xlsx table (read by src/cli/table.ts) with
 * the columns of the workbook's Referensräntor sheet: `Från` (or `Gäller från`: an ISO date or an
 * Excel date, 1 January or 1 July) and `Procent` (or `Referensränta (%)`: percent with a decimal comma
 * or point, a trailing `%` allowed, at most two decimals, as the Riksbank sets it). Other columns (the
 * sheet's `Gäller till`, `Källa`) are ignored, so the sheet saved as a file reads as it is.
 *
 * `atertag rates [--rates FIL]` prints the table in force, each half-year with where it comes from.
 */
import path from "path";
import {
  EngineError,
  ReferenceRateEntry,
  ReferenceRateTable,
  dayFromExcelSerial,
  describeHalfYear,
  formatIsoDate,
  formatPercent,
  rateSourceText,
} from "../engine";
import { CsvError } from "./csv";
import { MatchedTable, TableError, readTableColumns } from "./table";
import { CLI_TEXT } from "./messages";
import { UsageError } from "./usageError";

/** The rate table's columns and the headers that name them (as on the Referensräntor sheet). */
const RATE_COLUMNS = {
  from: ["Från", "Gäller från", "Halvår från"],
  percent: ["Procent", "Referensränta"],
} as const;

type RateColumn = keyof typeof RATE_COLUMNS;
type RateRowRead = MatchedTable<RateColumn>["rows"][number];

/** One row of the file as the engine's entry; a percent with more than two decimals is refused. */
function entryOf(file: string, row: RateRowRead): ReferenceRateEntry {
  const where = `${path.basename(file)} rad ${row.line}`;
  const { from, percent } = row.cells;
  const iso =
    typeof from === "number" ? formatIsoDate(dayFromExcelSerial(from, `${where} från`)) : from;
  const text = String(percent)
    .trim()
    .replace(/\s*%$/, "")
    .replace(/^\u2212/, "-");
  if (/[.,]\d{3,}$/.test(text))
    throw new UsageError(
      CLI_TEXT.inFile(file, CLI_TEXT.rateDecimals(row.addressOf("percent"), text)),
    );
  return { from: String(iso).trim(), percent: text, label: `${file} rad ${row.line}`, where };
}

/**
 * The table the commands use: the built-in one, with the half-years of `file` (if given). Every
 * problem with the file is a {@link UsageError} naming it (and the row): nothing is computed or
 * written. `notices` are lines for stderr (a file read as Windows-1252, blank rows skipped).
 */
export async function loadRates(
  file: string | undefined,
): Promise<{ table: ReferenceRateTable; notices: string[] }> {
  if (file === undefined)
    return { table: ReferenceRateTable.withEntries([], "--rates", CLI_TEXT.addRate), notices: [] };
  let read;
  try {
    read = await readTableColumns(file, RATE_COLUMNS);
  } catch (error) {
    if (error instanceof TableError || error instanceof CsvError)
      throw new UsageError(CLI_TEXT.inFile(file, error.message));
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== undefined) throw new UsageError(CLI_TEXT.unreadable(file, code));
    throw error;
  }
  if (read.rows.length === 0) throw new UsageError(CLI_TEXT.inFile(file, CLI_TEXT.noRates));
  try {
    const entries = read.rows.map((row) => entryOf(file, row));
    return {
      table: ReferenceRateTable.withEntries(entries, file, CLI_TEXT.addRate),
      notices: read.notices,
    };
  } catch (error) {
    if (error instanceof EngineError) throw new UsageError(error.message);
    throw error;
  }
}

/** The table in force as lines: the half-year, its rate and where it comes from. */
export function rateTableText(table: ReferenceRateTable): string {
  const rows = table.entries().map((row) => ({
    halfYear: describeHalfYear(row.from),
    percent: formatPercent(row.percent),
    source: rateSourceText(row.source),
  }));
  const width = (pick: (r: (typeof rows)[number]) => string, header: string) =>
    Math.max(header.length, ...rows.map((r) => pick(r).length));
  const [h1, h2, h3] = CLI_TEXT.ratesHeader;
  const w1 = width((r) => r.halfYear, h1);
  const w2 = width((r) => r.percent, h2);
  const line = (a: string, b: string, c: string) => `${a.padEnd(w1)}  ${b.padStart(w2)}  ${c}`;
  return [line(h1, h2, h3), ...rows.map((r) => line(r.halfYear, r.percent, r.source))].join("\n");
}
