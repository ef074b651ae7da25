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
 * - Worksheet.pageLayout (setPrintArea, setPrintTitleRows, headersFooters), horizontalPageBreaks,
 *   getRanges, freezePanes and tables.add are not in the mock: they are declared here as jest.fn()s.
 * Property writes on a proxy simply set the property, which the tests then read.
 */
import { OfficeMockObject } from "office-addin-mock";

// office-addin-mock needs only the OfficeApp host names from office-addin-manifest, whose import chain
// reaches an ES module (strip-bom via @microsoft/app-manifest) that jest cannot require on Node 20.
// Stand in with the enum itself (values as in office-addin-manifest 3). Hoisted above the imports.
jest.mock("office-addin-manifest", () => ({
  OfficeApp: { Excel: "excel", OneNote: "onenote", Outlook: "outlook", PowerPoint: "powerpoint", Project: "project", Word: "word" },
}));

type Data = Record<string, unknown>;

/** What the mock returns for a property read before `load` + `sync`. */
const NOT_LOADED = "Error, property was not loaded";

/** Makes `Excel.run` hand the mock's context to the batch; returns the `run` spy. */
export function installExcel(mock: OfficeMockObject): jest.Mock {
  const run = jest.fn(async (batch: (context: unknown) => Promise<unknown>) => batch(mock.context));
  (globalThis as Record<string, unknown>).Excel = { run };
  return run;
}

/** Removes the globals the tests installed. */
export function uninstallGlobals(): void {
  delete (globalThis as Record<string, unknown>).Excel;
  delete (globalThis as Record<string, unknown>).Office;
}

/** A host that answers `isSetSupported("ExcelApi", v)` up to `maxMinor` (1.`maxMinor`). */
export function installOffice(maxMinor: number): void {
  (globalThis as Record<string, unknown>).Office = {
    context: {
      requirements: {
        isSetSupported: (name: string, version: string) => name === "ExcelApi" && Number(version.split(".")[1]) <= maxMinor,
      },
    },
  };
}

/** A collection's `load`: Office.js loads `items/name`; the mock can only load `items`. */
function loadItems(this: OfficeMockObject, properties: string | string[]) {
  const list = (Array.isArray(properties) ? properties : properties.split(",")).map((p) => p.trim().split("/")[0]);
  return OfficeMockObject.prototype.load.call(this, [...new Set(list)]);
}

// ---------------------------------------------------------------------------------------------------
// Writer: existing sheets (frozen, every method a spy) and the sheets the writer adds (recorded).

/** An existing sheet: frozen, so any property write throws; any method call is recorded. */
export interface ExistingSheet {
  readonly name: string;
  readonly calls: jest.Mock[];
}

function existingSheet(name: string): ExistingSheet & Data {
  const methods = ["getRange", "getRanges", "getUsedRange", "activate", "delete", "copy", "getCell", "getRangeByIndexes"];
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
  for (const child of ["pageLayout", "tables", "format", "freezePanes", "horizontalPageBreaks"]) sheet[child] = Object.freeze({});
  return Object.freeze(sheet) as ExistingSheet & Data;
}

/** A range the writer asked for, with the mock proxy it got. */
export interface RecordedRange {
  address: string;
  /** true for `getRanges` (several areas), false for `getRange`. */
  areas: boolean;
  range: OfficeMockObject;
  borders: { edge: string; item: OfficeMockObject }[];
}

/** A sheet the writer added, with everything done to it. */
export interface AddedSheet {
  name: string;
  sheet: OfficeMockObject;
  ranges: RecordedRange[];
}

function rangeMock(address: string, areas: boolean): RecordedRange {
  const borders: RecordedRange["borders"] = [];
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
    },
    merge: jest.fn(),
  });
  return { address, areas, range, borders };
}

function addedSheet(name: string): AddedSheet {
  const ranges: RecordedRange[] = [];
  const sheet = new OfficeMockObject({
    getRange(address: string) {
      const recorded = rangeMock(address, false);
      ranges.push(recorded);
      return recorded.range;
    },
    getRanges(address: string) {
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
}

/** A workbook with sheets of these names; `add` records the sheets the writer adds. */
export function writerWorkbook(existingNames: string[]): WriterWorkbook {
  const existing = existingNames.map(existingSheet);
  const added: AddedSheet[] = [];
  const add = jest.fn((name: string) => {
    const sheet = addedSheet(name);
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
  const sync = jest.spyOn(mock.context, "sync");
  return { mock, existing, added, add, sync };
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
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) text = String.fromCharCode(65 + ((n - 1) % 26)) + text;
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
        worksheets: { add },
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
          header: { values: [grid[0] ?? []], rowIndex: origin.row, columnIndex: origin.col, columnCount: width },
          body: { rowIndex: origin.row + 1, rowCount: grid.length - 1 - (setup.table?.totals ? 1 : 0) },
          whole: {
            getIntersection() {
              const row = mock.context.workbook.activeCell.worksheet.usedRange.rows[`row${activeGridRow}`];
              if (row === undefined) throw new Error("mock: the active row does not cross the table");
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
      const set = ["formulas", "numberFormat", "valueTypes"].filter((key) => key in row).map((key) => `row${i}.${key}`);
      return [...changed, ...set];
    });
  return { mock, add, sync, written };
}
