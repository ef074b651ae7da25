/**
 * The reduction (reduceringsbelopp): the credit cost that belongs to the time after a date, which the
 * creditor may not keep. Two methods, both always computed so the sheet can show them side by side.
 *
 * Rule of 78 (78-regeln, conventions §4), from the 2012 training workshop:
 *   R = t(t + 1) · c / (n(n + 1)), c = credit cost − setup fee,
 *   t = max(0, n − 1 − #{k : due_k < date}): the due dates before the date have passed, and so has the
 *   next one on or after it. No Swedish source found endorses or forbids this outside the workshop; the
 *   law's wording ("the credit cost for the time after") points to the actual method.
 *
 * Actual settlement (faktisk avräkning, conventions §5), with i = annual rate / 12, payments P_k = A for
 * k < n and P_n = A + V, the last period's interest absorbing the rounding of A:
 *   m = #{k : due_k ≤ date};  R = (Σ_{k>m} P_k − B_m) − B_m · i · (date − due_m)/(due_{m+1} − due_m) + f(n − m)
 *   with due_0 one month before the first due date, and R = 0 from the last due date on.
 * Closed forms, so the cost does not grow with n: B_m = K(1+i)^m − A((1+i)^m − 1)/i (B_m = K − Am when
 * i = 0) and Σ_{k>m} P_k = A(n − m) + V.
 */
import { Dec, ZERO, maxDec } from "./decimal";
import { Day, countDueDates, dueDate } from "./dates";

/** The terms of an instalment credit that the reductions and the schedule need. */
export interface CreditTerms {
  /** Kreditbelopp K, kronor. */
  creditAmount: Dec;
  /** Annual nominal rate as a decimal fraction. */
  annualRate: Dec;
  /** Number of instalments n. */
  installments: number;
  firstDueDate: Day;
  /** Instalment A without the fee, kronor. */
  installmentAmount: Dec;
  /** Restbelopp V, paid with the last instalment. */
  residual: Dec;
  /** Aviavgift f per instalment. */
  monthlyFee: Dec;
}

/** Rule-of-78 count of remaining instalments t at a date (the workshop's count). */
export function remainingInstallmentsRule78(
  firstDueDate: Day,
  installments: number,
  date: Day,
): number {
  const passedBefore = countDueDates(firstDueDate, installments, date, false);
  return Math.max(0, installments - 1 - passedBefore);
}

/**
 * R = t(t + 1) · c / (n(n + 1)), unrounded, never below zero: at 0 % an instalment rounded down makes
 * c slightly negative, and a reduction is never a charge to the consumer (conventions §9).
 */
export function rule78Reduction(
  remaining: number,
  installments: number,
  creditCostExclSetup: Dec,
): Dec {
  const t = new Dec(remaining);
  const n = new Dec(installments);
  return maxDec(
    ZERO,
    t
      .times(t.plus(1))
      .times(creditCostExclSetup)
      .dividedBy(n.times(n.plus(1))),
  );
}

/** Monthly rate i = annual nominal rate / 12. */
export function monthlyRate(terms: CreditTerms): Dec {
  return terms.annualRate.dividedBy(12);
}

/**
 * x^k for a whole k ≥ 0 by repeated squaring: about 2·log2(k) multiplications, each rounded to the
 * engine's 40 significant digits (decimal.js's own `pow` keeps extra guard digits and costs several
 * times more; 40 digits leave a relative error far below 1e-30, invisible at the öre).
 */
function wholePower(x: Dec, k: number): Dec {
  let result = new Dec(1);
  let base = x;
  for (let e = k; e > 0; e = Math.floor(e / 2)) {
    if (e % 2 === 1) result = result.times(base);
    if (e > 1) base = base.times(base);
  }
  return result;
}

/** Balance B_m after the m-th payment, closed form (0 ≤ m ≤ n; B_n = 0 by construction). */
export function balanceAfter(terms: CreditTerms, m: number, i: Dec = monthlyRate(terms)): Dec {
  if (m >= terms.installments) return ZERO;
  if (i.isZero()) return terms.creditAmount.minus(terms.installmentAmount.times(m));
  const growth = wholePower(i.plus(1), m);
  return terms.creditAmount
    .times(growth)
    .minus(terms.installmentAmount.times(growth.minus(1)).dividedBy(i));
}

/** The parts of the actual reduction at a date, for the sheet and the statement. */
export interface ActualReduction {
  /** Due dates on or before the date (m). */
  duePassed: number;
  /** B_m. */
  balance: Dec;
  /** Σ_{k>m} P_k − B_m: interest still in the schedule after due date m. */
  remainingInterest: Dec;
  /** Due date m (due_0 = one month before the first due date): where the running period starts. */
  periodStart: Day;
  /** Due date m + 1: where the running period ends (past the last due date, a month after it). */
  periodEnd: Day;
  /** Days since due date m (0 before due_0 and from the last due date on), and the period's length. */
  daysAccrued: number;
  periodDays: number;
  /** Interest earned by the creditor since due date m, pro rata by days. */
  accruedInterest: Dec;
  /** f · (n − m): fees of instalments not yet due. */
  unearnedFees: Dec;
  /** The reduction, never below zero. */
  reduction: Dec;
}

/** The actual-settlement reduction at `date`, by closed forms (same cost for n = 360 as for n = 72). */
export function actualReduction(terms: CreditTerms, date: Day): ActualReduction {
  const n = terms.installments;
  const m = countDueDates(terms.firstDueDate, n, date, true);
  const periodStart = dueDate(terms.firstDueDate, m);
  const periodEnd = dueDate(terms.firstDueDate, m + 1);
  if (m >= n) {
    return {
      duePassed: m,
      balance: ZERO,
      remainingInterest: ZERO,
      periodStart,
      periodEnd,
      daysAccrued: 0,
      periodDays: 0,
      accruedInterest: ZERO,
      unearnedFees: ZERO,
      reduction: ZERO,
    };
  }
  const i = monthlyRate(terms);
  const balance = balanceAfter(terms, m, i);
  const remainingPayments = terms.installmentAmount.times(n - m).plus(terms.residual);
  const remainingInterest = remainingPayments.minus(balance);
  const periodDays = periodEnd - periodStart;
  // Before the credit's first period starts nothing has accrued.
  const daysAccrued = Math.max(0, date - periodStart);
  const accruedInterest = balance.times(i).times(daysAccrued).dividedBy(periodDays);
  const unearnedFees = terms.monthlyFee.times(n - m);
  const reduction = maxDec(ZERO, remainingInterest.minus(accruedInterest).plus(unearnedFees));
  return {
    duePassed: m,
    balance,
    remainingInterest,
    periodStart,
    periodEnd,
    daysAccrued,
    periodDays,
    accruedInterest,
    unearnedFees,
    reduction,
  };
}

/** One row of the payment schedule (avbetalningsplan). */
export interface ScheduleRow {
  k: number;
  dueDate: Day;
  /** P_k (A, plus V on the last row), without the fee. */
  payment: Dec;
  interest: Dec;
  amortisation: Dec;
  /** B_k after this payment. */
  balance: Dec;
  fee: Dec;
}

/** The full schedule, n rows; the last row's interest is P_n − B_(n−1) so that B_n = 0 exactly. */
export function paymentSchedule(terms: CreditTerms): ScheduleRow[] {
  const i = monthlyRate(terms);
  const rows: ScheduleRow[] = [];
  let balance = terms.creditAmount;
  for (let k = 1; k <= terms.installments; k++) {
    const last = k === terms.installments;
    const payment = last ? terms.installmentAmount.plus(terms.residual) : terms.installmentAmount;
    const interest = last ? payment.minus(balance) : balance.times(i);
    const amortisation = payment.minus(interest);
    balance = last ? ZERO : balance.minus(amortisation);
    rows.push({
      k,
      dueDate: dueDate(terms.firstDueDate, k),
      payment,
      interest,
      amortisation,
      balance,
      fee: terms.monthlyFee,
    });
  }
  return rows;
}
