/**
 * The answers a trainee gives for a practice case (issue 12), defined once: the exercise sheets' empty
 * answer cells, the facit, and the task pane's answer check all list these, in this order, with these
 * Swedish labels. Every answer is taken at the repossession date (återtagningsdagen), the date the
 * surplus and the outcome belong to (conventions §7).
 *
 * How exact an answer must be (`precision`): a count is exact; a statement line (`line`) is right as the
 * rounded line in whole kronor or as the unrounded figure within an öre; a total (`total`) is the sum of
 * the rounded lines, exact to the krona (conventions §7); the surplus (`ore`) is within an öre, since the
 * value of the goods is not rounded (conventions §9); the outcome is one of two choices.
 */
import { Calculation, Dec, Outcome, Statement, outcomeOf } from "../engine";

export type AnswerField =
  | "remainingInstallments"
  | "reduction"
  | "unpaidCreditClaim"
  | "amountExclInterest"
  | "amountInclInterest"
  | "surplus"
  | "outcome";

/** How an answer is compared (see the file's comment). */
export type AnswerPrecision = "count" | "line" | "total" | "ore" | "choice";

export interface AnswerFieldSpec {
  field: AnswerField;
  /** The Swedish label, as on the statement where the statement has the row. */
  label: string;
  precision: AnswerPrecision;
}

/** The answers in the order the workshop computes them. */
export const ANSWER_FIELDS: readonly AnswerFieldSpec[] = [
  { field: "remainingInstallments", label: "Återstående avbetalningar (t)", precision: "count" },
  { field: "reduction", label: "Reduceringsbelopp", precision: "line" },
  { field: "unpaidCreditClaim", label: "Obetald del av kreditfordran", precision: "line" },
  { field: "amountExclInterest", label: "Att betala exkl. ränta", precision: "total" },
  { field: "amountInclInterest", label: "Att betala inkl. ränta", precision: "total" },
  { field: "surplus", label: "Överskott (värde − att betala)", precision: "ore" },
  { field: "outcome", label: "Utfall", precision: "choice" },
];

/** The two outcomes a trainee chooses between (a case without a value has no outcome to answer). */
export type OutcomeChoice = Exclude<Outcome["kind"], "noValue">;

/** The outcomes' names as the trainee sees them. */
export const OUTCOME_CHOICES: Readonly<Record<OutcomeChoice, string>> = {
  notice: "Underrättelse (värdet understiger skulden)",
  payDifference: "Mellanskillnad (värdet överstiger skulden)",
};

/** One figure of the facit: the rounded value (what is printed) and the unrounded one, if any. */
export interface ExpectedFigure {
  rounded: Dec;
  exact: Dec;
}

/** The right answers of a case: the figures at the repossession date, the outcome. */
export interface ExpectedAnswers {
  remainingInstallments: number;
  reduction: ExpectedFigure;
  unpaidCreditClaim: ExpectedFigure;
  amountExclInterest: Dec;
  amountInclInterest: Dec;
  /** Null when the case has no estimated value (then no surplus and no outcome are asked). */
  surplus: Dec | null;
  outcome: OutcomeChoice | null;
}

/** The statement at the repossession date (always the calculation's last). */
export function repossessionStatement(calc: Calculation): Statement {
  return calc.statements[calc.statements.length - 1];
}

/** The right answers of a calculated case. */
export function expectedAnswers(calc: Calculation): ExpectedAnswers {
  const s = repossessionStatement(calc);
  const outcome = outcomeOf(calc);
  return {
    remainingInstallments: s.remainingInstallments,
    reduction: { rounded: s.lines.reduction, exact: s.exact.reduction },
    unpaidCreditClaim: { rounded: s.lines.unpaidCreditClaim, exact: s.exact.unpaidCreditClaim },
    amountExclInterest: s.lines.amountExclInterest,
    amountInclInterest: s.lines.amountInclInterest,
    surplus: s.surplus,
    outcome: outcome.kind === "noValue" ? null : outcome.kind,
  };
}
