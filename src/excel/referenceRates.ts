/**
 * The workbook's `Referensräntor` sheet: read its rates, and add the next half-year as one new row.
 * What the rows mean and where the new one goes is decided in src/sheet/referenceSheet.ts (pure);
 * this module only reads the sheet and writes the cells it is told to.
 *
 * The sheet is found by name among the workbook's sheets (Excel compares names without regard to
 * case, so a sheet named `referensräntor` is the same sheet), never created here: the task pane
 * writes the whole sheet with `writeSheetPlans` when the workbook has none.
 *
 * A row with a from date and an EMPTY percent cell is refused, naming the cell, before anything is
 * calculated: it must never count as 0 %. An empty cell is told from a typed 0 by `Range.valueTypes`
 * ("Empty"), not by its value.
 *
 * API used: WorksheetCollection.load, Worksheet.getRange, Range.values / valueTypes / formulas /
 * numberFormat (ExcelApi 1.1); Range.getUsedRangeOrNullObject (1.4); Range.copyFrom (1.9).
 */
import { EngineError, dayFromExcelSerial, formatIsoDate } from "../engine";
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
import { CountedSync, JointRead, countedSync, runExcel, sheetReference } from "./context";

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

/** A block of cells with each cell's type as Excel reports it ("Empty", "Double", "String", …). */
export interface TypedCellBlock extends CellBlock {
  valueTypes: readonly (readonly string[])[];
}

/** The used part of the table's columns (values and types), as a block from its top-left cell (one sync). */
async function readTableBlock(sheet: Excel.Worksheet, sync: CountedSync): Promise<TypedCellBlock> {
  const used = sheet.getRange(TABLE_COLUMNS).getUsedRangeOrNullObject(true);
  used.load("values,valueTypes,rowIndex,columnIndex");
  await sync();
  return used.isNullObject
    ? { values: [], valueTypes: [], row: 0, col: 0 }
    : {
        values: used.values,
        valueTypes: used.valueTypes,
        row: used.rowIndex,
        col: used.columnIndex,
      };
}

/** The table's from (A) and percent (B) columns, 0-based. */
const FROM_COLUMN = 0;
const PERCENT_COLUMN = 1;

/**
 * The rows of the block with something in the from cell (column A) and an empty percent cell
 * (column B, valueType "Empty"), as `B9 (2027-01-01)`: the cell to fill and the half-year it is for.
 * The header row (row 1) is not a rate row.
 */
export function emptyPercentCells(block: TypedCellBlock): string[] {
  const typeAt = (r: number, col: number) => block.valueTypes[r]?.[col - block.col] ?? "Empty";
  const found: string[] = [];
  block.values.forEach((values, r) => {
    const row = block.row + r; // 0-based sheet row
    if (row === 0 || typeAt(r, FROM_COLUMN) === "Empty") return;
    if (typeAt(r, PERCENT_COLUMN) !== "Empty") return;
    const from = values[FROM_COLUMN - block.col];
    found.push(`${columnLetter(PERCENT_COLUMN)}${row + 1} (${shownDate(from)})`);
  });
  return found;
}

/** A from cell as a user reads it: an Excel date as ISO, anything else as it is. */
function shownDate(value: unknown): string {
  if (typeof value !== "number") return String(value);
  try {
    return formatIsoDate(dayFromExcelSerial(value, "from"));
  } catch {
    return String(value);
  }
}

/**
 * The rates on the workbook's `Referensräntor` sheet (each entry labelled with its sheet row, so
 * errors name it), or null when the workbook has no such sheet. One `Excel.run`, two syncs (one when
 * the sheet is absent). Throws the engine's error for a from date Excel cannot have, and for rows
 * whose percent cell is empty (naming every such cell, e.g. `'Referensräntor'!B50 (2026-07-01)`).
 */
export async function readWorkbookReferenceRates(): Promise<WorkbookReferenceRates | null> {
  return runExcel((context) => readRates(context, countedSync(context)));
}

/** {@link readWorkbookReferenceRates} as one read of a joint batch (context.ts `jointReads`). */
export function referenceRatesRead(
  context: Excel.RequestContext,
): JointRead<WorkbookReferenceRates | null> {
  return (sync) => readRates(context, sync);
}

async function readRates(
  context: Excel.RequestContext,
  sync: CountedSync,
): Promise<WorkbookReferenceRates | null> {
  const sheet = await findReferenceSheet(context, sync);
  if (sheet === null) return null;
  const block = await readTableBlock(sheet, sync);
  const empty = emptyPercentCells(block);
  if (empty.length > 0) {
    const cells = empty.map((cell) => `${sheetReference(sheet.name)}!${cell}`).join(", ");
    throw new EngineError("required", `Referensräntan i ${cells}`, "");
  }
  return workbookReferenceRates(block);
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
