/**
 * The workbook's `Referensräntor` sheet: the reference-rate table users keep current (one row per
 * calendar half-year: from, percent, to, source). The built-in table ends where its sources end; a
 * user adds the next half-year as a row directly under the last one (by hand or from the task pane),
 * and the add-in reads the sheet back into the engine's table. The summary's interest formulas look
 * the rates up here (columns A–C from row 2), and the custom functions take `'Referensräntor'!A2:B60`.
 *
 * Layout rule: columns A–D hold the header row and the table's rows, nothing else. The note stands
 * to the right (F1), so a range such as A2:B60 holds only rates and blank rows, and the row under
 * the last entry is free for the next half-year.
 */
import { scaleToFit } from "./page";
import {
  Day,
  Dec,
  RowRateEntry,
  ReferenceRateTable,
  excelSerialFromDay,
  formatIsoDate,
  nextHalfYearStart,
  parseIsoDate,
  rateSourceText,
  referenceEntriesFromRows,
} from "../engine";
import { Grid, address } from "./grid";
import { FORMATS } from "./formats";
import { SheetRefusal } from "./refusal";
import { SheetPlan } from "./types";

export const REFERENCE_SHEET_NAME = "Referensräntor";
/** Columns: from and percent first, so `'Referensräntor'!A2:B60` is the two-column range the functions take. */
export const REFERENCE_HEADERS = [
  "Gäller från",
  "Referensränta (%)",
  "Gäller till",
  "Källa",
] as const;
/** The first data row (0-based): row 2 as Excel numbers rows */
const REFERENCE_FIRST_ROW = 1;
/** The range the custom functions are told to take. */
const REFERENCE_FUNCTION_RANGE = `'${REFERENCE_SHEET_NAME}'!A2:B60`;
/** The percent column's number format. */
const REFERENCE_PERCENT_FORMAT = "0.00";
/** Where a row added from the task pane's panel was given, for its source. */
export const PANEL_WHERE = "panelen Referensräntor";
/** The note's column (0-based: F), right of the table. */
const NOTE_COLUMN = 5;
const REFERENCE_NOTE = `Räntelagen 9 §: referensräntan fastställs per kalenderhalvår. Lägg till nästa halvår som en ny rad direkt under den sista. Funktionerna tar området ${REFERENCE_FUNCTION_RANGE}.`;

/** Swedish messages about the sheet (refusals of the task pane's append). */
export const REFERENCE_MESSAGES = {
  missing: () => `bladet ${REFERENCE_SHEET_NAME} finns inte i arbetsboken`,
  notHalfYear: (from: string) =>
    `${from} är inte början på ett halvår (1 januari eller 1 juli); referensräntan gäller per kalenderhalvår`,
  duplicate: (from: string, row: number) =>
    `halvåret från ${from} finns redan på rad ${row} i bladet ${REFERENCE_SHEET_NAME}; ändra den raden direkt i bladet`,
  /** How a missing half-year is added in Excel: on this sheet, or from the task pane's panel. */
  addRate: `lägg till halvåret på bladet ${REFERENCE_SHEET_NAME} (en rad under den sista) eller i panelen ${REFERENCE_SHEET_NAME}`,
  rowTaken: (row: number) =>
    `rad ${row} i bladet ${REFERENCE_SHEET_NAME} (under den sista räntan) är inte tom; flytta innehållet i A${row}:D${row} och försök igen`,
} as const;

/** The "Gäller till" formula of sheet row `row` (1-based): the day before the next half-year. */
function untilFormula(row: number): string {
  return `EDATE(A${row},6)-1`;
}

/** The sheet plan for a reference-rate table. */
export function planReferenceSheet(table: ReferenceRateTable): SheetPlan {
  const g = new Grid();
  REFERENCE_HEADERS.forEach((text, col) => g.put(col, { value: text, style: "tableHeader" }));
  g.put(NOTE_COLUMN, { value: REFERENCE_NOTE, style: "note" });
  g.next();
  for (const row of table.entries()) {
    g.put(0, { value: excelSerialFromDay(row.from), numberFormat: FORMATS.date, style: "input" });
    g.put(1, {
      value: row.percent.toNumber(),
      numberFormat: REFERENCE_PERCENT_FORMAT,
      style: "input",
    });
    g.put(2, {
      formula: untilFormula(g.row + 1),
      result: excelSerialFromDay(nextHalfYearStart(row.from) - 1),
      numberFormat: FORMATS.date,
      style: "derived",
    });
    g.put(3, { value: rateSourceText(row.source), style: "note" });
    g.next();
  }
  const lastRow = g.row - 1;
  const { cells, names } = g.resolve();
  return {
    name: REFERENCE_SHEET_NAME,
    rowCount: g.row,
    colCount: NOTE_COLUMN + 1,
    cells,
    merges: [],
    columnWidths: [...PRINTED_WIDTHS, 3, 60],
    print: {
      area: `A1:D${g.row}`,
      orientation: "portrait",
      paperSize: "A4",
      scale: scaleToFit(PRINTED_WIDTHS, "portrait"),
      titleRows: "$1:$1",
      header: `&L${REFERENCE_SHEET_NAME}`,
      footer: "&RSida &P av &N",
      pageBreaksBefore: [],
    },
    names: { ...names, first: address(REFERENCE_FIRST_ROW, 0), last: address(lastRow, 0) },
  };
}

/** The printed columns' widths (from, percent, until, source): the page's scale is made from them. */
const PRINTED_WIDTHS = [14, 18, 14, 52] as const;

/** Empty rows below the table that the summary's lookups already cover. */
const SPARE_ROWS = 100;

/** Absolute references to the table's columns, for formulas on other sheets. */
export function referenceRanges(rowCount: number): { from: string; to: string; percent: string } {
  // Rows the user appends later (the next half-year) fall inside the ranges: empty rows add no days.
  const last = REFERENCE_FIRST_ROW + rowCount + SPARE_ROWS;
  const sheet = `'${REFERENCE_SHEET_NAME}'`;
  const from = `${sheet}!$A$2:$A$${last}`;
  return {
    from,
    percent: `${sheet}!$B$2:$B$${last}`,
    // The half-year's last day from its first, so a row typed by hand needs no "Gäller till" formula.
    to: `(DATE(YEAR(${from}),MONTH(${from})+6,1)-1)`,
  };
}

// ---------------------------------------------------------------------------------------------------
// The workbook's own sheet, read back.

/** The rates of a workbook's `Referensräntor` sheet. */
export interface WorkbookReferenceRates {
  /** The sheet's entries; errors about them name the sheet row ("Referensräntor rad 9"). */
  entries: RowRateEntry[];
  /** The sheet row (1-based) of the last entry, 1 (the header row) when there is none. */
  lastRow: number;
}

/** A block of cells as Excel gives it: `values[r][c]` is the cell at sheet row `row + r`, column `col + c` (0-based). */
export interface CellBlock {
  values: readonly (readonly unknown[])[];
  row: number;
  col: number;
}

/** The cell at (row, col) of the sheet (0-based) if the block holds it, else "" (an empty cell). */
function cellAt(block: CellBlock, row: number, col: number): unknown {
  return block.values[row - block.row]?.[col - block.col] ?? "";
}

/** Columns A and B of every sheet row from row 1 through the block's last row. */
function fromAndPercentRows(block: CellBlock): unknown[][] {
  const rows: unknown[][] = [];
  const lastRow = block.row + block.values.length; // rows 0 … lastRow − 1 (0-based)
  for (let row = 0; row < lastRow; row++) rows.push([cellAt(block, row, 0), cellAt(block, row, 1)]);
  return rows;
}

/**
 * The sheet's entries from its used range (`block`): columns A (from) and B (percent) from row 1,
 * the header row and empty rows skipped, each entry labelled with its sheet row ("Referensräntor
 * rad 9"), so the engine's errors name the row. Throws the engine's error for a from date Excel
 * cannot have.
 */
export function workbookReferenceRates(block: CellBlock): WorkbookReferenceRates {
  const entries = referenceEntriesFromRows(fromAndPercentRows(block), REFERENCE_SHEET_NAME);
  return { entries, lastRow: entries.length > 0 ? entries[entries.length - 1].row : 1 };
}

/**
 * The engine's table for the workbook: the built-in rates, extended or overridden by the entries of
 * its `Referensräntor` sheet (null: the workbook has none). A bad row's error names its sheet row.
 */
export function workbookRateTable(rates: WorkbookReferenceRates | null): ReferenceRateTable {
  return ReferenceRateTable.withEntries(
    rates?.entries ?? [],
    REFERENCE_SHEET_NAME,
    REFERENCE_MESSAGES.addRate,
  );
}

/** The last half-year known, its rate, and where that comes from. */
export interface KnownHalfYear {
  from: Day;
  percent: Dec;
  source: "sheet" | "builtIn";
  /** The half-year to add next: the one after `from`. */
  next: Day;
}

/**
 * The last half-year of the workbook's sheet (when it has entries), else of the built-in table. The
 * sheet is what the summary's formulas look up, so the half-year after its last is the one to add,
 * even where the built-in table reaches further. `table` is {@link workbookRateTable}'s.
 */
export function lastKnownHalfYear(
  rates: WorkbookReferenceRates | null,
  table: ReferenceRateTable,
): KnownHalfYear {
  const days = (rates?.entries ?? []).map((entry) => parseIsoDate(String(entry.from), "from"));
  const from = days.length > 0 ? Math.max(...days) : table.last;
  return {
    from,
    percent: table.percentOn(from, "from"),
    source: days.length > 0 ? "sheet" : "builtIn",
    next: nextHalfYearStart(from),
  };
}

/** The rows (from row 2) the summary's formulas look up on the workbook's sheet: through its last entry. */
export function referenceRowCountOf(rates: WorkbookReferenceRates): number {
  return Math.max(1, rates.lastRow - REFERENCE_FIRST_ROW);
}

/** One new row for the sheet: where it goes and what its four cells (A–D) receive. */
export interface ReferenceRowPlan {
  /** The sheet row (1-based). */
  row: number;
  /** The row's A1 address, e.g. "A51:D51". */
  address: string;
  /** One row of formulas/values for A–D: from (serial), percent, the "Gäller till" formula, source. */
  formulas: (string | number)[][];
  numberFormats: string[][];
  /** The row (1-based) whose formats the new row copies: the last entry's; null when there is none. */
  formatsFrom: number | null;
}

/**
 * The row that adds the half-year from `from` (ISO) at `percent` under the sheet's last entry, laid
 * out as {@link planReferenceSheet} lays out every row. `block` is the used range of A–D. Refuses
 * (a {@link SheetRefusal}) a date that starts no half-year, a half-year the sheet already has, and a
 * target row that is not empty: no other row is ever changed.
 */
export function planReferenceRow(
  block: CellBlock,
  from: string,
  percent: number,
): ReferenceRowPlan {
  const day = parseIsoDate(from, "from");
  const iso = formatIsoDate(day);
  if (!/-(01|07)-01$/.test(iso)) throw new SheetRefusal(REFERENCE_MESSAGES.notHalfYear(iso));
  const rates = workbookReferenceRates(block);
  const entryFroms = rates.entries.map((entry) => String(entry.from).trim());
  const same = entryFroms.indexOf(iso);
  if (same >= 0) throw new SheetRefusal(REFERENCE_MESSAGES.duplicate(iso, rates.entries[same].row));
  const row = rates.lastRow + 1;
  for (let col = 0; col < REFERENCE_HEADERS.length; col++) {
    const value = cellAt(block, row - 1, col);
    if (value !== "" && value !== null && value !== undefined)
      throw new SheetRefusal(REFERENCE_MESSAGES.rowTaken(row));
  }
  return {
    row,
    address: `A${row}:D${row}`,
    formulas: [
      [
        excelSerialFromDay(day),
        percent,
        `=${untilFormula(row)}`,
        rateSourceText({ kind: "user", where: PANEL_WHERE }),
      ],
    ],
    numberFormats: [[FORMATS.date, REFERENCE_PERCENT_FORMAT, FORMATS.date, "General"]],
    formatsFrom: rates.entries.length > 0 ? rates.lastRow : null,
  };
}
