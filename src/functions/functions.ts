/**
 * The custom functions, registered as =ATERTAG.NAME(...). Each is a thin adapter: coerce the Excel
 * arguments, call the engine, map errors. The JSDoc blocks are what Excel shows to the user; the ids
 * after @customfunction are fixed so renaming a TypeScript function never breaks a workbook.
 * Parameter lists, once released, only ever get optional parameters appended.
 */
import {
  BUILT_IN_RATES,
  Dec,
  EngineError,
  MAX_INSTALLMENTS,
  PERCENT_RANGE,
  ReferenceRateTable,
  referenceEntriesFromRows,
  STATUTORY_MARGIN_PERCENT,
  actualReduction,
  checkScheduleRepays,
  check,
  lateInterest as lateInterestEngine,
  remainingInstallmentsRule78,
  rule78Reduction,
  statementLines,
} from "../engine";
import { excelNumber } from "./adapter";
import {
  optionalAmount,
  optionalNumber,
  requiredAmount,
  requiredDate,
  requiredInteger,
  optionalRate,
  requiredRate,
} from "./coerce";
import { FUNCTION_TEXT } from "./messages";

// Parameters are typed inline as a union (recorded as "any" in functions.json) because the metadata
// generator rejects type aliases; coerce.ts turns each into a number, a date or an error.

/**
 * Reduction by the rule of 78 (78-regeln): R = t(t+1)·c / (n(n+1)), the credit cost the creditor must give up.
 * @customfunction RULE78
 * @helpurl https://localhost:3000/help.html#RULE78
 * @param remaining Remaining instalments t (whole number), e.g. from ATERTAG.REMAININGINSTALLMENTS.
 * @param total Total number of instalments n (whole number), e.g. 72.
 * @param creditCost Credit cost c in kronor, without the setup fee, e.g. 23816.
 * @returns The reduction in kronor, unrounded.
 */
export function rule78(
  remaining: number | string | boolean | null,
  total: number | string | boolean | null,
  creditCost: number | string | boolean | null,
): number {
  return excelNumber(() => {
    const n = requiredInteger(total, "total", 1, MAX_INSTALLMENTS);
    const t = requiredInteger(remaining, "remaining", 0, MAX_INSTALLMENTS);
    check(t <= n, "exceeds", "remaining", remaining, { field: "total", value: n });
    return rule78Reduction(t, n, requiredAmount(creditCost, "creditCost"));
  });
}

/**
 * Reduction by actual settlement (faktisk avräkning) at a date: interest after the date, less interest accrued by the day, plus fees not yet due.
 * @customfunction ACTUALREDUCTION
 * @helpurl https://localhost:3000/help.html#ACTUALREDUCTION
 * @param creditAmount Credit amount (kreditbelopp) in kronor, e.g. 115000.
 * @param annualRate Annual nominal rate as a decimal, e.g. 0.0595.
 * @param installments Total number of monthly instalments, e.g. 72.
 * @param firstDueDate First due date: an Excel date or text YYYY-MM-DD.
 * @param date The date of the calculation (notice or repossession): an Excel date or text YYYY-MM-DD.
 * @param installmentAmount Monthly instalment in kronor without the fee, e.g. 1440.
 * @param [residual] Residual (restbelopp) paid with the last instalment, kronor; omitted = 0.
 * @param [monthlyFee] Notification fee (aviavgift) per instalment, kronor; omitted = 0.
 * @returns The reduction in kronor, unrounded; 0 on or after the last due date.
 */
export function actualReductionFn(
  creditAmount: number | string | boolean | null,
  annualRate: number | string | boolean | null,
  installments: number | string | boolean | null,
  firstDueDate: number | string | boolean | null,
  date: number | string | boolean | null,
  installmentAmount: number | string | boolean | null,
  residual: number | string | boolean | null,
  monthlyFee: number | string | boolean | null,
): number {
  return excelNumber(() => {
    const terms = {
      creditAmount: requiredAmount(creditAmount, "creditAmount"),
      annualRate: requiredRate(annualRate, "annualRate"),
      installments: requiredInteger(installments, "installments", 1, MAX_INSTALLMENTS),
      firstDueDate: requiredDate(firstDueDate, "firstDueDate"),
      installmentAmount: requiredAmount(installmentAmount, "installmentAmount"),
      residual: optionalAmount(residual, "residual"),
      monthlyFee: optionalAmount(monthlyFee, "monthlyFee"),
    };
    check(!terms.creditAmount.isZero(), "notPositive", "creditAmount", creditAmount);
    check(!terms.installmentAmount.isZero(), "notPositive", "installmentAmount", installmentAmount);
    checkScheduleRepays(terms);
    return actualReduction(terms, requiredDate(date, "date")).reduction;
  });
}

/**
 * What the debtor must pay to avoid repossession (att betala): unpaid credit claim + basic fee + applicant's costs − reduction + late interest + claimed interest.
 * @customfunction REDEMPTION
 * @helpurl https://localhost:3000/help.html#REDEMPTION
 * @param unpaidCreditClaim Unpaid credit claim (obetald del av kreditfordran) in kronor.
 * @param reduction Reduction (reduceringsbelopp) in kronor.
 * @param [basicFee] Basic enforcement fee (grundavgift) in kronor, e.g. 600; omitted = 0.
 * @param [applicantCosts] Applicant's costs in the case, kronor; omitted = 0.
 * @param [lateInterest] Late interest (dröjsmålsränta) up to the date, kronor; omitted = 0.
 * @param [claimedInterest] Claimed interest up to the application date, kronor; omitted = 0.
 * @returns The amount to pay in kronor, unrounded (the sheet rounds each line).
 */
export function redemption(
  unpaidCreditClaim: number | string | boolean | null,
  reduction: number | string | boolean | null,
  basicFee: number | string | boolean | null,
  applicantCosts: number | string | boolean | null,
  lateInterest: number | string | boolean | null,
  claimedInterest: number | string | boolean | null,
): number {
  return excelNumber(() => {
    const exact = (amount: Dec) => amount;
    return statementLines(
      {
        unpaidCreditClaim: requiredAmount(unpaidCreditClaim, "unpaidCreditClaim"),
        reduction: requiredAmount(reduction, "reduction"),
        basicFee: optionalAmount(basicFee, "basicFee"),
        applicantCosts: optionalAmount(applicantCosts, "applicantCosts"),
        lateInterest: optionalAmount(lateInterest, "lateInterest"),
        claimedInterest: optionalAmount(claimedInterest, "claimedInterest"),
      },
      exact,
    ).amountInclInterest;
  });
}

/**
 * Remaining instalments t by the workshop's count: due dates before the date have passed, and so has the next one on or after it.
 * @customfunction REMAININGINSTALLMENTS
 * @helpurl https://localhost:3000/help.html#REMAININGINSTALLMENTS
 * @param firstDueDate First due date: an Excel date or text YYYY-MM-DD.
 * @param installments Total number of instalments n, e.g. 72.
 * @param date Repossession (or notice) date: an Excel date or text YYYY-MM-DD.
 * @returns t, a whole number from 0 to n − 1.
 */
export function remainingInstallments(
  firstDueDate: number | string | boolean | null,
  installments: number | string | boolean | null,
  date: number | string | boolean | null,
): number {
  return excelNumber(() => {
    const n = requiredInteger(installments, "installments", 1, MAX_INSTALLMENTS);
    const t = remainingInstallmentsRule78(
      requiredDate(firstDueDate, "firstDueDate"),
      n,
      requiredDate(date, "date"),
    );
    return new Dec(t);
  });
}

/**
 * Late interest (dröjsmålsränta) by räntelagen 6 §: reference rate of each half-year + margin, simple interest, both dates counted, days/365.
 * @customfunction LATEINTEREST
 * @helpurl https://localhost:3000/help.html#LATEINTEREST
 * @param capital Interest-bearing capital in kronor.
 * @param fromDate First day of interest (counted): an Excel date or text YYYY-MM-DD.
 * @param toDate Last day of interest (counted): an Excel date or text YYYY-MM-DD.
 * @param [marginPercent] Percentage points above the reference rate; omitted, empty or 0 = 8.
 * @param [contractRate] Contractual late-interest rate as a decimal (e.g. 0.12), used when lower; omitted or 0 = none.
 * @param [rates] Reference rates that add to or replace the built-in table: a range of rows (from date 1 Jan or 1 Jul, percent), e.g. 'Referensräntor'!A2:B60. Fill every percent: an empty one is an error on the web but counts as 0 % in Excel on Windows and Mac.
 * @returns Interest in kronor, unrounded; 0 when toDate is before fromDate.
 */
export function lateInterestFn(
  capital: number | string | boolean | null,
  fromDate: number | string | boolean | null,
  toDate: number | string | boolean | null,
  marginPercent: number | string | boolean | null,
  contractRate: number | string | boolean | null,
  rates?: any[][],
): number {
  return excelNumber(() => {
    const cap = optionalRate(contractRate, "contractRate");
    // An empty cell arrives as 0 on Excel desktop and as null on the web: both mean the statutory 8.
    const given = optionalNumber(marginPercent, "marginPercent", STATUTORY_MARGIN_PERCENT);
    const margin = given.isZero() ? STATUTORY_MARGIN_PERCENT : given;
    check(margin.abs().lessThan(100), "outOfRange", "marginPercent", marginPercent, PERCENT_RANGE);
    return lateInterestEngine(
      {
        capital: requiredAmount(capital, "capital"),
        from: requiredDate(fromDate, "fromDate"),
        to: requiredDate(toDate, "toDate"),
        marginPercent: margin,
        contractRate: cap.isZero() ? null : cap,
      },
      rateTable(rates),
    ).total;
  });
}

/**
 * The Riksbank reference rate (referensränta) in force on a date, in percent (fixed per calendar half-year).
 * @customfunction REFERENCERATE
 * @helpurl https://localhost:3000/help.html#REFERENCERATE
 * @param date An Excel date or text YYYY-MM-DD.
 * @param [rates] Reference rates that add to or replace the built-in table: a range of rows (from date 1 Jan or 1 Jul, percent), e.g. 'Referensräntor'!A2:B60. Fill every percent: an empty one is an error on the web but counts as 0 % in Excel on Windows and Mac.
 * @returns The reference rate in percent, e.g. 1.5.
 */
export function referenceRate(date: number | string | boolean | null, rates?: any[][]): number {
  return excelNumber(() => rateTable(rates).percentOn(requiredDate(date, "date"), "date"));
}

/** The built-in table, or the built-in table with a caller's range of (from, percent) rows on top. */
// `any[][]`: the metadata generator makes a range (matrix) parameter only from this spelling.
function rateTable(rates: unknown[][] | null | undefined): ReferenceRateTable {
  if (rates === null || rates === undefined || !Array.isArray(rates)) return BUILT_IN_RATES;
  checkNoEmptyPercent(rates);
  return ReferenceRateTable.withEntries(referenceEntriesFromRows(rates, "rates"), "rates");
}

/**
 * A row of a `rates` range with a from date and an empty percent cell is an error naming the row,
 * never a rate of 0 %. What Excel passes for an empty cell in a range differs: Excel on the web
 * passes null, which is refused here; Excel on Windows and Mac pass 0, which cannot be told from a
 * typed 0 (a real reference rate, as in 2015–2016) and therefore counts as 0 % there. The README and
 * the help page say so; the task pane, which reads the cells' types, refuses both.
 */
function checkNoEmptyPercent(rows: readonly unknown[][]): void {
  const blank = (value: unknown) => value === null || value === undefined || value === "";
  rows.forEach((row, index) => {
    const [from, percent] = Array.isArray(row) ? row : [];
    if (blank(from) || from === 0) return; // an empty row (an empty date is 0 on the desktop)
    if (index === 0 && typeof from === "string" && !/^\d{4}-\d{2}-\d{2}$/.test(from.trim())) return;
    if (blank(percent))
      throw new EngineError("required", FUNCTION_TEXT.ratesRowPercent(index + 1), percent);
  });
}
