/**
 * The facit (answer key) of a handout: one row per practice case with every answer of
 * {@link ANSWER_FIELDS}, each a live formula.
 *
 * The row is the summary's self-contained row (src/sheet/summarySelfContained.ts: the calculation
 * sheet's formula builders of src/sheet/formulas.ts in closed form, late interest over the
 * Referensräntor sheet), with one difference: its inputs are not constants but references to the
 * facts on the case's exercise sheet, so an edited fact there changes the facit. The answers the
 * summary does not show are built here from the same builders: each statement line rounded with
 * `roundToKronaFormula`, att betala exkl. ränta with `amountExclInterestFormula`, the unpaid credit
 * claim with `unpaidCreditClaimFormula`. Printed: the answer columns, landscape, one page wide; the
 * working columns to their right are the intermediate figures (t's count, B_m, the periods, …).
 */
import { scaleToFit } from "../sheet/page";
import { Calculation, DATE_LABELS, StatementLabel } from "../engine";
import { FORMATS } from "../sheet/formats";
import {
  amountExclInterestFormula,
  reductionUsedFormula,
  roundToKronaFormula,
  unpaidCreditClaimFormula,
} from "../sheet/formulas";
import { CellContent, Grid, address, columnLetter, crossSheetReference } from "../sheet/grid";
import { CREATED_DATE_FIELD } from "../sheet/headerFooter";
import { referenceRanges } from "../sheet/referenceSheet";
import {
  Column,
  RowWriter,
  summaryResults,
  DATE_STEPS,
  INPUT_COLUMNS,
  PAID_COLUMN,
  RESULT_COLUMNS,
  SHARED_STEPS,
} from "../sheet/summaryColumns";
import { selfContainedRow } from "../sheet/summarySelfContained";
import { SheetPlan } from "../sheet/types";
import { wrappedHeight } from "../sheet/wrap";
import { ANSWER_LABELS, OUTCOME_ANSWERS, expectedAnswers } from "./answerFields";
import { FACIT_TEXT } from "./messages";
import { PracticeContract, PracticeFact, isPracticeFact } from "./practiceCase";

export const FACIT_SHEET_NAME = "Facit";

const DATES: readonly StatementLabel[] = ["notice", "repossession"];
const lower = (label: StatementLabel) => DATE_LABELS[label].toLowerCase();

/** The printed answer columns, in the order of the exercise sheet. */
export const FACIT_ANSWER_COLUMNS: Column[] = [
  { key: "caseId", header: "Övning", width: 13 },
  { key: "methodName", header: "Metod", width: 16 },
  {
    key: "unpaidLine",
    header: ANSWER_LABELS.unpaidCreditClaim,
    width: 14,
    numberFormat: FORMATS.kronor,
  },
  ...DATES.flatMap((d): Column[] => [
    { key: `${d}.t`, header: `t, ${lower(d)}`, width: 14, numberFormat: FORMATS.integer },
    {
      key: `${d}.reductionLine`,
      header: `${ANSWER_LABELS.reduction}, ${lower(d)}`,
      width: 19,
      numberFormat: FORMATS.kronor,
    },
    {
      key: `${d}.amountExcl`,
      header: `${ANSWER_LABELS.amountExclInterest}, ${lower(d)}`,
      width: 13,
      numberFormat: FORMATS.kronor,
    },
    {
      key: `${d}.amount`,
      header: `${ANSWER_LABELS.amountInclInterest}, ${lower(d)}`,
      width: 13,
      numberFormat: FORMATS.kronor,
      style: "total",
    },
  ]),
  { key: "surplus", header: "Överskott", width: 15, numberFormat: FORMATS.kronorOre },
  { key: "outcomeWord", header: "Utfall", width: 15 },
];

const PRINTED_KEYS = new Set(FACIT_ANSWER_COLUMNS.map((col) => col.key));

/** The working columns: every other figure the self-contained row computes. */
const WORKING_COLUMNS: Column[] = [
  ...RESULT_COLUMNS.filter((col) => !PRINTED_KEYS.has(col.key) && col.key !== "outcome"),
  PAID_COLUMN,
  ...INPUT_COLUMNS,
  ...SHARED_STEPS,
  ...DATES.flatMap((d) =>
    DATE_STEPS.filter((col) => col.key !== "t").map((col) => ({
      ...col,
      key: `${d}.${col.key}`,
      header: `${col.header} (${lower(d)})`,
    })),
  ),
];

const FACIT_COLUMNS: Column[] = [...FACIT_ANSWER_COLUMNS, ...WORKING_COLUMNS];

/** A case of the facit: its calculation and its exercise sheet (final name and named cells). */
export interface FacitCase {
  calc: Calculation;
  contract: PracticeContract;
  sheet: { name: string; names: Record<string, string> };
}

/**
 * The self-contained row's inputs that refer to the exercise sheet's facts, by column key: every
 * input column whose field a practice case gives (the others the row derives, as the engine does).
 */
const INPUT_FACTS: Readonly<Record<string, PracticeFact>> = Object.fromEntries(
  [PAID_COLUMN, ...INPUT_COLUMNS].flatMap((col) =>
    isPracticeFact(col.field) ? [[col.key, col.field]] : [],
  ),
);

/** The facit sheet for the cases, given the Referensräntor sheet's number of rows. */
export function planFacitSheet(cases: readonly FacitCase[], referenceRowCount: number): SheetPlan {
  const g = new Grid();
  const printedWidth = FACIT_ANSWER_COLUMNS.reduce((sum, col) => sum + col.width, 0);
  const first = cases[0]?.contract.caseId ?? "";
  const last = cases[cases.length - 1]?.contract.caseId ?? "";
  g.put(0, { value: FACIT_TEXT.title(first, last), style: "title" });
  g.next();
  g.put(0, { value: FACIT_TEXT.note, style: "note", wrap: true });
  const rowHeights: Record<number, number> = {
    [g.row]: wrappedHeight([{ text: FACIT_TEXT.note, width: printedWidth }]),
  };
  const merges = [`A2:${address(1, FACIT_ANSWER_COLUMNS.length - 1)}`];
  g.next(2);
  const headerRow = g.row;
  FACIT_COLUMNS.forEach((col, index) =>
    g.put(index, {
      value: col.header,
      style: "tableHeader",
      wrap: true,
      ...(col.numberFormat !== undefined ? { align: "right" as const } : {}),
    }),
  );
  rowHeights[headerRow] = wrappedHeight(
    FACIT_ANSWER_COLUMNS.map((col) => ({ text: col.header, width: col.width, bold: true })),
  );
  g.next();
  const rates = referenceRanges(referenceRowCount);
  for (const c of cases) {
    facitRow(g, c, rates);
    g.next();
  }
  const { cells, names } = g.resolve();
  const rowCount = g.row;
  return {
    name: FACIT_SHEET_NAME,
    rowCount,
    colCount: FACIT_COLUMNS.length,
    cells,
    merges,
    columnWidths: FACIT_COLUMNS.map((col) => col.width),
    rowHeights,
    print: {
      area: `A1:${address(rowCount - 1, FACIT_ANSWER_COLUMNS.length - 1)}`,
      orientation: "landscape",
      paperSize: "A4",
      scale: scaleToFit(
        FACIT_ANSWER_COLUMNS.map((col) => col.width),
        "landscape",
      ),
      titleRows: `$${headerRow + 1}:$${headerRow + 1}`,
      header: `&L${FACIT_SHEET_NAME}&RSkapad ${CREATED_DATE_FIELD}`,
      footer: "&RSida &P av &N",
      pageBreaksBefore: [],
    },
    names: {
      ...names,
      firstRow: String(headerRow + 2),
      lastRow: String(rowCount),
    },
  };
}

/** The writer of the current row, by column key; inputs become references to the exercise sheet. */
function facitRowWriter(g: Grid, c: FacitCase): RowWriter<string> {
  const r = g.row;
  const colOf = new Map(FACIT_COLUMNS.map((col, index) => [col.key, index]));
  const indexOf = (key: string) => {
    const col = colOf.get(key);
    if (col === undefined) throw new Error(`facit: no column ${key}`);
    return col;
  };
  const at = (key: string) => `${columnLetter(indexOf(key))}${r + 1}`;
  const fact = (field: keyof PracticeContract) => {
    const a1 = c.sheet.names[`input.${field}`];
    return a1 === undefined ? null : crossSheetReference(c.sheet.name, a1);
  };
  const raw = (key: string, content: CellContent) => {
    const col = FACIT_COLUMNS[indexOf(key)];
    g.put(indexOf(key), {
      numberFormat: col.numberFormat,
      style: col.style ?? (content.formula ? "derived" : "input"),
      ...content,
    });
  };
  const put = (key: string, content: CellContent) => {
    const result = content.value ?? content.result ?? "";
    const field = INPUT_FACTS[key];
    if (field !== undefined) {
      const ref = fact(field);
      // A fact the case does not have (no residual) is the engine's default, as a constant.
      raw(key, ref === null ? { value: content.value ?? 0 } : { formula: ref, result });
    } else if (key === "interestFrom") {
      raw(key, { formula: `${fact("applicationDate")}+1`, result });
    } else if (key === "unpaidCreditClaim") {
      const terms = { K: at("K"), n: at("n"), A: at("A"), f: at("f"), V: at("V") };
      raw(key, { formula: unpaidCreditClaimFormula(terms, at("paid")), result });
    } else if (key === "capital") {
      raw(key, { formula: at("unpaidCreditClaim"), result });
    } else if (key === "caseId") {
      raw(key, { value: c.contract.caseId, link: c.sheet.name, style: "label" });
    } else {
      raw(key, content);
    }
  };
  return { at, put };
}

/** One case's row: the summary's self-contained steps, then the answers it lacks. */
function facitRow(g: Grid, c: FacitCase, rates: ReturnType<typeof referenceRanges>): void {
  const row = facitRowWriter(g, c);
  const { at, put } = row;
  put("paid", { value: c.contract.installmentsPaid });
  selfContainedRow(c.calc, summaryResults(c.calc), row, rates);
  const answers = expectedAnswers(c.calc);
  const number = (id: string) => {
    const answer = answers[id];
    return answer?.kind === "number" ? answer.value.toNumber() : "";
  };
  const unpaidLine = roundToKronaFormula(at("unpaidCreditClaim"));
  put("unpaidLine", { formula: unpaidLine, result: number("unpaidCreditClaim") });
  for (const d of DATES) {
    const s = (key: string) => at(`${d}.${key}`);
    const guard = (formula: string) =>
      d === "notice" ? `IF(${at("noticeDate")}="","",${formula})` : formula;
    const reduction = roundToKronaFormula(
      reductionUsedFormula(at("method"), s("actual"), s("rule78")),
    );
    put(`${d}.reductionLine`, { formula: guard(reduction), result: number(`${d}.reduction`) });
    const excl = amountExclInterestFormula({
      unpaidCreditClaim: unpaidLine,
      basicFee: roundToKronaFormula(at("basicFee")),
      applicantCosts: roundToKronaFormula(at("applicantCosts")),
      reduction: s("reductionLine"),
    });
    put(`${d}.amountExcl`, { formula: guard(excl), result: number(`${d}.amountExclInterest`) });
  }
  const outcome = answers["repossession.outcome"];
  put("outcomeWord", {
    formula: `IF(${at("surplus")}="","",IF(${at("surplus")}>0,"${OUTCOME_ANSWERS.payDifference}","${OUTCOME_ANSWERS.notice}"))`,
    result: outcome?.kind === "outcome" ? OUTCOME_ANSWERS[outcome.value] : "",
  });
}
