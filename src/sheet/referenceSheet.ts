/**
 * The workbook's `Referensräntor` sheet: the reference-rate table users keep current (one row per
 * calendar half-year: from, to, percent, source). The built-in table ends where its sources end; a
 * user adds the next half-year as a row, and the add-in reads the sheet back into the engine's table.
 * The summary's interest formulas look the rates up here (columns A–C from row 2).
 */
import { Day, ReferenceRateTable, excelSerialFromDay, formatIsoDate, nextHalfYearStart } from "../engine";
import { Grid, address } from "./grid";
import { FORMATS } from "./plan";
import { SheetPlan } from "./types";

export const REFERENCE_SHEET_NAME = "Referensräntor";
/** Columns: from and percent first, so `'Referensräntor'!A2:B60` is the two-column range the functions take. */
export const REFERENCE_HEADERS = ["Gäller från", "Referensränta (%)", "Gäller till", "Källa"] as const;
/** The first data row (0-based): row 2 in Excel. */
export const REFERENCE_FIRST_ROW = 1;

/** The rows of the sheet: the table's entries in date order, with where each came from. */
export function referenceRows(table: ReferenceRateTable, builtIn: ReferenceRateTable): { from: Day; percent: number; source: string }[] {
  const shipped = new Map(builtIn.entries().map((e) => [e.from, e.percent.toString()]));
  return table.entries().map((e) => ({
    from: e.from,
    percent: e.percent.toNumber(),
    source: shipped.get(e.from) === e.percent.toString() ? "Riksbanken (inbyggd tabell)" : "Tillagd av användaren",
  }));
}

/** The sheet plan for a reference-rate table. */
export function planReferenceSheet(table: ReferenceRateTable, builtIn: ReferenceRateTable): SheetPlan {
  const g = new Grid();
  REFERENCE_HEADERS.forEach((text, col) => g.put(col, { value: text, style: "tableHeader" }));
  g.next();
  for (const row of referenceRows(table, builtIn)) {
    g.put(0, { value: excelSerialFromDay(row.from), numberFormat: FORMATS.date, style: "input" });
    g.put(1, { value: row.percent, numberFormat: "0.00", style: "input" });
    g.put(2, { formula: `EDATE(${address(g.row, 0)},6)-1`, result: excelSerialFromDay(nextHalfYearStart(row.from) - 1), numberFormat: FORMATS.date, style: "derived" });
    g.put(3, { value: row.source, style: "note" });
    g.next();
  }
  const lastRow = g.row - 1;
  g.next();
  // In column D, so a range over columns A–B (what the functions take) holds only dates and rates.
  g.put(3, {
    value: `Räntelagen 9 §: fastställs per kalenderhalvår. Lägg till nästa halvår som en ny rad (från ${formatIsoDate(nextHalfYearStart(table.last))}).`,
    style: "note",
  });
  const { cells, names } = g.resolve();
  return {
    name: REFERENCE_SHEET_NAME,
    rowCount: g.row + 1,
    colCount: 4,
    cells,
    merges: [],
    columnWidths: [14, 18, 14, 30],
    print: {
      area: `A1:D${g.row + 1}`,
      orientation: "portrait",
      paperSize: "A4",
      fitToWidth: 1,
      titleRows: "$1:$1",
      header: `&L${REFERENCE_SHEET_NAME}`,
      footer: "&RSida &P av &N",
      pageBreaksBefore: [],
    },
    names: { ...names, first: address(REFERENCE_FIRST_ROW, 0), last: address(lastRow, 0) },
  };
}

/** Absolute references to the table's columns, for formulas on other sheets. */
export function referenceRanges(rowCount: number): { from: string; to: string; percent: string } {
  const last = REFERENCE_FIRST_ROW + rowCount; // 1-based last row = header row + rows
  const sheet = `'${REFERENCE_SHEET_NAME}'`;
  return {
    from: `${sheet}!$A$2:$A$${last}`,
    percent: `${sheet}!$B$2:$B$${last}`,
    to: `${sheet}!$C$2:$C$${last}`,
  };
}
