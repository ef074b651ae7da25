/**
 * A summary row in summary-only mode: the contract's inputs carried on the row, and every figure
 * computed from them by the same formula builders as the calculation sheet (src/sheet/formulas.ts),
 * in closed form so one row is enough: the counts t and m from the due date in the date's month,
 * B_m by `balanceAfterFormula`, late interest as capital × Σ(days × rate) / 36 500 over the
 * `Referensräntor` sheet's half-years with SUMPRODUCT, #N/A when the table does not cover every day.
 */
import {
  Calculation,
  METHOD_NAMES,
  STATUTORY_MARGIN_PERCENT,
  Statement,
  StatementLabel,
  excelSerialFromDay,
} from "../engine";
import {
  TermRefs,
  accruedInterestFormula,
  actualReductionFormula,
  amountExclInterestFormula,
  amountInclInterestFormula,
  applicableRatePercentFormula,
  balanceAfterFormula,
  chooseMethodFormula,
  countDueDatesFormula,
  creditCostExclSetupFormula,
  daysAccruedFormula,
  daysBothCountedFormula,
  lateInterestFormula,
  methodNameFormula,
  monthlyRateFormula,
  periodEndFormula,
  periodStartFormula,
  reductionUsedFormula,
  remainingInstallmentsRule78Formula,
  remainingInterestFormula,
  roundToKronaFormula,
  rule78Formula,
  surplusFormula,
  unearnedFeesFormula,
} from "./formulas";
import type { DateStepKey, RowWriter, SummaryColumnKey, SummaryResults } from "./summaryColumns";

/** The address of the row's cell in a column. */
type At = (key: SummaryColumnKey) => string;

const num = (amount: { toNumber(): number }) => amount.toNumber();

/** The Referensräntor sheet's columns the interest formulas look up. */
export interface RateRanges {
  from: string;
  to: string;
  percent: string;
}

/** A summary row that computes everything from the inputs on the same row. */
export function selfContainedRow(
  calc: Calculation,
  results: SummaryResults,
  row: RowWriter,
  rates: RateRanges,
): void {
  row.put("caseId", { value: calc.contract.caseId, style: "label" });
  putInputs(calc, row);
  putShared(calc, row);
  for (const label of ["notice", "repossession"] as const) putDateSteps(calc, label, row, rates);
  putResults(results, row);
}

/** The contract's inputs, by the calculation sheet's input names. */
function putInputs(calc: Calculation, { put }: RowWriter): void {
  const c = calc.contract;
  const date = (day: number | null) => (day === null ? {} : { value: excelSerialFromDay(day) });
  put("K", { value: num(c.creditAmount) });
  put("rate", { value: num(c.annualRate) });
  put("n", { value: c.installments });
  put("first", { value: excelSerialFromDay(c.firstDueDate) });
  put("A", { value: num(c.installmentAmount) });
  put("f", { value: num(c.monthlyFee) });
  put("V", { value: num(c.residual) });
  put("unpaidCreditClaim", { value: num(c.unpaidCreditClaim) });
  put("capital", { value: num(c.interestCapital) });
  put("interestFrom", { value: excelSerialFromDay(c.interestFrom) });
  put("cap", { value: c.lateInterestRate === null ? 0 : num(c.lateInterestRate) });
  put("claimed", { value: num(c.claimedInterest) });
  put("basicFee", { value: num(c.basicFee) });
  put("applicantCosts", { value: num(c.applicantCosts) });
  put("noticeDate", date(c.noticeDate));
  put("repossessionDate", date(c.repossessionDate));
  put("value", c.estimatedValue === null ? {} : { value: num(c.estimatedValue) });
  put("methodChoice", { value: c.method });
}

function termsOf(at: At): TermRefs {
  return { K: at("K"), n: at("n"), A: at("A"), f: at("f"), V: at("V") };
}

/** i, c and the method: figures both dates share. */
function putShared(calc: Calculation, { at, put }: RowWriter): void {
  put("i", {
    formula: monthlyRateFormula(at("rate")),
    result: num(calc.contract.annualRate.dividedBy(12)),
  });
  put("c", {
    formula: creditCostExclSetupFormula(termsOf(at)),
    result: num(calc.creditCostExclSetup),
  });
  put("method", { formula: chooseMethodFormula(at("methodChoice"), at("V")), result: calc.method });
}

/** One date's steps: the counts, B_m and its period, late interest, both reductions, the amount. */
function putDateSteps(
  calc: Calculation,
  label: "notice" | "repossession",
  { at, put }: RowWriter,
  rates: RateRanges,
): void {
  const st: Statement | undefined = calc.statements.find((s) => s.label === label);
  const d = at(label === "notice" ? "noticeDate" : "repossessionDate");
  const s = (key: DateStepKey) => at(`${label}.${key}`);
  const [n, first, i] = [at("n"), at("first"), at("i")];
  const terms = termsOf(at);
  // Without a notice date the notice columns stay empty.
  const step = (key: DateStepKey, formula: string, result: (st: Statement) => number) =>
    put(`${label}.${key}`, {
      formula: label === "notice" ? `IF(${d}="","",${formula})` : formula,
      result: st ? result(st) : "",
    });
  step("before", countDueDatesFormula(first, n, d, false), (x) => x.dueDatesBefore);
  step("t", remainingInstallmentsRule78Formula(n, s("before")), (x) => x.remainingInstallments);
  step("m", countDueDatesFormula(first, n, d, true), (x) => x.actual.duePassed);
  step("balance", balanceAfterFormula(terms, i, s("m")), (x) => num(x.actual.balance));
  step("start", periodStartFormula(first, s("m")), (x) => excelSerialFromDay(x.actual.periodStart));
  step("end", periodEndFormula(first, s("m")), (x) => excelSerialFromDay(x.actual.periodEnd));
  step("interest", interestFormula(at, d, rates), (x) => num(x.lateInterest.total));
  step("rule78", rule78Formula(s("t"), n, at("c")), (x) => num(x.reductionRule78));
  const actual = actualReductionFormula({
    m: s("m"),
    installments: n,
    remainingInterest: remainingInterestFormula(terms, s("m"), s("balance")),
    accruedInterest: accruedInterestFormula(
      s("balance"),
      i,
      daysAccruedFormula(d, s("start")),
      s("start"),
      s("end"),
    ),
    unearnedFees: unearnedFeesFormula(at("f"), n, s("m")),
  });
  step("actual", actual, (x) => num(x.actual.reduction));
  step("amount", amountFormula(at, label), (x) => num(x.lines.amountInclInterest));
}

/**
 * Late interest at date `d` over the Referensräntor sheet's half-years: days of each half-year inside
 * the window (both ends counted) × its rate, summed, × capital / 36 500; #N/A where the table does not
 * cover every day of the window.
 */
function interestFormula(at: At, d: string, rates: RateRanges): string {
  const from = at("interestFrom");
  const lo = `((${from}>${rates.from})*${from}+(${from}<=${rates.from})*${rates.from})`;
  const hi = `((${d}<${rates.to})*${d}+(${d}>=${rates.to})*${rates.to})`;
  const days = daysBothCountedFormula(lo, hi, true);
  const margin = STATUTORY_MARGIN_PERCENT.toString();
  const rate = applicableRatePercentFormula(rates.percent, margin, at("cap"), true);
  return `IF(${d}<${from},0,IF(SUMPRODUCT(${days})<>${d}-${from}+1,NA(),${lateInterestFormula(at("capital"), `SUMPRODUCT(${days}*${rate})`)}))`;
}

/** Att betala inkl. ränta: each line rounded once, the rounded lines added (conventions §7). */
function amountFormula(at: At, label: StatementLabel): string {
  const s = (key: DateStepKey) => at(`${label}.${key}`);
  const reduction = reductionUsedFormula(at("method"), s("actual"), s("rule78"));
  return amountInclInterestFormula(
    amountExclInterestFormula({
      unpaidCreditClaim: roundToKronaFormula(at("unpaidCreditClaim")),
      basicFee: roundToKronaFormula(at("basicFee")),
      applicantCosts: roundToKronaFormula(at("applicantCosts")),
      reduction: roundToKronaFormula(reduction),
    }),
    roundToKronaFormula(s("interest")),
    roundToKronaFormula(at("claimed")),
  );
}

/** The result columns, from the steps. */
function putResults(results: SummaryResults, { at, put }: RowWriter): void {
  put("methodName", {
    formula: methodNameFormula(at("method"), METHOD_NAMES),
    result: results.methodName,
  });
  put("t", { formula: at("repossession.t"), result: results.t });
  put("difference", {
    formula: `${at("repossession.actual")}-${at("repossession.rule78")}`,
    result: results.difference,
  });
  put("valueShown", { formula: `IF(${at("value")}="","",${at("value")})`, result: results.value });
  put("surplus", {
    formula: surplusFormula(at("value"), at("repossession.amount")),
    result: results.surplus,
  });
}
