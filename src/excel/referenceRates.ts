/**
 * The workbook's `Referensräntor` sheet: read its rates, and add the next half-year as one new row.
 * What the rows mean and where the new one goes is decided in src/sheet/referenceSheet.ts (pure);
 * this module only reads the sheet and writes the cells it is told to.
 *
 * The sheet is found by name among the workbook's sheets (Excel compares names without regard to
 * case, so a sheet named `referensräntor` is the same sheet), never created here: the task pane
 * writes the whole sheet with `writeSheetPlans` when the workbook has none.
 *
 * API used: WorksheetCollection.load, Worksheet.getRange, Range.values / formulas / numberFormat
 * (ExcelApi 1.1); Range.getUsedRangeOrNullObject (1.4); Range.copyFrom (1.9).
 */
import { columnLetter } from "../sheet/grid";
import {
  CellBlock,
  REFERENCE_HEADERS,
  REFERENCE_MESSAGES,
  REFERENCE_SHEET_NAME,
  WorkbookReferenceRates,
  planReferenceRow,
  workbookReferenceRates,
} from "../sheet/referenceSheet";
import { SheetRefusal } from "../sheet/refusal";
import { sameSheetName } from "../sheet/sheetNames";
import { CountedSync, countedSync, runExcel, sheetReference } from "./context";

/** The table's columns A–D, whose used part is read (the note to the right is not). */
const TABLE_COLUMNS = `A:${columnLetter(REFERENCE_HEADERS.length - 1)}`;

/** The workbook's `Referensräntor` sheet, or null (one sync: the sheet names). */
async function findReferenceSheet(
  context: Excel.RequestContext,
  sync: CountedSync,
): Promise<Excel.Worksheet | null> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name");
  await sync();
  return worksheets.items.find((sheet) => sameSheetName(sheet.name, REFERENCE_SHEET_NAME)) ?? null;
}

/** The used part of the table's columns (values), as a block from its top-left cell (one sync). */
async function readTableBlock(sheet: Excel.Worksheet, sync: CountedSync): Promise<CellBlock> {
  const used = sheet.getRange(TABLE_COLUMNS).getUsedRangeOrNullObject(true);
  used.load("values,rowIndex,columnIndex");
  await sync();
  return used.isNullObject
    ? { values: [], row: 0, col: 0 }
    : { values: used.values, row: used.rowIndex, col: used.columnIndex };
}

/**
 * The rates on the workbook's `Referensräntor` sheet (each entry labelled with its sheet row, so
 * errors name it), or null when the workbook has no such sheet. One `Excel.run`, two syncs (one when
 * the sheet is absent). Throws the engine's error for a from date Excel cannot have.
 */
export async function readWorkbookReferenceRates(): Promise<WorkbookReferenceRates | null> {
  return runExcel(async (context) => {
    const sync = countedSync(context);
    const sheet = await findReferenceSheet(context, sync);
    if (sheet === null) return null;
    return workbookReferenceRates(await readTableBlock(sheet, sync));
  });
}

export interface AppendResult {
  /** The new row's cells, e.g. `Referensräntor!A51:D51`. */
  address: string;
  /** The sheet row (1-based). */
  row: number;
  syncs: number;
}

/**
 * Adds the half-year from `from` (ISO, 1 January or 1 July) at `percent` (e.g. 1.75) as one new row
 * directly under the sheet's last rate: from, percent, the "Gäller till" formula and the source, with
 * the last rate row's formats (and the number formats every row has). Writes only that row's four
 * cells. Refuses (a {@link SheetRefusal}, nothing written) when the sheet is missing, the half-year
 * is already there, or the row under the last rate is not empty. Three syncs.
 */
export async function appendReferenceRate(from: string, percent: number): Promise<AppendResult> {
  return runExcel(async (context) => {
    const sync = countedSync(context);
    const sheet = await findReferenceSheet(context, sync);
    if (sheet === null) throw new SheetRefusal(REFERENCE_MESSAGES.missing());
    const row = planReferenceRow(await readTableBlock(sheet, sync), from, percent);
    const target = sheet.getRange(row.address);
    if (row.formatsFrom !== null) {
      // Qualified with the sheet: an address without one is resolved against the ACTIVE sheet.
      const source = `${sheetReference(sheet.name)}!A${row.formatsFrom}:D${row.formatsFrom}`;
      target.copyFrom(source, "Formats");
    }
    target.numberFormat = row.numberFormats;
    target.formulas = row.formulas;
    await sync();
    return {
      address: `${sheetReference(sheet.name)}!${row.address}`,
      row: row.row,
      syncs: sync.count,
    };
  });
}
