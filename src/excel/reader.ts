/**
 * Reads the contract in the row of the active cell. The header row is the table's when the active
 * cell is in an Excel table, else the first row of the sheet's used range (values only, so formatted
 * empty cells do not count). Two `context.sync()` round trips at most: the first locates the cell, the
 * table and the used range; the second reads the header row and the data row.
 *
 * API used, by requirement set: Range.getEntireRow / getIntersection / getRow, Range.values,
 * Table.getHeaderRowRange / getDataBodyRange / getRange, collection `load("items/name")` (ExcelApi
 * 1.1); Worksheet.getUsedRangeOrNullObject (1.4); Workbook.getActiveCell (1.7); Range.getTables (1.9).
 */
import { columnLetter } from "../sheet/grid";
import { ROW_MESSAGES, RowResult, rowToContract } from "../sheet/headers";
import { countedSync, localAddress, sheetReference } from "./context";

/** Where the row read is. */
export interface RowLocation {
  /** The worksheet's name. */
  sheet: string;
  /** The row number as Excel shows it (1-based). */
  row: number;
  /** The row's cells under the header row, e.g. `Kontrakt!A3:AB3`. */
  address: string;
  /** The number of `context.sync()` calls made. */
  syncs: number;
}

export type ActiveRowResult = RowResult & RowLocation;

/**
 * Reads the contract in the active cell's row: the contract (validated by the engine) or every
 * problem with the address of its cell. Refuses, as a problem at the active cell, a cell on the header
 * row, outside the table's data rows or the used range, or on an empty row. Runs its own `Excel.run`
 * unless a request context is given (to share a batch with the caller).
 */
export async function readActiveContractRow(context?: Excel.RequestContext): Promise<ActiveRowResult> {
  return context ? readActiveRow(context) : Excel.run(readActiveRow);
}

async function readActiveRow(context: Excel.RequestContext): Promise<ActiveRowResult> {
  const sync = countedSync(context);
  const cell = context.workbook.getActiveCell();
  cell.load("address,rowIndex,columnIndex");
  const sheet = cell.worksheet;
  sheet.load("name");
  const tables = cell.getTables(false); // the tables overlapping the cell: one or none
  tables.load("items/name");
  const used = sheet.getUsedRangeOrNullObject(true);
  used.load("rowIndex,columnIndex,rowCount,columnCount");
  await sync();

  const row = cell.rowIndex;
  const active = localAddress(cell.address);
  /** A refusal: one problem about the row as a whole, at `at` (the active cell unless said). */
  const refuse = (message: string, at = active, address = `${sheetReference(sheet.name)}!${at}`) => ({
    ok: false as const,
    problems: [{ field: "", address: at, message }],
    ignoredHeaders: [],
    sheet: sheet.name,
    row: row + 1,
    address,
    syncs: sync.count,
  });

  let header: Excel.Range;
  let line: Excel.Range;
  let headerRow: number;
  let firstCol: number;
  let colCount: number;
  const table = tables.items[0];
  if (table !== undefined) {
    header = table.getHeaderRowRange();
    header.load("values,rowIndex,columnIndex,columnCount");
    const body = table.getDataBodyRange();
    body.load("rowIndex,rowCount");
    line = table.getRange().getIntersection(cell.getEntireRow());
    line.load("values");
    await sync();
    [headerRow, firstCol, colCount] = [header.rowIndex, header.columnIndex, header.columnCount];
    if (row === headerRow) return refuse(ROW_MESSAGES.onHeaderRow(active));
    const inBody = row >= body.rowIndex && row < body.rowIndex + body.rowCount;
    if (!inBody) return refuse(ROW_MESSAGES.outsideData(active)); // e.g. the totals row
  } else {
    if (used.isNullObject) return refuse(ROW_MESSAGES.emptySheet(sheet.name));
    [headerRow, firstCol, colCount] = [used.rowIndex, used.columnIndex, used.columnCount];
    if (row === headerRow) return refuse(ROW_MESSAGES.onHeaderRow(active));
    const inside =
      row > headerRow &&
      row < headerRow + used.rowCount &&
      cell.columnIndex >= firstCol &&
      cell.columnIndex < firstCol + colCount;
    if (!inside) return refuse(ROW_MESSAGES.outsideData(active));
    header = used.getRow(0);
    header.load("values");
    line = used.getRow(row - headerRow);
    line.load("values");
    await sync();
  }

  const span = (r: number) => `${columnLetter(firstCol)}${r + 1}:${columnLetter(firstCol + colCount - 1)}${r + 1}`;
  const location = { sheet: sheet.name, row: row + 1, address: `${sheetReference(sheet.name)}!${span(row)}` };
  const values = line.values[0] ?? [];
  if (values.every((value) => value === "" || value === null || value === undefined)) {
    return refuse(ROW_MESSAGES.emptyRow(span(row)), span(row), location.address);
  }
  const cellIn = (r: number) => (col: number) => `${columnLetter(firstCol + col)}${r + 1}`;
  const result = rowToContract(header.values[0] ?? [], values, cellIn(row), {
    address: span(headerRow),
    addressOf: cellIn(headerRow),
  });
  return { ...result, ...location, syncs: sync.count };
}
