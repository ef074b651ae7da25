/**
 * The summary sheet (Sammanställning): one row per case with the method, t, both reductions at both
 * dates, the amount to pay at both dates, the surplus and the outcome, and the rows that could not be
 * calculated with the reason. Every figure is a live formula:
 * - with calculation sheets (`sheets`), each cell refers to its case's sheet, and the case id links to it;
 * - without them, each row carries the contract's inputs to the right and computes from them with the
 *   same conventions as the calculation sheet, in closed form so one row is enough: the due date in the
 *   date's month is EDATE(first, k − 1) with k the month distance + 1 (one due date per month, so the
 *   counts t and m follow from comparing the date with it); B_m = K(1+i)^m − A((1+i)^m − 1)/i; late
 *   interest sums days × rate over the `Referensräntor` sheet's half-years with SUMPRODUCT, and is #N/A
 *   when the table does not cover every day (never a guess). See src/sheet/summarySelfContained.ts.
 */
import { Calculation, METHOD_NAMES, OUTCOME_TEXT, outcomeOf } from "../engine";
import { CellContent, Grid, address, columnLetter } from "./grid";
import { CREATED_DATE_FIELD } from "./headerFooter";
import { referenceRanges } from "./referenceSheet";
import { Column, RESULT_COLUMNS, summaryColumns } from "./summaryColumns";
import { selfContainedRow } from "./summarySelfContained";
import { METHOD_NOTE } from "./texts";
import { SheetPlan } from "./types";
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
  planSummaryTotals(g, columns, allResults, firstDataRow, lastDataRow);
  planRefusedRows(g, input.refused);

  const { cells, names } = g.resolve();
  return {
    name: SUMMARY_SHEET_NAME,
    rowCount: g.row,
    colCount: columns.length,
    cells,
    merges,
    columnWidths: columns.map((col) => col.width),
    rowHeights,
    print: {
      area: `A1:${address(Math.max(0, g.row - 1), RESULT_COLUMNS.length - 1)}`,
      orientation: "landscape",
      paperSize: "A4",
      fitToWidth: 1,
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
 * Title, the method note and the header row; returns the merges and the heights of the rows whose
 * text wraps (the note across the printed columns; headers wrap within their columns, and a header
 * over figures is right-aligned like them).
 */
function planSummaryHead(
  g: Grid,
  columns: Column[],
): { merges: string[]; rowHeights: Record<number, number> } {
  const rowHeights: Record<number, number> = {};
  g.put(0, { value: "Sammanställning – återtagande", style: "title" });
  g.next();
  g.put(0, { value: METHOD_NOTE, style: "note", wrap: true });
  const printedWidth = RESULT_COLUMNS.reduce((sum, col) => sum + col.width, 0);
  rowHeights[g.row] = wrappedHeight([{ text: METHOD_NOTE, width: printedWidth }]);
  const merges = [`A2:${address(1, RESULT_COLUMNS.length - 1)}`];
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
export function summaryRowHeight(columns: Column[], results: SummaryResults): number {
  const outcome = columns.find((col) => col.key === "outcome");
  return wrappedHeight(outcome ? [{ text: results.outcome, width: outcome.width }] : []);
}

/** Writes cells of one summary row by column key. */
export interface RowWriter {
  /** The A1 address of the row's cell in column `key`. */
  at: (key: string) => string;
  put: (key: string, content: CellContent) => void;
}

/** A writer for the current row of `g`. */
function rowWriter(g: Grid, columns: Column[]): RowWriter {
  const colOf = new Map(columns.map((col, index) => [col.key, index]));
  const r = g.row;
  const indexOf = (key: string) => {
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
  columns: Column[],
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
    formula: `IF(${at("valueShown")}="","${OUTCOME_TEXT.noValue}",IF(${at("surplus")}>0,"${OUTCOME_TEXT.payDifference} "&TEXT(${at("surplus")},"0")&" kr","${OUTCOME_TEXT.notice}"))`,
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
    return `'${sheet.name.replace(/'/g, "''")}'!${a1}`;
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

/** The totals row under the cases: both amounts to pay and the difference between the methods. */
function planSummaryTotals(
  g: Grid,
  columns: Column[],
  allResults: SummaryResults[],
  firstDataRow: number,
  lastDataRow: number,
): void {
  if (allResults.length === 0) return;
  g.put(0, { value: `Summa (${allResults.length} ärenden)`, style: "total" });
  for (const key of ["notice.amount", "repossession.amount", "difference"]) {
    const col = columns.findIndex((column) => column.key === key);
    const total = allResults.reduce((sum, r) => sum + summaryNumber(r, key), 0);
    g.put(col, {
      formula: `SUM(${address(firstDataRow, col)}:${address(lastDataRow, col)})`,
      result: total,
      numberFormat: columns[col].numberFormat,
      style: "total",
    });
  }
  g.next();
}

/** The rows that could not be calculated, with the reason (or a line saying all could). */
function planRefusedRows(g: Grid, refused: RefusedRow[]): void {
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
    g.put(2, { value: row.reason, style: "warning" });
    g.next();
  }
}

/** The engine's figures of a summary row (the formulas' cached results). */
export interface SummaryResults {
  methodName: string;
  t: number;
  noticeRule78: number | string;
  noticeActual: number | string;
  rule78: number;
  actual: number;
  difference: number;
  noticeAmount: number | string;
  amount: number;
  value: number | string;
  surplus: number | string;
  outcome: string;
}

const num = (amount: { toNumber(): number }) => amount.toNumber();

/** The engine's figures for a summary row. */
function summaryResults(calc: Calculation): SummaryResults {
  const notice = calc.statements.find((s) => s.label === "notice");
  const last = calc.statements[calc.statements.length - 1];
  return {
    methodName: METHOD_NAMES[calc.method],
    t: last.remainingInstallments,
    noticeRule78: notice ? num(notice.reductionRule78) : "",
    noticeActual: notice ? num(notice.actual.reduction) : "",
    rule78: num(last.reductionRule78),
    actual: num(last.actual.reduction),
    difference: num(last.actual.reduction.minus(last.reductionRule78)),
    noticeAmount: notice ? num(notice.lines.amountInclInterest) : "",
    amount: num(last.lines.amountInclInterest),
    value: calc.contract.estimatedValue === null ? "" : num(calc.contract.estimatedValue),
    surplus: last.surplus === null ? "" : num(last.surplus),
    outcome: outcomeText(calc),
  };
}

/** The outcome cell's text: the sentence, and for a difference to pay, the amount in whole kronor. */
function outcomeText(calc: Calculation): string {
  const outcome = outcomeOf(calc);
  const text = OUTCOME_TEXT[outcome.kind];
  return outcome.kind === "payDifference" ? `${text} ${outcome.surplus.toFixed(0)} kr` : text;
}

function summaryNumber(r: SummaryResults, key: string): number {
  const value =
    key === "notice.amount"
      ? r.noticeAmount
      : key === "repossession.amount"
        ? r.amount
        : r.difference;
  return typeof value === "number" ? value : 0;
}
