/**
 * The answers a trainee gives for a practice case, defined once: the exercise sheet's empty answer
 * cells, the facit's formulas and the task pane's answer check all follow this list.
 *
 * In the workshop's order (conventions §4–7): the unpaid credit claim once; then at each date (the
 * notice date, the repossession date) t, the reduction and att betala exkl. and inkl. ränta; then at
 * the repossession date the surplus and the outcome.
 *
 * How exact an answer must be (issue "Training mode", item 2): a statement line is rounded to whole
 * kronor (conventions §7), so it is right only when exactly equal to the engine's line; t is a count;
 * the surplus is to the öre (conventions §9), right within 0,01 kr; the outcome is one of two words.
 */
import { Calculation, Dec, Statement, StatementLabel, outcomeOf } from "../engine";

/** Which figure an answer is. */
export type AnswerKey =
  | "unpaidCreditClaim"
  | "t"
  | "reduction"
  | "amountExclInterest"
  | "amountInclInterest"
  | "surplus"
  | "outcome";

/**
 * How an answer is compared: `count` and `krona` exactly (a whole number; a statement line in whole
 * kronor), `ore` within 0,01 kr (an unrounded amount), `outcome` as one of {@link OUTCOME_ANSWERS}.
 */
export type AnswerPrecision = "count" | "krona" | "ore" | "outcome";

/** The outcome a trainee names: a notice to both parties, or the creditor's difference to pay. */
export type OutcomeAnswer = "notice" | "payDifference";

/** The words for the outcome, as the exercise sheet and the pane show them. */
export const OUTCOME_ANSWERS: Readonly<Record<OutcomeAnswer, string>> = {
  notice: "Underrättelse",
  payDifference: "Mellanskillnad",
};

/** One answer a trainee gives. */
export interface AnswerField {
  /** Unique: `unpaidCreditClaim`, `notice.t`, …, `repossession.surplus`, `repossession.outcome`. */
  id: string;
  key: AnswerKey;
  /** The date the figure belongs to; null for the unpaid credit claim (the same at both dates). */
  date: StatementLabel | null;
  /** The Swedish label, without the date. */
  label: string;
  precision: AnswerPrecision;
}

/** Swedish labels of the answers. */
export const ANSWER_LABELS: Readonly<Record<AnswerKey, string>> = {
  unpaidCreditClaim: "Obetald del av kreditfordran",
  t: "t (återstående avbetalningar)",
  reduction: "Reduceringsbelopp",
  amountExclInterest: "Att betala exkl. ränta",
  amountInclInterest: "Att betala inkl. ränta",
  surplus: "Överskott (värde − att betala inkl. ränta)",
  outcome: "Utfall (Underrättelse eller Mellanskillnad)",
};

const PER_DATE: readonly [AnswerKey, AnswerPrecision][] = [
  ["t", "count"],
  ["reduction", "krona"],
  ["amountExclInterest", "krona"],
  ["amountInclInterest", "krona"],
];

/** An answer; its id names its date (`notice.t`, `repossession.surplus`), if it has one. */
function field(
  key: AnswerKey,
  date: StatementLabel | null,
  precision: AnswerPrecision,
): AnswerField {
  return { id: date ? `${date}.${key}` : key, key, date, label: ANSWER_LABELS[key], precision };
}

/** Every answer of a case with both dates, in the order asked. */
export const ANSWER_FIELDS: readonly AnswerField[] = [
  field("unpaidCreditClaim", null, "krona"),
  ...(["notice", "repossession"] as const).flatMap((date) =>
    PER_DATE.map(([key, precision]) => field(key, date, precision)),
  ),
  field("surplus", "repossession", "ore"),
  field("outcome", "repossession", "outcome"),
];

/** The answers asked for a calculation: a case without a notice date has no notice answers. */
export function answerFieldsFor(calc: Calculation): AnswerField[] {
  const dates = new Set(calc.statements.map((s) => s.label));
  return ANSWER_FIELDS.filter((f) => f.date === null || dates.has(f.date));
}

/** The right answer: a number (Dec) or an outcome. */
export type AnswerValue =
  { kind: "number"; value: Dec } | { kind: "outcome"; value: OutcomeAnswer };

/**
 * The right answers of a calculation by answer id, from the engine's figures: t by the rule-of-78
 * count, the statement lines in whole kronor, the surplus to the öre, the outcome at the repossession.
 * A case without an estimated value has no surplus and no outcome.
 */
export function expectedAnswers(calc: Calculation): Record<string, AnswerValue> {
  const answers: Record<string, AnswerValue> = {};
  const statement = (date: StatementLabel | null): Statement =>
    calc.statements.find((s) => s.label === (date ?? "repossession"))!;
  for (const f of answerFieldsFor(calc)) {
    const s = statement(f.date);
    const number = (value: Dec | null) => {
      if (value !== null) answers[f.id] = { kind: "number", value };
    };
    if (f.key === "t") number(new Dec(s.remainingInstallments));
    else if (f.key === "surplus") number(s.surplus);
    else if (f.key === "outcome") {
      const outcome = outcomeOf(calc);
      if (outcome.kind !== "noValue") answers[f.id] = { kind: "outcome", value: outcome.kind };
    } else number(s.lines[f.key]);
  }
  return answers;
}
