/**
 * The calculation sheet's layout helper: the column grid of the sheet (label in A, one column per
 * date from B, notes to the right) and the few row shapes every section is made of — a section
 * heading, a labelled input, a labelled formula, a row with one formula per date. Each section
 * planner (src/sheet/sections) places its rows through one `SheetLayout`; names registered here are
 * the `{name}` tokens of the formulas and the plan's public names.
 */
import { Calculation, DATE_LABELS, Statement, StatementLabel } from "../engine";
import { FORMATS } from "./formats";
import { CellContent, Grid, address } from "./grid";
import { CellStyle, ConditionalFormat } from "./types";
import { LINE_POINTS, wrappedHeight } from "./wrap";

/**
 * Column widths of the calculation sheet, A … H: the printed columns, 123 characters together. The
 * schedule's and the late-interest tables' eight columns of amounts to the öre need them; on A4
 * portrait they would print at 75 % (8,3-pt text), so the sheet prints landscape at 89 %
 * (src/sheet/page.ts): 11-pt text at 9,8 pt. A label longer than column A, and a note longer than
 * the empty cells right of it, wraps instead of widening the page (wrapOverflowingText).
 */
export const COLUMN_WIDTHS = [34, 14, 14, 11, 13, 12, 12, 13];
/** The last printed column's index (H). */
export const LAST_COL = COLUMN_WIDTHS.length - 1;
/**
 * The hidden column right of the printed ones (I): each input's contract field name (`caseId`,
 * `installments`, …), for a reader that maps the sheet back to a contract; never printed.
 */
export const FIELD_COL = LAST_COL + 1;
/** Width of the hidden field-name column. */
export const FIELD_COL_WIDTH = 20;
/** What a passing check shows; anything else is drawn red by conditional formatting. */
export const CHECK_OK = "OK";

/** The input cell of each statement's date. */
export const DATE_INPUT = { notice: "noticeDate", repossession: "repossessionDate" } as const;

/** One formula per date column: built from the statement's label ("notice", "repossession"). */
export type PerDateFormula = (label: StatementLabel) => string;

/** Optional parts of a per-date row. */
export interface PerDateOptions {
  numberFormat?: string;
  style?: CellStyle;
  /** A note right of the date columns. */
  explain?: string;
  /** The label in column A: a constant text (default) or a formula with its result. */
  labelCell?: CellContent;
}

export class SheetLayout {
  readonly grid = new Grid();
  /** Merged ranges in A1 notation. */
  readonly merges: string[] = [];
  /** Heights (points) of the rows whose text wraps, by 0-based row. */
  readonly rowHeights: Record<number, number> = {};
  /** The checks' red-when-failing formats. */
  readonly conditionalFormats: ConditionalFormat[] = [];
  readonly statements: Statement[];
  /** B (and C) hold one column per date. */
  readonly dateCols: number[];
  /**
   * The first row (0-based) of each block printed whole where it can be (a section from its blank
   * row before the heading, a late-interest table from its title): where a page may break.
   */
  readonly blockStarts: number[] = [];

  constructor(readonly calc: Calculation) {
    this.statements = calc.statements;
    this.dateCols = calc.statements.map((_, i) => 1 + i);
  }

  /** The current row. */
  get row(): number {
    return this.grid.row;
  }

  /** Places a cell in the current row. */
  put(col: number, content: CellContent): void {
    this.grid.put(col, content);
  }

  /** Moves to the next row (or skips `count` rows). */
  next(count = 1): void {
    this.grid.next(count);
  }

  /** Registers a cell of the current row under `name` (public unless `exported` is false). */
  name(name: string, col: number, exported = true): void {
    this.grid.name(name, this.grid.row, col, exported);
  }

  /** A text in column A. */
  label(text: string, style: CellStyle = "label"): void {
    this.grid.put(0, { value: text, style });
  }

  /** A note in `col` of the current row. */
  note(col: number, text: string): void {
    this.grid.put(col, { value: text, style: "note" });
  }

  /** A section heading across the whole width, with a blank row before it. */
  section(text: string): void {
    this.blockStarts.push(this.grid.row);
    this.grid.next();
    this.banner(text);
    this.grid.next();
  }

  /**
   * A note across the whole printed width in the current row, wrapped, with the row as tall as its
   * lines (then the next row). `content` replaces the constant text with a formula that shows the
   * text only when it applies (the row keeps the text's height).
   */
  wrappedNote(text: string, content: CellContent = { value: text }): void {
    this.grid.put(0, { ...content, style: "note", wrap: true });
    this.mergeRow(0, LAST_COL);
    const width = COLUMN_WIDTHS.reduce((sum, w) => sum + w, 0);
    this.rowHeights[this.grid.row] = wrappedHeight([{ text, width }]);
    this.grid.next();
  }

  /**
   * A check in the current row: the label in column A (wrapped when longer than the column) and in
   * `col` a formula that yields "OK" or a message. "OK" prints neutral; anything else is red through a
   * conditional format, which works where the add-in is not installed and follows edits.
   */
  check(text: string, col: number, formula: string, result: string): void {
    const height = wrappedHeight([{ text, width: COLUMN_WIDTHS[0] }]);
    const wrap = height > LINE_POINTS;
    this.grid.put(0, { value: text, style: "note", ...(wrap ? { wrap } : {}) });
    if (wrap) this.rowHeights[this.grid.row] = height;
    this.grid.put(col, { formula, result, style: "derived" });
    const at = address(this.grid.row, col);
    this.conditionalFormats.push({ range: at, formula: `${at}<>"${CHECK_OK}"`, style: "warning" });
  }

  /** A heading styled across the whole width in the current row (the cursor stays on it). */
  banner(text: string): void {
    this.grid.put(0, { value: text, style: "section" });
    for (let col = 1; col <= LAST_COL; col++) this.grid.style(this.grid.row, col, "section");
  }

  /** Merges columns `fromCol` … `toCol` of the current row. */
  mergeRow(fromCol: number, toCol: number): void {
    this.merges.push(`${address(this.grid.row, fromCol)}:${address(this.grid.row, toCol)}`);
  }

  /**
   * Table headers in columns A, B, … of the current row, then the next row. A header over figures
   * (dates, amounts, counts) is right-aligned like them; the columns in `textCols` hold text and
   * keep their headers left.
   */
  tableHeader(texts: readonly string[], textCols: readonly number[] = []): void {
    texts.forEach((text, col) =>
      this.grid.put(col, {
        value: text,
        style: "tableHeader",
        ...(textCols.includes(col) ? {} : { align: "right" as const }),
      }),
    );
    this.grid.next();
  }

  /**
   * A labelled input cell in column B, registered as `{name}`. The contract field's name goes to the
   * hidden column (for machines, never printed); `note` is a Swedish remark printed beside the input.
   */
  input(name: string, text: string, content: CellContent, field?: string, note?: string): void {
    this.label(text);
    this.grid.put(1, { ...content, style: "input" });
    if (note) this.note(3, note);
    if (field) this.grid.put(FIELD_COL, { value: field, numberFormat: FORMATS.text });
    this.name(name, 1);
    this.grid.next();
  }

  /** A labelled formula in column B, registered as `{name}`. */
  derived(
    name: string,
    text: string,
    formula: string,
    result: number | string,
    numberFormat?: string,
    explain?: string,
  ): void {
    this.label(text);
    this.grid.put(1, { formula, result, numberFormat, style: "derived" });
    if (explain) this.note(2, explain);
    this.name(name, 1);
    this.grid.next();
  }

  /**
   * A labelled row with one formula per date column, registered as `{label.name}`. The notice
   * column is guarded: a cleared notice date empties it instead of computing for 1899-12-30.
   */
  perDate(
    name: string,
    text: string,
    formula: PerDateFormula,
    result: (st: Statement) => number | string,
    options: PerDateOptions = {},
  ): void {
    const style = options.style ?? "derived";
    this.grid.put(
      0,
      options.labelCell ?? { value: text, style: style === "total" ? "total" : "label" },
    );
    this.statements.forEach((st, i) => {
      const f = formula(st.label);
      const guarded = st.label === "notice" ? `IF({noticeDate}="","",${f})` : f;
      this.grid.put(this.dateCols[i], {
        formula: guarded,
        result: result(st),
        numberFormat: options.numberFormat,
        style,
      });
      this.grid.name(`${st.label}.${name}`, this.grid.row, this.dateCols[i], true);
    });
    if (options.explain) this.note(1 + this.statements.length, options.explain);
    this.grid.next();
  }

  /** The header row of a per-date table: the date labels over their columns. */
  dateHeader(): void {
    this.grid.put(0, { value: "", style: "tableHeader" });
    this.statements.forEach((st, i) =>
      this.grid.put(this.dateCols[i], {
        value: DATE_LABELS[st.label],
        style: "tableHeader",
        align: "right",
      }),
    );
    this.grid.next();
  }
}
