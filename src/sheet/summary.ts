/**
 * The summary sheet (Sammanställning): one row per case with the method, t, both reductions at both
 * dates, the amount to pay at both dates, the surplus and the outcome, and the rows that could not be
 * calculated with the reason. Every figure is a live formula:
 * - with calculation sheets (`sheets`), each cell refers to its case's sheet, and the case id links to it;
 * - without them (summary-only mode, e.g. a batch of hundreds of cases), each row carries the
 *   contract's inputs to the right and computes from them with the calculation sheet's own formula
 *   builders, in closed form so one row is enough (src/sheet/summarySelfContained.ts).
 */
import { Calculation, OUTCOME_TEXT } from "../engine";
import { wholeKronorTextFormula } from "./formulas";
import { Grid, address, columnLetter, quotedSheetName } from "./grid";
import { CREATED_DATE_FIELD } from "./headerFooter";
import { columnsOnFirstPage, tablePrint } from "./page";
import { referenceRanges } from "./referenceSheet";
import {
  RESULT_COLUMNS,
  RowWriter,
  SummaryColumn,
  SummaryColumnKey,
  SummaryResults,
  summaryColumns,
  summaryResults,
} from "./summaryColumns";
import { selfContainedRow } from "./summarySelfContained";
import { METHOD_NOTE } from "./texts";
import { PlannedCell, PrintSettings, SheetPlan } from "./types";
import { LINE_POINTS, wrappedHeight } from "./wrap";

export const SUMMARY_SHEET_NAME = "Sammanställning";

/** A contract row that could not be calculated. */
export interface RefusedRow {
  /** Where the row came from, e.g. "rad 7" or "Kontrakt!A7". */
  where: string;
  caseId: string;
  reason: string;
}

/** The calculation sheet of a case, when one was made: its final sheet name and its named cells. */
export interface CaseSheetRef {
  name: string;
  names: Record<string, string>;
}

export interface SummaryInput {
  calculations: Calculation[];
  refused: RefusedRow[];
  /** Per calculation, its sheet (same order); omitted for a summary-only run. */
  sheets?: CaseSheetRef[];
  /** Rows of the Referensräntor sheet the formulas look up (summary-only mode). */
  referenceRowCount: number;
}

/** The summary sheet plan. */
export function planSummary(input: SummaryInput): SheetPlan {
  const g = new Grid();
  const columns = summaryColumns(input.sheets === undefined);
  const { merges, rowHeights } = planSummaryHead(g, columns);
  const headerRow = g.row - 1;
  const allResults = input.calculations.map(summaryResults);
  input.calculations.forEach((calc, index) => {
    const height = summaryRowHeight(columns, allResults[index]);
    if (height > LINE_POINTS) rowHeights[g.row] = height;
    planSummaryRow(g, columns, calc, allResults[index], input, index);
  });
  const firstDataRow = headerRow + 1;
  const lastDataRow = g.row - 1;
  const totals = emptyTotals();
  allResults.forEach((results) => addToTotals(totals, results));
  planSummaryTotals(g, columns, totals, firstDataRow, lastDataRow);
  planRefusedRows(g, input.refused, merges, rowHeights);

  const { cells, names } = g.resolve();
  return {
    ...summaryFrame(columns, merges, rowHeights, headerRow, lastDataRow, g.row, names),
    cells,
  };
}

/**
 * Everything of the summary's plan but its cells, once its rows are known: the cases end at
 * `lastDataRow`, the sheet (totals and refused rows included) at `rowCount`.
 */
function summaryFrame(
  columns: readonly SummaryColumn[],
  merges: string[],
  rowHeights: Record<number, number>,
  headerRow: number,
  lastDataRow: number,
  rowCount: number,
  names: Record<string, string>,
): Omit<SheetPlan, "cells"> {
  const firstDataRow = headerRow + 1;
  return {
    name: SUMMARY_SHEET_NAME,
    rowCount,
    colCount: columns.length,
    merges,
    columnWidths: columns.map((col) => col.width),
    rowHeights,
    print: {
      area: `A1:${address(Math.max(0, rowCount - 1), RESULT_COLUMNS.length - 1)}`,
      ...SUMMARY_PAGE,
      titleRows: `$${headerRow + 1}:$${headerRow + 1}`,
      header: `&L${SUMMARY_SHEET_NAME}&RSkapad ${CREATED_DATE_FIELD}`,
      footer: "&RSida &P av &N",
      pageBreaksBefore: [],
    },
    names: {
      ...names,
      firstRow: String(firstDataRow + 1),
      lastRow: String(lastDataRow + 1),
      lastColumn: columnLetter(columns.length - 1),
    },
  };
}

/**
 * The summary's page: landscape A4, its printed (result) columns at a readable size, over two page
 * widths with the case id on each (tablePrint).
 */
const SUMMARY_PAGE: Pick<
  PrintSettings,
  "orientation" | "paperSize" | "scale" | "titleColumns" | "pageOrder"
> = {
  orientation: "landscape",
  paperSize: "A4",
  ...tablePrint(
    RESULT_COLUMNS.map((col) => col.width),
    "landscape",
  ),
};

/** The result columns that print on the first page anywhere (the summary is two pages wide). */
const FIRST_PAGE_COLUMNS = columnsOnFirstPage(
  RESULT_COLUMNS.map((col) => col.width),
  "landscape",
  SUMMARY_PAGE.scale,
);

/** The width (characters) of the first page's result columns from column `from` on. */
function widthOfColumns(from: number): number {
  return RESULT_COLUMNS.slice(from, FIRST_PAGE_COLUMNS).reduce((sum, col) => sum + col.width, 0);
}

/** A refused row's reason: column C to the first page's edge. */
const REASON_WIDTH = widthOfColumns(2);

/**
 * Title, the method note and the header row; returns the merges and the heights of the rows whose
 * text wraps (the note across the first printed page's columns; headers wrap within their columns, and a header
 * over figures is right-aligned like them).
 */
function planSummaryHead(
  g: Grid,
  columns: readonly SummaryColumn[],
): { merges: string[]; rowHeights: Record<number, number> } {
  const rowHeights: Record<number, number> = {};
  g.put(0, { value: "Sammanställning – återtagande", style: "title" });
  g.next();
  g.put(0, { value: METHOD_NOTE, style: "note", wrap: true });
  // Across the columns of the first printed page only: a merged note cut by a page edge is lost.
  rowHeights[g.row] = wrappedHeight([{ text: METHOD_NOTE, width: widthOfColumns(0) }]);
  const merges = [`A2:${address(1, FIRST_PAGE_COLUMNS - 1)}`];
  g.next(2);
  columns.forEach((col, index) =>
    g.put(index, {
      value: col.header,
      style: "tableHeader",
      wrap: true,
      ...(col.numberFormat !== undefined ? { align: "right" as const } : {}),
    }),
  );
  // Sized for the printed columns; the working columns of a summary-only sheet may clip on screen.
  rowHeights[g.row] = wrappedHeight(
    RESULT_COLUMNS.map((col) => ({ text: col.header, width: col.width, bold: true })),
  );
  g.next();
  return { merges, rowHeights };
}

/** A case row's height: tall enough for its outcome sentence wrapped in the outcome column. */
function summaryRowHeight(columns: readonly SummaryColumn[], results: SummaryResults): number {
  const outcome = columns.find((col) => col.key === "outcome");
  return wrappedHeight(outcome ? [{ text: results.outcome, width: outcome.width }] : []);
}

/** A writer for the current row of `g`. */
function rowWriter(g: Grid, columns: readonly SummaryColumn[]): RowWriter {
  const colOf = new Map(columns.map((col, index) => [col.key, index]));
  const r = g.row;
  const indexOf = (key: SummaryColumnKey) => {
    const col = colOf.get(key);
    if (col === undefined) throw new Error(`summary: no column ${key}`);
    return col;
  };
  return {
    at: (key) => `${columnLetter(indexOf(key))}${r + 1}`,
    put: (key, content) => {
      const col = columns[indexOf(key)];
      g.put(indexOf(key), {
        numberFormat: col.numberFormat,
        ...(col.wrap ? { wrap: true } : {}),
        style: col.style ?? (content.formula ? "derived" : "input"),
        ...content,
      });
    },
  };
}

/** One case's row: linked to its sheet, or computed from its own inputs. */
function planSummaryRow(
  g: Grid,
  columns: readonly SummaryColumn[],
  calc: Calculation,
  results: SummaryResults,
  input: SummaryInput,
  index: number,
): void {
  const row = rowWriter(g, columns);
  const sheet = input.sheets?.[index];
  if (sheet) linkedRow(calc, results, sheet, row);
  else selfContainedRow(calc, results, row, referenceRanges(input.referenceRowCount));
  const { at, put } = row;
  put("outcome", {
    formula: `IF(${at("valueShown")}="","${OUTCOME_TEXT.noValue}",IF(${at("surplus")}>0,"${OUTCOME_TEXT.payDifference} "&${wholeKronorTextFormula(at("surplus"))}&" kr","${OUTCOME_TEXT.notice}"))`,
    result: results.outcome,
  });
  g.next();
}

/** A row whose every figure refers to the case's calculation sheet. */
function linkedRow(
  calc: Calculation,
  results: SummaryResults,
  sheet: CaseSheetRef,
  { put }: RowWriter,
): void {
  const ref = (name: string) => {
    const a1 = sheet.names[name];
    if (a1 === undefined) throw new Error(`summary: sheet ${sheet.name} has no cell named ${name}`);
    return `${quotedSheetName(sheet.name)}!${a1}`;
  };
  const hasNotice = calc.contract.noticeDate !== null;
  const noticeRef = (name: string) => (hasNotice ? ref(`notice.${name}`) : '""');
  put("caseId", { value: calc.contract.caseId, link: sheet.name, style: "label" });
  put("methodName", { formula: ref("methodName"), result: results.methodName });
  put("t", { formula: ref("repossession.t"), result: results.t });
  put("notice.rule78", { formula: noticeRef("rule78"), result: results.noticeRule78 });
  put("notice.actual", { formula: noticeRef("actual"), result: results.noticeActual });
  put("repossession.rule78", { formula: ref("repossession.rule78"), result: results.rule78 });
  put("repossession.actual", { formula: ref("repossession.actual"), result: results.actual });
  put("difference", { formula: ref("repossession.methodDifference"), result: results.difference });
  put("notice.amount", { formula: noticeRef("amountInclInterest"), result: results.noticeAmount });
  put("repossession.amount", {
    formula: ref("repossession.amountInclInterest"),
    result: results.amount,
  });
  put("valueShown", { formula: ref("repossession.value"), result: results.value });
  put("surplus", { formula: ref("repossession.surplus"), result: results.surplus });
}

/** The columns the totals row sums. */
const TOTAL_KEYS = ["notice.amount", "repossession.amount", "difference"] as const;

/** Running totals of the summary's cases: how many, and the sum of each totalled column. */
interface SummaryTotals {
  count: number;
  sums: Record<(typeof TOTAL_KEYS)[number], number>;
}

function emptyTotals(): SummaryTotals {
  return { count: 0, sums: { "notice.amount": 0, "repossession.amount": 0, difference: 0 } };
}

function addToTotals(totals: SummaryTotals, results: SummaryResults): void {
  totals.count++;
  for (const key of TOTAL_KEYS) totals.sums[key] += summaryNumber(results, key);
}

/** The totals row under the cases: both amounts to pay and the difference between the methods. */
function planSummaryTotals(
  g: Grid,
  columns: readonly SummaryColumn[],
  totals: SummaryTotals,
  firstDataRow: number,
  lastDataRow: number,
): void {
  if (totals.count === 0) return;
  g.put(0, { value: `Summa (${totals.count} ärenden)`, style: "total" });
  for (const key of TOTAL_KEYS) {
    const col = columns.findIndex((column) => column.key === key);
    g.put(col, {
      formula: `SUM(${address(firstDataRow, col)}:${address(lastDataRow, col)})`,
      result: totals.sums[key],
      numberFormat: columns[col].numberFormat,
      style: "total",
    });
  }
  g.next();
}

/** The rows that could not be calculated, with the reason (or a line saying all could). */
/**
 * The rows that could not be calculated, each with its reason. A reason (several joined by "; ")
 * wraps across the columns from C to the first printed page's edge, so none is cut off there.
 */
function planRefusedRows(
  g: Grid,
  refused: RefusedRow[],
  merges: string[],
  rowHeights: Record<number, number>,
): void {
  g.next();
  g.put(0, {
    value: refused.length
      ? `Rader som inte kunde beräknas (${refused.length})`
      : "Alla rader kunde beräknas.",
    style: "section",
  });
  g.next();
  if (!refused.length) return;
  ["Rad", "Ärende", "Orsak"].forEach((text, col) =>
    g.put(col, { value: text, style: "tableHeader" }),
  );
  g.next();
  for (const row of refused) {
    g.put(0, { value: row.where, style: "warning" });
    g.put(1, { value: row.caseId });
    g.put(2, { value: row.reason, style: "warning", wrap: true });
    if (FIRST_PAGE_COLUMNS > 3)
      merges.push(`${address(g.row, 2)}:${address(g.row, FIRST_PAGE_COLUMNS - 1)}`);
    const height = wrappedHeight([{ text: row.reason, width: REASON_WIDTH }]);
    if (height > LINE_POINTS) rowHeights[g.row] = height;
    g.next();
  }
}

function summaryNumber(r: SummaryResults, key: SummaryColumnKey): number {
  const value =
    key === "notice.amount"
      ? r.noticeAmount
      : key === "repossession.amount"
        ? r.amount
        : r.difference;
  return typeof value === "number" ? value : 0;
}

// ---------------------------------------------------------------------------------------------------
// Row by row: the same sheet for a writer that never holds every row (the streaming batch).

/** What {@link SummaryRows} needs to know before the first case. */
export interface SummaryRowsOptions {
  /** True when each case has a calculation sheet the row refers to (then pass `sheet` per row). */
  sheets: boolean;
  /** Rows of the Referensräntor sheet the formulas look up (summary-only mode). */
  referenceRowCount: number;
}

/** What a streaming writer needs before the first row: widths, merges, page setup (no print area). */
export type SummaryLayout = Pick<
  SheetPlan,
  "name" | "colCount" | "columnWidths" | "merges" | "rowHeights"
> & {
  page: Pick<PrintSettings, "orientation" | "paperSize" | "scale" | "titleColumns" | "pageOrder">;
};

/**
 * The summary sheet of {@link planSummary} produced in parts, so a streaming writer holds one row at a
 * time: `layout()` and `head()` (title, note, column headers), then `row(calc)` once per case in order,
 * then `foot(refused)` (the totals row and the refused rows) and `frame()` (print area and names, which
 * need the last row). The parts are planSummary's own section planners, and put together they are
 * exactly its cells; only the running totals are kept between rows.
 */
export class SummaryRows {
  /** 0-based sheet row of the column headers. */
  readonly headerRow: number;
  private readonly columns: readonly SummaryColumn[];
  private readonly merges: string[];
  private readonly rowHeights: Record<number, number>;
  private readonly headCells: PlannedCell[];
  private readonly totals = emptyTotals();
  private nextRow: number;
  private endRow: number | null = null;

  constructor(private readonly options: SummaryRowsOptions) {
    this.columns = summaryColumns(!options.sheets);
    const g = new Grid();
    ({ merges: this.merges, rowHeights: this.rowHeights } = planSummaryHead(g, this.columns));
    this.headCells = g.cells;
    this.headerRow = g.row - 1;
    this.nextRow = g.row;
  }

  /** What is known before the first row (a streaming writer sets it first). */
  layout(): SummaryLayout {
    return {
      name: SUMMARY_SHEET_NAME,
      colCount: this.columns.length,
      columnWidths: this.columns.map((col) => col.width),
      merges: this.merges,
      // The same object the rows add to: a row's height is in it when `row()` returns its cells.
      rowHeights: this.rowHeights,
      page: SUMMARY_PAGE,
    };
  }

  /** Title, method note and the header row. */
  head(): PlannedCell[] {
    return this.headCells.map((cell) => ({ ...cell }));
  }

  /** The next case's row; `sheet` is its calculation sheet when the summary refers to sheets. */
  row(calc: Calculation, sheet?: CaseSheetRef): PlannedCell[] {
    if (this.endRow !== null) throw new Error("summary: a row after the foot");
    if (this.options.sheets !== (sheet !== undefined))
      throw new Error("summary: a row's sheet must be given exactly when the summary has sheets");
    const g = new Grid();
    g.row = this.nextRow;
    const results = summaryResults(calc);
    const height = summaryRowHeight(this.columns, results);
    if (height > LINE_POINTS) this.rowHeights[g.row] = height;
    const input: SummaryInput = {
      calculations: [calc],
      refused: [],
      sheets: sheet ? [sheet] : undefined,
      referenceRowCount: this.options.referenceRowCount,
    };
    planSummaryRow(g, this.columns, calc, results, input, 0);
    addToTotals(this.totals, results);
    this.nextRow = g.row;
    return g.cells.sort((a, b) => a.col - b.col);
  }

  /** The totals row (when there were cases) and the rows that could not be calculated. */
  foot(refused: RefusedRow[]): PlannedCell[] {
    if (this.endRow !== null) throw new Error("summary: foot() twice");
    const g = new Grid();
    g.row = this.nextRow;
    planSummaryTotals(g, this.columns, this.totals, this.headerRow + 1, this.nextRow - 1);
    planRefusedRows(g, refused, this.merges, this.rowHeights);
    this.endRow = g.row;
    return g.cells.sort((a, b) => a.row - b.row || a.col - b.col);
  }

  /** The whole plan but its cells, after `foot`: row count, print settings and names. */
  frame(): Omit<SheetPlan, "cells"> {
    if (this.endRow === null) throw new Error("summary: frame() before foot()");
    return summaryFrame(
      this.columns,
      this.merges,
      this.rowHeights,
      this.headerRow,
      this.nextRow - 1,
      this.endRow,
      {},
    );
  }
}
