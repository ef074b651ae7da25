/**
 * The workbook's `Referensräntor` sheet: the reference-rate table users keep current (one row per
 * calendar half-year: from, to, percent, source). The built-in table ends where its sources end; a
 * user adds the next half-year as a row, and the add-in reads the sheet back into the engine's table.
 * The summary's interest formulas look the rates up here (columns A–C from row 2).
 */
import { Day, ReferenceRateEntry, ReferenceRateTable, dayFromExcelSerial, excelSerialFromDay, formatIsoDate, nextHalfYearStart } from "../engine";
import { Grid, address } from "./grid";
import { FORMATS } from "./plan";
import { SheetPlan } from "./types";

export const REFERENCE_SHEET_NAME = "Referensräntor";
export const REFERENCE_HEADERS = ["Gäller från", "Gäller till", "Referensränta (%)", "Källa"] as const;
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
    g.put(1, { formula: `EDATE(${address(g.row, 0)},6)-1`, result: excelSerialFromDay(nextHalfYearStart(row.from) - 1), numberFormat: FORMATS.date, style: "derived" });
    g.put(2, { value: row.percent, numberFormat: "0.00", style: "input" });
    g.put(3, { value: row.source, style: "note" });
    g.next();
  }
  const lastRow = g.row - 1;
  g.next();
  g.put(0, {
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
    columnWidths: [14, 14, 18, 30],
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
    to: `${sheet}!$B$2:$B$${last}`,
    percent: `${sheet}!$C$2:$C$${last}`,
  };
}

/**
 * Reads the sheet's rows (as Excel or a CSV gives them: from as a serial or ISO text, percent as a
 * number or text) into entries for {@link ReferenceRateTable.withEntries}; empty rows are skipped.
 */
export function entriesFromRows(rows: readonly (readonly unknown[])[]): ReferenceRateEntry[] {
  const entries: ReferenceRateEntry[] = [];
  rows.forEach((row, index) => {
    const [from, , percent] = row;
    const blank = (value: unknown) => value === "" || value === null || value === undefined;
    if (blank(from) && blank(percent)) return;
    const field = `${REFERENCE_SHEET_NAME} rad ${index + 1 + REFERENCE_FIRST_ROW}`;
    const iso = typeof from === "number" ? formatIsoDate(dayFromExcelSerial(from, field)) : String(from ?? "");
    entries.push({ from: iso, percent: typeof percent === "number" ? String(percent) : String(percent ?? "") });
  });
  return entries;
}
