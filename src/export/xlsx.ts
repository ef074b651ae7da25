/**
 * Sheet plans written to .xlsx with ExcelJS: the same calculation sheet the add-in writes into Excel,
 * for the command line and the browser download. No fs/path here, so it bundles for the browser;
 * `writeFile.ts` adds the Node-only atomic file write.
 *
 * What the file carries, per plan (one worksheet each):
 * - constants, and formulas with the engine's result as the cached value, so viewers that never
 *   calculate (previews, mail clients, ExcelJS readers) show the engine's figures; the workbook asks
 *   Excel to recalculate fully on load (`fullCalcOnLoad`), so Excel shows its own;
 * - number formats, semantic styles ({@link CellStyle}) drawn as fonts, fills and borders by the looks
 *   in `src/sheet/styles.ts` (so the file and the add-in's own writer agree), wrapped and
 *   right-aligned cells, column widths (hidden columns hidden), row heights and merges;
 * - conditional formats as expression rules (a failing check drawn red, a passing one neutral);
 * - print settings: A4, orientation, a fixed scale and margins (src/sheet/page.ts), print area, title rows,
 *   header and footer (the plan's `{skapad}` as the ISO date of `created`), manual row page breaks.
 *
 * ExcelJS 4.4 quirks handled here (each surprised someone once):
 * - Dates are written as serial numbers with a date format, never as JS `Date`s: ExcelJS converts a
 *   `Date` through its UTC milliseconds, so a local-midnight `Date` lands on the previous day east of
 *   Greenwich. (Reading back, ExcelJS turns any number with a date format into a UTC `Date`.)
 * - Functions newer than Excel 2007 must be stored with the `_xlfn.` prefix (`_xlfn.DAYS(…)`);
 *   without it LibreOffice shows #NAME? and Excel may too. {@link toFileFormula} adds it.
 * - Print area and title rows and columns: ExcelJS builds the defined names by putting `$` in front
 *   of each half (`$A1:$G140` from "A1:G140", `$$80:$$80` from "$80:$80"), so we hand it "A$1:G$140",
 *   "80:80" and "A:A" to get `$A$1:$G$140`, `$80:$80` and `$A:$A`. It also quotes the sheet name
 *   without doubling an apostrophe inside it, so apostrophes in sheet names become "’"
 *   ({@link uniqueSheetNames}).
 * - Merging copies the top-left cell's style object by reference onto the other cells, and a value
 *   written to a merged (non top-left) cell silently goes to the top-left one; so styles are assigned
 *   as fresh objects after merging, and a planned value inside a merge is rejected.
 * - `Row.addPageBreak()` without arguments writes max="16838" (a typo for 16383); we pass the bounds.
 * - A non-finite number would be written as the text "NaN" (or "Infinity") and corrupt the file; it is
 *   rejected with the cell's address instead.
 * Each has a test in test/excelJsWorkarounds.test.ts that shows the quirk in ExcelJS and its handling.
 */
import ExcelJS from "exceljs";
import { columnLetter, parseAddress } from "../sheet/grid";
import { headerFooterText } from "../sheet/headerFooter";
import { PAGE_MARGINS } from "../sheet/page";
import { fileSheetName, uniqueSheetName, validSheetName } from "../sheet/sheetNames";
import { CellLook, STYLE_LOOKS } from "../sheet/styles";
import type {
  CellStyle,
  ConditionalFormat,
  PlannedCell,
  PrintSettings,
  SheetPlan,
} from "../sheet/types";

/** Written as the workbook's creator and last-modified-by. */
export const WORKBOOK_CREATOR = "Återtagande";

export interface WorkbookOptions {
  /**
   * Creation (and modification) time stored in the file's properties; default now. Pass a fixed
   * date for reproducible files.
   */
  created?: Date;
}

/** A plan the writer cannot draw faithfully (a bug in the plan, not in the user's input). */
export class SheetPlanError extends Error {
  constructor(sheet: string, where: string, problem: string) {
    super(`sheet "${sheet}", ${where}: ${problem}`);
    this.name = "SheetPlanError";
  }
}

/**
 * Builds a workbook with one worksheet per plan, in order. Sheet names are made Excel-valid and unique
 * ({@link uniqueSheetNames}); the plans are not changed.
 */
export function buildWorkbook(plans: SheetPlan[], options: WorkbookOptions = {}): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  const created = options.created ?? new Date();
  workbook.creator = WORKBOOK_CREATOR;
  workbook.lastModifiedBy = WORKBOOK_CREATOR;
  workbook.created = created;
  workbook.modified = created;
  workbook.calcProperties.fullCalcOnLoad = true;
  const names = uniqueSheetNames(plans.map((plan) => plan.name));
  plans.forEach((plan, i) => writeSheet(workbook.addWorksheet(names[i]), plan, created));
  return workbook;
}

/** The workbook of {@link buildWorkbook} as .xlsx bytes (works in Node and in the browser). */
export async function toXlsxBuffer(
  plans: SheetPlan[],
  options: WorkbookOptions = {},
): Promise<Uint8Array> {
  // ExcelJS's typings declare their own `Buffer extends ArrayBuffer`; at run time it is a Node
  // Buffer (or the browser bundle's Buffer polyfill), a Uint8Array subclass. Hand out a plain view
  // over the same bytes so callers see one type everywhere (Blob, fs.writeFile, tests).
  const buffer = (await buildWorkbook(plans, options).xlsx.writeBuffer()) as unknown as
    Uint8Array | ArrayBuffer;
  return buffer instanceof Uint8Array
    ? new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength)
    : new Uint8Array(buffer);
}

// ---------------------------------------------------------------------------------------------------
// Sheet names

/**
 * The sheet names the plans get, in order: valid and unique by the rules every writer shares
 * (`src/sheet/sheetNames.ts`: the second "Övning 1" becomes "Övning 1 (2)", compared without regard
 * to case). One addition for files: an apostrophe inside a name becomes "’" ({@link fileSheetName}).
 */
export function uniqueSheetNames(wanted: string[]): string[] {
  const names: string[] = [];
  for (const w of wanted) names.push(uniqueSheetName(fileSheetName(validSheetName(w)), names));
  return names;
}

// ---------------------------------------------------------------------------------------------------
// Formulas

/**
 * Excel functions introduced after Excel 2007: the file format stores them as `_xlfn.NAME`.
 * Dynamic-array functions (FILTER, SORT, UNIQUE, SEQUENCE, LET) need more than a prefix and are
 * deliberately absent.
 */
const FUTURE_FUNCTIONS = new Set([
  "AGGREGATE",
  "CEILING.MATH",
  "CONCAT",
  "DAYS",
  "FLOOR.MATH",
  "FORMULATEXT",
  "IFNA",
  "IFS",
  "ISOWEEKNUM",
  "MAXIFS",
  "MINIFS",
  "NUMBERVALUE",
  "PERCENTILE.INC",
  "RANK.EQ",
  "STDEV.P",
  "STDEV.S",
  "SWITCH",
  "TEXTJOIN",
  "XLOOKUP",
  "XMATCH",
  "XOR",
]);

/**
 * A plan formula as stored in the file: no leading "=", and functions newer than Excel 2007 prefixed
 * with `_xlfn.` (text in double quotes and sheet names in single quotes are left alone).
 */
export function toFileFormula(formula: string): string {
  const text = formula.startsWith("=") ? formula.slice(1) : formula;
  let out = "";
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '"' || ch === "'") {
      // A quoted run; a doubled quote inside is an escaped quote.
      let j = i + 1;
      while (j < text.length) {
        if (text[j] === ch) {
          if (text[j + 1] === ch) j += 2;
          else break;
        } else j++;
      }
      out += text.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    const word = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(text.slice(i));
    if (word) {
      const name = word[0];
      const isCall = text[i + name.length] === "(";
      out += isCall && FUTURE_FUNCTIONS.has(name.toUpperCase()) ? `_xlfn.${name}` : name;
      i += name.length;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Styles

/**
 * The workbook's default font, named in full on every cell: a font element without size or name
 * renders oddly in some readers.
 */
const FONT = { name: "Calibri", size: 11, family: 2 } as const;

/** "#FFF2CC" → "FFFFF2CC" (ExcelJS wants opaque ARGB). */
function argb(hex: string): string {
  return `FF${hex.replace(/^#/, "").toUpperCase()}`;
}

/**
 * A semantic style drawn as ExcelJS would have it, from the looks every writer shares
 * (`src/sheet/styles.ts`); borders are thin in the automatic colour, as the Office.js writer draws them.
 * A fresh object on every call: ExcelJS shares style objects between merged cells, and a shared object
 * mutated later would restyle cells it was never meant for.
 */
export function excelStyle(
  style: CellStyle | undefined,
  numberFormat: string | undefined,
  layout: Pick<PlannedCell, "wrap" | "align"> = {},
): Partial<ExcelJS.Style> {
  const look: CellLook = style === undefined ? {} : STYLE_LOOKS[style];
  const font: Partial<ExcelJS.Font> = { ...FONT };
  if (look.bold) font.bold = true;
  if (look.italic) font.italic = true;
  if (look.fontSize !== undefined) font.size = look.fontSize;
  if (look.fontColor) font.color = { argb: argb(look.fontColor) };
  const s: Partial<ExcelJS.Style> = { font };
  if (look.fill) s.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(look.fill) } };
  if (look.borderTop || look.borderBottom) {
    s.border = {};
    if (look.borderTop) s.border.top = { style: "thin" };
    if (look.borderBottom) s.border.bottom = { style: "thin" };
  }
  if (numberFormat !== undefined) s.numFmt = numberFormat;
  if (layout.wrap || layout.align) {
    s.alignment = {};
    if (layout.wrap) s.alignment.wrapText = true;
    if (layout.align) s.alignment.horizontal = layout.align;
  }
  return s;
}

/**
 * A plan's conditional format as ExcelJS stores it: an expression rule whose font (and fill) are
 * drawn from the style's look; the priority orders the rules of the sheet.
 */
function conditionalFormatting(
  format: ConditionalFormat,
  priority: number,
): ExcelJS.ConditionalFormattingOptions {
  const look = STYLE_LOOKS[format.style];
  const style: Partial<ExcelJS.Style> = { font: {} };
  if (look.bold) style.font!.bold = true;
  if (look.italic) style.font!.italic = true;
  if (look.fontColor) style.font!.color = { argb: argb(look.fontColor) };
  if (look.fill)
    style.fill = { type: "pattern", pattern: "solid", bgColor: { argb: argb(look.fill) } };
  return {
    ref: format.range,
    rules: [{ type: "expression", priority, formulae: [toFileFormula(format.formula)], style }],
  };
}

// ---------------------------------------------------------------------------------------------------
// Worksheet

/** 1-based row and column of an A1 reference ("$C$48" too). */
function decodeA1(ref: string): { row: number; col: number } | null {
  const position = parseAddress(ref);
  return position && { row: position.row + 1, col: position.col + 1 };
}

export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** The rectangle of an A1 range ("A2:M2"), 1-based; null when it is not one. */
export function decodeRange(range: string): Rect | null {
  const parts = range.split(":");
  if (parts.length !== 2) return null;
  const a = decodeA1(parts[0]);
  const b = decodeA1(parts[1]);
  if (!a || !b) return null;
  return {
    top: Math.min(a.row, b.row),
    left: Math.min(a.col, b.col),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.col, b.col),
  };
}

/** Column letters of a 1-based column number (ExcelJS counts from 1; the plan from 0). */
function columnLetters(col: number): string {
  return columnLetter(col - 1);
}

function checkScalar(plan: Pick<SheetPlan, "name">, where: string, what: string, v: unknown): void {
  if (typeof v === "number" && !Number.isFinite(v)) {
    throw new SheetPlanError(plan.name, where, `${what} is ${v}, which a workbook cannot hold`);
  }
}

function writeSheet(ws: ExcelJS.Worksheet, plan: SheetPlan, created: Date): void {
  const merges = plan.merges.map((range) => {
    const rect = decodeRange(range);
    if (!rect) throw new SheetPlanError(plan.name, `merge ${range}`, "not an A1 range");
    return rect;
  });
  const insideMerge = (row: number, col: number) =>
    merges.some(
      (m) =>
        row >= m.top &&
        row <= m.bottom &&
        col >= m.left &&
        col <= m.right &&
        !(row === m.top && col === m.left),
    );

  // Merge first (ExcelJS copies the top-left style object, by reference, to the other cells), then give
  // every cell a fresh style object of its own.
  plan.merges.forEach((range) => {
    try {
      ws.mergeCells(range);
    } catch (err) {
      throw new SheetPlanError(plan.name, `merge ${range}`, (err as Error).message);
    }
  });

  const byAddress = new Map<string, PlannedCell>();
  for (const planned of plan.cells) {
    const address = plannedAddress(plan, planned);
    if (byAddress.has(address)) throw new SheetPlanError(plan.name, address, "planned twice");
    byAddress.set(address, planned);
    const hasValue = planned.value !== undefined && planned.value !== null;
    const hasFormula = planned.formula !== undefined && planned.formula !== null;
    if (hasValue && hasFormula)
      throw new SheetPlanError(plan.name, address, "has both a value and a formula");
    if ((hasValue || hasFormula) && insideMerge(planned.row + 1, planned.col + 1)) {
      throw new SheetPlanError(
        plan.name,
        address,
        "holds content inside a merged range (only its top-left cell may)",
      );
    }
    fillCell(ws.getCell(planned.row + 1, planned.col + 1), planned, plan.name, address);
  }
  // The other cells of a merge look like its top-left cell unless planned otherwise, so a section
  // heading's bottom border runs the whole width of the merge.
  for (const m of merges) {
    const master = byAddress.get(`${columnLetters(m.left)}${m.top}`);
    for (let row = m.top; row <= m.bottom; row++) {
      for (let col = m.left; col <= m.right; col++) {
        if (byAddress.has(`${columnLetters(col)}${row}`)) continue;
        ws.getCell(row, col).style = excelStyle(master?.style, master?.numberFormat, master);
      }
    }
  }

  plan.columnWidths.forEach((width, i) => {
    if (!(Number.isFinite(width) && width >= 0)) {
      throw new SheetPlanError(
        plan.name,
        `column ${columnLetters(i + 1)}`,
        `width ${width} is not a width`,
      );
    }
    ws.getColumn(i + 1).width = width;
  });
  for (const col of plan.hiddenColumns ?? []) ws.getColumn(col + 1).hidden = true;
  for (const [row, height] of Object.entries(plan.rowHeights ?? {}))
    ws.getRow(Number(row) + 1).height = height;
  (plan.conditionalFormats ?? []).forEach((format, i) =>
    ws.addConditionalFormatting(conditionalFormatting(format, i + 1)),
  );

  applyPrint(ws, plan, created);
}

/**
 * Writes one planned cell's content (a constant, or a formula with its cached result) and its look
 * into an ExcelJS cell; a number a workbook cannot hold is refused with the cell's address.
 * `text` turns a constant string into the cell value (the streaming writer stores inline strings).
 */
export function fillCell(
  cell: ExcelJS.Cell,
  planned: PlannedCell,
  sheet: string,
  address: string,
  text: (value: string) => ExcelJS.CellValue = (value) => value,
): void {
  const where = { name: sheet };
  if (planned.formula !== undefined && planned.formula !== null) {
    const result = planned.result;
    checkScalar(where, address, "the cached result", result);
    cell.value =
      result === undefined || result === null
        ? { formula: toFileFormula(planned.formula) }
        : { formula: toFileFormula(planned.formula), result };
  } else if (planned.value !== undefined && planned.value !== null) {
    checkScalar(where, address, "the value", planned.value);
    // A link to another sheet of the workbook: Excel's internal-location form "#'Sheet'!A1".
    cell.value =
      planned.link !== undefined
        ? { text: String(planned.value), hyperlink: `#'${planned.link.replace(/'/g, "''")}'!A1` }
        : typeof planned.value === "string"
          ? text(planned.value)
          : planned.value;
  }
  cell.style = excelStyle(planned.style, planned.numberFormat, planned);
}

/** The A1 address of a planned cell; its row and column must be whole numbers from 0. */
export function plannedAddress(plan: Pick<SheetPlan, "name">, cell: PlannedCell): string {
  const ok = (n: number) => Number.isInteger(n) && n >= 0;
  if (!ok(cell.row) || !ok(cell.col)) {
    throw new SheetPlanError(
      plan.name,
      `row ${cell.row} col ${cell.col}`,
      "rows and columns are whole numbers from 0",
    );
  }
  return `${columnLetters(cell.col + 1)}${cell.row + 1}`;
}

const PAPER_SIZE: Record<PrintSettings["paperSize"], number> = { A4: 9 };

/**
 * The plan's print settings on a worksheet (page setup, print area, title rows, header, footer,
 * breaks); the header's `{skapad}` becomes the ISO date of `created`.
 */
export function applyPrint(
  ws: ExcelJS.Worksheet,
  plan: Omit<SheetPlan, "cells">,
  created: Date = new Date(),
): void {
  const print = plan.print;
  const area = decodeRange(print.area.replace(/^.*!/, ""));
  if (!area)
    throw new SheetPlanError(plan.name, "print area", `"${print.area}" is not an A1 range`);
  Object.assign(ws.pageSetup, {
    paperSize: PAPER_SIZE[print.paperSize] as ExcelJS.PageSetup["paperSize"],
    orientation: print.orientation,
    // A fixed scale, not "fit to pages" (why: src/sheet/page.ts); the same margins on every sheet.
    fitToPage: false,
    scale: print.scale,
    margins: { ...PAGE_MARGINS },
    // ExcelJS prefixes each half with "$": "A$1" becomes "$A$1" (see the file comment).
    printArea: `${columnLetters(area.left)}$${area.top}:${columnLetters(area.right)}$${area.bottom}`,
  });
  if (print.titleRows) {
    const m = /^\$?(\d+)(?::\$?(\d+))?$/.exec(print.titleRows.trim());
    if (!m)
      throw new SheetPlanError(
        plan.name,
        "title rows",
        `"${print.titleRows}" is not a row range like $5:$6`,
      );
    ws.pageSetup.printTitlesRow = `${m[1]}:${m[2] ?? m[1]}`;
  }
  if (print.titleColumns) {
    const m = /^\$?([A-Z]+)(?::\$?([A-Z]+))?$/.exec(print.titleColumns.trim());
    if (!m)
      throw new SheetPlanError(
        plan.name,
        "title columns",
        `"${print.titleColumns}" is not a column range like $A:$A`,
      );
    ws.pageSetup.printTitlesColumn = `${m[1]}:${m[2] ?? m[1]}`;
  }
  if (print.pageOrder) ws.pageSetup.pageOrder = print.pageOrder;
  ws.headerFooter.oddHeader = headerFooterText(print.header, created);
  ws.headerFooter.oddFooter = headerFooterText(print.footer, created);
  for (const before of [...new Set(print.pageBreaksBefore)].sort((a, b) => a - b)) {
    if (!Number.isInteger(before) || before < 2) {
      throw new SheetPlanError(
        plan.name,
        "page breaks",
        `a break before row ${before} is not possible`,
      );
    }
    // A row break sits below its row: "before row 52" is a break on row 51. Columns 1…16384.
    ws.getRow(before - 1).addPageBreak(1, 16384);
  }
}
