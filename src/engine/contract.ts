/**
 * A contract row (kontrakt): the input of every calculation, validated field by field.
 *
 * The JSON form is that of `examples/worked-example-1.json`. Amounts may be JSON numbers or
 * numeric text ("143750", "143 750", "0,0595"), read straight into decimals; dates are ISO text.
 * Each field (label, kind, range, default) is described in the contract schema (schema.ts); the rules
 * that span fields are here. Defaults a careful user would expect, each in the field table of docs/cli.md:
 * - `creditAmount` = `cashPrice` − `downPayment` when omitted (and must equal it when all three are given);
 * - `monthlyFee`, `setupFee`, `residual`, `claimedInterest`, `applicantCosts` = 0;
 * - `basicFee` = 600 (grundavgift since 2008, förordning 1992:1094 6 §);
 * - `unpaidCreditClaim` = (n − installmentsPaid)(A + f) + V; `interestCapital` = the unpaid credit claim;
 * - `interestFrom` = the day after `applicationDate`; `method` = "auto";
 * - `noticeDate` and `estimatedValue` may be left out (then no notice statement, no surplus).
 */
import { Dec } from "./decimal";
import { parseDateInput } from "./dateInput";
import { Day, formatIsoDate } from "./dates";
import { EngineError, check } from "./errors";
import { CreditTerms } from "./reduction";
import { checkScheduleRepays } from "./scheduleCheck";
import {
  CONTRACT_SCHEMA,
  ContractField,
  DEFAULT_BASIC_FEE_KRONOR,
  MAX_AMOUNT_KRONOR,
  MAX_NUMBER_CHARS,
  integerRange,
  isContractField,
  nearestField,
} from "./schema";

export { CONTRACT_FIELDS } from "./schema";
export type { ContractField } from "./schema";

export type MethodChoice = "auto" | "rule78" | "actual";

/** A validated contract; money as decimals, dates as days. */
export interface Contract extends CreditTerms {
  caseId: string;
  creditor: string;
  /** The applicant's postal address, for the letters ("" when not given). */
  creditorAddress: string;
  debtor: string;
  /** The debtor's postal address, for the letters ("" when not given). */
  debtorAddress: string;
  goods: string;
  contractDate: Day | null;
  cashPrice: Dec | null;
  downPayment: Dec | null;
  setupFee: Dec;
  installmentsPaid: number | null;
  unpaidCreditClaim: Dec;
  /** Whether the unpaid credit claim was stated (not derived from installmentsPaid). */
  unpaidCreditClaimStated: boolean;
  applicationDate: Day;
  claimedInterest: Dec;
  interestFrom: Day;
  /** Whether the first day of interest was stated (not the day after the application date). */
  interestFromStated: boolean;
  interestCapital: Dec;
  /** Whether the interest-bearing capital was stated (not the unpaid credit claim by default). */
  interestCapitalStated: boolean;
  lateInterestRate: Dec | null;
  basicFee: Dec;
  applicantCosts: Dec;
  noticeDate: Day | null;
  repossessionDate: Day;
  estimatedValue: Dec | null;
  method: MethodChoice;
}

/** The raw JSON shape (every field as the user may write it). */
export type ContractInput = Record<string, unknown>;

const NUMERIC_TEXT = /^-?\d+(\.\d+)?$/;
/** `60.000`, `1.487`, `1.234.567,50`: a point that may group thousands. */
const AMBIGUOUS_POINT = /^-?\d{1,3}(\.\d{3})+(,\d*)?$/;
const DEFAULT_BASIC_FEE = new Dec(DEFAULT_BASIC_FEE_KRONOR);

/**
 * One error per key of a raw contract that names no contract field, each suggesting the nearest known
 * field ("Okänt fält 'installmentAmout' — menade du installmentAmount (Avbetalning)?"). A misspelt
 * field is refused wherever a contract enters: a file, a CSV header is matched separately (a sheet
 * may carry notes), a `#contract=` link.
 */
export function unknownFieldErrors(input: ContractInput): EngineError<"unknownField">[] {
  return Object.keys(input)
    .filter((key) => !isContractField(key))
    .map((key) => new EngineError("unknownField", key, input[key], nearestField(key)));
}

/**
 * Reads a decimal from a JSON number or numeric text: spaces (also no-break) as thousands separators,
 * a decimal comma or point, a trailing "kr". Text longer than {@link MAX_NUMBER_CHARS} is refused
 * unread. With `decimalComma` (a Swedish CSV or workbook, where the comma is the decimal separator),
 * a point followed by groups of three digits (`60.000`, `1.487`) is refused as ambiguous: thousands
 * or decimals?
 */
export function parseDecimal(value: unknown, field: string, decimalComma = false): Dec {
  if (typeof value === "number") {
    check(Number.isFinite(value), "notNumber", field, value);
    return new Dec(String(value));
  }
  if (typeof value === "string") {
    check(value.length <= MAX_NUMBER_CHARS, "tooLong", field, value, MAX_NUMBER_CHARS);
    const text = value
      .replace(/[\s\u00a0\u202f]/g, "")
      .replace(/kr$/i, "")
      .replace(",", ".");
    check(NUMERIC_TEXT.test(text), "notNumber", field, value);
    if (decimalComma && AMBIGUOUS_POINT.test(value.trim())) {
      const digits = value.trim().replace(/\./g, "");
      throw new EngineError("ambiguousPoint", field, value, digits, value.trim().replace(".", ","));
    }
    return new Dec(text);
  }
  throw new EngineError("notNumber", field, value);
}

/** An amount of money: 0 to {@link MAX_AMOUNT_KRONOR} kr; errors name the field and the value. */
export function parseAmount(value: unknown, field: string, decimalComma = false): Dec {
  const amount = parseDecimal(value, field, decimalComma);
  check(!amount.isNegative(), "negative", field, value);
  check(amount.lte(MAX_AMOUNT_KRONOR), "tooLarge", field, value, MAX_AMOUNT_KRONOR);
  return amount;
}

/** Rates from 1 up to this are percent; at or above it a rate is refused. */
const PERCENT_LIMIT = 100;

/**
 * A rate (annualRate, lateInterestRate, a function's rate argument) as a fraction, by one rule in
 * every place a rate is written (JSON, CSV, .xlsx, the form, the custom functions):
 * - with a percent sign it is percent: `5,95 %` → 0.0595;
 * - without, a number below 1 is a decimal fraction (`0,0595` → 0.0595, as a cell formatted 5,95 %
 *   holds it) and a number from 1 up to 100 is percent (`5,95` → 0.0595);
 * - so a rate below 1 % needs its percent sign (`0,5 %`; a bare 0,5 is 50 %);
 * - a negative rate, or 100 % or more, is refused.
 */
export function parseRate(value: unknown, field: string, decimalComma = false): Dec {
  const percentText = typeof value === "string" && /%\s*$/.test(value);
  const number = parseDecimal(
    percentText ? (value as string).replace(/\s*%\s*$/, "") : value,
    field,
    decimalComma,
  );
  check(!number.isNegative(), "negative", field, value);
  const percent = percentText || number.gte(1);
  check(!percent || number.lessThan(PERCENT_LIMIT), "rateAsFraction", field, value);
  return percent ? number.dividedBy(100) : number;
}

function isMissing(value: unknown): boolean {
  return (
    value === undefined || value === null || (typeof value === "string" && value.trim() === "")
  );
}

/** Reads the fields of one raw contract by their schema kinds; each read names its field on error. */
class FieldReader {
  constructor(readonly input: ContractInput) {}

  has(field: ContractField): boolean {
    return !isMissing(this.input[field]);
  }

  text(field: ContractField, required: boolean): string {
    const value = this.input[field];
    if (isMissing(value)) {
      check(!required, "required", field, value);
      return "";
    }
    check(typeof value === "string" || typeof value === "number", "notText", field, value);
    return String(value).trim();
  }

  money(field: ContractField): Dec | null {
    if (!this.has(field)) return null;
    return parseAmount(this.input[field], field);
  }

  rate(field: ContractField): Dec | null {
    if (!this.has(field)) return null;
    return parseRate(this.input[field], field);
  }

  requiredMoney(field: ContractField): Dec {
    const amount = this.money(field);
    if (amount === null) throw new EngineError("required", field, this.input[field]);
    return amount;
  }

  integer(field: ContractField): number | null {
    if (!this.has(field)) return null;
    const value = parseDecimal(this.input[field], field);
    const range = integerRange(field);
    check(value.isInteger(), "notInteger", field, this.input[field]);
    check(
      value.gte(range.min) && value.lte(range.max),
      "outOfRange",
      field,
      this.input[field],
      range,
    );
    return value.toNumber();
  }

  date(field: ContractField): Day | null {
    if (!this.has(field)) return null;
    return parseDateInput(this.input[field], field);
  }

  requiredDate(field: ContractField): Day {
    const day = this.date(field);
    if (day === null) throw new EngineError("required", field, this.input[field]);
    return day;
  }

  mustBePositive(field: ContractField, amount: Dec, shown: unknown): void {
    check(!CONTRACT_SCHEMA[field].positive || amount.greaterThan(0), "notPositive", field, shown);
  }
}

/** `day` may not fall before `otherDay`; the error names both fields. */
function notBefore(field: ContractField, day: Day, other: ContractField, otherDay: Day): void {
  check(day >= otherDay, "dateBefore", field, formatIsoDate(day), {
    field: other,
    value: formatIsoDate(otherDay),
  });
}

/** K: stated, or cash price − down payment (and equal to it when all three are given). */
function creditAmountOf(r: FieldReader): Dec {
  const cashPrice = r.money("cashPrice");
  const downPayment = r.money("downPayment");
  let creditAmount = r.money("creditAmount");
  if (cashPrice !== null) {
    const financed = cashPrice.minus(downPayment ?? 0);
    if (creditAmount === null) creditAmount = financed;
    check(creditAmount.equals(financed), "inconsistent", "creditAmount", r.input.creditAmount, {
      kind: "notFinanced",
      cashPrice,
      downPayment: downPayment ?? new Dec(0),
    });
  }
  if (creditAmount === null)
    throw new EngineError("required", "creditAmount", r.input.creditAmount, "cashPrice");
  r.mustBePositive("creditAmount", creditAmount, r.input.creditAmount ?? creditAmount);
  return creditAmount;
}

/**
 * The credit's terms and its setup fee, refused when the schedule cannot be this credit's
 * (scheduleCheck.ts).
 */
function creditTermsOf(r: FieldReader): { terms: CreditTerms; setupFee: Dec } {
  const creditAmount = creditAmountOf(r);
  const annualRate = r.rate("annualRate");
  if (annualRate === null) throw new EngineError("required", "annualRate", r.input.annualRate);
  const installments = r.integer("installments");
  if (installments === null)
    throw new EngineError("required", "installments", r.input.installments);
  const firstDueDate = r.requiredDate("firstDueDate");
  const installmentAmount = r.requiredMoney("installmentAmount");
  r.mustBePositive("installmentAmount", installmentAmount, r.input.installmentAmount);
  const monthlyFee = r.money("monthlyFee") ?? new Dec(0);
  const setupFee = r.money("setupFee") ?? new Dec(0);
  const residual = r.money("residual") ?? new Dec(0);
  const terms: CreditTerms = {
    creditAmount,
    annualRate,
    installments,
    firstDueDate,
    installmentAmount,
    residual,
    monthlyFee,
  };
  checkScheduleRepays(terms);
  return { terms, setupFee };
}

/** The unpaid credit claim: stated, or (n − paid)(A + f) + V (the residual goes with the last). */
function unpaidClaimOf(r: FieldReader, terms: CreditTerms) {
  const installmentsPaid = r.integer("installmentsPaid");
  if (installmentsPaid !== null) {
    check(
      installmentsPaid <= terms.installments,
      "exceeds",
      "installmentsPaid",
      r.input.installmentsPaid,
      { field: "installments", value: terms.installments },
    );
  }
  const stated = r.money("unpaidCreditClaim");
  if (stated !== null)
    return { installmentsPaid, unpaidCreditClaim: stated, unpaidCreditClaimStated: true };
  if (installmentsPaid === null)
    throw new EngineError(
      "required",
      "installmentsPaid",
      r.input.installmentsPaid,
      "unpaidCreditClaim",
    );
  const unpaid = terms.installments - installmentsPaid;
  const unpaidCreditClaim = terms.installmentAmount
    .plus(terms.monthlyFee)
    .times(unpaid)
    .plus(unpaid > 0 ? terms.residual : 0);
  return { installmentsPaid, unpaidCreditClaim, unpaidCreditClaimStated: false };
}

/** The case's dates, in the order the law's steps take them. */
function caseDatesOf(r: FieldReader, firstDueDate: Day) {
  const applicationDate = r.requiredDate("applicationDate");
  const interestFrom = r.date("interestFrom") ?? applicationDate + 1;
  const repossessionDate = r.requiredDate("repossessionDate");
  const noticeDate = r.date("noticeDate");
  const contractDate = r.date("contractDate");
  if (contractDate !== null) notBefore("firstDueDate", firstDueDate, "contractDate", contractDate);
  if (noticeDate !== null) {
    notBefore("noticeDate", noticeDate, "applicationDate", applicationDate);
    notBefore("repossessionDate", repossessionDate, "noticeDate", noticeDate);
  }
  notBefore("repossessionDate", repossessionDate, "applicationDate", applicationDate);
  return { applicationDate, interestFrom, repossessionDate, noticeDate, contractDate };
}

/** A lower contractual late-interest rate, or null (0 means none). */
function lateInterestRateOf(r: FieldReader): Dec | null {
  const rate = r.rate("lateInterestRate");
  if (rate === null) return null;
  return rate.isZero() ? null : rate;
}

/** Every method choice, once (a key missing or misspelt here is a type error). */
const METHOD_CHOICES: Readonly<Record<MethodChoice, true>> = {
  auto: true,
  rule78: true,
  actual: true,
};

/** Whether a value is one of the method choices. */
function isMethodChoice(value: unknown): value is MethodChoice {
  return typeof value === "string" && Object.prototype.hasOwnProperty.call(METHOD_CHOICES, value);
}

function methodOf(r: FieldReader): MethodChoice {
  const method: unknown = r.has("method") ? r.input.method : "auto";
  check(isMethodChoice(method), "unknownMethod", "method", r.input.method);
  return method;
}

/** Validates a raw contract object; throws an {@link EngineError} naming the first bad field. */
export function parseContract(raw: unknown): Contract {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    throw new EngineError("notObject", "contract", raw);
  }
  const input = raw as ContractInput;
  const [unknown] = unknownFieldErrors(input);
  if (unknown !== undefined) throw unknown;

  const r = new FieldReader(input);
  const caseId = r.text("caseId", true);
  const { terms, setupFee } = creditTermsOf(r);
  const claim = unpaidClaimOf(r, terms);
  const dates = caseDatesOf(r, terms.firstDueDate);
  const lateInterestRate = lateInterestRateOf(r);
  const method = methodOf(r);
  return {
    caseId,
    creditor: r.text("creditor", false),
    creditorAddress: r.text("creditorAddress", false),
    debtor: r.text("debtor", false),
    debtorAddress: r.text("debtorAddress", false),
    goods: r.text("goods", false),
    contractDate: dates.contractDate,
    cashPrice: r.money("cashPrice"),
    downPayment: r.money("downPayment"),
    ...terms,
    setupFee,
    ...claim,
    applicationDate: dates.applicationDate,
    claimedInterest: r.money("claimedInterest") ?? new Dec(0),
    interestFrom: dates.interestFrom,
    interestFromStated: r.has("interestFrom"),
    interestCapital: r.money("interestCapital") ?? claim.unpaidCreditClaim,
    interestCapitalStated: r.has("interestCapital"),
    lateInterestRate,
    basicFee: r.money("basicFee") ?? DEFAULT_BASIC_FEE,
    applicantCosts: r.money("applicantCosts") ?? new Dec(0),
    noticeDate: dates.noticeDate,
    repossessionDate: dates.repossessionDate,
    estimatedValue: r.money("estimatedValue"),
    method,
  };
}
