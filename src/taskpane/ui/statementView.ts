/**
 * A calculation as the task pane shows it: the case, the statement for each date side by side (the
 * Enforcement Authority's row labels, `77 449 kr`), both reductions to the öre with the one used
 * marked, the valuation and the outcome (first, with its date). The same view serves the Excel
 * preview and the standalone page. Everything from the contract is put in text nodes (see dom.ts).
 */
import {
  Calculation,
  DATE_LABELS,
  Dec,
  METHOD_NAMES,
  Method,
  STATEMENT_LABELS,
  STATEMENT_ROWS,
  Statement,
  formatIsoDate,
  formatKronor,
  formatKronorOre,
  outcomeOf,
  outcomeSentence,
} from "../../engine";
import { METHOD_NOTE } from "../../sheet/texts";
import { h } from "./dom";
import { UI_TEXT } from "./messages";

/** Rows printed as totals (bold, rule above). */
const TOTAL_ROWS = new Set(["amountExclInterest", "amountInclInterest"]);

/** The header row: an empty corner, then each statement's date label and date. */
function dateHeader(statements: Statement[]): HTMLTableSectionElement {
  return h(
    "thead",
    {},
    h(
      "tr",
      {},
      h("td", {}),
      ...statements.map((s) =>
        h(
          "th",
          { scope: "col" },
          DATE_LABELS[s.label],
          h("span", { class: "date" }, formatIsoDate(s.date)),
        ),
      ),
    ),
  );
}

/** A body row: a label and one amount per statement. */
function amountRow(label: string, amounts: string[], className?: string): HTMLTableRowElement {
  return h(
    "tr",
    { class: className },
    h("th", { scope: "row" }, label),
    ...amounts.map((amount) => h("td", { class: "amount" }, amount)),
  );
}

function table(
  caption: string,
  statements: Statement[],
  rows: HTMLTableRowElement[],
  className: string,
): HTMLTableElement {
  return h(
    "table",
    { class: `figures ${className}` },
    h("caption", {}, caption),
    dateHeader(statements),
    h("tbody", {}, ...rows),
  );
}

/** The statement (att betala) for each date; the reduction is shown subtracted, as the form has it. */
function statementTable(calc: Calculation): HTMLTableElement {
  const s = calc.statements;
  const rows = STATEMENT_ROWS.map((key) =>
    amountRow(
      STATEMENT_LABELS[key],
      s.map((st) => formatKronor(key === "reduction" ? st.lines[key].negated() : st.lines[key])),
      TOTAL_ROWS.has(key) ? "total" : undefined,
    ),
  );
  return table(UI_TEXT.statementCaption, s, rows, "statement");
}

/** Both reductions to the öre at each date, the method used marked. */
function reductionsTable(calc: Calculation): HTMLTableElement {
  const s = calc.statements;
  const methodRow = (method: Method, pick: (st: Statement) => Dec) => {
    const used = calc.method === method;
    const label = used ? `${METHOD_NAMES[method]} (${UI_TEXT.used})` : METHOD_NAMES[method];
    return amountRow(
      label,
      s.map((st) => formatKronorOre(pick(st))),
      used ? "used" : "unused",
    );
  };
  const rows = [
    amountRow(
      UI_TEXT.remaining,
      s.map((st) => String(st.remainingInstallments)),
    ),
    methodRow("rule78", (st) => st.reductionRule78),
    methodRow("actual", (st) => st.actual.reduction),
    amountRow(
      UI_TEXT.methodDifference,
      s.map((st) => formatKronorOre(st.actual.reduction.minus(st.reductionRule78))),
    ),
  ];
  return table(UI_TEXT.reductionsCaption, s, rows, "reductions");
}

/** The estimated value and the surplus at each date; null without an estimated value. */
function valuationTable(calc: Calculation): HTMLTableElement | null {
  const value = calc.contract.estimatedValue;
  if (value === null) return null;
  const s = calc.statements;
  const rows = [
    amountRow(
      UI_TEXT.estimatedValue,
      s.map(() => formatKronor(value)),
    ),
    amountRow(
      UI_TEXT.surplus,
      s.map((st) => formatKronor(st.surplus ?? new Dec(0))),
      "total",
    ),
  ];
  return table(UI_TEXT.valuationCaption, s, rows, "valuation");
}

/**
 * The outcome with the date it belongs to, first under the case's heading: "Mellanskillnad vid
 * återtagningen 2012-12-20: 1 471 kr", or by how much the value falls short; nothing without a value.
 */
function datedOutcome(calc: Calculation): HTMLElement | null {
  const outcome = outcomeOf(calc);
  if (outcome.kind === "noValue") return null;
  const last = calc.statements[calc.statements.length - 1]; // the outcome's date (outcomeOf)
  const date = formatIsoDate(last.date);
  const at = `${UI_TEXT.outcomeDate[last.label]} ${date}`;
  const text =
    outcome.kind === "payDifference"
      ? UI_TEXT.outcomeDifference(at, formatKronor(outcome.surplus))
      : UI_TEXT.outcomeShortfall(at, formatKronor(outcome.surplus.negated()));
  // The date kept on one line (a narrow pane would break it at a hyphen).
  const [before, after] = [
    text.slice(0, text.indexOf(date)),
    text.slice(text.indexOf(date) + date.length),
  ];
  return h("p", { class: "outcome-at" }, before, h("span", { class: "date" }, date), after);
}

/**
 * The whole result for one calculation, conclusion first: the case, the outcome with its date and
 * sentence, then the parties, the method, the reductions before the statement (the workshop's
 * order: the reduction is computed first, then what the debtor must pay) and the valuation. The
 * section takes focus (tabindex -1) so the pane can move the user to it.
 */
export function calculationView(calc: Calculation): HTMLElement {
  const c = calc.contract;
  const party = (term: string, text: string) =>
    text ? [h("dt", {}, term), h("dd", {}, text)] : [];
  const outcome = outcomeOf(calc);
  return h(
    "section",
    { class: "result", tabindex: -1, "aria-labelledby": "result-heading" },
    h("h2", { class: "case", id: "result-heading" }, UI_TEXT.caseHeading(c.caseId)),
    h(
      "div",
      { class: `conclusion outcome-${outcome.kind}` },
      datedOutcome(calc),
      h(
        "p",
        { class: `outcome outcome-${outcome.kind}`, "data-outcome": outcome.kind },
        outcomeSentence(outcome),
      ),
    ),
    h(
      "dl",
      { class: "parties" },
      ...party(UI_TEXT.creditor, c.creditor),
      ...party(UI_TEXT.debtor, c.debtor),
      ...party(UI_TEXT.goods, c.goods),
    ),
    h("p", { class: "method" }, UI_TEXT.method(METHOD_NAMES[calc.method], calc.law.settlement)),
    calc.lawWarning === null ? null : h("p", { class: "law-warning" }, calc.lawWarning),
    h(
      "p",
      { class: "credit" },
      UI_TEXT.creditSummary(
        formatKronorOre(calc.creditCost),
        formatKronorOre(calc.creditCostExclSetup),
        formatKronorOre(calc.creditClaim),
      ),
    ),
    reductionsTable(calc),
    h("p", { class: "method-note" }, METHOD_NOTE),
    statementTable(calc),
    valuationTable(calc),
  );
}
