/**
 * Row heights for wrapped text. Excel grows a row to fit wrapped text when it draws it, but only for
 * cells that are not merged, and LibreOffice does not grow a row for a merged wrapped cell at all; so
 * the plans state the height of every row whose text wraps, estimated here.
 *
 * The estimate leaves room for either default font of a new workbook: Calibri 11 (Excel before
 * 2023) or Aptos Narrow 11 (Microsoft 365 since), which is narrower and whose rows are no taller, so
 * a text measured for Calibri never needs more lines in Aptos Narrow.
 */
import { address, positionOf } from "./grid";
import { PlannedCell } from "./types";

/** Points per line of 11-pt Calibri (Excel's default row height). */
export const LINE_POINTS = 15;

/**
 * Lines a text needs when wrapped in a cell (or merge) `width` characters wide (Excel's width unit:
 * a digit of Calibri 11). Words are laid out greedily. A letter of running text is on average about
 * three quarters of a digit wide; the estimate counts 0.9 of a digit (1 in bold), so it errs toward
 * an extra line rather than a clipped one.
 */
function wrappedLines(text: string, width: number, bold = false): number {
  const perLine = Math.max(1, Math.floor((width - 1) / (bold ? 1 : 0.9)));
  let lines = 1;
  let used = 0;
  for (const word of text.split(/\s+/).filter((w) => w !== "")) {
    const needed = used === 0 ? word.length : used + 1 + word.length;
    if (needed <= perLine) used = needed;
    else {
      lines += used === 0 ? 0 : 1;
      lines += Math.floor((word.length - 1) / perLine);
      used = ((word.length - 1) % perLine) + 1;
    }
  }
  return lines;
}

/** The row height in points for texts wrapped in cells of the given widths: the tallest one. */
export function wrappedHeight(
  texts: ReadonlyArray<{ text: string; width: number; bold?: boolean }>,
): number {
  const lines = Math.max(1, ...texts.map((t) => wrappedLines(t.text, t.width, t.bold)));
  return lines * LINE_POINTS;
}

/** What {@link wrapOverflowingText} works on: a plan's cells, merges and row heights. */
export interface TextFitting {
  cells: PlannedCell[];
  merges: string[];
  rowHeights: Record<number, number>;
  columnWidths: readonly number[];
  /** The last printed column (0-based): text never runs past it. */
  lastCol: number;
}

/**
 * Keeps every text inside the printed columns, so that a note wraps instead of widening the page:
 * a text cell (constant or a formula's text result) too long for its column is merged across the
 * empty cells to its right up to the last printed column, and wrapped, its row made as tall as its
 * lines need, where it is still too long for the merge or a neighbour is taken. Titles and section
 * headings (one line across empty styled cells) and cells already merged or wrapped are left alone.
 */
export function wrapOverflowingText(plan: TextFitting): void {
  const merged = new Set(plan.merges.flatMap(cellsOfRange));
  const occupied = new Set(
    plan.cells
      .filter((c) => c.value !== undefined || c.formula !== undefined)
      .map((c) => `${c.row},${c.col}`),
  );
  for (const cell of plan.cells) {
    const text = textOf(cell);
    if (text === null || cell.wrap || merged.has(`${cell.row},${cell.col}`)) continue;
    if (cell.style === "title" || cell.style === "section" || cell.col > plan.lastCol) continue;
    if (wrappedLines(text, plan.columnWidths[cell.col]) === 1) continue;
    let toCol = cell.col;
    while (toCol < plan.lastCol && !occupied.has(`${cell.row},${toCol + 1}`)) toCol++;
    const width = plan.columnWidths.slice(cell.col, toCol + 1).reduce((sum, w) => sum + w, 0);
    if (toCol > cell.col) {
      plan.merges.push(`${address(cell.row, cell.col)}:${address(cell.row, toCol)}`);
      for (let col = cell.col; col <= toCol; col++) merged.add(`${cell.row},${col}`);
    }
    const bold = cell.style === "total" || cell.style === "tableHeader" || cell.style === "warning";
    const lines = wrappedLines(text, width, bold);
    if (lines === 1) continue;
    cell.wrap = true;
    plan.rowHeights[cell.row] = Math.max(plan.rowHeights[cell.row] ?? 0, lines * LINE_POINTS);
  }
}

/** The text a cell shows, or null for a number, a boolean or an empty cell. */
function textOf(cell: PlannedCell): string | null {
  const shown = cell.formula !== undefined ? cell.result : cell.value;
  return typeof shown === "string" && shown !== "" ? shown : null;
}

/** "row,col" keys of every cell of an A1 range like "B4:H4". */
function cellsOfRange(range: string): string[] {
  const [from, to = from] = range.split(":").map(positionOf);
  const keys: string[] = [];
  for (let row = from.row; row <= to.row; row++)
    for (let col = from.col; col <= to.col; col++) keys.push(`${row},${col}`);
  return keys;
}
