/**
 * The summary sheet's columns: the results every row shows, and (summary-only mode) the contract
 * inputs each row carries and the intermediate figures its formulas compute, shared and per date.
 */
import {
  CONTRACT_SCHEMA,
  Calculation,
  ContractField,
  DATE_LABELS,
  METHOD_NAMES,
  OUTCOME_TEXT,
  StatementLabel,
  formatKronor,
  outcomeOf,
} from "../engine";
import { FORMATS } from "./formats";
import type { CellContent } from "./grid";
import { CellStyle } from "./types";

export interface Column<K extends string = string> {
  key: K;
  header: string;
  width: number;
  numberFormat?: string;
  style?: CellStyle;
  /** The column's cells wrap their text (the row is made tall enough, see `summaryRowHeight`). */
  wrap?: boolean;
}

export const RESULT_COLUMNS = [
  { key: "caseId", header: "Ärende", width: 18 },
  { key: "methodName", header: "Metod", width: 17 },
  { key: "t", header: "t vid återtagning", width: 13, numberFormat: FORMATS.integer },
  {
    key: "notice.rule78",
    header: "R 78-regeln, underrättelse",
    width: 16,
    numberFormat: FORMATS.kronorOre,
  },
  {
    key: "notice.actual",
    header: "R faktisk, underrättelse",
    width: 16,
    numberFormat: FORMATS.kronorOre,
  },
  {
    key: "repossession.rule78",
    header: "R 78-regeln, återtagning",
    width: 16,
    numberFormat: FORMATS.kronorOre,
  },
  {
    key: "repossession.actual",
    header: "R faktisk, återtagning",
    width: 16,
    numberFormat: FORMATS.kronorOre,
  },
  {
    key: "difference",
    header: "Skillnad för konsumenten (faktisk − 78), återtagning",
    width: 18,
    numberFormat: FORMATS.kronorOre,
  },
  {
    key: "notice.amount",
    header: "Att betala inkl. ränta, underrättelse",
    width: 15,
    numberFormat: FORMATS.kronor,
    style: "total",
  },
  {
    key: "repossession.amount",
    header: "Att betala inkl. ränta, återtagning",
    width: 15,
    numberFormat: FORMATS.kronor,
    style: "total",
  },
  { key: "valueShown", header: "Uppskattat värde", width: 13, numberFormat: FORMATS.kronor },
  { key: "surplus", header: "Överskott", width: 13, numberFormat: FORMATS.kronor, style: "total" },
  // 32: narrow enough that the columns after the first page's fit a second one with the case id
  // in any renderer (src/sheet/page.ts), so the summary is two pages wide.
  { key: "outcome", header: "Utfall", width: 32, wrap: true },
] as const satisfies readonly Column[];

/** A column holding a contract field's value: headed by the field's label from the schema. */
export interface InputColumn<K extends string = string> extends Column<K> {
  field: ContractField;
}

/** An input column; `note` tells it apart from a result column of the same name. */
function inputColumn<K extends string>(
  key: K,
  field: ContractField,
  width: number,
  numberFormat?: string,
  note?: string,
): InputColumn<K> {
  const label = CONTRACT_SCHEMA[field].label;
  return { key, field, header: note ? `${label} (${note})` : label, width, numberFormat };
}

/** Contract inputs carried on each row (summary-only mode), by the calculation sheet's input names. */
export const INPUT_COLUMNS = [
  inputColumn("K", "creditAmount", 12, FORMATS.kronor),
  inputColumn("rate", "annualRate", 9, FORMATS.rate),
  inputColumn("n", "installments", 9, FORMATS.integer),
  inputColumn("first", "firstDueDate", 11, FORMATS.date),
  inputColumn("A", "installmentAmount", 10, FORMATS.kronorOre),
  inputColumn("f", "monthlyFee", 9, FORMATS.kronorOre),
  inputColumn("V", "residual", 10, FORMATS.kronor),
  inputColumn("unpaidCreditClaim", "unpaidCreditClaim", 13, FORMATS.kronorOre),
  inputColumn("capital", "interestCapital", 13, FORMATS.kronorOre),
  inputColumn("interestFrom", "interestFrom", 11, FORMATS.date),
  inputColumn("cap", "lateInterestRate", 10, FORMATS.rate),
  inputColumn("claimed", "claimedInterest", 10, FORMATS.kronor),
  inputColumn("basicFee", "basicFee", 10, FORMATS.kronor),
  inputColumn("applicantCosts", "applicantCosts", 10, FORMATS.kronor),
  inputColumn("noticeDate", "noticeDate", 11, FORMATS.date),
  inputColumn("repossessionDate", "repossessionDate", 11, FORMATS.date),
  inputColumn("value", "estimatedValue", 12, FORMATS.kronor, "indata"),
  inputColumn("methodChoice", "method", 9, undefined, "indata"),
] as const;

/**
 * The instalments paid: an input of the training facit's rows, which compute the unpaid credit claim
 * from it; the summary carries that claim itself.
 */
export const PAID_COLUMN = inputColumn("paid", "installmentsPaid", 9, FORMATS.integer);

/** Intermediate figures (summary-only mode): shared, then per date. */
export const SHARED_STEPS = [
  { key: "i", header: "i (månadsränta)", width: 10, numberFormat: FORMATS.monthlyRate },
  { key: "c", header: "c", width: 12, numberFormat: FORMATS.kronorOre },
  { key: "method", header: "Metodkod", width: 9 },
] as const satisfies readonly Column[];
export const DATE_STEPS = [
  { key: "before", header: "förfallodagar före", width: 9, numberFormat: FORMATS.integer },
  { key: "t", header: "t", width: 7, numberFormat: FORMATS.integer },
  { key: "m", header: "m", width: 7, numberFormat: FORMATS.integer },
  { key: "balance", header: "B_m", width: 12, numberFormat: FORMATS.kronorOre },
  { key: "start", header: "förfallodag m", width: 11, numberFormat: FORMATS.date },
  { key: "end", header: "förfallodag m+1", width: 11, numberFormat: FORMATS.date },
  { key: "interest", header: "dröjsmålsränta", width: 12, numberFormat: FORMATS.kronorOre },
] as const satisfies readonly Column[];

type KeyOf<C extends readonly Column[]> = C[number]["key"];

/** The key of a per-date column without its date (`t` of `notice.t`): a step, or a result's. */
export type DateStepKey = KeyOf<typeof DATE_STEPS> | "rule78" | "actual" | "amount";

/** Every column a summary row can have, by key: a mistyped key is a type error, not a run-time one. */
export type SummaryColumnKey =
  | KeyOf<typeof RESULT_COLUMNS>
  | KeyOf<typeof INPUT_COLUMNS>
  | KeyOf<typeof SHARED_STEPS>
  | `${StatementLabel}.${DateStepKey}`;
export type SummaryColumn = Column<SummaryColumnKey>;

/** The columns of a summary: results, then (summary-only mode) inputs and intermediate figures. */
export function summaryColumns(selfContained: boolean): readonly SummaryColumn[] {
  if (!selfContained) return RESULT_COLUMNS;
  const dateSteps = (["notice", "repossession"] as const).flatMap((label) =>
    DATE_STEPS.map((col) => ({
      ...col,
      key: `${label}.${col.key}` as const,
      header: `${col.header} (${DATE_LABELS[label].toLowerCase()})`,
    })),
  );
  return [...RESULT_COLUMNS, ...INPUT_COLUMNS, ...SHARED_STEPS, ...dateSteps];
}

/** Writes cells of one summary row by column key. */
export interface RowWriter<K extends string = SummaryColumnKey> {
  /** The A1 address of the row's cell in column `key`. */
  at: (key: K) => string;
  put: (key: K, content: CellContent) => void;
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
export function summaryResults(calc: Calculation): SummaryResults {
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
  return outcome.kind === "payDifference" ? `${text} ${formatKronor(outcome.surplus)}` : text;
}
