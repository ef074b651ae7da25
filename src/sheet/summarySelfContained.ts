/**
 * A summary row in summary-only mode: the contract's inputs carried on the row, and every figure
 * computed from them with the same conventions as the calculation sheet, in closed form so one row
 * is enough.
 */
import {
  Calculation,
  METHOD_NAMES,
  STATUTORY_MARGIN_PERCENT,
  Statement,
  countDueDates,
  dueDate,
  excelSerialFromDay,
  partsOfDay,
} from "../engine";
import type { RowWriter, SummaryResults } from "./summary";

const num = (amount: { toNumber(): number }) => amount.toNumber();

/** Months from the first due date to the date, + 1: the instalment due in the date's month. */
function monthIndex(first: number, date: number): number {
  const a = partsOfDay(first);
  const b = partsOfDay(date);
  return (b.year - a.year) * 12 + (b.month - a.month) + 1;
}

/** A summary row that computes everything from the inputs on the same row. */
export function selfContainedRow(
  calc: Calculation,
  results: SummaryResults,
  { at, put }: RowWriter,
  rates: { from: string; to: string; percent: string },
): void {
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

  const [K, rate, n, first, A, f, V] = ["K", "rate", "n", "first", "A", "f", "V"].map(at);
  put("i", { formula: `${rate}/12`, result: num(c.annualRate.dividedBy(12)) });
  put("c", { formula: `${n}*(${A}+${f})+${V}-${K}`, result: num(calc.creditCostExclSetup) });
  put("method", {
    formula: `IF(${at("methodChoice")}="auto",IF(${V}>0,"actual","rule78"),IF(OR(${at("methodChoice")}="rule78",${at("methodChoice")}="actual"),${at("methodChoice")},NA()))`,
    result: calc.method,
  });
  const i = at("i");
  const cc = at("c");
  const margin = STATUTORY_MARGIN_PERCENT.toString();

  const reduction = (l: string) =>
    `IF(${at("method")}="actual",${at(`${l}.actual`)},${at(`${l}.rule78`)})`;
  const amount = (l: string) =>
    `ROUND(${at("unpaidCreditClaim")},0)+ROUND(${at("basicFee")},0)+ROUND(${at("applicantCosts")},0)-ROUND(${reduction(l)},0)+ROUND(${at(`${l}.interest`)},0)+ROUND(${at("claimed")},0)`;

  for (const label of ["notice", "repossession"] as const) {
    const st: Statement | undefined = calc.statements.find((s) => s.label === label);
    const d = at(label === "notice" ? "noticeDate" : "repossessionDate");
    const s = (key: string) => at(`${label}.${key}`);
    // Without a notice date the notice columns stay empty.
    const guard = (formula: string) => (label === "notice" ? `IF(${d}="","",${formula})` : formula);
    const k = st ? monthIndex(c.firstDueDate, st.date) : "";
    put(`${label}.k`, {
      formula: guard(`(YEAR(${d})-YEAR(${first}))*12+MONTH(${d})-MONTH(${first})+1`),
      result: k,
    });
    put(`${label}.before`, {
      formula: guard(`MAX(0,MIN(${n},${s("k")}-IF(EDATE(${first},${s("k")}-1)<${d},0,1)))`),
      result: st ? countDueDates(c.firstDueDate, c.installments, st.date, false) : "",
    });
    put(`${label}.t`, {
      formula: guard(`MAX(0,${n}-1-${s("before")})`),
      result: st ? st.remainingInstallments : "",
    });
    put(`${label}.m`, {
      formula: guard(`MAX(0,MIN(${n},${s("k")}-IF(EDATE(${first},${s("k")}-1)<=${d},0,1)))`),
      result: st ? st.actual.duePassed : "",
    });
    put(`${label}.balance`, {
      formula: guard(
        `IF(${s("m")}>=${n},0,IF(${i}=0,${K}-${A}*${s("m")},${K}*(1+${i})^${s("m")}-${A}*((1+${i})^${s("m")}-1)/${i}))`,
      ),
      result: st ? num(st.actual.balance) : "",
    });
    put(`${label}.start`, {
      formula: guard(`EDATE(${first},${s("m")}-1)`),
      result: st ? excelSerialFromDay(dueDate(c.firstDueDate, st.actual.duePassed)) : "",
    });
    put(`${label}.end`, {
      formula: guard(`EDATE(${first},${s("m")})`),
      result: st ? excelSerialFromDay(dueDate(c.firstDueDate, st.actual.duePassed + 1)) : "",
    });
    const F = at("interestFrom");
    const lo = `((${F}>${rates.from})*${F}+(${F}<=${rates.from})*${rates.from})`;
    const hi = `((${d}<${rates.to})*${d}+(${d}>=${rates.to})*${rates.to})`;
    const days = `((${hi}-${lo}+1)>0)*(${hi}-${lo}+1)`;
    const statutory = `(${rates.percent}+${margin})`;
    const capped = `(${statutory}-(${at("cap")}>0)*(${statutory}>${at("cap")}*100)*(${statutory}-${at("cap")}*100))`;
    const rateVector = `((${capped}>0)*${capped})`;
    put(`${label}.interest`, {
      formula: guard(
        `IF(${d}<${F},0,IF(SUMPRODUCT(${days})<>${d}-${F}+1,NA(),${at("capital")}*SUMPRODUCT(${days}*${rateVector})/36500))`,
      ),
      result: st ? num(st.lateInterest.total) : "",
    });
    put(`${label}.rule78`, {
      formula: guard(`MAX(0,${s("t")}*(${s("t")}+1)*${cc}/(${n}*(${n}+1)))`),
      result: st ? num(st.reductionRule78) : "",
    });
    put(`${label}.actual`, {
      formula: guard(
        `IF(${s("m")}>=${n},0,MAX(0,${A}*(${n}-${s("m")})+${V}-${s("balance")}-${s("balance")}*${i}*MAX(0,${d}-${s("start")})/(${s("end")}-${s("start")})+${f}*(${n}-${s("m")})))`,
      ),
      result: st ? num(st.actual.reduction) : "",
    });
    put(`${label}.amount`, {
      formula: guard(amount(label)),
      result: st ? num(st.lines.amountInclInterest) : "",
    });
  }
  put("caseId", { value: c.caseId, style: "label" });
  put("methodName", {
    formula: `IF(${at("method")}="actual","${METHOD_NAMES.actual}","${METHOD_NAMES.rule78}")`,
    result: results.methodName,
  });
  put("t", { formula: at("repossession.t"), result: results.t });
  put("difference", {
    formula: `${at("repossession.actual")}-${at("repossession.rule78")}`,
    result: results.difference,
  });
  put("valueShown", { formula: `IF(${at("value")}="","",${at("value")})`, result: results.value });
  put("surplus", {
    formula: `IF(${at("value")}="","",${at("value")}-${at("repossession.amount")})`,
    result: results.surplus,
  });
}
