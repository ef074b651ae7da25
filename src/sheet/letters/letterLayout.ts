/**
 * The letter sheets' layout helper: a narrow A4 page of four columns (a label in A, the figure or
 * text in B, merged across to D where it is text) and the few row shapes every letter is made of — a
 * title, the small print, a formula-driven warning, a field linked to the calculation sheet, an empty
 * input to fill in, a paragraph of editable prose, an amount.
 *
 * A letter never computes a figure of its own: every amount, date and name is a cross-sheet reference
 * to the calculation sheet's cell, found by the cell's name in that sheet's plan (`plan.names`, the
 * names its layout registered), so an edit there flows into the letter. The cached result of each
 * reference is the calculation sheet's own cached result for that cell (the engine's figure).
 */
import { scaleToFit } from "../page";
import { Calculation } from "../../engine";
import { FORMATS } from "../formats";
import { CellContent, Grid, address, crossSheetReference, positionOf } from "../grid";
import { escapeHeaderText } from "../sections/print";
import { CREATED_DATE_FIELD } from "../headerFooter";
import { CellStyle, SheetPlan } from "../types";
import { LINE_POINTS, wrappedHeight } from "../wrap";
import { LETTER_COMMON } from "./texts";

/** Column widths of a letter, A … D (about the printable width of A4 portrait at 100 %). */
const LETTER_COLUMN_WIDTHS = [38, 16, 16, 22];
const LAST_COL = LETTER_COLUMN_WIDTHS.length - 1;
const TEXT_WIDTH = LETTER_COLUMN_WIDTHS.reduce((sum, w) => sum + w, 0);
/** The width of a figure or text merged across B … D. */
const VALUE_WIDTH = TEXT_WIDTH - LETTER_COLUMN_WIDTHS[0];

/** The calculation sheet a letter links to: its final name in the workbook and its plan. */
export interface CalcSheetRef {
  name: string;
  plan: SheetPlan;
}

/** A value read from a calculation-sheet cell, as a letter shows it. */
export type LinkKind = "text" | "date" | "kronor";

export class LetterLayout {
  readonly grid = new Grid();
  readonly merges: string[] = [];
  readonly rowHeights: Record<number, number> = {};

  constructor(
    readonly calc: Calculation,
    readonly sheet: CalcSheetRef,
  ) {}

  /** The A1 address of the calculation sheet's cell named `name`; an unknown name is a planner bug. */
  private addressOf(name: string): string {
    const a1 = this.sheet.plan.names[name];
    if (a1 === undefined)
      throw new Error(`letter: calculation sheet ${this.sheet.name} has no cell named ${name}`);
    return a1;
  }

  /** The cross-sheet reference to the calculation sheet's cell named `name`. */
  ref(name: string): string {
    return crossSheetReference(this.sheet.name, this.addressOf(name));
  }

  /** What the calculation sheet's cell named `name` holds (its cached result or constant). */
  resultOf(name: string): string | number | boolean {
    const { row, col } = positionOf(this.addressOf(name));
    const cell = this.sheet.plan.cells.find((c) => c.row === row && c.col === col);
    return cell?.result ?? cell?.value ?? "";
  }

  /** Moves to the next row (or skips `count` rows). */
  next(count = 1): void {
    this.grid.next(count);
  }

  /** The letter's title and, under it, the small print saying it is a draft. */
  heading(title: string): void {
    this.grid.put(0, { value: title, style: "title" });
    this.mergeRow(0, LAST_COL);
    this.next();
    this.paragraph(LETTER_COMMON.draft, "note");
  }

  /**
   * A paragraph across the page, wrapped, its row as tall as its lines: a constant the officer may
   * edit (or, with `content`, a formula whose longest text is `text`).
   */
  paragraph(
    text: string,
    style: CellStyle = "label",
    content: CellContent = { value: text },
  ): void {
    this.grid.put(0, { ...content, style, wrap: true });
    this.mergeRow(0, LAST_COL);
    const height = wrappedHeight([{ text, width: TEXT_WIDTH, bold: style === "warning" }]);
    if (height > LINE_POINTS) this.rowHeights[this.grid.row] = height;
    this.next();
  }

  /**
   * A warning across the page that shows only while `formula` yields a text: red and bold, its row
   * tall enough for `longest`, the longest text the formula can give.
   */
  warning(name: string, formula: string, result: string, longest: string): void {
    this.grid.name(name, this.grid.row, 0, true);
    this.paragraph(longest, "warning", { formula, result });
  }

  /**
   * A label in A and a figure of the calculation sheet in B (text and dates merged to D). `style`
   * is the figure's: "input" for a linked value the officer may overwrite, "total" for a sum. A text
   * wraps, its row as tall as `longest` (default: the text now) needs.
   */
  link(
    name: string,
    label: string,
    source: string,
    kind: LinkKind,
    style: CellStyle = "derived",
    longest?: string,
  ): void {
    const ref = this.ref(source);
    const cached = this.resultOf(source);
    const result = kind === "text" ? String(cached) : cached;
    this.grid.put(0, { value: label, style: style === "total" ? "total" : "label" });
    if (kind === "kronor") {
      this.grid.put(1, { formula: ref, result, numberFormat: FORMATS.kronor, style });
    } else {
      // A reference to an empty cell is 0 in Excel: `&""` keeps an empty text empty, IF an empty date.
      const formula = kind === "text" ? `${ref}&""` : `IF(${ref}="","",${ref})`;
      const numberFormat = kind === "date" ? FORMATS.date : undefined;
      this.grid.put(1, { formula, result, numberFormat, style, align: "left", wrap: true });
      this.mergeRow(1, LAST_COL);
      const text = longest ?? String(result);
      const height = wrappedHeight([{ text, width: VALUE_WIDTH }]);
      if (height > LINE_POINTS) this.rowHeights[this.grid.row] = height;
    }
    this.grid.name(name, this.grid.row, 1, true);
    this.next();
  }

  /** A label in A and an amount in B from `formula` over the calculation sheet's cells. */
  amount(
    name: string,
    label: string,
    formula: string,
    result: number,
    style: CellStyle = "derived",
  ): void {
    this.grid.put(0, { value: label, style: style === "total" ? "total" : "label" });
    this.grid.put(1, { formula, result, numberFormat: FORMATS.kronor, style });
    this.grid.name(name, this.grid.row, 1, true);
    this.next();
  }

  /** A label in A and an empty input cell across B … D for the officer to fill in. */
  fillIn(name: string, label: string, numberFormat: string = FORMATS.text): void {
    this.grid.put(0, { value: label, style: "label" });
    this.grid.put(1, { style: "input", numberFormat, align: "left" });
    this.mergeRow(1, LAST_COL);
    this.grid.name(name, this.grid.row, 1, true);
    this.next();
  }

  /** A heading over a table of amounts: the text in A, `right` over the figures in B. */
  tableHeader(text: string, right = "Belopp"): void {
    this.grid.put(0, { value: text, style: "tableHeader" });
    this.grid.put(1, { value: right, style: "tableHeader", align: "right" });
    for (let col = 2; col <= LAST_COL; col++) this.grid.style(this.grid.row, col, "tableHeader");
    this.next();
  }

  /** The officer's name and telephone, to fill in. */
  signature(): void {
    this.next();
    this.fillIn("officer", LETTER_COMMON.officer);
    this.fillIn("phone", LETTER_COMMON.phone);
  }

  private mergeRow(fromCol: number, toCol: number): void {
    const row = this.grid.row;
    this.merges.push(`${address(row, fromCol)}:${address(row, toCol)}`);
  }

  /** The letter as a sheet plan: one A4 page, portrait, the case in the header. */
  plan(name: string): SheetPlan {
    const { cells, names } = this.grid.resolve();
    const rowCount = this.grid.row;
    const caseId = escapeHeaderText(this.calc.contract.caseId);
    return {
      name,
      rowCount,
      colCount: LETTER_COLUMN_WIDTHS.length,
      cells,
      merges: this.merges,
      columnWidths: [...LETTER_COLUMN_WIDTHS],
      rowHeights: this.rowHeights,
      print: {
        area: `A1:${address(rowCount - 1, LAST_COL)}`,
        orientation: "portrait",
        paperSize: "A4",
        scale: scaleToFit(LETTER_COLUMN_WIDTHS, "portrait"),
        header: `&LÅtertagande&C${caseId}&RSkapad ${CREATED_DATE_FIELD}`,
        footer: `&L${escapeHeaderText(LETTER_COMMON.footer)}&RÄrende ${caseId}`,
        pageBreaksBefore: [],
      },
      names,
    };
  }
}
