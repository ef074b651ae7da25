/**
 * Workbooks for the Excel reader and writer tests, built on office-addin-mock's `OfficeMockObject`.
 *
 * What the mock does and does not do (office-addin-mock 4): it turns a data object into proxies whose
 * scalar properties read "Error, property was not loaded" until `load` + `context.sync()`; objects
 * become navigable children; functions are kept as they are (so every method Excel offers must be
 * written here, returning children of the tree so that their loads sync); arrays are scalars. So:
 * - collections load as `load("items/name")` in Office.js; the mock cannot navigate into an array, so
 *   the collections here carry a `load` that loads `items` itself ({@link loadItems});
 * - `isNullObject` is not a loadable property in the mock; it is set on the proxy after construction;
 * - Worksheet.pageLayout (setPrintArea, setPrintTitleRows, setPrintTitleColumns, headersFooters), horizontalPageBreaks,
 *   getRanges, freezePanes and tables.add are not in the mock: they are declared here as jest.fn()s.
 * Property writes on a proxy simply set the property, which the tests then read.
 */
import { OfficeMockObject } from "office-addin-mock";

// office-addin-mock needs only the OfficeApp host names from office-addin-manifest, whose import chain
// reaches an ES module (strip-bom via @microsoft/app-manifest) that jest cannot require on Node 20.
// Stand in with the enum itself (values as in office-addin-manifest 3). Hoisted above the imports.
jest.mock("office-addin-manifest", () => ({
  OfficeApp: {
    Excel: "excel",
    OneNote: "onenote",
    Outlook: "outlook",
    PowerPoint: "powerpoint",
    Project: "project",
    Word: "word",
  },
}));

type Data = Record<string, unknown>;

/** What the mock returns for a property read before `load` + `sync`. */
const NOT_LOADED = "Error, property was not loaded";

type Batch = (context: unknown) => Promise<unknown>;

/**
 * Makes `Excel.run` hand the mock's context to the batch, called as Office.js allows:
 * `run(batch)` or `run(options, batch)`. Returns the `run` spy, whose calls show the options.
 */
export function installExcel(mock: OfficeMockObject): jest.Mock {
  const run = jest.fn(async (first: Batch | object, second?: Batch) =>
    (typeof first === "function" ? first : second!)(mock.context),
  );
  (globalThis as Record<string, unknown>).Excel = { run };
  return run;
}

/** Removes the globals the tests installed. */
export function uninstallGlobals(): void {
  delete (globalThis as Record<string, unknown>).Excel;
  delete (globalThis as Record<string, unknown>).Office;
}

/** A collection's `load`: Office.js loads `items/name`; the mock can only load `items`. */
function loadItems(this: OfficeMockObject, properties: string | string[]) {
  const list = (Array.isArray(properties) ? properties : properties.split(",")).map(
    (p) => p.trim().split("/")[0],
  );
  return OfficeMockObject.prototype.load.call(this, [...new Set(list)]);
}

// ---------------------------------------------------------------------------------------------------
// Writer: existing sheets (frozen, every method a spy) and the sheets the writer adds (recorded).

/** An existing sheet: frozen, so any property write throws; any method call is recorded. */
interface ExistingSheet {
  readonly name: string;
  readonly calls: jest.Mock[];
}

function existingSheet(name: string): ExistingSheet & Data {
  const methods = [
    "getRange",
    "getRanges",
    "getUsedRange",
    "activate",
    "delete",
    "copy",
    "getCell",
    "getRangeByIndexes",
  ];
  const sheet: Data = { name };
  const calls: jest.Mock[] = [];
  for (const method of methods) {
    const spy = jest.fn(() => {
      throw new Error(`the writer called ${method} on the existing sheet ${name}`);
    });
    sheet[method] = spy;
    calls.push(spy);
  }
  sheet.calls = calls;
  for (const child of ["pageLayout", "tables", "format", "freezePanes", "horizontalPageBreaks"])
    sheet[child] = Object.freeze({});
  return Object.freeze(sheet) as ExistingSheet & Data;
}

/** A range the writer asked for, with the mock proxy it got. */
interface RecordedRange {
  address: string;
  /** true for `getRanges` (several areas), false for `getRange`. */
  areas: boolean;
  range: OfficeMockObject;
  borders: { edge: string; item: OfficeMockObject }[];
  /** Conditional formats added to the range: the type asked for and the format's proxy. */
  conditionals: { type: string; format: OfficeMockObject }[];
}

/** A sheet the writer added, with everything done to it. */
export interface AddedSheet {
  name: string;
  sheet: OfficeMockObject;
  ranges: RecordedRange[];
}

function rangeMock(address: string, areas: boolean): RecordedRange {
  const borders: RecordedRange["borders"] = [];
  const conditionals: RecordedRange["conditionals"] = [];
  const range = new OfficeMockObject({
    format: {
      font: {},
      fill: {},
      borders: {
        getItem(edge: string) {
          const item = new OfficeMockObject({});
          borders.push({ edge, item });
          return item;
        },
      },
      autofitColumns: jest.fn(),
      autofitRows: jest.fn(),
    },
    merge: jest.fn(),
    select: jest.fn(),
    conditionalFormats: {
      add(type: string) {
        const format = new OfficeMockObject({
          custom: { rule: {}, format: { font: {}, fill: {} } },
        });
        conditionals.push({ type, format });
        return format;
      },
    },
  });
  return { address, areas, range, borders, conditionals };
}

function addedSheet(name: string, events: string[] = []): AddedSheet {
  const ranges: RecordedRange[] = [];
  const sheet = new OfficeMockObject({
    getRange(address: string) {
      events.push(`range ${name}!${address}`);
      const recorded = rangeMock(address, false);
      ranges.push(recorded);
      return recorded.range;
    },
    getRanges(address: string) {
      events.push(`range ${name}!${address}`);
      const recorded = rangeMock(address, true);
      ranges.push(recorded);
      return recorded.range;
    },
    activate: jest.fn(),
    pageLayout: {
      zoom: {},
      headersFooters: { defaultForAllPages: {} },
      setPrintArea: jest.fn(),
      setPrintTitleRows: jest.fn(),
      setPrintTitleColumns: jest.fn(),
    },
    horizontalPageBreaks: { add: jest.fn() },
    tables: { add: jest.fn(() => new OfficeMockObject({})) },
    freezePanes: { freezeRows: jest.fn() },
  });
  return { name, sheet, ranges };
}

export interface WriterWorkbook {
  mock: OfficeMockObject;
  existing: ExistingSheet[];
  added: AddedSheet[];
  add: jest.Mock;
  sync: jest.SpyInstance;
  /** What the writer did, in order: "add Name", "range Name!A1:H9", "sync". */
  events: string[];
}

/** A workbook with sheets of these names; `add` records the sheets the writer adds. */
export function writerWorkbook(existingNames: string[]): WriterWorkbook {
  const existing = existingNames.map(existingSheet);
  const added: AddedSheet[] = [];
  const events: string[] = [];
  const add = jest.fn((name: string) => {
    events.push(`add ${name}`);
    const sheet = addedSheet(name, events);
    added.push(sheet);
    return sheet.sheet;
  });
  const mock = new OfficeMockObject({
    context: {
      workbook: {
        worksheets: { items: [...existing], load: loadItems, add },
      },
    },
  });
  const mockSync = mock.context.sync.bind(mock.context);
  const sync = jest.spyOn(mock.context, "sync").mockImplementation(() => {
    events.push("sync");
    return mockSync();
  });
  return { mock, existing, added, add, sync, events };
}

// ---------------------------------------------------------------------------------------------------
// Reader: a sheet holding a grid of values, the active cell, and optionally an Excel table.

export interface ReaderSetup {
  sheet?: string;
  /** The used range's values, header row first. */
  grid: unknown[][];
  /** 0-based position of grid[0][0] on the sheet. */
  origin?: { row: number; col: number };
  /** 0-based position of the active cell on the sheet. */
  active: { row: number; col: number };
  /** The grid is an Excel table (its last row a totals row when `totals`). */
  table?: { totals?: boolean };
  /** The workbook's other sheets' names (the reader lists every sheet's name). */
  otherSheets?: string[];
}

export interface ReaderWorkbook {
  mock: OfficeMockObject;
  add: jest.Mock;
  sync: jest.SpyInstance;
  /** Writes found on the sheet's row ranges (values changed, formulas or formats set); [] if none. */
  written: () => string[];
}

function letters(col: number): string {
  let text = "";
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26))
    text = String.fromCharCode(65 + ((n - 1) % 26)) + text;
  return text;
}

export function readerWorkbook(setup: ReaderSetup): ReaderWorkbook {
  const sheetName = setup.sheet ?? "Kontrakt";
  const origin = setup.origin ?? { row: 0, col: 0 };
  const { grid, active } = setup;
  const width = Math.max(0, ...grid.map((row) => row.length));
  const rowsData: Data = {};
  const originals: unknown[][][] = grid.map((values) => [values]);
  originals.forEach((values, i) => {
    rowsData[`row${i}`] = { values };
  });
  const tableItems: unknown[] = [];
  const activeGridRow = active.row - origin.row;
  const add = jest.fn();

  const mock = new OfficeMockObject({
    context: {
      workbook: {
        worksheets: {
          items: [sheetName, ...(setup.otherSheets ?? [])].map((name) => ({ name })),
          load: loadItems,
          add,
        },
        activeCell: {
          address: `${sheetName}!${letters(active.col)}${active.row + 1}`,
          rowIndex: active.row,
          columnIndex: active.col,
          entireRow: {},
          getEntireRow() {
            return this.entireRow;
          },
          tables: { items: tableItems, load: loadItems },
          getTables() {
            return this.tables;
          },
          worksheet: {
            name: sheetName,
            usedRange: {
              rowIndex: origin.row,
              columnIndex: origin.col,
              rowCount: grid.length,
              columnCount: width,
              rows: rowsData,
              getRow(index: number) {
                const row = this.rows[`row${index}`];
                if (row === undefined) throw new Error(`mock: no row ${index} in the used range`);
                return row;
              },
            },
            getUsedRangeOrNullObject() {
              return this.usedRange;
            },
          },
        },
        getActiveCell() {
          return this.activeCell;
        },
        table: {
          name: "Tabell1",
          header: {
            values: [grid[0] ?? []],
            rowIndex: origin.row,
            columnIndex: origin.col,
            columnCount: width,
          },
          body: {
            rowIndex: origin.row + 1,
            rowCount: grid.length - 1 - (setup.table?.totals ? 1 : 0),
          },
          whole: {
            getIntersection() {
              const row =
                mock.context.workbook.activeCell.worksheet.usedRange.rows[`row${activeGridRow}`];
              if (row === undefined)
                throw new Error("mock: the active row does not cross the table");
              return row;
            },
          },
          getHeaderRowRange() {
            return this.header;
          },
          getDataBodyRange() {
            return this.body;
          },
          getRange() {
            return this.whole;
          },
        },
      },
    },
  });
  const workbook = mock.context.workbook;
  if (setup.table) tableItems.push(workbook.table);
  workbook.activeCell.worksheet.usedRange.isNullObject = grid.length === 0;
  const sync = jest.spyOn(mock.context, "sync");
  const written = () =>
    originals.flatMap((values, i) => {
      const row = workbook.activeCell.worksheet.usedRange.rows[`row${i}`];
      const changed = row.values !== values && row.values !== NOT_LOADED ? [`row${i}.values`] : [];
      const set = ["formulas", "numberFormat", "valueTypes"]
        .filter((key) => key in row)
        .map((key) => `row${i}.${key}`);
      return [...changed, ...set];
    });
  return { mock, add, sync, written };
}

// ---------------------------------------------------------------------------------------------------
// Events: Workbook.onSelectionChanged, on any of the mocks above.

/** The selection-changed event of a mock workbook: its handlers, and a way to raise it. */
export interface SelectionEvents {
  /** The handlers registered and not removed. */
  handlers: () => number;
  /** Raises the event, as Excel does when the user selects another cell or sheet. */
  fire: () => Promise<void>;
  /** How many times a handler was added (the pane registers once). */
  added: jest.Mock;
}

/**
 * Gives `mock`'s workbook `onSelectionChanged` (ExcelApi 1.2): `add(handler)` returns an
 * EventHandlerResult whose `remove()` takes effect at the next sync of its context, as in Office.js.
 */
export function selectionEvents(mock: OfficeMockObject): SelectionEvents {
  const handlers = new Set<(args: unknown) => Promise<unknown>>();
  const context = mock.context as OfficeMockObject & { sync(): Promise<void> };
  const workbook = context.workbook as unknown as Data;
  const added = jest.fn((handler: (args: unknown) => Promise<unknown>) => {
    handlers.add(handler);
    let removing = false;
    const sync = context.sync.bind(context);
    // remove() is queued; the next sync of the context carries it out.
    context.sync = async () => {
      await sync();
      if (removing) handlers.delete(handler);
    };
    return {
      context,
      remove: () => {
        removing = true;
      },
    };
  });
  workbook.onSelectionChanged = { add: added };
  return {
    handlers: () => handlers.size,
    fire: async () => {
      for (const handler of [...handlers]) await handler({ workbook, type: "SelectionChanged" });
    },
    added,
  };
}

// ---------------------------------------------------------------------------------------------------
// Several sheets, each with a used range: which of them hold a contract table.

export interface SheetsWorkbook {
  mock: OfficeMockObject;
  sync: jest.SpyInstance;
}

/**
 * A workbook of sheets, each with its used range's values (`[]`: an empty sheet). The sheets are
 * plain objects inside the collection's `items` (the mock keeps arrays as they are), so their
 * ranges answer at once; loads are accepted and ignored.
 */
export function sheetsWorkbook(sheets: { name: string; grid: unknown[][] }[]): SheetsWorkbook {
  const load = () => undefined;
  const items = sheets.map(({ name, grid }) => ({
    name,
    getUsedRangeOrNullObject: () => ({
      load,
      isNullObject: grid.length === 0,
      rowIndex: 0,
      getRow: (index: number) => ({ load, values: [grid[index]] }),
    }),
  }));
  const getItem = (name: string) => {
    const found = items.find((sheet) => sheet.name === name);
    if (found === undefined) throw new Error(`mock: no sheet ${name}`);
    return found;
  };
  const mock = new OfficeMockObject({
    context: { workbook: { worksheets: { items, load: loadItems, getItem } } },
  });
  const sync = jest.spyOn(mock.context, "sync");
  return { mock, sync };
}

// ---------------------------------------------------------------------------------------------------
// Shared: ranges made on demand (an intersection, a row to write) as children of the mock tree, so
// that their loads sync like everything else.

type MockInternals = { addMock(name: string): void; populate(data: Data): void };
let childCounter = 0;

/** A new child of `parent` holding `data` (loads on it sync with the tree). */
function addChild(parent: OfficeMockObject, data: Data): OfficeMockObject {
  const name = `made${childCounter++}`;
  (parent as unknown as MockInternals).addMock(name);
  const child = parent[name] as OfficeMockObject;
  (child as unknown as MockInternals).populate(data);
  return child;
}

/** Rows `first` … `last` (1-based, inclusive) of an address of whole rows such as "7:12". */
function wholeRows(address: string): { first: number; last: number } {
  const match = /^(\d+):(\d+)$/.exec(address);
  if (!match) throw new Error(`mock: expected whole rows such as 7:12, got ${address}`);
  return { first: Number(match[1]), last: Number(match[2]) };
}

// ---------------------------------------------------------------------------------------------------
// Selection reader: a sheet holding a grid, the selected areas, optionally an Excel table.

export interface SelectionSetup {
  sheet?: string;
  /** The used range's values, header row first. */
  grid: unknown[][];
  /** 0-based position of grid[0][0] on the sheet. */
  origin?: { row: number; col: number };
  /** The selected areas, 0-based (rowCount 1048576 for whole columns). */
  areas: { row: number; col: number; rowCount?: number; colCount?: number }[];
  /** The grid is an Excel table (its last row a totals row when `totals`). */
  table?: { name?: string; totals?: boolean };
  /** Further tables the selection crosses (names only). */
  moreTables?: string[];
  /** The workbook's other sheets. */
  otherSheets?: string[];
  /** Sheet rows (0-based) that are hidden, e.g. filtered out of a table. */
  hiddenRows?: number[];
  /** Sheet columns (0-based) that are hidden. */
  hiddenColumns?: number[];
}

export interface SelectionWorkbook {
  mock: OfficeMockObject;
  sync: jest.SpyInstance;
  add: jest.Mock;
  /** The whole-row addresses the reader crossed with the data region, e.g. ["2:5"]. */
  intersections: string[];
  /** The blocks (as their whole-row addresses) whose visible view the reader asked for. */
  visibleViews: string[];
  /** The single-column ranges (e.g. `A2:A6`) whose visible view the reader asked for. */
  columnViews: string[];
  /** How many cell addresses the visible views returned in all (the response's size). */
  viewCells: () => number;
}

const EXCEL_ROWS = 1048576;

export function selectionWorkbook(setup: SelectionSetup): SelectionWorkbook {
  const sheetName = setup.sheet ?? "Kontrakt";
  const origin = setup.origin ?? { row: 0, col: 0 };
  const { grid } = setup;
  const width = Math.max(0, ...grid.map((row) => row.length));
  const reference = (name: string) =>
    /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
  const areaAddress = (a: SelectionSetup["areas"][number]) => {
    const rows = a.rowCount ?? 1;
    const cols = a.colCount ?? 1;
    if (rows === EXCEL_ROWS) return `${letters(a.col)}:${letters(a.col + cols - 1)}`;
    const first = `${letters(a.col)}${a.row + 1}`;
    return rows === 1 && cols === 1
      ? first
      : `${first}:${letters(a.col + cols - 1)}${a.row + rows}`;
  };
  const intersections: string[] = [];
  const visibleViews: string[] = [];
  const columnViews: string[] = [];
  let viewCells = 0;
  const hiddenRows = new Set(setup.hiddenRows ?? []);
  const hiddenColumns = new Set(setup.hiddenColumns ?? []);
  /** RangeView.cellAddresses of rows × columns: the visible cells only, sheet-qualified. */
  const visibleCells = (rows: number[], cols: number[]) => {
    const cells = rows
      .filter((r) => !hiddenRows.has(r))
      .map((r) =>
        cols
          .filter((c) => !hiddenColumns.has(c))
          .map((c) => `${reference(sheetName)}!${letters(c)}${r + 1}`),
      )
      .filter((row) => row.length > 0);
    viewCells += cells.reduce((n, row) => n + row.length, 0);
    return cells;
  };
  const span = (from: number, count: number) => Array.from({ length: count }, (_, i) => from + i);
  const add = jest.fn();
  const tableItems: unknown[] = [];
  const bodyRows = grid.length - 1 - (setup.table?.totals ? 1 : 0);

  /** The grid's rows within sheet rows [from, to) (0-based), each padded to the grid's width. */
  const blockOf = (parent: OfficeMockObject, address: string, from: number, to: number) => {
    intersections.push(address);
    const { first, last } = wholeRows(address);
    const lo = Math.max(from, first - 1);
    const hi = Math.min(to - 1, last - 1);
    const values: unknown[][] = [];
    const hidden: boolean[] = [];
    for (let r = lo; r <= hi; r++) {
      const row = grid[r - origin.row] ?? [];
      values.push(Array.from({ length: width }, (_, c) => row[c] ?? ""));
      hidden.push(hiddenRows.has(r));
    }
    // Range.rowHidden: true when every row is hidden, false when none is, null when some are.
    const rowHidden = hidden.every(Boolean) ? true : hidden.some(Boolean) ? null : false;
    const block: OfficeMockObject = addChild(parent, {
      values,
      rowIndex: Math.max(lo, 0),
      rowHidden: rowHidden ?? "mixed", // the mock cannot hold null as data: set below
      getVisibleView() {
        visibleViews.push(address);
        const cellAddresses = visibleCells(span(lo, values.length), span(origin.col, width));
        return addChild(block, { cellAddresses });
      },
    });
    block.isNullObject = values.length === 0;
    if (rowHidden === null) {
      // Loaded like any property, then read as Office.js returns it for a mixed range: null.
      const load = block.load.bind(block);
      block.load = ((properties: string) => {
        const loaded = load(properties);
        Object.defineProperty(block, "rowHidden", { value: null, configurable: true });
        return loaded;
      }) as typeof block.load;
    }
    return block;
  };

  const mock = new OfficeMockObject({
    context: {
      workbook: {
        worksheets: {
          items: [sheetName, ...(setup.otherSheets ?? [])].map((name) => ({ name })),
          load: loadItems,
          add,
        },
        selection: {
          address: setup.areas.map((a) => `${reference(sheetName)}!${areaAddress(a)}`).join(","),
          areas: {
            items: setup.areas.map((a) => ({ rowIndex: a.row, rowCount: a.rowCount ?? 1 })),
            load: loadItems,
          },
          tables: { items: tableItems, load: loadItems },
          getTables() {
            return mock.context.workbook.selection.tables;
          },
          worksheet: {
            name: sheetName,
            usedRange: {
              rowIndex: origin.row,
              columnIndex: origin.col,
              rowCount: grid.length,
              columnCount: width,
              header: { values: [grid[0] ?? []] },
              getRow(index: number) {
                if (index !== 0)
                  throw new Error(`mock: the reader asked for used-range row ${index}`);
                return mock.context.workbook.selection.worksheet.usedRange.header;
              },
              getIntersectionOrNullObject(address: string) {
                const used = mock.context.workbook.selection.worksheet.usedRange;
                return blockOf(used, address, origin.row, origin.row + grid.length);
              },
            },
            getUsedRangeOrNullObject() {
              return mock.context.workbook.selection.worksheet.usedRange;
            },
            getRangeByIndexes(row: number, col: number, rowCount: number, colCount: number) {
              if (colCount !== 1) throw new Error("mock: only single-column ranges by indexes");
              const address = `${letters(col)}${row + 1}:${letters(col)}${row + rowCount}`;
              const sheet = mock.context.workbook.selection.worksheet;
              const range: OfficeMockObject = addChild(sheet, {
                columnHidden: hiddenColumns.has(col),
                getVisibleView() {
                  columnViews.push(address);
                  const cellAddresses = visibleCells(span(row, rowCount), [col]);
                  return addChild(range, { cellAddresses });
                },
              });
              return range;
            },
          },
        },
        getSelectedRanges() {
          return mock.context.workbook.selection;
        },
        table: {
          name: setup.table?.name ?? "Tabell1",
          header: {
            values: [grid[0] ?? []],
            rowIndex: origin.row,
            columnIndex: origin.col,
            columnCount: width,
          },
          body: {
            getIntersectionOrNullObject(address: string) {
              const body = mock.context.workbook.table.body;
              return blockOf(body, address, origin.row + 1, origin.row + 1 + bodyRows);
            },
          },
          getHeaderRowRange() {
            return mock.context.workbook.table.header;
          },
          getDataBodyRange() {
            return mock.context.workbook.table.body;
          },
        },
      },
    },
  });
  const workbook = mock.context.workbook;
  if (setup.table) tableItems.push(workbook.table);
  workbook.table.load("name"); // what load("items/name") on the collection loads, at the first sync
  for (const name of setup.moreTables ?? []) tableItems.push({ name });
  workbook.selection.worksheet.usedRange.isNullObject = grid.length === 0;
  const sync = jest.spyOn(mock.context, "sync");
  return { mock, sync, add, intersections, visibleViews, columnViews, viewCells: () => viewCells };
}

// ---------------------------------------------------------------------------------------------------
// The Referensräntor sheet: read it, append a row. Other sheets are frozen (any write throws).

export interface ReferenceSetup {
  /** The workbook's other sheets (frozen). */
  otherSheets?: string[];
  /** The Referensräntor sheet: its name (default Referensräntor) and cells from A1; absent = no sheet. */
  reference?: { name?: string; values: readonly (readonly unknown[])[] };
}

/** A range the appender asked for (other than the A:D it reads). */
interface WrittenRange {
  address: string;
  range: OfficeMockObject;
  copyFrom: jest.Mock;
}

export interface ReferenceWorkbook {
  mock: OfficeMockObject;
  sync: jest.SpyInstance;
  add: jest.Mock;
  existing: ExistingSheet[];
  /** Every address passed to the sheet's getRange, in order. */
  requested: string[];
  written: WrittenRange[];
  /** The A:D range's used part, as read (to check nothing was written to it). */
  used: () => OfficeMockObject;
}

/**
 * `Range.valueTypes` of a row as Excel reports it: an empty cell ("" in `values`) is "Empty", so a
 * typed 0 (a number) can be told from it.
 */
function valueTypesOf(row: readonly unknown[]): string[] {
  return row.map((value) =>
    value === "" || value === null || value === undefined
      ? "Empty"
      : typeof value === "number"
        ? "Double"
        : typeof value === "boolean"
          ? "Boolean"
          : "String",
  );
}

export function referenceWorkbook(setup: ReferenceSetup): ReferenceWorkbook {
  const existing = (setup.otherSheets ?? []).map(existingSheet);
  const add = jest.fn();
  const requested: string[] = [];
  const written: WrittenRange[] = [];
  const sheetItems: unknown[] = [];
  const values = setup.reference?.values ?? [];
  const width = 4; // A:D
  const lastUsed = (() => {
    let last = -1;
    values.forEach((row, r) => {
      if (row.slice(0, width).some((v) => v !== "" && v !== null && v !== undefined)) last = r;
    });
    return last;
  })();
  const usedValues = values
    .slice(0, lastUsed + 1)
    .map((row) => Array.from({ length: width }, (_, c) => row[c] ?? ""));

  const mock = new OfficeMockObject({
    context: {
      workbook: {
        referenceSheet: {
          name: setup.reference?.name ?? "Referensräntor",
          columns: {
            used: {
              values: usedValues,
              valueTypes: usedValues.map(valueTypesOf),
              rowIndex: 0,
              columnIndex: 0,
            },
            getUsedRangeOrNullObject() {
              return mock.context.workbook.referenceSheet.columns.used;
            },
          },
          getRange(address: string) {
            requested.push(address);
            const sheet = mock.context.workbook.referenceSheet;
            if (address === "A:D") return sheet.columns;
            const copyFrom = jest.fn();
            const range = addChild(sheet, { copyFrom });
            written.push({ address, range, copyFrom });
            return range;
          },
        },
        worksheets: { items: sheetItems, load: loadItems, add },
      },
    },
  });
  const workbook = mock.context.workbook;
  // The items array is the mock's scalar value: filled in place, in the workbook's tab order.
  sheetItems.push(...existing);
  if (setup.reference) sheetItems.push(workbook.referenceSheet);
  workbook.referenceSheet.load("name"); // what load("items/name") on the collection loads
  workbook.referenceSheet.columns.used.isNullObject = usedValues.length === 0;
  const sync = jest.spyOn(mock.context, "sync");
  return {
    mock,
    sync,
    add,
    existing,
    requested,
    written,
    used: () => workbook.referenceSheet.columns.used,
  };
}
