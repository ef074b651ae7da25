/**
 * The machine-readable report of a calculation (`atertag calc --json`) and the case's outcome.
 * Money outside the statement lines as decimal strings to the öre ({@link toOreString}); statement lines
 * in whole kronor as numbers (conventions §7).
 */
import { Calculation, Method, Statement, StatementLabel, StatementLines } from "./calculate";
import { Dec, toOreString } from "./decimal";
import { formatIsoDate } from "./dates";
import { formatKronor } from "./format";

interface StatementReport {
  label: StatementLabel;
  date: string;
  remainingInstallments: number;
  reductionRule78: string;
  reductionActual: string;
  reduction: string;
  lateInterest: string;
  lines: StatementLines<number>;
  surplus: string | null;
}

export interface CalculationReport {
  caseId: string;
  method: Method;
  creditCost: string;
  c: string;
  creditClaim: string;
  unpaidCreditClaim: string;
  statements: StatementReport[];
}

/** The JSON object for one calculation, with exactly the keys the command line documents. */
export function toReport(calc: Calculation): CalculationReport {
  return {
    caseId: calc.contract.caseId,
    method: calc.method,
    creditCost: toOreString(calc.creditCost),
    c: toOreString(calc.creditCostExclSetup),
    creditClaim: toOreString(calc.creditClaim),
    unpaidCreditClaim: toOreString(calc.contract.unpaidCreditClaim),
    statements: calc.statements.map(statementReport),
  };
}

function statementReport(s: Statement): StatementReport {
  const lines = Object.fromEntries(
    Object.entries(s.lines).map(([key, value]) => [key, (value as Dec).toNumber()]),
  );
  return {
    label: s.label,
    date: formatIsoDate(s.date),
    remainingInstallments: s.remainingInstallments,
    reductionRule78: toOreString(s.reductionRule78),
    reductionActual: toOreString(s.actual.reduction),
    reduction: toOreString(s.reduction),
    lateInterest: toOreString(s.lateInterest.total),
    lines: lines as unknown as StatementLines<number>,
    surplus: s.surplus === null ? null : toOreString(s.surplus),
  };
}

/** What follows from the valuation at the repossession date (conventions §7). */
export type Outcome =
  { kind: "noValue" } | { kind: "notice"; surplus: Dec } | { kind: "payDifference"; surplus: Dec };

/** The outcome at the last statement (the repossession date). */
export function outcomeOf(calc: Calculation): Outcome {
  const last = calc.statements[calc.statements.length - 1];
  if (last.surplus === null) return { kind: "noValue" };
  return last.surplus.greaterThan(0)
    ? { kind: "payDifference", surplus: last.surplus }
    : { kind: "notice", surplus: last.surplus };
}

/** The sentence for each outcome, in Swedish; the difference to pay follows the payDifference text. */
export const OUTCOME_TEXT: Record<Outcome["kind"], string> = {
  noValue: "Godsets värde är inte uppskattat ännu.",
  notice: "Värdet understiger skulden: underrättelse till sökanden och svaranden.",
  payDifference:
    "Värdet överstiger skulden: sökanden ska betala mellanskillnaden innan godset tas:",
};

/** The outcome as the sentence for the case, in Swedish, with the difference where there is one. */
export function outcomeSentence(outcome: Outcome): string {
  const text = OUTCOME_TEXT[outcome.kind];
  return outcome.kind === "payDifference" ? `${text} ${formatKronor(outcome.surplus)}.` : text;
}
