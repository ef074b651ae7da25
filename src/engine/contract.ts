/**
 * A contract row (kontrakt): the input of every calculation, validated field by field.
 *
 * The JSON form is that of `examples/worked-example-1.json`. Amounts may be JSON numbers or
 * numeric text ("143750", "143 750", "0,0595"), read straight into decimals; dates are ISO text.
 * Each field (label, kind, range, default) is described in the contract schema (schema.ts); the rules
 * that span fields are here. Defaults a careful user would expect, each documented in README.md:
 * - `creditAmount` = `cashPrice` − `downPayment` when omitted (and must equal it when all three are given);
 * - `monthlyFee`, `setupFee`, `residual`, `claimedInterest`, `applicantCosts` = 0;
 * - `basicFee` = 600 (grundavgift since 2008, förordning 1992:1094 6 §);
 * - `unpaidCreditClaim` = (n − installmentsPaid)(A + f) + V; `interestCapital` = the unpaid credit claim;
 * - `interestFrom` = the day after `applicationDate`; `method` = "auto";
 * - `noticeDate` and `estimatedValue` may be left out (then no notice statement, no surplus).
 */
import { Dec } from "./decimal";
import { parseIsoDate } from "./dateInput";
import { Day, formatIsoDate } from "./dates";
import { EngineError, check } from "./errors";
import { CreditTerms } from "./reduction";
import { checkScheduleRepays } from "./scheduleCheck";
import {
  CONTRACT_SCHEMA,
  ContractField,
  DEFAULT_BASIC_FEE_KRONOR,
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

/** Reads a decimal from a JSON number or numeric text (spaces as thousands separators, comma or point). */
export function parseDecimal(value: unknown, field: string): Dec {
  if (typeof value === "number") {
    check(Number.isFinite(value), "notNumber", field, value);
    return new Dec(String(value));
  }
  if (typeof value === "string") {
    const text = value
      .replace(/[\s\u00a0\u202f]/g, "")
      .replace(/kr$/i, "")
      .replace(",", ".");
    check(NUMERIC_TEXT.test(text), "notNumber", field, value);
    return new Dec(text);
  }
  throw new EngineError("notNumber", field, value);
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
    const amount = parseDecimal(this.input[field], field);
    check(!amount.isNegative(), "negative", field, this.input[field]);
    return amount;
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
    const value = this.input[field];
    check(typeof value === "string", "notDate", field, value);
    return parseIsoDate(value as string, field);
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
  const annualRate = r.requiredMoney("annualRate");
  check(annualRate.lessThan(1), "rateAsFraction", "annualRate", r.input.annualRate);
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
  const rate = r.money("lateInterestRate");
  if (rate === null) return null;
  check(rate.lessThan(1), "rateAsFraction", "lateInterestRate", r.input.lateInterestRate);
  return rate.isZero() ? null : rate;
}

function methodOf(r: FieldReader): MethodChoice {
  const method = (r.has("method") ? r.input.method : "auto") as MethodChoice;
  check(
    method === "auto" || method === "rule78" || method === "actual",
    "unknownMethod",
    "method",
    r.input.method,
  );
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
