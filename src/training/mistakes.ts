/**
 * The figures of a case recomputed as if the trainee had made one typical mistake, so that a wrong
 * answer can be matched to the convention most likely missed (answers.ts). Each mistake changes one
 * input of the calculation (t, c, the interest window, the method, a fee) and the statement follows
 * from it by the engine's own rules (each line rounded, totals summed from the rounded lines,
 * conventions §7), so a mistake in t also explains the trainee's reduction and amounts to pay. The
 * figures are made for each date of the case (the notice date, the repossession date), as the answers
 * are asked (answerFields.ts).
 */
import {
  Calculation,
  Dec,
  ReferenceRateTable,
  STATUTORY_MARGIN_PERCENT,
  Statement,
  StatementLabel,
  StatementLines,
  applicableRatePercent,
  countDueDates,
  halfYearStart,
  lateInterest,
  nextHalfYearStart,
  rule78Reduction,
  statementLines,
} from "../engine";
import { roundToKrona } from "../engine/decimal";
import type { MistakeId } from "./hints";

/** The figures the answers are compared with. */
export interface Figures {
  remainingInstallments: number;
  /** Unrounded reduction and unpaid credit claim (their lines are in `lines`). */
  reduction: Dec;
  unpaidCreditClaim: Dec;
  lines: StatementLines<Dec>;
  /** The same lines unrounded (what a trainee who forgot to round would type). */
  exact: StatementLines<Dec>;
  surplus: Dec | null;
}

/** The figures at one date as one mistake makes them. */
export interface MistakeFigures {
  mistake: MistakeId;
  date: StatementLabel;
  figures: Figures;
}

/** The unrounded parts of the statement (what a mistake changes). */
interface Parts {
  remainingInstallments: number;
  unpaidCreditClaim: Dec;
  basicFee: Dec;
  applicantCosts: Dec;
  reduction: Dec;
  lateInterest: Dec;
  claimedInterest: Dec;
}

const DAYS_PER_YEAR_PERCENT = new Dec(36500);

/** The case at one date as the mistakes see it. */
interface Case {
  calc: Calculation;
  /** The statement at the date, and the one at the notice date (if any). */
  at: Statement;
  notice: Statement | null;
  parts: Parts;
}

function caseOf(calc: Calculation, at: Statement): Case {
  const notice = calc.statements.find((s) => s.label === "notice") ?? null;
  const parts: Parts = {
    remainingInstallments: at.remainingInstallments,
    unpaidCreditClaim: at.exact.unpaidCreditClaim,
    basicFee: at.exact.basicFee,
    applicantCosts: at.exact.applicantCosts,
    reduction: at.exact.reduction,
    lateInterest: at.exact.lateInterest,
    claimedInterest: at.exact.claimedInterest,
  };
  return { calc, at, notice, parts };
}

/** The statement and surplus from (changed) parts, by the statement's own rounding. */
function figuresOf(c: Case, parts: Parts): Figures {
  const lines = statementLines(parts, roundToKrona);
  const value = c.calc.contract.estimatedValue;
  return {
    remainingInstallments: parts.remainingInstallments,
    reduction: parts.reduction,
    unpaidCreditClaim: parts.unpaidCreditClaim,
    lines,
    exact: statementLines(parts, (x) => x),
    surplus: value === null ? null : value.minus(lines.amountInclInterest),
  };
}

/** The right figures of a case at each of its dates. */
export function rightFigures(calc: Calculation): Partial<Record<StatementLabel, Figures>> {
  return Object.fromEntries(
    calc.statements.map((at) => {
      const c = caseOf(calc, at);
      return [at.label, figuresOf(c, c.parts)];
    }),
  );
}

/** A mistake in t: the count changes, and with the rule of 78 the reduction follows it. */
function withT(c: Case, t: number): Partial<Parts> | null {
  if (t === c.parts.remainingInstallments) return null;
  const { calc } = c;
  const reduction =
    calc.method === "rule78"
      ? rule78Reduction(t, calc.contract.installments, calc.creditCostExclSetup)
      : c.parts.reduction;
  return { remainingInstallments: t, reduction };
}

/** Late interest on the case's capital over another window (null: the window leaves the table). */
function interestOver(c: Case, from: number, to: number, capital?: Dec): Dec | null {
  const contract = c.calc.contract;
  try {
    return lateInterest(
      {
        capital: capital ?? contract.interestCapital,
        from,
        to,
        contractRate: contract.lateInterestRate,
      },
      c.calc.referenceRates,
    ).total;
  } catch {
    return null;
  }
}

/**
 * Late interest with each stretch of days at another half-year's reference rate: `pick` chooses the
 * half-year (a day inside it) for a stretch; null when that half-year is not in the table.
 */
function interestAtRates(c: Case, pick: (from: number, index: number) => number): Dec | null {
  const contract = c.calc.contract;
  const table: ReferenceRateTable = c.calc.referenceRates;
  const cap = contract.lateInterestRate ? contract.lateInterestRate.times(100) : null;
  let percentDays = new Dec(0);
  try {
    c.at.lateInterest.segments.forEach((segment, index) => {
      const reference = table.percentOn(pick(segment.from, index), "date");
      const rate = applicableRatePercent(reference, STATUTORY_MARGIN_PERCENT, cap);
      percentDays = percentDays.plus(rate.times(segment.days));
    });
  } catch {
    return null;
  }
  return contract.interestCapital.times(percentDays).dividedBy(DAYS_PER_YEAR_PERCENT);
}

/** The due dates of the case that fell on or before the repossession date and are not paid. */
function overdueUnpaid(c: Case): number | null {
  const contract = c.calc.contract;
  if (contract.installmentsPaid === null) return null;
  const due = countDueDates(contract.firstDueDate, contract.installments, c.at.date, true);
  return Math.max(0, due - contract.installmentsPaid);
}

/**
 * A mistake in the unpaid credit claim: the claim changes, and so does the late interest when its
 * capital is the claim (not stated separately).
 */
function withUnpaid(c: Case, unpaid: Dec): Partial<Parts> | null {
  const contract = c.calc.contract;
  if (contract.unpaidCreditClaimStated || unpaid.equals(c.parts.unpaidCreditClaim)) return null;
  const interest =
    contract.interestCapitalStated || contract.interestCapital.isZero()
      ? c.parts.lateInterest
      : c.parts.lateInterest.times(unpaid).dividedBy(contract.interestCapital);
  return { unpaidCreditClaim: unpaid, lateInterest: interest };
}

type Change = Partial<Parts> | null;

/** Each mistake's changes to the parts (none, one or several variants of it). */
const CHANGES: Record<
  Exclude<MistakeId, "totalRoundedOnce" | "lineNotRounded" | SurplusOnly>,
  (c: Case) => Change[]
> = {
  nextDueNotPassed: (c) => {
    const n = c.calc.contract.installments;
    return [withT(c, Math.max(0, Math.min(n, n - c.at.dueDatesBefore)))];
  },
  unpaidCountAsT: (c) => {
    const paid = c.calc.contract.installmentsPaid;
    return paid === null ? [] : [withT(c, c.calc.contract.installments - paid)];
  },
  setupFeeInC: (c) => {
    const { calc } = c;
    if (calc.method !== "rule78" || calc.contract.setupFee.isZero()) return [];
    const reduction = rule78Reduction(
      c.parts.remainingInstallments,
      calc.contract.installments,
      calc.creditCost,
    );
    return [{ reduction }];
  },
  oneEndDay: (c) => {
    const { from, to } = window(c);
    return [interestOver(c, from + 1, to), interestOver(c, from, to - 1)].map(interest);
  },
  neitherEndDay: (c) => {
    const { from, to } = window(c);
    return [interest(interestOver(c, from + 1, to - 1))];
  },
  interestFromApplicationDate: (c) => {
    const contract = c.calc.contract;
    if (contract.interestFrom !== contract.applicationDate + 1) return [];
    return [interest(interestOver(c, contract.applicationDate, window(c).to))];
  },
  rule78InsteadOfActual: (c) =>
    c.calc.method === "actual" ? [{ reduction: c.at.reductionRule78 }] : [],
  actualInsteadOfRule78: (c) =>
    c.calc.method === "rule78" ? [{ reduction: c.at.actual.reduction }] : [],
  reductionNotRecomputed: (c) =>
    c.calc.method === "actual" && c.notice !== null ? [{ reduction: c.notice.reduction }] : [],
  basicFeeForgotten: (c) => (c.parts.basicFee.isZero() ? [] : [{ basicFee: new Dec(0) }]),
  claimedInterestForgotten: (c) =>
    c.parts.claimedInterest.isZero() ? [] : [{ claimedInterest: new Dec(0) }],
  wrongHalfYearRate: (c) => {
    const segments = c.at.lateInterest.segments;
    if (segments.length === 0) return [];
    const first = segments[0].from;
    const last = segments[segments.length - 1].from;
    return [
      interestAtRates(c, () => first), // the first day's half-year for every day
      interestAtRates(c, () => last), // the last day's half-year for every day
      interestAtRates(c, (from) => halfYearStart(from) - 1), // the half-year before
      interestAtRates(c, (from) => nextHalfYearStart(from)), // the half-year after
    ].map(interest);
  },
  interestRoundedPerHalfYear: (c) => {
    const segments = c.at.lateInterest.segments;
    if (segments.length < 2) return [];
    return [
      {
        lateInterest: segments.reduce((sum, s) => sum.plus(roundToKrona(s.interest)), new Dec(0)),
      },
    ];
  },
  residualForgotten: (c) => {
    const contract = c.calc.contract;
    if (contract.residual.isZero() || c.parts.unpaidCreditClaim.isZero()) return [];
    return [withUnpaid(c, c.parts.unpaidCreditClaim.minus(contract.residual))];
  },
  feesForgotten: (c) => {
    const contract = c.calc.contract;
    if (contract.installmentsPaid === null || contract.monthlyFee.isZero()) return [];
    const unpaid = contract.installments - contract.installmentsPaid;
    return [withUnpaid(c, c.parts.unpaidCreditClaim.minus(contract.monthlyFee.times(unpaid)))];
  },
  onlyOverdue: (c) => {
    const contract = c.calc.contract;
    const overdue = overdueUnpaid(c);
    if (overdue === null || contract.installmentsPaid === null) return [];
    const lastPassed = overdue + contract.installmentsPaid >= contract.installments;
    const claim = contract.installmentAmount
      .plus(contract.monthlyFee)
      .times(overdue)
      .plus(lastPassed && overdue > 0 ? contract.residual : 0);
    return [withUnpaid(c, claim)];
  },
};

type SurplusOnly = "surplusSignFlipped" | "surplusAtNoticeDate";

/** The interest window of the statement at the repossession date. */
function window(c: Case): { from: number; to: number } {
  return { from: c.calc.contract.interestFrom, to: c.at.date };
}

/** A change of the late interest (none where the window left the reference-rate table). */
function interest(total: Dec | null): Change {
  return total === null ? null : { lateInterest: total };
}

/**
 * The figures under every typical mistake that applies to the case, at each date, in the catalogue's
 * order (the first match is the hint shown). A mistake that changes nothing in this case is left out.
 */
export function mistakeFigures(calc: Calculation): MistakeFigures[] {
  return calc.statements.flatMap((at) => mistakesAt(caseOf(calc, at)));
}

function mistakesAt(c: Case): MistakeFigures[] {
  const date = c.at.label;
  const right = figuresOf(c, c.parts);
  const result: MistakeFigures[] = [];
  for (const [mistake, changes] of Object.entries(CHANGES) as [
    keyof typeof CHANGES,
    (c: Case) => Change[],
  ][]) {
    for (const change of changes(c)) {
      if (change === null) continue;
      result.push({ mistake, date, figures: figuresOf(c, { ...c.parts, ...change }) });
    }
  }
  // The trainee summed the unrounded lines and rounded the totals (conventions §7).
  const exact = statementLines(c.parts, (x) => x);
  const value = c.calc.contract.estimatedValue;
  const inclOnce = roundToKrona(exact.amountInclInterest);
  result.push({
    mistake: "totalRoundedOnce",
    date,
    figures: {
      ...right,
      lines: {
        ...right.lines,
        amountExclInterest: roundToKrona(exact.amountExclInterest),
        amountInclInterest: inclOnce,
      },
      surplus: value === null ? null : value.minus(inclOnce),
    },
  });
  if (right.surplus !== null && date === "repossession") {
    result.push({
      mistake: "surplusSignFlipped",
      date,
      figures: { ...right, surplus: right.surplus.negated() },
    });
    if (c.notice !== null && value !== null)
      result.push({
        mistake: "surplusAtNoticeDate",
        date,
        figures: { ...right, surplus: value.minus(c.notice.lines.amountInclInterest) },
      });
  }
  return result;
}
