/**
 * The letter sheets' layout helper: a narrow A4 page of four columns (a label in A, the figure or
 * text in B, merged across to D where it is text) and the few row shapes every letter is made of — the
 * sender's letterhead with the letter's date, a subject line with the case number, the small print, a
 * formula-driven warning, a recipient with an address, a field linked to the calculation sheet, a
 * blank to fill in (which says "[fyll i …]" until the officer types over it), a paragraph of editable
 * prose, an amount.
 *
 * A letter never computes a figure of its own: every amount, date and name is a cross-sheet reference
 * to the calculation sheet's cell, found by the cell's name in that sheet's plan (`plan.names`, the
 * names its layout registered), so an edit there flows into the letter. The cached result of each
 * reference is the calculation sheet's own cached result for that cell (the engine's figure).
 */
import { Calculation } from "../../engine";
import { FORMATS } from "../formats";
import { CellContent, Grid, address, crossSheetReference, positionOf } from "../grid";
import { escapeHeaderText } from "../sections/print";
import { CREATED_DATE_FIELD } from "../headerFooter";
import { scaleToFit } from "../page";
import { CellStyle, SheetPlan } from "../types";
import { LINE_POINTS, wrapOverflowingText, wrappedHeight } from "../wrap";
import { SenderRef, senderReference } from "./sender";
import { LETTER_COMMON, fillInCue } from "./texts";

/**
 * Column widths of a letter, A … D: 87 characters, so a letter prints on A4 portrait at 85 %
 * (src/sheet/page.ts), its 11-pt text at 9.35 pt, and the longest letter (the notice) on one page.
 */
const LETTER_COLUMN_WIDTHS = [34, 14, 15, 24];
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
    readonly sender: SenderRef,
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

  /**
   * The letterhead: the sender's name, address and telephone from the workbook's sender sheet (a
   * blank there shows its "[fyll i …]" cue), and on the first line, right, the letter's date:
   * linked to the calculation sheet's cell `dateSource` (the officer may overwrite it), or a blank
   * to fill in. Then an empty row.
   */
  letterhead(dateSource?: string): void {
    const { sender } = this.sender;
    const line = (key: "authority" | "address" | "telephone", cue: string, prefix = "") => {
      const ref = senderReference(this.sender, key);
      const shown = sender[key] === "" ? fillInCue(cue) : `${prefix}${sender[key]}`;
      const formula = `IF(${ref}="","${fillInCue(cue)}","${prefix}"&${ref})`;
      this.grid.put(0, { formula, result: shown, style: "label" });
      this.mergeRow(0, 1);
    };
    line("authority", LETTER_COMMON.senderAuthority);
    this.grid.put(2, { value: LETTER_COMMON.letterDate, style: "label", align: "right" });
    if (dateSource !== undefined) this.dateLink("letterDate", 3, dateSource);
    else this.blank("letterDate", 3, LETTER_COMMON.letterDateCue, FORMATS.date);
    this.next();
    line("address", LETTER_COMMON.senderAddress);
    this.next();
    line("telephone", LETTER_COMMON.senderTelephone, `${LETTER_COMMON.phone} `);
    this.next(2);
  }

  /**
   * The subject line in the title's style: the letter's title and the case number, a formula of the
   * calculation sheet's case cell ("Underrättelse om återtagning – ärende Övning 1"); under it the
   * small print saying it is a draft.
   */
  subject(title: string): void {
    const prefix = `${title} – ${LETTER_COMMON.subjectCase} `;
    const text = prefix + String(this.resultOf("caseId"));
    this.grid.put(0, {
      formula: `"${prefix}"&${this.ref("caseId")}`,
      result: text,
      style: "title",
      wrap: true,
    });
    this.mergeRow(0, LAST_COL);
    // 14-pt bold: about 1.3 times as wide and as tall as the 11-pt text the estimate counts.
    const lines = wrappedHeight([{ text, width: TEXT_WIDTH / 1.3, bold: true }]) / LINE_POINTS;
    this.rowHeights[this.grid.row] = Math.ceil(lines * LINE_POINTS * 1.3);
    this.next();
    this.paragraph(LETTER_COMMON.draft, "note");
  }

  /**
   * A recipient: the name in B (its label in A) and under it the address, both linked to the
   * calculation sheet (`source`, `source`Address); an empty address shows its "[fyll i …]" cue.
   */
  recipient(label: string, source: "creditor" | "debtor", addressCue: string): void {
    this.link(source, label, source, "text");
    const addressName = `${source}Address`;
    this.link(
      addressName,
      LETTER_COMMON.address,
      addressName,
      "text",
      "derived",
      undefined,
      addressCue,
    );
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
    cue?: string,
  ): void {
    const ref = this.ref(source);
    const cached = this.resultOf(source);
    const shown = kind === "text" ? String(cached) : cached;
    const result = cue !== undefined && shown === "" ? fillInCue(cue) : shown;
    this.grid.put(0, { value: label, style: style === "total" ? "total" : "label" });
    if (kind === "kronor") {
      this.grid.put(1, { formula: ref, result, numberFormat: FORMATS.kronor, style });
    } else {
      // A reference to an empty cell is 0 in Excel: `&""` keeps an empty text empty, IF an empty date;
      // with a cue, an empty text shows "[fyll i …]".
      const textFormula =
        cue === undefined ? `${ref}&""` : `IF(${ref}="","${fillInCue(cue)}",${ref}&"")`;
      const formula = kind === "text" ? textFormula : `IF(${ref}="","",${ref})`;
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

  /**
   * A label in A and, across B … D, a blank for the officer to fill in: an input cell that says
   * "[fyll i `cue`]" until typed over, so an unfilled blank shows on paper, not only as a fill.
   */
  fillIn(name: string, label: string, cue: string, numberFormat: string = FORMATS.text): void {
    this.grid.put(0, { value: label, style: "label" });
    this.blank(name, 1, cue, numberFormat);
    this.mergeRow(1, LAST_COL);
    this.next();
  }

  /** A blank input cell in `col` of the current row holding its "[fyll i …]" cue. */
  private blank(name: string, col: number, cue: string, numberFormat: string = FORMATS.text): void {
    this.grid.put(col, { value: fillInCue(cue), style: "input", numberFormat, align: "left" });
    this.grid.name(name, this.grid.row, col, true);
  }

  /** A date of the calculation sheet in `col` of the current row, an input the officer may change. */
  private dateLink(name: string, col: number, source: string): void {
    const ref = this.ref(source);
    const cue = fillInCue(LETTER_COMMON.letterDateCue);
    const cached = this.resultOf(source);
    this.grid.put(col, {
      formula: `IF(${ref}="","${cue}",${ref})`,
      result: cached === "" ? cue : cached,
      numberFormat: FORMATS.date,
      style: "input",
      align: "left",
    });
    this.grid.name(name, this.grid.row, col, true);
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
    this.fillIn("officer", LETTER_COMMON.officer, LETTER_COMMON.officerCue);
    this.fillIn("phone", LETTER_COMMON.phone, LETTER_COMMON.phoneCue);
  }

  private mergeRow(fromCol: number, toCol: number): void {
    const row = this.grid.row;
    this.merges.push(`${address(row, fromCol)}:${address(row, toCol)}`);
  }

  /** The letter as a sheet plan: one A4 page, portrait, the case in the header and the footer. */
  plan(name: string): SheetPlan {
    const { cells, names } = this.grid.resolve();
    const rowCount = this.grid.row;
    const { merges, rowHeights } = this;
    wrapOverflowingText({
      cells,
      merges,
      rowHeights,
      columnWidths: LETTER_COLUMN_WIDTHS,
      lastCol: LAST_COL,
    });
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
