/**
 * The custom functions, registered as =ATERTAG.NAME(...). Each is a thin adapter: coerce the Excel
 * arguments, call the engine, map errors. The JSDoc blocks are what Excel shows to the user; the ids
 * after @customfunction are fixed so renaming a TypeScript function never breaks a workbook.
 * Parameter lists, once released, only ever get optional parameters appended.
 */
import {
  BUILT_IN_RATES,
  Dec,
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
  CellValue,
  optionalAmount,
  optionalNumber,
  requiredAmount,
  requiredDate,
  requiredInteger,
  requiredRate,
} from "./coerce";

const MAX_INSTALLMENTS = 1200;

/**
 * Reduction by the rule of 78 (78-regeln): R = t(t+1)·c / (n(n+1)), the credit cost the creditor must give up.
 * @customfunction RULE78
 * @helpurl https://localhost:3000/help.html#RULE78
 * @param {number} remaining Remaining instalments t (whole number), e.g. from ATERTAG.REMAININGINSTALLMENTS.
 * @param {number} total Total number of instalments n (whole number), e.g. 72.
 * @param {number} creditCost Credit cost c in kronor, without the setup fee, e.g. 23816.
 * @returns {number} The reduction in kronor, unrounded.
 */
export function rule78(remaining: CellValue, total: CellValue, creditCost: CellValue): number {
  return excelNumber(() => {
    const n = requiredInteger(total, "total", 1, MAX_INSTALLMENTS);
    const t = requiredInteger(remaining, "remaining", 0, MAX_INSTALLMENTS);
    check(t <= n, "exceeds", "remaining", remaining, "total", String(n));
    return rule78Reduction(t, n, requiredAmount(creditCost, "creditCost"));
  });
}

/**
 * Reduction by actual settlement (faktisk avräkning) at a date: interest after the date, less interest accrued by the day, plus fees not yet due.
 * @customfunction ACTUALREDUCTION
 * @helpurl https://localhost:3000/help.html#ACTUALREDUCTION
 * @param {number} creditAmount Credit amount (kreditbelopp) in kronor, e.g. 115000.
 * @param {number} annualRate Annual nominal rate as a decimal, e.g. 0.0595.
 * @param {number} installments Total number of monthly instalments, e.g. 72.
 * @param {any} firstDueDate First due date: an Excel date or text YYYY-MM-DD.
 * @param {any} date The date of the calculation (notice or repossession): an Excel date or text YYYY-MM-DD.
 * @param {number} installmentAmount Monthly instalment in kronor without the fee, e.g. 1440.
 * @param {number} [residual] Residual (restbelopp) paid with the last instalment, kronor; omitted = 0.
 * @param {number} [monthlyFee] Notification fee (aviavgift) per instalment, kronor; omitted = 0.
 * @returns {number} The reduction in kronor, unrounded; 0 on or after the last due date.
 */
export function actualReductionFn(
  creditAmount: CellValue,
  annualRate: CellValue,
  installments: CellValue,
  firstDueDate: CellValue,
  date: CellValue,
  installmentAmount: CellValue,
  residual: CellValue,
  monthlyFee: CellValue,
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
 * @param {number} unpaidCreditClaim Unpaid credit claim (obetald del av kreditfordran) in kronor.
 * @param {number} reduction Reduction (reduceringsbelopp) in kronor.
 * @param {number} [basicFee] Basic enforcement fee (grundavgift) in kronor, e.g. 600; omitted = 0.
 * @param {number} [applicantCosts] Applicant's costs in the case, kronor; omitted = 0.
 * @param {number} [lateInterest] Late interest (dröjsmålsränta) up to the date, kronor; omitted = 0.
 * @param {number} [claimedInterest] Claimed interest up to the application date, kronor; omitted = 0.
 * @returns {number} The amount to pay in kronor, unrounded (the sheet rounds each line).
 */
export function redemption(
  unpaidCreditClaim: CellValue,
  reduction: CellValue,
  basicFee: CellValue,
  applicantCosts: CellValue,
  lateInterest: CellValue,
  claimedInterest: CellValue,
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
 * @param {any} firstDueDate First due date: an Excel date or text YYYY-MM-DD.
 * @param {number} installments Total number of instalments n, e.g. 72.
 * @param {any} date Repossession (or notice) date: an Excel date or text YYYY-MM-DD.
 * @returns {number} t, a whole number from 0 to n − 1.
 */
export function remainingInstallments(firstDueDate: CellValue, installments: CellValue, date: CellValue): number {
  return excelNumber(() => {
    const n = requiredInteger(installments, "installments", 1, MAX_INSTALLMENTS);
    const t = remainingInstallmentsRule78(requiredDate(firstDueDate, "firstDueDate"), n, requiredDate(date, "date"));
    return new Dec(t);
  });
}

/**
 * Late interest (dröjsmålsränta) by räntelagen 6 §: reference rate of each half-year + margin, simple interest, both dates counted, days/365.
 * @customfunction LATEINTEREST
 * @helpurl https://localhost:3000/help.html#LATEINTEREST
 * @param {number} capital Interest-bearing capital in kronor.
 * @param {any} fromDate First day of interest (counted): an Excel date or text YYYY-MM-DD.
 * @param {any} toDate Last day of interest (counted): an Excel date or text YYYY-MM-DD.
 * @param {number} [marginPercent] Percentage points above the reference rate; omitted = 8.
 * @param {number} [contractRate] Contractual late-interest rate as a decimal (e.g. 0.12), used when lower; omitted or 0 = none.
 * @returns {number} Interest in kronor, unrounded; 0 when toDate is before fromDate.
 */
export function lateInterestFn(
  capital: CellValue,
  fromDate: CellValue,
  toDate: CellValue,
  marginPercent: CellValue,
  contractRate: CellValue,
): number {
  return excelNumber(() => {
    const cap = optionalAmount(contractRate, "contractRate");
    check(cap.lessThan(1), "rateAsFraction", "contractRate", contractRate);
    const margin = optionalNumber(marginPercent, "marginPercent", STATUTORY_MARGIN_PERCENT);
    check(margin.abs().lessThan(100), "outOfRange", "marginPercent", marginPercent, "(-100, 100)");
    return lateInterestEngine(
      {
        capital: requiredAmount(capital, "capital"),
        from: requiredDate(fromDate, "fromDate"),
        to: requiredDate(toDate, "toDate"),
        marginPercent: margin,
        contractRate: cap.isZero() ? null : cap,
      },
      BUILT_IN_RATES,
    ).total;
  });
}

/**
 * The Riksbank reference rate (referensränta) in force on a date, in percent (fixed per calendar half-year).
 * @customfunction REFERENCERATE
 * @helpurl https://localhost:3000/help.html#REFERENCERATE
 * @param {any} date An Excel date or text YYYY-MM-DD.
 * @returns {number} The reference rate in percent, e.g. 1.5.
 */
export function referenceRate(date: CellValue): number {
  return excelNumber(() => BUILT_IN_RATES.percentOn(requiredDate(date, "date"), "date"));
}
