/**
 * A small builder for sheet plans: cells are placed row by row, figures are registered under names,
 * and formulas refer to those names as `{name}` tokens, replaced by absolute A1 addresses once the
 * whole layout is known (a formula may point below itself, e.g. at the payment schedule).
 */
import { CellStyle, PlannedCell } from "./types";

/** Column letters of a 0-based column index (0 → A, 26 → AA). */
export function columnLetter(col: number): string {
  let letters = "";
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** A1 address of a 0-based cell, absolute (`$B$12`) or relative (`B12`). */
export function address(row: number, col: number, absolute = false): string {
  return absolute ? `$${columnLetter(col)}$${row + 1}` : `${columnLetter(col)}${row + 1}`;
}

/** A 0-based cell position. */
export interface CellPosition {
  row: number;
  col: number;
}

/**
 * The 0-based position of an A1 reference (`B12`, `$C$48`, `aa3`), or null when `ref` is not one.
 * The one A1 parser of the sheet layer: the exporter and the tests read addresses with it.
 */
export function parseAddress(ref: string): CellPosition | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(ref.trim());
  if (!m || Number(m[2]) < 1) return null;
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

/** The position of an A1 reference that must be one (a name of a plan); throws otherwise. */
export function positionOf(ref: string): CellPosition {
  const position = parseAddress(ref);
  if (position === null) throw new Error(`sheet plan: ${ref} is not an A1 address`);
  return position;
}

export type CellContent = Omit<PlannedCell, "row" | "col">;

export class Grid {
  readonly cells: PlannedCell[] = [];
  /** Next free row. */
  row = 0;
  private readonly refs = new Map<string, string>();
  private readonly names = new Map<string, string>();

  /** Places a cell at (row, col) of the current row unless a row is given. */
  put(col: number, content: CellContent, row = this.row): PlannedCell {
    const cell: PlannedCell = { row, col, ...content };
    this.cells.push(cell);
    return cell;
  }

  /** Registers a cell under a name: `{name}` in formulas, and in the plan's public names if `exported`. */
  name(name: string, row: number, col: number, exported = false): void {
    if (this.refs.has(name)) throw new Error(`sheet plan: name ${name} registered twice`);
    this.refs.set(name, address(row, col, true));
    if (exported) this.names.set(name, address(row, col));
  }

  /** Registers a rectangular range under a name. */
  rangeName(name: string, fromRow: number, fromCol: number, toRow: number, toCol: number): void {
    this.refs.set(name, `${address(fromRow, fromCol, true)}:${address(toRow, toCol, true)}`);
  }

  /** Moves to the next row (or skips `count` rows). */
  next(count = 1): number {
    this.row += count;
    return this.row;
  }

  /** Styles an existing cell or adds an empty styled one. */
  style(row: number, col: number, style: CellStyle): void {
    const existing = this.cells.find((cell) => cell.row === row && cell.col === col);
    if (existing) existing.style = style;
    else this.put(col, { style }, row);
  }

  /** Replaces `{name}` tokens in every formula; an unknown name is a bug in the planner. */
  resolve(): { cells: PlannedCell[]; names: Record<string, string> } {
    for (const cell of this.cells) {
      if (cell.formula === undefined) continue;
      cell.formula = cell.formula.replace(/\{([\w.]+)\}/g, (_, name: string) => {
        const ref = this.refs.get(name);
        if (ref === undefined)
          throw new Error(`sheet plan: formula refers to unknown name ${name}`);
        return ref;
      });
    }
    this.cells.sort((a, b) => a.row - b.row || a.col - b.col);
    return { cells: this.cells, names: Object.fromEntries(this.names) };
  }
}

/** A sheet's name quoted for a formula: `'Övning 1'`, an apostrophe inside doubled. */
export function quotedSheetName(sheet: string): string {
  return `'${sheet.replace(/'/g, "''")}'`;
}

/** An absolute reference to another sheet's cell: `'Övning 1'!$B$58` for `B58`. */
export function crossSheetReference(sheet: string, a1: string): string {
  const { row, col } = positionOf(a1);
  return `${quotedSheetName(sheet)}!${address(row, col, true)}`;
}
