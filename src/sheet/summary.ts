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
 *   when the table does not cover every day (never a guess).
 */
import {
  Calculation,
  DATE_LABELS,
  Dec,
  METHOD_NAMES,
  OUTCOME_TEXT,
  STATUTORY_MARGIN_PERCENT,
  Statement,
  countDueDates,
  dueDate,
  excelSerialFromDay,
  outcomeOf,
  partsOfDay,
} from "../engine";
import { CellContent, Grid, address, columnLetter } from "./grid";
import { FORMATS, METHOD_NOTE } from "./plan";
import { referenceRanges } from "./referenceSheet";
import { CellStyle, PlannedCell, PrintSettings, SheetPlan } from "./types";

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

interface Column {
  key: string;
  header: string;
  width: number;
  numberFormat?: string;
  style?: CellStyle;
}

const RESULT_COLUMNS: Column[] = [
  { key: "caseId", header: "Ärende", width: 18 },
  { key: "methodName", header: "Metod", width: 17 },
  { key: "t", header: "t vid återtagning", width: 10, numberFormat: FORMATS.integer },
  {
    key: "notice.rule78",
    header: "R 78-regeln, underrättelse",
    width: 14,
    numberFormat: FORMATS.kronorOre,
  },
  {
    key: "notice.actual",
    header: "R faktisk, underrättelse",
    width: 14,
    numberFormat: FORMATS.kronorOre,
  },
  {
    key: "repossession.rule78",
    header: "R 78-regeln, återtagning",
    width: 14,
    numberFormat: FORMATS.kronorOre,
  },
  {
    key: "repossession.actual",
    header: "R faktisk, återtagning",
    width: 14,
    numberFormat: FORMATS.kronorOre,
  },
  {
    key: "difference",
    header: "Skillnad för konsumenten (faktisk − 78), återtagning",
    width: 16,
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
  { key: "outcome", header: "Utfall", width: 40 },
];

/** Contract inputs carried on each row (summary-only mode), by the calculation sheet's input names. */
const INPUT_COLUMNS: Column[] = [
  { key: "K", header: "Kreditbelopp", width: 12, numberFormat: FORMATS.kronor },
  { key: "rate", header: "Årsränta", width: 9, numberFormat: FORMATS.rate },
  { key: "n", header: "Antal avbetalningar", width: 9, numberFormat: FORMATS.integer },
  { key: "first", header: "Första förfallodag", width: 11, numberFormat: FORMATS.date },
  { key: "A", header: "Avbetalning", width: 10, numberFormat: FORMATS.kronorOre },
  { key: "f", header: "Aviavgift", width: 9, numberFormat: FORMATS.kronorOre },
  { key: "V", header: "Restbelopp", width: 10, numberFormat: FORMATS.kronor },
  {
    key: "unpaidCreditClaim",
    header: "Obetald del av kreditfordran",
    width: 13,
    numberFormat: FORMATS.kronorOre,
  },
  { key: "capital", header: "Räntebärande kapital", width: 13, numberFormat: FORMATS.kronorOre },
  { key: "interestFrom", header: "Ränta från", width: 11, numberFormat: FORMATS.date },
  { key: "cap", header: "Avtalad dröjsmålsränta", width: 10, numberFormat: FORMATS.rate },
  { key: "claimed", header: "Yrkad ränta", width: 10, numberFormat: FORMATS.kronor },
  { key: "basicFee", header: "Grundavgift", width: 10, numberFormat: FORMATS.kronor },
  { key: "applicantCosts", header: "Sökandens kostnader", width: 10, numberFormat: FORMATS.kronor },
  { key: "noticeDate", header: "Underrättelsedag", width: 11, numberFormat: FORMATS.date },
  { key: "repossessionDate", header: "Återtagningsdag", width: 11, numberFormat: FORMATS.date },
  { key: "value", header: "Uppskattat värde (indata)", width: 12, numberFormat: FORMATS.kronor },
  { key: "methodChoice", header: "Metod (indata)", width: 9 },
];

/** Intermediate figures (summary-only mode): shared, then per date. */
const SHARED_STEPS: Column[] = [
  { key: "i", header: "i (månadsränta)", width: 10, numberFormat: FORMATS.monthlyRate },
  { key: "c", header: "c", width: 12, numberFormat: FORMATS.kronorOre },
  { key: "method", header: "Metodkod", width: 9 },
];
const DATE_STEPS: Column[] = [
  { key: "k", header: "k (förfallodag i datumets månad)", width: 9, numberFormat: FORMATS.integer },
  { key: "before", header: "förfallodagar före", width: 9, numberFormat: FORMATS.integer },
  { key: "t", header: "t", width: 7, numberFormat: FORMATS.integer },
  { key: "m", header: "m", width: 7, numberFormat: FORMATS.integer },
  { key: "balance", header: "B_m", width: 12, numberFormat: FORMATS.kronorOre },
  { key: "start", header: "förfallodag m", width: 11, numberFormat: FORMATS.date },
  { key: "end", header: "förfallodag m+1", width: 11, numberFormat: FORMATS.date },
  { key: "interest", header: "dröjsmålsränta", width: 12, numberFormat: FORMATS.kronorOre },
];

const num = (amount: Dec) => amount.toNumber();

/** Months from the first due date to the date, + 1: the instalment due in the date's month. */
function monthIndex(first: number, date: number): number {
  const a = partsOfDay(first);
  const b = partsOfDay(date);
  return (b.year - a.year) * 12 + (b.month - a.month) + 1;
}

/** The summary sheet plan. */
export function planSummary(input: SummaryInput): SheetPlan {
  const g = new Grid();
  const selfContained = input.sheets === undefined;
  const stepColumns = selfContained
    ? [
        ...SHARED_STEPS,
        ...(["notice", "repossession"] as const).flatMap((label) =>
          DATE_STEPS.map((col) => ({
            ...col,
            key: `${label}.${col.key}`,
            header: `${col.header} (${DATE_LABELS[label].toLowerCase()})`,
          })),
        ),
      ]
    : [];
  const columns = [...RESULT_COLUMNS, ...(selfContained ? INPUT_COLUMNS : []), ...stepColumns];
  const colOf = new Map(columns.map((col, index) => [col.key, index]));
  const lastCol = columns.length - 1;

  g.put(0, { value: "Sammanställning – återtagande", style: "title" });
  g.next();
  g.put(0, { value: METHOD_NOTE, style: "note" });
  const merges = [`A2:${address(1, RESULT_COLUMNS.length - 1)}`];
  g.next(2);
  const headerRow = g.row;
  columns.forEach((col, index) => g.put(index, { value: col.header, style: "tableHeader" }));
  g.next();

  const rates = referenceRanges(input.referenceRowCount);
  const allResults = input.calculations.map(summaryResults);
  input.calculations.forEach((calc, index) => {
    const r = g.row;
    const at = (key: string) => {
      const col = colOf.get(key);
      if (col === undefined) throw new Error(`summary: no column ${key}`);
      return `${columnLetter(col)}${r + 1}`;
    };
    const put = (key: string, content: CellContent) => {
      const col = columns[colOf.get(key)!];
      g.put(colOf.get(key)!, {
        numberFormat: col.numberFormat,
        style: col.style ?? (content.formula ? "derived" : "input"),
        ...content,
      });
    };
    const results = allResults[index];
    const sheet = input.sheets?.[index];
    if (sheet) {
      const ref = (name: string) => {
        const a1 = sheet.names[name];
        if (a1 === undefined)
          throw new Error(`summary: sheet ${sheet.name} has no cell named ${name}`);
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
      put("difference", {
        formula: ref("repossession.methodDifference"),
        result: results.difference,
      });
      put("notice.amount", {
        formula: noticeRef("amountInclInterest"),
        result: results.noticeAmount,
      });
      put("repossession.amount", {
        formula: ref("repossession.amountInclInterest"),
        result: results.amount,
      });
      put("valueShown", { formula: ref("repossession.value"), result: results.value });
      put("surplus", { formula: ref("repossession.surplus"), result: results.surplus });
    } else {
      selfContainedRow(calc, results, at, put, rates);
    }
    put("outcome", {
      formula: `IF(${at("valueShown")}="","${OUTCOME_TEXT.noValue}",IF(${at("surplus")}>0,"${OUTCOME_TEXT.payDifference} "&TEXT(${at("surplus")},"0")&" kr","${OUTCOME_TEXT.notice}"))`,
      result: results.outcome,
    });
    g.next();
  });
  const firstDataRow = headerRow + 1;
  const lastDataRow = g.row - 1;

  if (input.calculations.length > 0) {
    g.put(0, { value: `Summa (${input.calculations.length} ärenden)`, style: "total" });
    for (const key of ["notice.amount", "repossession.amount", "difference"]) {
      const col = colOf.get(key)!;
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

  g.next();
  g.put(0, {
    value: input.refused.length
      ? `Rader som inte kunde beräknas (${input.refused.length})`
      : "Alla rader kunde beräknas.",
    style: "section",
  });
  g.next();
  if (input.refused.length) {
    ["Rad", "Ärende", "Orsak"].forEach((text, col) =>
      g.put(col, { value: text, style: "tableHeader" }),
    );
    g.next();
    for (const row of input.refused) {
      g.put(0, { value: row.where, style: "warning" });
      g.put(1, { value: row.caseId });
      g.put(2, { value: row.reason, style: "warning" });
      g.next();
    }
  }

  const { cells, names } = g.resolve();
  return {
    name: SUMMARY_SHEET_NAME,
    rowCount: g.row,
    colCount: columns.length,
    cells,
    merges,
    columnWidths: columns.map((col) => col.width),
    print: {
      area: `A1:${address(Math.max(0, g.row - 1), RESULT_COLUMNS.length - 1)}`,
      orientation: "landscape",
      paperSize: "A4",
      fitToWidth: 1,
      titleRows: `$${headerRow + 1}:$${headerRow + 1}`,
      header: `&L${SUMMARY_SHEET_NAME}&R&D`,
      footer: "&RSida &P av &N",
      pageBreaksBefore: [],
    },
    names: {
      ...names,
      firstRow: String(firstDataRow + 1),
      lastRow: String(lastDataRow + 1),
      lastColumn: columnLetter(lastCol),
    },
  };
}

interface SummaryResults {
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

/** The engine's figures for a summary row (the formulas' cached results). */
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

/** A summary row that computes everything from the inputs on the same row. */
function selfContainedRow(
  calc: Calculation,
  results: SummaryResults,
  at: (key: string) => string,
  put: (key: string, content: CellContent) => void,
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
        `IF(${d}<${F},0,IF(SUMPRODUCT(${days})<>${d}-${F}+1,NA(),${at("capital")}*SUMPRODUCT(${days}*${rateVector})/100/365))`,
      ),
      result: st ? num(st.lateInterest.total) : "",
    });
    put(`${label}.rule78`, {
      formula: guard(`${s("t")}*(${s("t")}+1)*${cc}/(${n}*(${n}+1))`),
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

// ---------------------------------------------------------------------------------------------------
// Row by row: the same sheet for a writer that never holds every row (the streaming batch).

/** What {@link SummaryRows} needs to know before the first case. */
export interface SummaryRowsOptions {
  /** True when each case has a calculation sheet the row refers to (then pass `sheet` per row). */
  sheets: boolean;
  /** Rows of the Referensräntor sheet the formulas look up (summary-only mode). */
  referenceRowCount: number;
}

/**
 * The summary sheet of {@link planSummary} produced in parts, so a streaming writer holds one row at a
 * time: `head()` (title, note, column headers), then `row(calc)` once per case in order, then
 * `foot(refused)` (the totals row and the refused rows) and the plan's frame (`frame()`: widths,
 * merges, print settings and names, which depend on the final row count). Put together, the parts
 * are exactly `planSummary`'s cells; the running totals are kept here as the rows go by.
 */
export class SummaryRows {
  /** 0-based sheet row of the column headers. */
  readonly headerRow = 3;
  readonly columns: readonly Column[];
  private readonly colOf: Map<string, number>;
  private readonly rates: { from: string; to: string; percent: string };
  private nextRow: number;
  private readonly totals = new Map<string, number>();
  private cases = 0;
  private endRow: number | null = null;

  constructor(private readonly options: SummaryRowsOptions) {
    this.columns = summaryColumns(!options.sheets);
    this.colOf = new Map(this.columns.map((col, index) => [col.key, index]));
    this.rates = referenceRanges(options.referenceRowCount);
    this.nextRow = this.headerRow + 1;
  }

  /** Title, method note and the header row. */
  head(): PlannedCell[] {
    return [
      { row: 0, col: 0, value: "Sammanställning – återtagande", style: "title" },
      { row: 1, col: 0, value: METHOD_NOTE, style: "note" },
      ...this.columns.map((col, index): PlannedCell => ({
        row: this.headerRow,
        col: index,
        value: col.header,
        style: "tableHeader",
      })),
    ];
  }

  /** The next case's row; `sheet` is its calculation sheet when the summary refers to sheets. */
  row(calc: Calculation, sheet?: CaseSheetRef): PlannedCell[] {
    if (this.endRow !== null) throw new Error("summary: a row after the foot");
    if (this.options.sheets !== (sheet !== undefined))
      throw new Error("summary: a row's sheet must be given exactly when the summary has sheets");
    const g = new Grid();
    g.row = this.nextRow;
    const r = g.row;
    const at = (key: string) => {
      const col = this.colOf.get(key);
      if (col === undefined) throw new Error(`summary: no column ${key}`);
      return `${columnLetter(col)}${r + 1}`;
    };
    const put = (key: string, content: CellContent) => {
      const col = this.columns[this.colOf.get(key)!];
      g.put(this.colOf.get(key)!, {
        numberFormat: col.numberFormat,
        style: col.style ?? (content.formula ? "derived" : "input"),
        ...content,
      });
    };
    const results = summaryResults(calc);
    if (sheet) sheetRow(calc, results, sheet, put);
    else selfContainedRow(calc, results, at, put, this.rates);
    put("outcome", {
      formula: `IF(${at("valueShown")}="","${OUTCOME_TEXT.noValue}",IF(${at("surplus")}>0,"${OUTCOME_TEXT.payDifference} "&TEXT(${at("surplus")},"0")&" kr","${OUTCOME_TEXT.notice}"))`,
      result: results.outcome,
    });
    for (const key of TOTAL_KEYS)
      this.totals.set(key, (this.totals.get(key) ?? 0) + summaryNumber(results, key));
    this.cases++;
    this.nextRow++;
    return g.cells.sort((a, b) => a.col - b.col);
  }

  /** The totals row (when there were cases) and the rows that could not be calculated. */
  foot(refused: readonly RefusedRow[]): PlannedCell[] {
    const g = new Grid();
    g.row = this.nextRow;
    const firstDataRow = this.headerRow + 1;
    const lastDataRow = this.nextRow - 1;
    if (this.cases > 0) {
      g.put(0, { value: `Summa (${this.cases} ärenden)`, style: "total" });
      for (const key of TOTAL_KEYS) {
        const col = this.colOf.get(key)!;
        g.put(col, {
          formula: `SUM(${address(firstDataRow, col)}:${address(lastDataRow, col)})`,
          result: this.totals.get(key)!,
          numberFormat: this.columns[col].numberFormat,
          style: "total",
        });
      }
      g.next();
    }
    g.next();
    g.put(0, {
      value: refused.length
        ? `Rader som inte kunde beräknas (${refused.length})`
        : "Alla rader kunde beräknas.",
      style: "section",
    });
    g.next();
    if (refused.length) {
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
    this.endRow = g.row;
    return g.cells.sort((a, b) => a.row - b.row || a.col - b.col);
  }

  /**
   * What is known from the start (a streaming writer sets it first): widths, merges, and the page
   * setup without the print area.
   */
  layout(): SummaryLayout {
    return {
      name: SUMMARY_SHEET_NAME,
      colCount: this.columns.length,
      columnWidths: this.columns.map((col) => col.width),
      merges: [`A2:${address(1, RESULT_COLUMNS.length - 1)}`],
      page: { orientation: "landscape", paperSize: "A4", fitToWidth: 1 },
    };
  }

  /** The whole plan but its cells, after `foot`: row count, print settings and names. */
  frame(): Omit<SheetPlan, "cells"> {
    if (this.endRow === null) throw new Error("summary: frame() before foot()");
    const rowCount = this.endRow;
    const { page, ...layout } = this.layout();
    return {
      ...layout,
      rowCount,
      print: {
        area: `A1:${address(Math.max(0, rowCount - 1), RESULT_COLUMNS.length - 1)}`,
        ...page,
        titleRows: `$${this.headerRow + 1}:$${this.headerRow + 1}`,
        header: `&L${SUMMARY_SHEET_NAME}&R&D`,
        footer: "&RSida &P av &N",
        pageBreaksBefore: [],
      },
      names: {
        firstRow: String(this.headerRow + 2),
        lastRow: String(this.nextRow),
        lastColumn: columnLetter(this.columns.length - 1),
      },
    };
  }
}

/** A sheet's frame known before its first row. */
export type SummaryLayout = Pick<SheetPlan, "name" | "colCount" | "columnWidths" | "merges"> & {
  page: Pick<PrintSettings, "orientation" | "paperSize" | "fitToWidth">;
};

/** The columns whose totals the foot sums. */
const TOTAL_KEYS = ["notice.amount", "repossession.amount", "difference"] as const;

/** The summary's columns: results, and in summary-only mode the inputs and intermediate steps. */
function summaryColumns(selfContained: boolean): Column[] {
  if (!selfContained) return RESULT_COLUMNS;
  const steps = [
    ...SHARED_STEPS,
    ...(["notice", "repossession"] as const).flatMap((label) =>
      DATE_STEPS.map((col) => ({
        ...col,
        key: `${label}.${col.key}`,
        header: `${col.header} (${DATE_LABELS[label].toLowerCase()})`,
      })),
    ),
  ];
  return [...RESULT_COLUMNS, ...INPUT_COLUMNS, ...steps];
}

/** A summary row that refers to its case's calculation sheet (the case id links to it). */
function sheetRow(
  calc: Calculation,
  results: SummaryResults,
  sheet: CaseSheetRef,
  put: (key: string, content: CellContent) => void,
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
