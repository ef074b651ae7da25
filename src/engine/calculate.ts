/**
 * A whole repossession calculation for one contract: credit cost, both reductions, late interest and
 * the statement (att betala) at the notice date and at the repossession date, and the surplus.
 *
 * Statement (conventions §7): each line is rounded to whole kronor ({@link roundToKrona}) and the totals
 * are sums of the rounded lines, so the printed statement adds up:
 *   att betala exkl. ränta = obetald del av kreditfordran + grundavgift + sökandens kostnader − reduceringsbelopp
 *   att betala inkl. ränta = att betala exkl. ränta + dröjsmålsränta + yrkad ränta per ansökningsdagen
 * surplus = estimated value − att betala inkl. ränta; > 0 means the creditor pays the difference.
 * Method "auto": actual settlement when the contract has a residual, the rule of 78 otherwise.
 */
import { Contract } from "./contract";
import { Dec, roundToKrona } from "./decimal";
import { Day, countDueDates } from "./dates";
import { EngineError } from "./errors";
import { LateInterestResult, lateInterest } from "./lateInterest";
import { LawReference, lawFor, lawWarning } from "./law";
import {
  ActualReduction,
  actualReduction,
  remainingInstallmentsRule78,
  rule78Reduction,
} from "./reduction";
import { BUILT_IN_RATES, ReferenceRateTable } from "./referenceRates";

export type Method = "rule78" | "actual";
export type StatementLabel = "notice" | "repossession";

/** The statement's lines, in the order printed. */
export interface StatementLines<T> {
  unpaidCreditClaim: T; // obetald del av kreditfordran
  basicFee: T; // grundavgift
  applicantCosts: T; // sökandens kostnader
  reduction: T; // reduceringsbelopp (subtracted)
  amountExclInterest: T; // att betala exkl. ränta
  lateInterest: T; // dröjsmålsränta
  claimedInterest: T; // yrkad ränta per ansökningsdagen
  amountInclInterest: T; // att betala inkl. ränta
}

/** The statement's rows, labelled exactly as on the Enforcement Authority's form. */
export const STATEMENT_LABELS: StatementLines<string> = {
  unpaidCreditClaim: "Obetald del av kreditfordran",
  basicFee: "Grundavgift",
  applicantCosts: "Sökandens kostnader",
  reduction: "Reduceringsbelopp",
  amountExclInterest: "Att betala exkl. ränta",
  lateInterest: "Dröjsmålsränta",
  claimedInterest: "Yrkad ränta per ansökningsdagen",
  amountInclInterest: "Att betala inkl. ränta",
};

/** Statement rows in printed order. */
export const STATEMENT_ROWS = Object.keys(STATEMENT_LABELS) as (keyof StatementLines<string>)[];

export interface Statement {
  label: StatementLabel;
  date: Day;
  /** Due dates strictly before the date: the count t is made from. */
  dueDatesBefore: number;
  /** t by the rule-of-78 count. */
  remainingInstallments: number;
  reductionRule78: Dec;
  actual: ActualReduction;
  /** The reduction of the method used. */
  reduction: Dec;
  lateInterest: LateInterestResult;
  /** Unrounded lines (what the custom functions return). */
  exact: StatementLines<Dec>;
  /** Lines in whole kronor, totals summed from rounded lines (what the sheet prints). */
  lines: StatementLines<Dec>;
  /** Estimated value − amount incl. interest (rounded lines); null without an estimated value. */
  surplus: Dec | null;
}

export interface Calculation {
  contract: Contract;
  method: Method;
  law: LawReference;
  /** Why the legal reference must be checked (a contract the law table may not cover), or null. */
  lawWarning: string | null;
  /** Kreditkostnad C = n(A + f) + V + S − K. */
  creditCost: Dec;
  /** c = C − S (the rule of 78's credit cost). */
  creditCostExclSetup: Dec;
  /** Kreditfordran = K + C. */
  creditClaim: Dec;
  statements: Statement[];
  /** The reference-rate table the late interest used. */
  referenceRates: ReferenceRateTable;
}

export interface CalculateOptions {
  referenceRates?: ReferenceRateTable;
}

/** The method the contract asks for; "auto" picks actual settlement when there is a residual. */
function chooseMethod(contract: Contract): Method {
  if (contract.method !== "auto") return contract.method;
  return contract.residual.isZero() ? "rule78" : "actual";
}

/** Runs the whole calculation for a validated contract. */
export function calculate(contract: Contract, options: CalculateOptions = {}): Calculation {
  const table = options.referenceRates ?? BUILT_IN_RATES;
  const method = chooseMethod(contract);
  const n = contract.installments;
  const totalPayments = contract.installmentAmount
    .plus(contract.monthlyFee)
    .times(n)
    .plus(contract.residual);
  const creditClaim = totalPayments.plus(contract.setupFee);
  const creditCost = creditClaim.minus(contract.creditAmount);
  const creditCostExclSetup = creditCost.minus(contract.setupFee);

  const dates: [StatementLabel, Day | null][] = [
    ["notice", contract.noticeDate],
    ["repossession", contract.repossessionDate],
  ];
  const statements = dates
    .filter((entry): entry is [StatementLabel, Day] => entry[1] !== null)
    .map(([label, date]) => statementAt(contract, method, creditCostExclSetup, label, date, table));
  return {
    contract,
    method,
    law: lawFor(contract.contractDate),
    lawWarning: lawWarning(contract.contractDate),
    creditCost,
    creditCostExclSetup,
    creditClaim,
    statements,
    referenceRates: table,
  };
}

function statementAt(
  contract: Contract,
  method: Method,
  creditCostExclSetup: Dec,
  label: StatementLabel,
  date: Day,
  table: ReferenceRateTable,
): Statement {
  const dueDatesBefore = countDueDates(contract.firstDueDate, contract.installments, date, false);
  const t = remainingInstallmentsRule78(contract.firstDueDate, contract.installments, date);
  const reductionRule78 = rule78Reduction(t, contract.installments, creditCostExclSetup);
  const actual = actualReduction(contract, date);
  const reduction = method === "rule78" ? reductionRule78 : actual.reduction;
  // The reduction is credit cost inside the unpaid instalments; a larger one means the unpaid claim
  // (or the number of instalments paid) does not fit the date, and the amount to pay would be negative.
  if (reduction.greaterThan(contract.unpaidCreditClaim)) {
    const field = contract.unpaidCreditClaimStated ? "unpaidCreditClaim" : "installmentsPaid";
    const value = contract.unpaidCreditClaimStated
      ? contract.unpaidCreditClaim
      : contract.installmentsPaid;
    throw new EngineError("inconsistent", field, value, {
      kind: "reductionExceedsClaim",
      reduction,
      date,
      claim: contract.unpaidCreditClaim,
    });
  }
  const interest = lateInterest(
    {
      capital: contract.interestCapital,
      from: contract.interestFrom,
      to: date,
      contractRate: contract.lateInterestRate,
      // The first day of interest derived from the application date is named by the date the user gave.
      fields: contract.interestFromStated
        ? { from: "interestFrom", to: DATE_FIELDS[label] }
        : { from: "applicationDate", fromValue: contract.applicationDate, to: DATE_FIELDS[label] },
    },
    table,
  );
  const exact = statementLines(
    {
      unpaidCreditClaim: contract.unpaidCreditClaim,
      basicFee: contract.basicFee,
      applicantCosts: contract.applicantCosts,
      reduction,
      lateInterest: interest.total,
      claimedInterest: contract.claimedInterest,
    },
    (x) => x,
  );
  const lines = statementLines(exact, roundToKrona);
  const surplus =
    contract.estimatedValue === null
      ? null
      : contract.estimatedValue.minus(lines.amountInclInterest);
  return {
    label,
    date,
    dueDatesBefore,
    remainingInstallments: t,
    reductionRule78,
    actual,
    reduction,
    lateInterest: interest,
    exact,
    lines,
    surplus,
  };
}

/** The contract field of each statement's date. */
const DATE_FIELDS = { notice: "noticeDate", repossession: "repossessionDate" } as const;

type StatementParts = Omit<StatementLines<Dec>, "amountExclInterest" | "amountInclInterest">;

/** The statement from its parts: each part passed through `round`, totals summed from the results. */
export function statementLines(
  parts: StatementParts,
  round: (amount: Dec) => Dec,
): StatementLines<Dec> {
  const unpaidCreditClaim = round(parts.unpaidCreditClaim);
  const basicFee = round(parts.basicFee);
  const applicantCosts = round(parts.applicantCosts);
  const reduction = round(parts.reduction);
  const amountExclInterest = unpaidCreditClaim.plus(basicFee).plus(applicantCosts).minus(reduction);
  const lateInterest = round(parts.lateInterest);
  const claimedInterest = round(parts.claimedInterest);
  const amountInclInterest = amountExclInterest.plus(lateInterest).plus(claimedInterest);
  return {
    unpaidCreditClaim,
    basicFee,
    applicantCosts,
    reduction,
    amountExclInterest,
    lateInterest,
    claimedInterest,
    amountInclInterest,
  };
}
