/**
 * The Excel side of each engine convention, one builder per convention, named after the engine
 * function it mirrors (`rule78Reduction` ↔ `rule78Formula`). The calculation sheet and the summary's
 * self-contained rows both build their formulas here, so a convention is written once in the engine
 * and once as a formula. Builders take cell references or sub-formulas (any Excel expression) and
 * return formula text without the leading "=", in Excel's English syntax.
 *
 * Where a formula has to work inside SUMPRODUCT over the reference-rate table (the summary), the
 * builder has a `vector` form: IF does not evaluate element by element there in every Excel, so
 * conditions are written as comparisons that count as 0 or 1. The scalar form is the readable one.
 */
import { METHOD_CHOICE_NAMES } from "./texts";

/** Wraps an expression in parentheses unless it is a plain reference or number. */
function group(expr: string): string {
  return /^[$A-Za-z0-9_.!'{}]+$/.test(expr) ? expr : `(${expr})`;
}

/** `roundToKrona` (src/engine/decimal.ts): whole kronor, half away from zero, as Excel's ROUND does. */
export function roundToKronaFormula(amount: string): string {
  return `ROUND(${amount},0)`;
}

/** `monthlyRate`: i = annual nominal rate / 12. */
export function monthlyRateFormula(annualRate: string): string {
  return `${annualRate}/12`;
}

/** The credit's terms by the sheet's input names (references or expressions). */
export interface TermRefs {
  K: string;
  n: string;
  A: string;
  f: string;
  V: string;
}

/** `calculate`'s credit cost without the setup fee: c = n(A + f) + V − K (add S for C). */
export function creditCostExclSetupFormula(t: TermRefs): string {
  return `${t.n}*(${t.A}+${t.f})+${t.V}-${t.K}`;
}

/** `calculate`'s credit cost: C = n(A + f) + V + S − K. */
export function creditCostFormula(t: TermRefs, setupFee: string): string {
  return `${t.n}*(${t.A}+${t.f})+${t.V}+${setupFee}-${t.K}`;
}

/**
 * `chooseMethod`: "auto" is actual settlement with a residual, the rule of 78 without; anything but
 * auto, rule78 or actual is #N/A, as the engine refuses it (never a silent default). The method cell
 * may hold the code or its Swedish name as the printed sheet shows it (Automatiskt, 78-regeln,
 * Faktisk avräkning; Excel compares text without regard to case); the result is always the code.
 */
export function chooseMethodFormula(methodChoice: string, residual: string): string {
  const m = methodChoice;
  const is = (code: keyof typeof METHOD_CHOICE_NAMES) =>
    `OR(${m}="${code}",${m}="${METHOD_CHOICE_NAMES[code]}")`;
  return `IF(${is("auto")},IF(${residual}>0,"actual","rule78"),IF(${is("rule78")},"rule78",IF(${is("actual")},"actual",NA())))`;
}

/** `METHOD_NAMES[method]`: the Swedish name of the method code. */
export function methodNameFormula(
  method: string,
  names: { actual: string; rule78: string },
): string {
  return `IF(${method}="actual","${names.actual}","${names.rule78}")`;
}

/** `dueDate(first, k)`: EDATE keeps the day of month and moves back to a shorter month's end (§3). */
export function dueDateFormula(firstDueDate: string, k: string): string {
  return `EDATE(${firstDueDate},${group(k)}-1)`;
}

/** The instalment k that falls due in the date's month: months from the first due date + 1. */
function dueMonthIndexFormula(firstDueDate: string, date: string): string {
  return `(YEAR(${date})-YEAR(${firstDueDate}))*12+MONTH(${date})-MONTH(${firstDueDate})+1`;
}

/**
 * `countDueDates`: due dates on or before the date (`inclusive`) or strictly before it, in closed
 * form: at most one due date per month, so the count is k (the due date in the date's month) or
 * k − 1, clamped to 0 … n. `k` may be given as a cell holding {@link dueMonthIndexFormula}.
 */
export function countDueDatesFormula(
  firstDueDate: string,
  installments: string,
  date: string,
  inclusive: boolean,
  k = dueMonthIndexFormula(firstDueDate, date),
): string {
  const due = dueDateFormula(firstDueDate, k);
  return `MAX(0,MIN(${installments},${group(k)}-IF(${due}${inclusive ? "<=" : "<"}${date},0,1)))`;
}

/** `remainingInstallmentsRule78`: t = max(0, n − 1 − due dates before the date) (conventions §4). */
export function remainingInstallmentsRule78Formula(
  installments: string,
  dueDatesBefore: string,
): string {
  return `MAX(0,${installments}-1-${dueDatesBefore})`;
}

/**
 * `rule78Reduction`: R = t(t + 1) · c / (n(n + 1)), unrounded, never below zero (c < 0 when a 0 %
 * instalment is rounded down; a reduction is never a charge to the consumer, conventions §9).
 */
export function rule78Formula(remaining: string, installments: string, c: string): string {
  const t = remaining;
  const n = installments;
  return `MAX(0,${t}*(${t}+1)*${c}/(${n}*(${n}+1)))`;
}

/** `balanceAfter`: B_m = K(1+i)^m − A((1+i)^m − 1)/i (K − A·m at 0 %), 0 from the last due date on. */
export function balanceAfterFormula(t: TermRefs, i: string, m: string): string {
  const growth = `(1+${i})^${m}`;
  return `IF(${m}>=${t.n},0,IF(${i}=0,${t.K}-${t.A}*${m},${t.K}*${growth}-${t.A}*(${growth}-1)/${i}))`;
}

/** The parts of `actualReduction` that are 0 from the last due date on: `IF(m >= n, 0, part)`. */
export function untilLastDueFormula(m: string, installments: string, part: string): string {
  return `IF(${m}>=${installments},0,${part})`;
}

/** `actualReduction`'s remaining interest after due date m: Σ_{k>m} P_k − B_m = A(n − m) + V − B_m. */
export function remainingInterestFormula(t: TermRefs, m: string, balance: string): string {
  return `${t.A}*(${t.n}-${m})+${t.V}-${balance}`;
}

/** `actualReduction`'s period: due date m (the start; due_0 a month before the first). */
export function periodStartFormula(firstDueDate: string, m: string): string {
  return dueDateFormula(firstDueDate, m);
}

/** `actualReduction`'s period: due date m + 1 (the end). */
export function periodEndFormula(firstDueDate: string, m: string): string {
  return `EDATE(${firstDueDate},${m})`;
}

/** `actualReduction`'s days accrued: days since due date m, none before the first period (§9). */
export function daysAccruedFormula(date: string, periodStart: string): string {
  return `MAX(0,${date}-${periodStart})`;
}

/** `actualReduction`'s accrued interest: B_m · i · days / period days (conventions §5). */
export function accruedInterestFormula(
  balance: string,
  i: string,
  daysAccrued: string,
  periodStart: string,
  periodEnd: string,
): string {
  return `${balance}*${i}*${daysAccrued}/(${periodEnd}-${periodStart})`;
}

/** `actualReduction`'s unearned fees: f · (n − m). */
export function unearnedFeesFormula(fee: string, installments: string, m: string): string {
  return `${fee}*(${installments}-${m})`;
}

/** `actualReduction`: remaining interest − accrued + unearned fees, never below 0, 0 from due date n. */
export function actualReductionFormula(parts: {
  m: string;
  installments: string;
  remainingInterest: string;
  accruedInterest: string;
  unearnedFees: string;
}): string {
  return untilLastDueFormula(
    parts.m,
    parts.installments,
    `MAX(0,${parts.remainingInterest}-${group(parts.accruedInterest)}+${parts.unearnedFees})`,
  );
}

/** The reduction of the method in use (`calculate`): actual settlement or the rule of 78. */
export function reductionUsedFormula(method: string, actual: string, rule78: string): string {
  return `IF(${method}="actual",${actual},${rule78})`;
}

/**
 * `applicableRatePercent`: reference + margin, or the contractual rate (a fraction, 0 = none) in
 * percent where that is lower, never below 0. `vector`: the SUMPRODUCT-safe form.
 */
export function applicableRatePercentFormula(
  referencePercent: string,
  marginPercent: string,
  contractRate: string,
  vector = false,
): string {
  const statutory = `${referencePercent}+${marginPercent}`;
  const cap = `${contractRate}*100`;
  if (!vector) return `MAX(0,IF(${contractRate}>0,MIN(${statutory},${cap}),${statutory}))`;
  const s = `(${statutory})`;
  const capped = `(${s}-(${contractRate}>0)*(${s}>${cap})*(${s}-${cap}))`;
  return `((${capped}>0)*${capped})`;
}

/** `lateInterest`'s day count: both the first and the last day counted, none for an empty window. */
export function daysBothCountedFormula(from: string, to: string, vector = false): string {
  const days = `${to}-${from}+1`;
  return vector ? `((${days})>0)*(${days})` : `MAX(0,${days})`;
}

/**
 * `lateInterest` (conventions §9): capital × Σ(rate in percent × days) / 36 500, one division over the
 * exact sum, rounded once, in the statement line. `rateDays` is the sum, e.g. a SUMPRODUCT.
 */
export function lateInterestFormula(capital: string, rateDays: string): string {
  return `${capital}*${rateDays}/36500`;
}

/** Statement lines (`statementLines`): the parts, each already rounded to whole kronor. */
export interface RoundedLineRefs {
  unpaidCreditClaim: string;
  basicFee: string;
  applicantCosts: string;
  reduction: string;
  lateInterest: string;
  claimedInterest: string;
}

/** `statementLines`: att betala exkl. ränta = unpaid claim + basic fee + costs − reduction. */
export function amountExclInterestFormula(
  l: Omit<RoundedLineRefs, "lateInterest" | "claimedInterest">,
): string {
  return `${l.unpaidCreditClaim}+${l.basicFee}+${l.applicantCosts}-${l.reduction}`;
}

/** `statementLines`: att betala inkl. ränta = exkl. ränta + late interest + claimed interest. */
export function amountInclInterestFormula(
  amountExclInterest: string,
  lateInterest: string,
  claimedInterest: string,
): string {
  return `${amountExclInterest}+${lateInterest}+${claimedInterest}`;
}

/** `calculate`'s surplus: estimated value − att betala inkl. ränta, empty without a value. */
export function surplusFormula(value: string, amountInclInterest: string): string {
  return `IF(${value}="","",${value}-${group(amountInclInterest)})`;
}

/**
 * `formatIsoDate`: a date as YYYY-MM-DD text, built from YEAR, MONTH and DAY so that it reads the
 * same in every Excel language (TEXT's format codes are localised: "ÅÅÅÅ-MM-DD" in Swedish Excel).
 */
export function isoDateTextFormula(date: string): string {
  return `YEAR(${date})&"-"&RIGHT("0"&MONTH(${date}),2)&"-"&RIGHT("0"&DAY(${date}),2)`;
}

/**
 * `parseContract`'s unpaid credit claim when not stated: unpaid instalments × (A + f), plus the
 * residual while any instalment is unpaid (conventions §9: the residual is paid with the last one).
 */
export function unpaidCreditClaimFormula(t: TermRefs, installmentsPaid: string): string {
  return `(${t.n}-${installmentsPaid})*(${t.A}+${t.f})+IF(${t.n}>${installmentsPaid},${t.V},0)`;
}

/**
 * `formatWholeKronor` as a formula: the amount rounded to whole kronor (ROUND, half away from zero,
 * as roundToKrona) and written with a space between thousands, "15 809" or "1 906 471", for a
 * sentence such as "… innan godset tas: 15 809 kr".
 *
 * Why not TEXT(x;"# ##0"): TEXT reads its format code in the language of the Excel that calculates
 * (Microsoft Learn, "TEXT function": "the TEXT function is language-specific"), so "#,##0" means
 * thousands in English Excel but a decimal comma in Swedish Excel, and the group separator a code
 * must use differs by locale. Nor FIXED(x;0), whose grouping is the calculating Excel's own (a comma
 * in English Excel: "15,809"). Instead the groups are built arithmetically: INT and MOD cut the
 * number into thousands, a group after the first is padded to three digits with RIGHT("00"&…;3),
 * and a whole number turns into text through `&` as plain digits in every locale. So the sentence
 * reads "15 809 kr" in Swedish Excel, and the same (a readable grouping) in any other. Amounts of a
 * thousand million or more keep their leading digits ungrouped; a negative amount gets "−".
 */
export function wholeKronorTextFormula(amount: string): string {
  const n = `ROUND(ABS(${amount}),0)`;
  const group = (divisor: number) => `RIGHT("00"&MOD(INT(${n}/${divisor}),1000),3)`;
  const grouped =
    `IF(${n}<1000,${n}&"",IF(${n}<1000000,INT(${n}/1000)&" "&${group(1)},` +
    `INT(${n}/1000000)&" "&${group(1000)}&" "&${group(1)}))`;
  return `IF(ROUND(${amount},0)<0,"−","")&${grouped}`;
}
