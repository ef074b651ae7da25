/**
 * A table the user hands the command line: a CSV file (src/cli/csv.ts) or an Excel workbook (.xlsx,
 * its first worksheet or the one `--sheet NAME` names), told apart by their bytes, not their names.
 * Anything else (an old .xls, a PDF, a zip that is no workbook) is refused in one line before anything
 * is read or written.
 *
 * Both give rows of cells the way the task pane gets them from Excel: text as text, numbers as
 * numbers, a date cell as its 1900-system serial number, a formula as its result. Rows whose cells are
 * all blank are skipped and counted; the first non-blank row is the header row. Each row carries its
 * line (CSV) or row number (worksheet), which is what messages call `rad N`.
 *
 * {@link readTableColumns} reads a small table (a rate table) into header-matched rows in one call.
 */
import * as fs from "fs";
import ExcelJS from "exceljs";
import { columnLetter } from "../sheet/grid";
import { headerKey } from "../sheet/headers";
import { CsvEncoding, isBlankRecord, openCsv, scanCsv } from "./csv";
import { CLI_TEXT } from "./messages";

/** A cell as read: text, a number (a date cell as its Excel serial number) or a truth value. */
type TableCell = string | number | boolean;

/** One non-blank row of a table. */
export interface TableRecord {
  /** The file line (CSV) or worksheet row number (.xlsx), from 1. */
  line: number;
  cells: TableCell[];
}

/** A table problem the user can fix (unreadable format, missing sheet or column); Swedish. */
export class TableError extends Error {}

/** How a table file is stored, told by its first bytes. */
type TableFormat = "csv" | "xlsx";

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);

/** The format of a table file, or a {@link TableError} for a file that is neither CSV nor .xlsx. */
async function tableFormat(file: string): Promise<TableFormat> {
  const handle = await fs.promises.open(file, "r");
  const head = Buffer.alloc(4096);
  let length: number;
  try {
    ({ bytesRead: length } = await handle.read(head, 0, head.length, 0));
  } finally {
    await handle.close();
  }
  const bytes = head.subarray(0, length);
  if (bytes.subarray(0, 4).equals(ZIP_MAGIC)) return "xlsx";
  if (bytes.subarray(0, 4).equals(OLE_MAGIC)) throw new TableError(CLI_TEXT.oldExcel);
  if (bytes.includes(0)) throw new TableError(CLI_TEXT.notTable);
  if (/\.xlsx$/i.test(file)) throw new TableError(CLI_TEXT.xlsxNotZip);
  return "csv";
}

/** A worksheet cell's value as a {@link TableCell}: formulas by their result, dates as serials. */
function cellValue(value: ExcelJS.CellValue): TableCell {
  if (value === null || value === undefined) return "";
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean")
    return value;
  // ExcelJS reads a date cell of the 1900 system as that day's midnight UTC; serial 25569 = 1970-01-01.
  if (value instanceof Date) return value.getTime() / 86_400_000 + 25_569;
  if ("richText" in value) return value.richText.map((run) => run.text).join("");
  if ("error" in value) return value.error;
  if ("result" in value) return cellValue(value.result as ExcelJS.CellValue);
  if ("formula" in value || "sharedFormula" in value) return "";
  if ("text" in value) return String(value.text);
  return String(value);
}

/** The worksheet asked for (by name, case ignored), or the first. */
function pickSheet(book: ExcelJS.Workbook, sheet: string | null): ExcelJS.Worksheet {
  const sheets = book.worksheets;
  if (sheets.length === 0) throw new TableError(CLI_TEXT.noSheets);
  if (sheet === null) return sheets[0];
  const found = sheets.find((ws) => ws.name.toLowerCase() === sheet.toLowerCase());
  if (found === undefined)
    throw new TableError(
      CLI_TEXT.noSuchSheet(
        sheet,
        sheets.map((ws) => ws.name),
      ),
    );
  return found;
}

async function readWorkbook(file: string): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== undefined) throw error;
    throw new TableError(CLI_TEXT.xlsxUnreadable);
  }
  return book;
}

/** A worksheet's rows as records, blank rows left out and counted. */
function worksheetRecords(ws: ExcelJS.Worksheet): { records: TableRecord[]; blank: number } {
  const records: TableRecord[] = [];
  let blank = 0;
  const width = ws.columnCount;
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    // ExcelJS, not Office.js: the office-addins rule mistakes its row for an Office proxy.
    // eslint-disable-next-line office-addins/load-object-before-read
    const cells = Array.from({ length: width }, (_, c) => cellValue(row.getCell(c + 1).value));
    while (cells.length > 0 && cells[cells.length - 1] === "") cells.pop();
    if (isBlankRecord(cells)) {
      if (records.length > 0) blank++;
      continue;
    }
    records.push({ line: r, cells });
  }
  return { records, blank };
}

/** What the first look at a table finds: enough to count, and to open it again for reading. */
export interface TableScan {
  format: TableFormat;
  /** CSV only: the encoding found (Windows-1252 when the bytes are not UTF-8). */
  encoding: CsvEncoding | null;
  /** The worksheet read (.xlsx only). */
  sheetName: string | null;
  /** The header row's cells, trimmed, and its line (CSV) or row number (.xlsx). */
  header: string[];
  headerLine: number;
  /** Data rows (blank rows and the header not counted). */
  rows: number;
  /** Blank rows after the header, skipped. */
  blank: number;
  /** The worksheet's rows, read already (.xlsx only: a workbook is read whole). */
  records: TableRecord[] | null;
}

/**
 * The first look at a table: its format, encoding and row counts; the quoting of a CSV checked over
 * the whole file (kept in memory: nothing but the counts). Throws {@link TableError} for a file that is
 * neither CSV nor .xlsx, a missing sheet, or a table without a header row; {@link CsvError} for bad
 * quoting; the file system's error for a file that cannot be read.
 */
export async function scanTable(file: string, sheet: string | null): Promise<TableScan> {
  const format = await tableFormat(file);
  if (format === "csv") {
    if (sheet !== null) throw new TableError(CLI_TEXT.sheetNeedsXlsx(sheet));
    const scan = await scanCsv(file);
    return { format, sheetName: null, records: null, ...scan };
  }
  const ws = pickSheet(await readWorkbook(file), sheet);
  const { records, blank } = worksheetRecords(ws);
  if (records.length === 0) throw new TableError(CLI_TEXT.emptySheet(ws.name));
  return {
    format,
    encoding: null,
    sheetName: ws.name,
    header: records[0].cells.map((cell) => String(cell).trim()),
    headerLine: records[0].line,
    rows: records.length - 1,
    blank,
    records,
  };
}

/** Opens a scanned table for reading its data rows (a CSV again from the file, in its encoding). */
export async function openTable(
  file: string,
  scan: TableScan,
): Promise<AsyncIterable<TableRecord>> {
  if (scan.records !== null) {
    const rows = scan.records.slice(1);
    return (async function* () {
      yield* rows;
    })();
  }
  return (await openCsv(file, scan.encoding ?? "utf-8")).rows;
}

/** A row of a small table, its cells under the keys of the columns asked for. */
interface MatchedRow<K extends string> {
  /** The file line (CSV) or worksheet row number (.xlsx). */
  line: number;
  /** The row's cell in each column asked for; "" where the row has none. */
  cells: Record<K, TableCell>;
  /** The A1 address of the row's cell in a column (`B7`), for messages. */
  addressOf: (key: K) => string;
}

/** A small table read whole: header-matched rows, and a notice for the user when there is one. */
export interface MatchedTable<K extends string> {
  rows: MatchedRow<K>[];
  /** "Read as Windows-1252", "2 blank rows skipped": one line each, for stderr. */
  notices: string[];
}

/**
 * Reads a small CSV or .xlsx table (a rate table `Från, Procent`) whole into rows whose cells are
 * matched to `columns` by header. `columns` gives, per key, the headers that name it; headers are
 * compared as contract headers are (case, accents, spaces, punctuation and text in parentheses
 * ignored). A column named by no header is a {@link TableError} naming its first header; unknown
 * headers are ignored. File-system errors are thrown as they are; bad quoting as {@link CsvError}.
 */
export async function readTableColumns<K extends string>(
  file: string,
  columns: Readonly<Record<K, readonly string[]>>,
  sheet: string | null = null,
): Promise<MatchedTable<K>> {
  const scan = await scanTable(file, sheet);
  const keys = Object.keys(columns) as K[];
  const headerKeys = scan.header.map(headerKey);
  const colOf = {} as Record<K, number>;
  for (const key of keys) {
    const col = headerKeys.findIndex((h) => columns[key].some((name) => headerKey(name) === h));
    if (col === -1) throw new TableError(CLI_TEXT.missingColumn(columns[key][0]));
    colOf[key] = col;
  }
  const rows: MatchedRow<K>[] = [];
  for await (const record of await openTable(file, scan)) {
    const cells = {} as Record<K, TableCell>;
    for (const key of keys) cells[key] = record.cells[colOf[key]] ?? "";
    const line = record.line;
    rows.push({ line, cells, addressOf: (key) => `${columnLetter(colOf[key])}${line}` });
  }
  return { rows, notices: tableNotices(file, scan) };
}

/** One line per thing the user should know about how a table was read. */
export function tableNotices(file: string, scan: TableScan): string[] {
  const notices: string[] = [];
  if (scan.encoding === "windows-1252") notices.push(CLI_TEXT.readAsWindows1252(file));
  if (scan.blank > 0) notices.push(CLI_TEXT.blankRowsSkipped(file, scan.blank));
  return notices;
}
