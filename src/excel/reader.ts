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
import type { TableRow } from "../sheet/batch";
import { columnLetter } from "../sheet/grid";
import {
  HeaderRowAddresses,
  ROW_MESSAGES,
  RowResult,
  WrongPlace,
  isContractHeaderRow,
  rowToContract,
} from "../sheet/headers";
import {
  CountedSync,
  JointRead,
  countedSync,
  localAddress,
  runExcel,
  sheetReference,
} from "./context";

/** Where the row read is. */
interface RowLocation {
  /** The worksheet's name. */
  sheet: string;
  /** The row number as Excel shows it (1-based). */
  row: number;
  /** The row's cells under the header row, e.g. `Kontrakt!A3:AB3`. */
  address: string;
  /** The number of `context.sync()` calls made. */
  syncs: number;
  /** Every sheet name in the workbook, so sheets written next get free names (read in the first sync). */
  sheetNames: string[];
}

export type ActiveRowResult = RowResult & RowLocation & { place?: WrongPlace };

/**
 * Reads the contract in the active cell's row: the contract (validated by the engine) or every
 * problem with the address of its cell. Refuses, as a problem at the active cell, a cell on the header
 * row, outside the table's data rows or the used range, or on an empty row. Runs its own `Excel.run`
 * unless a request context is given (to share a batch with the caller).
 */
export async function readActiveContractRow(
  context?: Excel.RequestContext,
): Promise<ActiveRowResult> {
  const read = (ctx: Excel.RequestContext) => readActiveRow(ctx, countedSync(ctx));
  return context ? read(context) : runExcel(read);
}

/** {@link readActiveContractRow} as one read of a joint batch (context.ts `jointReads`). */
export function activeRowRead(context: Excel.RequestContext): JointRead<ActiveRowResult> {
  return (sync) => readActiveRow(context, sync);
}

async function readActiveRow(
  context: Excel.RequestContext,
  sync: CountedSync,
): Promise<ActiveRowResult> {
  const cell = context.workbook.getActiveCell();
  cell.load("address,rowIndex,columnIndex");
  const sheet = cell.worksheet;
  sheet.load("name");
  const tables = cell.getTables(false); // the tables overlapping the cell: one or none
  tables.load("items/name");
  const used = sheet.getUsedRangeOrNullObject(true);
  used.load("rowIndex,columnIndex,rowCount,columnCount");
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name");
  await sync();

  const row = cell.rowIndex;
  const sheetNames = worksheets.items.map((item) => item.name);
  const active = localAddress(cell.address);
  /** A refusal: one problem about the row as a whole, at `at` (the active cell unless said). */
  const refuse = (
    place: WrongPlace,
    message: string,
    at = active,
    address = `${sheetReference(sheet.name)}!${at}`,
  ) => ({
    ok: false as const,
    place,
    problems: [{ field: "", address: at, message }],
    ignoredHeaders: [],
    sheet: sheet.name,
    row: row + 1,
    address,
    syncs: sync.count,
    sheetNames,
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
    if (row === headerRow) return refuse("headerRow", ROW_MESSAGES.onHeaderRow(active));
    const inBody = row >= body.rowIndex && row < body.rowIndex + body.rowCount;
    if (!inBody) return refuse("outsideData", ROW_MESSAGES.outsideData(active)); // e.g. the totals row
  } else {
    if (used.isNullObject) return refuse("emptySheet", ROW_MESSAGES.emptySheet(sheet.name));
    [headerRow, firstCol, colCount] = [used.rowIndex, used.columnIndex, used.columnCount];
    if (row === headerRow) return refuse("headerRow", ROW_MESSAGES.onHeaderRow(active));
    const inside =
      row > headerRow &&
      row < headerRow + used.rowCount &&
      cell.columnIndex >= firstCol &&
      cell.columnIndex < firstCol + colCount;
    if (!inside) return refuse("outsideData", ROW_MESSAGES.outsideData(active));
    header = used.getRow(0);
    header.load("values");
    line = used.getRow(row - headerRow);
    line.load("values");
    await sync();
  }

  const span = (r: number) =>
    `${columnLetter(firstCol)}${r + 1}:${columnLetter(firstCol + colCount - 1)}${r + 1}`;
  const location = {
    sheet: sheet.name,
    row: row + 1,
    address: `${sheetReference(sheet.name)}!${span(row)}`,
  };
  const values = line.values[0] ?? [];
  if (values.every((value) => value === "" || value === null || value === undefined)) {
    return refuse("emptyRow", ROW_MESSAGES.emptyRow(span(row)), span(row), location.address);
  }
  const cellIn = (r: number) => (col: number) => `${columnLetter(firstCol + col)}${r + 1}`;
  const headers = header.values[0] ?? [];
  const result = rowToContract(headers, values, cellIn(row), {
    address: span(headerRow),
    addressOf: cellIn(headerRow),
  });
  const place =
    result.ok || isContractHeaderRow(headers) ? {} : { place: "notContractSheet" as const };
  return { ...result, ...location, ...place, syncs: sync.count, sheetNames };
}

// ---------------------------------------------------------------------------------------------------
// Several rows at once: the selection's rows.

/** A contract row of the selection, ready for `calculateRows` (src/sheet/batch.ts). */
type SelectedRow = TableRow;

/** The selection's contract rows under their header row. */
export interface SelectedRows {
  ok: true;
  /** The worksheet's name. */
  sheet: string;
  /** The selection as Excel names it, e.g. `Kontrakt!A3:C7,Kontrakt!A9`. */
  selection: string;
  /** The header row's cells, column by column. */
  headers: unknown[];
  /** The header row's addresses, for a missing or duplicate column. */
  headerRow: HeaderRowAddresses;
  /** The contract rows, top to bottom: `where` is e.g. `Kontrakt!7:7`, `addressOf(col)` e.g. `C7`. */
  rows: SelectedRow[];
  /**
   * Selected rows left out, each as `Kontrakt!7:7`: the header row (when selected), empty rows, and
   * hidden rows (filtered out, or hidden by hand).
   */
  skipped: { headerRow: string | null; emptyRows: string[]; hiddenRows: string[] };
  /** Every worksheet name in the workbook (so new sheets get free names). */
  sheetNames: string[];
  /** The number of `context.sync()` calls made (2; 3 when rows and the first used column are hidden). */
  syncs: number;
}

/** A selection with no contract row to read, with the reason. */
interface NoSelectedRows {
  ok: false;
  sheet: string;
  selection: string;
  /** The selection (or the sheet) the problem is about. */
  address: string;
  message: string;
  sheetNames: string[];
  syncs: number;
}

export type SelectedRowsResult = SelectedRows | NoSelectedRows;

/**
 * Reads the contract rows of the selection: every row crossed by the selection (by any of its areas
 * when several are selected; a whole-column selection means every row), whole, under the header row
 * found as for {@link readActiveContractRow}: the table's when the selection crosses an Excel table
 * (its data rows only), else the first row of the used range. Only VISIBLE rows count: selecting the
 * rows of a filtered table selects the filtered-out rows too, and those must not reach the summary.
 * The header row, empty rows and hidden rows are left out (and listed); values are not validated
 * here (`calculateRows` does that row by row). Runs its own `Excel.run` unless a request context is
 * given.
 *
 * Two syncs: the first locates the selection's areas, the sheet, the tables crossed, the used range
 * and the workbook's sheet names; the second reads the header row and, in one block, the data rows
 * between the selection's first and last row (rows between two areas are read but not used) with
 * whether they are hidden, and the visible view of ONE column over those rows (one address per
 * visible row: a view of rows × all columns of a big filtered table can pass Excel on the web's 5 MB
 * response limit, "Resource limits and performance optimization for Office Add-ins"). Only when that
 * column is itself hidden and some rows are, a third sync reads the block's own visible view. Hidden
 * columns are still read: the header row gives every column its meaning.
 *
 * API used: Workbook.getSelectedRanges, RangeAreas.areas / getTables (ExcelApi 1.9);
 * Range.getIntersectionOrNullObject, Worksheet.getUsedRangeOrNullObject (1.4); Range.getVisibleView,
 * RangeView.cellAddresses, Worksheet.getRangeByIndexes (1.3); Range.rowHidden / columnHidden (1.2);
 * the rest 1.1.
 */
export async function readSelectedContractRows(
  context?: Excel.RequestContext,
): Promise<SelectedRowsResult> {
  const read = (ctx: Excel.RequestContext) => readSelection(ctx, countedSync(ctx));
  return context ? read(context) : runExcel(read);
}

/** {@link readSelectedContractRows} as one read of a joint batch (context.ts `jointReads`). */
export function selectedRowsRead(context: Excel.RequestContext): JointRead<SelectedRowsResult> {
  return (sync) => readSelection(context, sync);
}

async function readSelection(
  context: Excel.RequestContext,
  sync: CountedSync,
): Promise<SelectedRowsResult> {
  const found = locateSelection(context);
  await sync();
  const facts = selectionFacts(found);
  const refuse = (message: string, address = facts.local): NoSelectedRows => ({
    ok: false,
    sheet: found.sheet.name,
    selection: found.selection.address,
    address,
    message,
    sheetNames: facts.sheetNames,
    syncs: sync.count,
  });
  const region = dataRegion(found);
  if (typeof region === "string") return refuse(region);
  const candidates = queueCandidateRows(found, region.range, facts);
  await sync();
  const isVisible = await visibleRows(candidates, sync);
  const { row: headerRow, col: firstCol, count: colCount } = region.geometry();
  const sheet = sheetReference(found.sheet.name);
  const lines: SheetLines = {
    where: (r) => `${sheet}!${r + 1}:${r + 1}`,
    cellIn: (r) => (col) => `${columnLetter(firstCol + col)}${r + 1}`,
  };
  const sorted = sortRows(
    candidates.block,
    { headerRow, isSelected: facts.isSelected, isVisible },
    lines,
  );
  if (sorted.rows.length === 0) return refuse(ROW_MESSAGES.noContractRows(facts.local));
  const span = `${columnLetter(firstCol)}${headerRow + 1}:${columnLetter(firstCol + colCount - 1)}${headerRow + 1}`;
  return {
    ok: true,
    sheet: found.sheet.name,
    selection: found.selection.address,
    headers: region.header.values[0] ?? [],
    headerRow: { address: span, addressOf: lines.cellIn(headerRow) },
    rows: sorted.rows,
    skipped: {
      headerRow: facts.isSelected(headerRow) ? lines.where(headerRow) : null,
      emptyRows: sorted.emptyRows,
      hiddenRows: sorted.hiddenRows,
    },
    sheetNames: facts.sheetNames,
    syncs: sync.count,
  };
}

/** The selection's proxies, their loads queued for the first sync. */
interface FoundSelection {
  selection: Excel.RangeAreas;
  areas: Excel.RangeCollection;
  sheet: Excel.Worksheet;
  tables: Excel.TableScopedCollection;
  used: Excel.Range;
  worksheets: Excel.WorksheetCollection;
}

function locateSelection(context: Excel.RequestContext): FoundSelection {
  const selection = context.workbook.getSelectedRanges();
  selection.load("address");
  const areas = selection.areas;
  areas.load("items/rowIndex,items/rowCount");
  const sheet = selection.worksheet;
  sheet.load("name");
  const tables = selection.getTables(false);
  tables.load("items/name");
  const used = sheet.getUsedRangeOrNullObject(true);
  used.load("rowIndex,columnIndex,rowCount,columnCount");
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name");
  return { selection, areas, sheet, tables, used, worksheets };
}

/** What the first sync tells of the selection: its rows, their span, its local address. */
interface SelectionFacts {
  sheetNames: string[];
  isSelected(row: number): boolean;
  /** The first and last sheet row (0-based) selected. */
  lo: number;
  hi: number;
  /** The selection without its sheet, e.g. `A3:C7,A9`. */
  local: string;
}

function selectionFacts({ selection, areas, worksheets }: FoundSelection): SelectionFacts {
  const selected = areas.items.map((area) => ({ first: area.rowIndex, count: area.rowCount }));
  return {
    sheetNames: worksheets.items.map((item) => item.name),
    isSelected: (row) => selected.some((a) => row >= a.first && row < a.first + a.count),
    lo: Math.min(...selected.map((area) => area.first)),
    hi: Math.max(...selected.map((area) => area.first + area.count - 1)),
    local: selection.address
      .split(",")
      .map((part) => localAddress(part))
      .join(","),
  };
}

/** The header row and the data region whose rows count: the table's body, or the used range. */
interface DataRegion {
  header: Excel.Range;
  /** The header row's position, once the second sync has loaded it. */
  geometry: () => { row: number; col: number; count: number };
  range: Excel.Range;
}

/** The region of the selection's table or sheet (header loads queued), or why there is none. */
function dataRegion({ tables, used, sheet }: FoundSelection): DataRegion | string {
  if (tables.items.length > 1)
    return ROW_MESSAGES.severalTables(tables.items.map((t) => t.name).join(", "));
  const table = tables.items[0];
  if (table !== undefined) {
    const header = table.getHeaderRowRange();
    header.load("values,rowIndex,columnIndex,columnCount");
    return {
      header,
      geometry: () => ({
        row: header.rowIndex,
        col: header.columnIndex,
        count: header.columnCount,
      }),
      range: table.getDataBodyRange(),
    };
  }
  if (used.isNullObject) return ROW_MESSAGES.emptySheet(sheet.name);
  const header = used.getRow(0);
  header.load("values");
  return {
    header,
    geometry: () => ({ row: used.rowIndex, col: used.columnIndex, count: used.columnCount }),
    range: used,
  };
}

/** The candidate rows' block and one column's visible view over them, queued for the second sync. */
interface CandidateRows {
  block: Excel.Range;
  /** The first used column over the block's rows (null when they are outside the used range). */
  column: Excel.Range | null;
  columnView: Excel.RangeView | null;
}

function queueCandidateRows(
  { sheet, used }: FoundSelection,
  region: Excel.Range,
  { lo, hi }: SelectionFacts,
): CandidateRows {
  // Whole rows lo … hi (1-based "7:12") crossed with the region: the candidate rows, read at once.
  const block = region.getIntersectionOrNullObject(`${lo + 1}:${hi + 1}`);
  block.load("values,rowIndex,rowHidden");
  // Row visibility is the sheet row's, so any visible column shows it: the used range's first,
  // over the selected rows inside the used range (a table lies inside it).
  const top = used.isNullObject ? lo : Math.max(lo, used.rowIndex);
  const bottom = used.isNullObject ? -1 : Math.min(hi, used.rowIndex + used.rowCount - 1);
  if (bottom < top) return { block, column: null, columnView: null };
  const column = sheet.getRangeByIndexes(top, used.columnIndex, bottom - top + 1, 1);
  column.load("columnHidden");
  const columnView = column.getVisibleView();
  columnView.load("cellAddresses");
  return { block, column, columnView };
}

/** The sheet row (0-based) of each row of a visible view's cell addresses. */
function viewRows(view: Excel.RangeView): Set<number> {
  return new Set(
    view.cellAddresses.map((cells) => Number(/(\d+)$/.exec(localAddress(cells[0] ?? ""))?.[1]) - 1),
  );
}

/**
 * Which sheet rows (0-based) of the block are visible. `rowHidden` (loaded) is false when none is
 * hidden, true when all are, and null when some are: only then is the column's visible view used
 * (or, when that column is hidden, the block's own view is read: one more sync).
 */
async function visibleRows(
  { block, column, columnView }: CandidateRows,
  sync: () => Promise<void>,
): Promise<(row: number) => boolean> {
  if (block.isNullObject || block.rowHidden === false) return () => true;
  if (block.rowHidden === true) return () => false;
  if (column !== null && columnView !== null && column.columnHidden === false) {
    const visible = viewRows(columnView);
    return (row) => visible.has(row);
  }
  const view = block.getVisibleView();
  view.load("cellAddresses");
  await sync();
  const visible = viewRows(view);
  return (row) => visible.has(row);
}

/** How a sheet row is named: `where(7)` is `Kontrakt!8:8`, `cellIn(7)(2)` e.g. `C8`. */
interface SheetLines {
  where(row: number): string;
  cellIn(row: number): (col: number) => string;
}

/** The block's selected rows sorted into contract rows, empty rows and hidden rows. */
function sortRows(
  block: Excel.Range,
  test: { headerRow: number; isSelected(row: number): boolean; isVisible(row: number): boolean },
  { where, cellIn }: SheetLines,
): { rows: SelectedRow[]; emptyRows: string[]; hiddenRows: string[] } {
  const rows: SelectedRow[] = [];
  const emptyRows: string[] = [];
  const hiddenRows: string[] = [];
  if (block.isNullObject) return { rows, emptyRows, hiddenRows };
  block.values.forEach((values, i) => {
    const r = block.rowIndex + i;
    if (r === test.headerRow || !test.isSelected(r)) return;
    if (!test.isVisible(r)) hiddenRows.push(where(r));
    else if (values.every((value) => value === "" || value === null || value === undefined))
      emptyRows.push(where(r));
    else rows.push({ where: where(r), values, addressOf: cellIn(r) });
  });
  return { rows, emptyRows, hiddenRows };
}
