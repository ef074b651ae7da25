/**
 * Late interest (dröjsmålsränta), räntelagen 6 §.
 *
 * Convention (conventions §6): reference rate of each day's calendar half-year + a margin of 8
 * percentage points; a lower contractual late-interest rate applies instead, never a higher one.
 * Simple interest on a fixed capital, no interest on interest. Day count: actual days with both the
 * first and the last day counted, divided by 365 in every year (leap years too), as the Enforcement
 * Authority's public calculator does. The window is split where the half-year changes, so the cost
 * grows with the number of half-years, not days.
 *
 * Summed exactly, divided once (conventions §9): total = capital × Σ(rate % × days) / 36 500 over the
 * segments, with no intermediate division. Dividing each segment by 36 500 first and adding the
 * quotients would round each at finite precision, and a total that is exactly x,50 kr (130 500 kr from
 * 2008-01-01 to 2020-12-31: 148 900,50 kr) would come out as x,4999… and round down on the statement.
 * Each segment's own interest is kept for display only. Results are unrounded; rounding is the
 * statement's.
 */
import { Dec, ZERO, maxDec, minDec } from "./decimal";
import { Day, nextHalfYearStart } from "./dates";
import { ReferenceRateTable } from "./referenceRates";

/** Räntelagen 6 §: the margin above the reference rate, in percentage points. */
export const STATUTORY_MARGIN_PERCENT = new Dec(8);
/** 365 days × 100 (the rates are in percent): the one divisor of the total. */
const DAYS_PER_YEAR_PERCENT = new Dec(36500);

export interface LateInterestInput {
  /** Interest-bearing capital in kronor. */
  capital: Dec;
  /** First day of interest (counted). */
  from: Day;
  /** Last day of interest (counted). */
  to: Day;
  /** Margin above the reference rate in percentage points; default 8. */
  marginPercent?: Dec;
  /** A contractual late-interest rate as a decimal fraction (0.12 = 12 %); used when lower. */
  contractRate?: Dec | null;
  /**
   * The names of `from` and `to` in the caller's input, for errors; default fromDate and toDate.
   * `fromValue` is the value to show for `from` when the field named is not `from` itself (the
   * application date, whose next day is the first day of interest).
   */
  fields?: { from: string; to: string; fromValue?: Day };
}

/** One stretch of days within one half-year, at one rate. */
export interface InterestSegment {
  from: Day;
  to: Day;
  days: number;
  referencePercent: Dec;
  /** The rate applied, in percent (reference + margin, or the lower contractual rate). */
  ratePercent: Dec;
  /** This segment's interest, for display; the total is not the sum of these (see above). */
  interest: Dec;
}

export interface LateInterestResult {
  /** capital × Σ(rate % × days) / 36 500, unrounded. */
  total: Dec;
  days: number;
  segments: InterestSegment[];
}

/**
 * The late-interest rate in percent for a half-year: reference rate + margin, or the contractual rate
 * (in percent) when that is lower; never below zero, so a negative reference rate with a small margin
 * cannot turn interest into a credit.
 */
export function applicableRatePercent(
  referencePercent: Dec,
  marginPercent: Dec,
  capPercent: Dec | null,
): Dec {
  const statutory = referencePercent.plus(marginPercent);
  return maxDec(ZERO, capPercent ? minDec(statutory, capPercent) : statutory);
}

/**
 * Late interest on `capital` for the days `from` … `to`, both counted. An empty window (to before
 * from) gives no interest. A day outside the reference-rate table is an error naming its half-year.
 */
export function lateInterest(
  input: LateInterestInput,
  table: ReferenceRateTable,
): LateInterestResult {
  const fields = input.fields ?? { from: "fromDate", to: "toDate" };
  const margin = input.marginPercent ?? STATUTORY_MARGIN_PERCENT;
  const capPercent = input.contractRate ? input.contractRate.times(100) : null;
  const segments: InterestSegment[] = [];
  let percentDays = ZERO; // Σ(rate % × days), exact: whole days times rates of a few decimals
  for (let start = input.from; start <= input.to;) {
    const end = Math.min(input.to, nextHalfYearStart(start) - 1);
    // A missing half-year after the first is the end date's fault: name it with its own value.
    const referencePercent =
      start === input.from
        ? table.percentOn(start, fields.from, fields.fromValue ?? start)
        : table.percentOn(start, fields.to, input.to);
    const ratePercent = applicableRatePercent(referencePercent, margin, capPercent);
    const days = end - start + 1;
    const segmentPercentDays = ratePercent.times(days);
    const interest = input.capital.times(segmentPercentDays).dividedBy(DAYS_PER_YEAR_PERCENT);
    segments.push({ from: start, to: end, days, referencePercent, ratePercent, interest });
    percentDays = percentDays.plus(segmentPercentDays);
    start = end + 1;
  }
  const total = input.capital.times(percentDays).dividedBy(DAYS_PER_YEAR_PERCENT);
  return { total, days: Math.max(0, input.to - input.from + 1), segments };
}
