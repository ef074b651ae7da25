/**
 * Does the contract's instalment belong to this credit? The schedule-closing check (conventions §9).
 *
 * The contract's instalment A is a rounded annuity: the exact annuity for K, the rate, n and the residual
 * V (at 0 %: (K − V)/n), rounded up or down to whole kronor or öre. The last period absorbs the rounding
 * (conventions §5), so its interest may be slightly negative (A rounded down at 0 %) or the balance before
 * the last payment slightly negative (A rounded up at a high rate: 10 000 kr at 30 % over 120 × 264 kr).
 *
 * How far the schedule misses closing is the balance left after the last payment when every period,
 * the last included, is charged B_(k−1)·i:
 *   miss = B_(n−1)·(1 + i) − (A + V)     (> 0: short, the payments cannot repay the credit;
 *                                          < 0: over, a residual or an instalment too large).
 * Rounding A by at most 1 kr moves this by at most 1 kr per instalment accumulated at the contract rate,
 *   tolerance = ((1 + i)^n − 1) / i kr   (n kr at 0 %),
 * so a contract is refused as inconsistent only when |miss| exceeds the tolerance, in either direction.
 * The workshop's own example (A = 1 903 kr, 5,12 kr short) is well inside it; worked example 1 with a
 * residual of 1 000 000 000 kr is a billion kronor over and refused.
 */
import { Dec } from "./decimal";
import { EngineError } from "./errors";
import { CreditTerms, balanceAfter, monthlyRate } from "./reduction";

/** How the schedule closes: the miss after the last payment and the most that rounding explains. */
interface ScheduleClosing {
  /** Balance after the last payment by the regular recursion: > 0 short, < 0 over. */
  miss: Dec;
  /** ((1 + i)^n − 1) / i kronor, n at 0 %: 1 kr per instalment accumulated at the contract rate. */
  tolerance: Dec;
}

/** The miss and the tolerance of a credit's schedule (see the file comment). */
function scheduleClosing(terms: CreditTerms): ScheduleClosing {
  const i = monthlyRate(terms);
  const n = terms.installments;
  const beforeLast = balanceAfter(terms, n - 1, i);
  const miss = beforeLast.times(i.plus(1)).minus(terms.installmentAmount).minus(terms.residual);
  const tolerance = i.isZero() ? new Dec(n) : i.plus(1).pow(n).minus(1).dividedBy(i);
  return { miss, tolerance };
}

/** The names of the instalment and the residual in the caller's input, for the error. */
export interface ScheduleFields {
  installmentAmount: string;
  residual: string;
}

const CONTRACT_FIELDS: ScheduleFields = {
  installmentAmount: "installmentAmount",
  residual: "residual",
};

/**
 * Refuses a credit whose schedule misses closing by more than rounding of A can explain, short or over.
 * The error names both fields with their values and the amount of the miss; its field is the residual
 * when a residual makes the payments too large, else the instalment.
 */
export function checkScheduleRepays(
  terms: CreditTerms,
  fields: ScheduleFields = CONTRACT_FIELDS,
): void {
  const { miss, tolerance } = scheduleClosing(terms);
  if (miss.abs().lte(tolerance)) return;
  const over = miss.isNegative();
  const residualToBlame = over && !terms.residual.isZero();
  const named: [string, Dec][] = [
    [fields.installmentAmount, terms.installmentAmount],
    [fields.residual, terms.residual],
  ];
  const [[field, value], [otherField, otherValue]] = residualToBlame ? [named[1], named[0]] : named;
  throw new EngineError(
    "scheduleDoesNotRepay",
    field,
    value,
    { field: otherField, value: otherValue },
    miss,
    tolerance,
  );
}
