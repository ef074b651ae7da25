/**
 * A contract row (kontrakt): the input of every calculation, validated field by field.
 *
 * The JSON form is that of `examples/worked-example-1.json`. Amounts may be JSON numbers or
 * numeric text ("143750", "143 750", "0,0595"), read straight into decimals; dates are ISO text.
 * Defaults a careful user would expect, each documented in README.md:
 * - `creditAmount` = `cashPrice` − `downPayment` when omitted (and must equal it when all three are given);
 * - `monthlyFee`, `setupFee`, `residual`, `claimedInterest`, `applicantCosts` = 0;
 * - `basicFee` = 600 (grundavgift since 2008, förordning 1992:1094 6 §);
 * - `unpaidCreditClaim` = (n − installmentsPaid)(A + f) + V; `interestCapital` = the unpaid credit claim;
 * - `interestFrom` = the day after `applicationDate`; `method` = "auto";
 * - `noticeDate` and `estimatedValue` may be left out (then no notice statement, no surplus).
 */
import { Dec } from "./decimal";
import { Day, formatIsoDate, parseIsoDate } from "./dates";
import { EngineError, check } from "./errors";
import { CreditTerms } from "./reduction";
import { checkScheduleRepays } from "./scheduleCheck";

export type MethodChoice = "auto" | "rule78" | "actual";

/** A validated contract; money as decimals, dates as days. */
export interface Contract extends CreditTerms {
  caseId: string;
  creditor: string;
  debtor: string;
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

/** Every field a contract may carry, in the order of the example files. */
export const CONTRACT_FIELDS = [
  "caseId",
  "creditor",
  "debtor",
  "goods",
  "contractDate",
  "cashPrice",
  "downPayment",
  "creditAmount",
  "annualRate",
  "installments",
  "firstDueDate",
  "installmentAmount",
  "monthlyFee",
  "setupFee",
  "residual",
  "installmentsPaid",
  "unpaidCreditClaim",
  "applicationDate",
  "claimedInterest",
  "interestFrom",
  "interestCapital",
  "lateInterestRate",
  "basicFee",
  "applicantCosts",
  "noticeDate",
  "repossessionDate",
  "estimatedValue",
  "method",
] as const;
export type ContractField = (typeof CONTRACT_FIELDS)[number];

const KNOWN = new Set<string>(CONTRACT_FIELDS);
const NUMERIC_TEXT = /^-?\d+(\.\d+)?$/;
export const DEFAULT_BASIC_FEE = new Dec(600);

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

/** Validates a raw contract object; throws an {@link EngineError} naming the first bad field. */
export function parseContract(raw: unknown): Contract {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    throw new EngineError("notObject", "contract", raw);
  }
  const input = raw as ContractInput;
  for (const key of Object.keys(input)) check(KNOWN.has(key), "unknownField", key, input[key]);

  const has = (field: ContractField) => !isMissing(input[field]);
  const text = (field: ContractField, required: boolean): string => {
    const value = input[field];
    if (isMissing(value)) {
      check(!required, "required", field, value);
      return "";
    }
    check(typeof value === "string" || typeof value === "number", "notText", field, value);
    return String(value).trim();
  };
  const money = (field: ContractField): Dec | null => {
    if (!has(field)) return null;
    const amount = parseDecimal(input[field], field);
    check(!amount.isNegative(), "negative", field, input[field]);
    return amount;
  };
  const requiredMoney = (field: ContractField): Dec => {
    const amount = money(field);
    if (amount === null) throw new EngineError("required", field, input[field]);
    return amount;
  };
  const integer = (field: ContractField, min: number, max: number): number | null => {
    if (!has(field)) return null;
    const value = parseDecimal(input[field], field);
    check(value.isInteger(), "notInteger", field, input[field]);
    check(value.gte(min) && value.lte(max), "outOfRange", field, input[field], `${min}–${max}`);
    return value.toNumber();
  };
  const date = (field: ContractField): Day | null => {
    if (!has(field)) return null;
    const value = input[field];
    check(typeof value === "string", "notDate", field, value);
    return parseIsoDate(value as string, field);
  };
  const requiredDate = (field: ContractField): Day => {
    const day = date(field);
    if (day === null) throw new EngineError("required", field, input[field]);
    return day;
  };
  const notBefore = (field: ContractField, day: Day, other: ContractField, otherDay: Day) =>
    check(day >= otherDay, "dateBefore", field, formatIsoDate(day), other, formatIsoDate(otherDay));

  const caseId = text("caseId", true);
  const cashPrice = money("cashPrice");
  const downPayment = money("downPayment");
  let creditAmount = money("creditAmount");
  if (cashPrice !== null) {
    const financed = cashPrice.minus(downPayment ?? 0);
    if (creditAmount === null) creditAmount = financed;
    check(
      creditAmount.equals(financed),
      "inconsistent",
      "creditAmount",
      input.creditAmount,
      `kontantpris ${cashPrice} − handpenning ${downPayment ?? 0} = ${financed}`,
    );
  }
  if (creditAmount === null) throw new EngineError("required", "creditAmount", input.creditAmount);
  check(
    creditAmount.isPositive() && !creditAmount.isZero(),
    "notPositive",
    "creditAmount",
    input.creditAmount ?? String(creditAmount),
  );

  const annualRate = requiredMoney("annualRate");
  check(annualRate.lessThan(1), "rateAsFraction", "annualRate", input.annualRate);
  const installments = integer("installments", 1, 1200);
  if (installments === null) throw new EngineError("required", "installments", input.installments);
  const firstDueDate = requiredDate("firstDueDate");
  const installmentAmount = requiredMoney("installmentAmount");
  check(!installmentAmount.isZero(), "notPositive", "installmentAmount", input.installmentAmount);
  const monthlyFee = money("monthlyFee") ?? new Dec(0);
  const setupFee = money("setupFee") ?? new Dec(0);
  const residual = money("residual") ?? new Dec(0);

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

  const installmentsPaid = integer("installmentsPaid", 0, 1200);
  if (installmentsPaid !== null) {
    check(
      installmentsPaid <= installments,
      "exceeds",
      "installmentsPaid",
      input.installmentsPaid,
      "installments",
      String(installments),
    );
  }
  let unpaidCreditClaim = money("unpaidCreditClaim");
  const unpaidCreditClaimStated = unpaidCreditClaim !== null;
  if (unpaidCreditClaim === null) {
    if (installmentsPaid === null)
      throw new EngineError("required", "installmentsPaid", input.installmentsPaid);
    const unpaidInstallments = installments - installmentsPaid;
    unpaidCreditClaim = installmentAmount
      .plus(monthlyFee)
      .times(unpaidInstallments)
      .plus(unpaidInstallments > 0 ? residual : 0);
  }

  const applicationDate = requiredDate("applicationDate");
  const interestFrom = date("interestFrom") ?? applicationDate + 1;
  const repossessionDate = requiredDate("repossessionDate");
  const noticeDate = date("noticeDate");
  const contractDate = date("contractDate");
  if (contractDate !== null) notBefore("firstDueDate", firstDueDate, "contractDate", contractDate);
  if (noticeDate !== null) {
    notBefore("noticeDate", noticeDate, "applicationDate", applicationDate);
    notBefore("repossessionDate", repossessionDate, "noticeDate", noticeDate);
  }
  notBefore("repossessionDate", repossessionDate, "applicationDate", applicationDate);

  const lateInterestRate = money("lateInterestRate");
  if (lateInterestRate !== null)
    check(
      lateInterestRate.lessThan(1),
      "rateAsFraction",
      "lateInterestRate",
      input.lateInterestRate,
    );

  const method = (has("method") ? input.method : "auto") as MethodChoice;
  check(
    method === "auto" || method === "rule78" || method === "actual",
    "unknownMethod",
    "method",
    input.method,
  );

  return {
    caseId,
    creditor: text("creditor", false),
    debtor: text("debtor", false),
    goods: text("goods", false),
    contractDate,
    cashPrice,
    downPayment,
    ...terms,
    setupFee,
    installmentsPaid,
    unpaidCreditClaim,
    unpaidCreditClaimStated,
    applicationDate,
    claimedInterest: money("claimedInterest") ?? new Dec(0),
    interestFrom,
    interestCapital: money("interestCapital") ?? unpaidCreditClaim,
    interestCapitalStated: has("interestCapital"),
    lateInterestRate:
      lateInterestRate !== null && lateInterestRate.isZero() ? null : lateInterestRate,
    basicFee: money("basicFee") ?? DEFAULT_BASIC_FEE,
    applicantCosts: money("applicantCosts") ?? new Dec(0),
    noticeDate,
    repossessionDate,
    estimatedValue: money("estimatedValue"),
    method,
  };
}
