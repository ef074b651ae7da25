/**
 * A sheet plan turned into the few bulk commands the Excel writer queues: one 2-D array of formulas
 * and constants, one of number formats, one command per visual attribute (over many cells at once),
 * column widths in points and the header/footer sections. Plain data, no Office: tested directly.
 */
import { columnLetter } from "../sheet/grid";
import { CellConstant } from "../sheet/headers";
import { STYLE_LOOKS } from "../sheet/styles";
import { PlannedCell, SheetPlan } from "../sheet/types";

/**
 * A text constant as Excel must receive it to keep it text. Office.js reads a written string as if it
 * were typed: "=…", "+…", "-…", "@…" become formulas, "#N/A" an error, "2012-12-15" or "1/2" a date,
 * "5 %" a number, "TRUE" a boolean. A leading apostrophe is Excel's own "this is text" mark (it is not
 * displayed, and `values` reads the text back without it), so such strings get one. Which strings Excel
 * converts depends on its locale; the test is wide on purpose: any digit, a leading sign or mark, a
 * boolean word.
 */
export function cellInput(value: CellConstant): CellConstant {
  if (typeof value !== "string" || value === "") return value;
  const convertible =
    /^[=+\-@'#\s]/.test(value) || /\d/.test(value) || /^(true|false|sant|falskt)$/i.test(value);
  return convertible ? `'${value}` : value;
}

/** A1 address of the rectangle from (row, col) spanning rowCount × colCount cells (0-based). */
export function rectangleAddress(row: number, col: number, rowCount = 1, colCount = 1): string {
  const first = `${columnLetter(col)}${row + 1}`;
  if (rowCount === 1 && colCount === 1) return first;
  return `${first}:${columnLetter(col + colCount - 1)}${row + rowCount}`;
}

function emptyGrid<T>(plan: SheetPlan, fill: T): T[][] {
  return Array.from({ length: plan.rowCount }, () => Array<T>(plan.colCount).fill(fill));
}

function checkInside(plan: SheetPlan, row: number, col: number): void {
  if (row < 0 || col < 0 || row >= plan.rowCount || col >= plan.colCount) {
    const rectangle = rectangleAddress(0, 0, plan.rowCount, plan.colCount);
    throw new Error(`sheet plan: cell ${rectangleAddress(row, col)} lies outside ${rectangle}`);
  }
}

/**
 * The `formulas` array for A1 … (colCount, rowCount): "=" + formula for a formula cell, the constant
 * for a value cell (text through {@link cellInput}), "" for an empty cell.
 */
export function formulasGrid(plan: SheetPlan): CellConstant[][] {
  const grid = emptyGrid<CellConstant>(plan, "");
  for (const cell of plan.cells) {
    checkInside(plan, cell.row, cell.col);
    if (cell.formula !== undefined) grid[cell.row][cell.col] = `=${cell.formula}`;
    else if (cell.value !== undefined) grid[cell.row][cell.col] = cellInput(cell.value);
  }
  return grid;
}

/** The `numberFormat` array for the same rectangle; "General" where the plan gives none. */
export function numberFormatGrid(plan: SheetPlan): string[][] {
  const grid = emptyGrid(plan, "General");
  for (const cell of plan.cells) {
    checkInside(plan, cell.row, cell.col);
    if (cell.numberFormat !== undefined) grid[cell.row][cell.col] = cell.numberFormat;
  }
  return grid;
}

/** One visual attribute to apply to many cells. */
export type FormatCommand =
  | { kind: "fill"; color: string }
  | { kind: "bold" }
  | { kind: "italic" }
  | { kind: "fontSize"; size: number }
  | { kind: "fontColor"; color: string }
  | { kind: "borderTop" }
  | { kind: "borderBottom" }
  | { kind: "wrap" }
  | { kind: "alignRight" }
  | { kind: "alignLeft" };

export interface FormatGroup {
  command: FormatCommand;
  /** Comma-separated A1 address lists for `getRanges`, each at most {@link MAX_AREAS_ADDRESS} long. */
  addresses: string[];
}

/**
 * Longest address list passed to one `getRanges` call. Excel refuses some lists around 8 000
 * characters ("The argument is invalid or missing", OfficeDev/office-js#5198, no documented limit), so
 * lists are cut well below that.
 */
export const MAX_AREAS_ADDRESS = 2000;

const COMMAND_ORDER: FormatCommand["kind"][] = [
  "fill",
  "bold",
  "italic",
  "fontSize",
  "fontColor",
  "borderTop",
  "borderBottom",
  "wrap",
  "alignRight",
  "alignLeft",
];

/** The commands that draw a cell: its style's look, then its own wrapping and alignment. */
function commandsOf(cell: PlannedCell): FormatCommand[] {
  const commands = cell.style === undefined ? [] : styleCommands(cell.style);
  if (cell.wrap) commands.push({ kind: "wrap" });
  if (cell.align === "right") commands.push({ kind: "alignRight" });
  if (cell.align === "left") commands.push({ kind: "alignLeft" });
  return commands;
}

function styleCommands(style: keyof typeof STYLE_LOOKS): FormatCommand[] {
  const look = STYLE_LOOKS[style];
  const commands: FormatCommand[] = [];
  if (look.fill) commands.push({ kind: "fill", color: look.fill });
  if (look.bold) commands.push({ kind: "bold" });
  if (look.italic) commands.push({ kind: "italic" });
  if (look.fontSize) commands.push({ kind: "fontSize", size: look.fontSize });
  if (look.fontColor) commands.push({ kind: "fontColor", color: look.fontColor });
  if (look.borderTop) commands.push({ kind: "borderTop" });
  if (look.borderBottom) commands.push({ kind: "borderBottom" });
  return commands;
}

/**
 * The plan's styles grouped by visual attribute: every cell that is bold, whatever its semantic
 * style, is one group, and so on. Cells are joined into rectangles (runs along a row, then equal runs
 * in consecutive rows) so a 360-row schedule is a handful of areas. Border groups keep one row per
 * area: an area's top or bottom edge is drawn once, so a taller area would lose the inner lines.
 */
export function formatGroups(plan: SheetPlan): FormatGroup[] {
  const cellsByCommand = new Map<string, { command: FormatCommand; cells: Set<string> }>();
  for (const cell of plan.cells) {
    checkInside(plan, cell.row, cell.col);
    for (const command of commandsOf(cell)) {
      const key = JSON.stringify(command);
      const entry = cellsByCommand.get(key) ?? { command, cells: new Set<string>() };
      entry.cells.add(`${cell.row},${cell.col}`);
      cellsByCommand.set(key, entry);
    }
  }
  return [...cellsByCommand.values()]
    .sort((a, b) => COMMAND_ORDER.indexOf(a.command.kind) - COMMAND_ORDER.indexOf(b.command.kind))
    .map(({ command, cells }) => {
      const vertical = command.kind !== "borderTop" && command.kind !== "borderBottom";
      return { command, addresses: chunkAddresses(rectangles(cells, vertical)) };
    });
}

interface Rectangle {
  row: number;
  col: number;
  rowCount: number;
  colCount: number;
}

/** Cells ("row,col" keys) as rectangles: horizontal runs, stacked when `vertical` and equal. */
function rectangles(cells: Set<string>, vertical: boolean): Rectangle[] {
  const points = [...cells]
    .map((key) => key.split(",").map(Number))
    .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const runs: Rectangle[] = [];
  for (const [row, col] of points) {
    const last = runs[runs.length - 1];
    if (last && last.row === row && last.col + last.colCount === col) last.colCount++;
    else runs.push({ row, col, rowCount: 1, colCount: 1 });
  }
  if (!vertical) return runs;
  const open = new Map<string, Rectangle>(); // by "col,colCount": the rectangle ending on the row above
  const result: Rectangle[] = [];
  for (const run of runs) {
    const span = `${run.col},${run.colCount}`;
    const above = open.get(span);
    if (above && above.row + above.rowCount === run.row) {
      above.rowCount++;
    } else {
      result.push(run);
      open.set(span, run);
    }
  }
  return result.sort((a, b) => a.row - b.row || a.col - b.col);
}

function chunkAddresses(areas: Rectangle[]): string[] {
  const chunks: string[] = [];
  let current = "";
  for (const area of areas) {
    const address = rectangleAddress(area.row, area.col, area.rowCount, area.colCount);
    if (current !== "" && current.length + 1 + address.length > MAX_AREAS_ADDRESS) {
      chunks.push(current);
      current = "";
    }
    current = current === "" ? address : `${current},${address}`;
  }
  if (current !== "") chunks.push(current);
  return chunks;
}

/**
 * A column width in characters (Excel's width unit: digits of the default font, Calibri 11, whose
 * digit is 7 px wide) as points, which Office.js `format.columnWidth` takes: Excel draws a column of
 * w characters w × 7 px plus 5 px of padding wide, and 1 px is 0.75 pt at 96 dpi. The default width
 * 8.43 gives 64 px = 48 pt, as Excel shows it.
 */
export function columnWidthPoints(characters: number): number {
  return Math.round(characters * 7 + 5) * 0.75;
}

export interface HeaderFooterSections {
  left: string;
  center: string;
  right: string;
}

/**
 * Splits a header or footer in Excel's codes (`&L…&C…&R…`) into the three sections Office.js sets one
 * by one; text before any section code is the centre, as in Excel. `&&` (a literal ampersand) and the
 * other codes (&P page, &N pages, &D date) stay in their section.
 */
export function headerFooterSections(text: string): HeaderFooterSections {
  const sections: HeaderFooterSections = { left: "", center: "", right: "" };
  let current: keyof HeaderFooterSections = "center";
  for (let i = 0; i < text.length; i++) {
    const pair = text.slice(i, i + 2);
    if (pair === "&L" || pair === "&C" || pair === "&R") {
      current = pair === "&L" ? "left" : pair === "&C" ? "center" : "right";
      i++;
    } else if (text[i] === "&" && i + 1 < text.length) {
      sections[current] += pair; // a code such as &P or && goes through whole
      i++;
    } else {
      sections[current] += text[i];
    }
  }
  return sections;
}

/**
 * The row ranges ("12:12", "40:41") Excel may fit to their text after writing: rows that hold
 * wrapped text and no merged cell (Excel's AutoFit ignores merged cells, so a row with a wrapped
 * merge keeps the plan's height). Neighbouring rows go in one range.
 */
export function autofitRowRanges(plan: SheetPlan): string[] {
  const mergedRows = new Set<number>();
  for (const range of plan.merges) {
    const [from, to = from] = range.split(":").map((ref) => Number(/\d+$/.exec(ref)![0]) - 1);
    for (let row = from; row <= to; row++) mergedRows.add(row);
  }
  const rows = [
    ...new Set(plan.cells.filter((c) => c.wrap && !mergedRows.has(c.row)).map((c) => c.row)),
  ].sort((a, b) => a - b);
  const ranges: string[] = [];
  rows.forEach((row, i) => {
    if (i > 0 && rows[i - 1] === row - 1) {
      const first = ranges.pop()!.split(":")[0];
      ranges.push(`${first}:${row + 1}`);
    } else ranges.push(`${row + 1}:${row + 1}`);
  });
  return ranges;
}
