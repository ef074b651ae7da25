/**
 * The guided mode as a pure model: one step per stage of the workshop's "praktiska handgrepp"
 * (conventions §1, §7), each with the contract fields it asks for, its results (Swedish formatted),
 * why they are what they are, points to check, and its problems, each at its field. No DOM: the task
 * pane renders it (src/taskpane/guide/guideView.ts), tests read it as data.
 *
 * Every figure comes from the engine's {@link Calculation}; nothing here recomputes a convention. A
 * step's results are shown when the whole contract calculates and neither it nor an earlier step has
 * a problem; otherwise it names the step to fix first ({@link GuideStep.waitingFor}).
 *
 * Choices where the workshop is silent:
 * - The contract terms (credit, instalments, fees, residual, method) are asked in step 3, where the
 *   reduction uses them; the application's claims (unpaid claim, interest, costs) in step 1.
 * - Steps 3 and 4 show the figures at the notice date (the repossession date when there is none);
 *   step 7 those at the repossession date.
 * - Step 5 needs the estimated value (the engine allows it empty): without it no letter can be chosen.
 */
import {
  CONTRACT_FIELDS,
  CONTRACT_SCHEMA,
  Calculation,
  ContractField,
  ContractInput,
  Day,
  Dec,
  EngineError,
  METHOD_NAMES,
  ReferenceRateTable,
  STATEMENT_LABELS,
  STATEMENT_ROWS,
  Statement,
  calculate,
  dueDate,
  fieldLabel,
  formatIsoDate,
  formatKronor,
  formatKronorOre,
  formatNumber,
  isContractField,
  outcomeOf,
  OWN_WORK_FEE_CAP,
  parseContract,
} from "../engine";
import { GUIDE_TEXT as T, STEP_TITLES } from "./texts";

export type GuideStepId = keyof typeof STEP_TITLES;

/** The steps in the workshop's order. */
export const GUIDE_STEP_IDS: readonly GuideStepId[] = [
  "application",
  "dates",
  "reduction",
  "amountDue",
  "valuation",
  "letter",
  "repossession",
];

/** The contract fields a step asks for: those of its stage in the schema, in the schema's order. */
function fieldsOfStage(id: GuideStepId): readonly ContractField[] {
  return CONTRACT_FIELDS.filter((field) => CONTRACT_SCHEMA[field].stage === id);
}

/** The contract fields each step asks for; every contract field belongs to exactly one step. */
export const STEP_FIELDS: Readonly<Record<GuideStepId, readonly ContractField[]>> = {
  application: fieldsOfStage("application"),
  dates: fieldsOfStage("dates"),
  reduction: fieldsOfStage("reduction"),
  amountDue: fieldsOfStage("amountDue"),
  valuation: fieldsOfStage("valuation"),
  letter: [],
  repossession: [],
};

/** A problem to show: the field it is about (null: the contract as a whole) and the message. */
export interface GuideProblem {
  field: ContractField | null;
  message: string;
}

/** One result line: a Swedish label and its value, formatted. */
interface GuideFigure {
  label: string;
  value: string;
}

/** The letter the case calls for (step 6). */
interface GuideLetter {
  kind: "notice" | "payDifference";
  title: string;
  recipients: string;
  /** Notice: att betala inkl. ränta at the notice date; demand: the surplus at the repossession date. */
  amount: Dec;
  date: Day;
}

/**
 * - ready: the results are shown;
 * - problems: this step's own fields have problems (shown at each field);
 * - waiting: another step's problems keep this one from a result (see waitingFor).
 */
type GuideStepState = "ready" | "problems" | "waiting";

export interface GuideStep {
  id: GuideStepId;
  /** 1–7. */
  number: number;
  title: string;
  fields: readonly ContractField[];
  state: GuideStepState;
  results: GuideFigure[];
  /** Why the results are what they are, one sentence each. */
  why: string[];
  /** Points the officer should check (claims near the law's limits); not errors. */
  checks: string[];
  problems: GuideProblem[];
  /** The step whose problems must be fixed first (waiting only). */
  waitingFor: number | null;
  /** The step's key figure for the step list ("R = 4 785 kr"), null until ready. */
  summary: string | null;
  /** Step 6 only: the letter, when ready. */
  letter: GuideLetter | null;
}

export interface Guide {
  steps: GuideStep[];
  /** The whole calculation, or null when the contract cannot be calculated. */
  calc: Calculation | null;
}

export interface GuideOptions {
  /** Reference rates for late interest (the workbook's table in Excel); the built-in by default. */
  referenceRates?: ReferenceRateTable;
  /**
   * Problems found before the engine (a field's own text, read by the form). When given, the
   * engine is not asked: the contract is not calculated until they are fixed.
   */
  problems?: readonly GuideProblem[];
}

const STEP_OF_FIELD: ReadonlyMap<ContractField, GuideStepId> = new Map(
  GUIDE_STEP_IDS.flatMap((id) => STEP_FIELDS[id].map((field) => [field, id] as const)),
);

/** The step a problem belongs to: its field's, or the first for the contract as a whole. */
export function stepOfField(field: ContractField | null): GuideStepId {
  return (field === null ? undefined : STEP_OF_FIELD.get(field)) ?? "application";
}

/** An engine error as the guide shows it: the field it names and the message with Swedish labels. */
function engineProblem(error: EngineError): GuideProblem {
  return {
    field: isContractField(error.field) ? error.field : null,
    message: error.messageWith(fieldLabel),
  };
}

const isEmpty = (value: unknown) =>
  value === undefined || value === null || (typeof value === "string" && value.trim() === "");

/**
 * Every required field left empty (the engine names only the first), so a step lists all it still
 * needs: always-required fields and the pairs of which one must be given.
 */
function missingFields(input: ContractInput): GuideProblem[] {
  const problems: GuideProblem[] = [];
  for (const field of Object.keys(CONTRACT_SCHEMA) as ContractField[]) {
    const requirement = CONTRACT_SCHEMA[field].requirement;
    if (requirement === "optional" || !isEmpty(input[field])) continue;
    const alternative = typeof requirement === "object" ? requirement.unless : undefined;
    if (alternative !== undefined && !isEmpty(input[alternative])) continue;
    const error =
      alternative === undefined
        ? new EngineError("required", field, input[field])
        : new EngineError("required", field, input[field], alternative);
    problems.push(engineProblem(error));
  }
  return problems;
}

/** Problems first found, then the engine's; one per field (the first found wins). */
function mergeProblems(...lists: GuideProblem[][]): GuideProblem[] {
  const seen = new Set<string>();
  const merged: GuideProblem[] = [];
  for (const problem of lists.flat()) {
    const key = problem.field ?? "";
    if (seen.has(key)) continue;
    seen.add(key);
    merged.push(problem);
  }
  return merged;
}

/** Parses and calculates, or the engine's problem. */
function tryCalculate(
  input: ContractInput,
  options: GuideOptions,
): { calc: Calculation | null; problems: GuideProblem[] } {
  try {
    const calc = calculate(parseContract(input), { referenceRates: options.referenceRates });
    return { calc, problems: [] };
  } catch (error) {
    if (!(error instanceof EngineError)) throw error;
    return { calc: null, problems: [engineProblem(error)] };
  }
}

/**
 * The guided steps for a contract (the JSON `atertag calc` reads, as the form makes it), with the
 * calculation they are built on.
 */
export function guide(input: ContractInput, options: GuideOptions = {}): Guide {
  const given = options.problems ?? [];
  const missing = missingFields(input);
  const computed =
    given.length > 0 || missing.length > 0
      ? { calc: null, problems: [] }
      : tryCalculate(input, options);
  const calc = computed.calc;
  const needed: GuideProblem[] =
    calc !== null && calc.contract.estimatedValue === null
      ? [{ field: "estimatedValue", message: T.valueNeeded }]
      : [];
  const problems = mergeProblems([...given], missing, computed.problems, needed);

  const problemSteps = problems.map((p) => GUIDE_STEP_IDS.indexOf(stepOfField(p.field)) + 1);
  const firstProblem = problemSteps.length > 0 ? Math.min(...problemSteps) : null;
  const steps = GUIDE_STEP_IDS.map((id, index): GuideStep => {
    const number = index + 1;
    const own = problems.filter((p) => stepOfField(p.field) === id);
    const base = {
      id,
      number,
      title: STEP_TITLES[id],
      fields: STEP_FIELDS[id],
      problems: own,
      results: [],
      why: [],
      checks: [],
      summary: null,
      letter: null,
    };
    if (own.length > 0) return { ...base, state: "problems", waitingFor: null };
    const blocked = firstProblem !== null && (firstProblem < number || calc === null);
    if (blocked || calc === null)
      return { ...base, state: "waiting", waitingFor: firstProblem ?? number };
    return { ...base, ...STEP_CONTENT[id](calc), state: "ready", waitingFor: null };
  });
  return { steps, calc };
}

/** The guided steps for a contract (see {@link guide}). */
export function guideSteps(input: ContractInput, options: GuideOptions = {}): GuideStep[] {
  return guide(input, options).steps;
}

// ---------------------------------------------------------------------------------------------------
// Each step's content, from the calculation

type Content = Pick<GuideStep, "results" | "why" | "checks" | "summary" | "letter">;

const figure = (label: string, value: string): GuideFigure => ({ label, value });
const iso = formatIsoDate;

/** The statement the early steps show: at the notice date, or the repossession date without one. */
const firstStatement = (calc: Calculation): Statement => calc.statements[0];
const lastStatement = (calc: Calculation): Statement => calc.statements[calc.statements.length - 1];

/** A rate as a fraction shown in percent, `0.0595` → `5,95 %`. */
const percentOf = (rate: Dec) => `${formatNumber(rate.times(100))} %`;

function applicationContent(calc: Calculation): Content {
  const c = calc.contract;
  const residualLeft = c.installmentsPaid !== null && c.installmentsPaid < c.installments;
  const why = [
    c.unpaidCreditClaimStated || c.installmentsPaid === null
      ? T.unpaidStated
      : T.unpaidDerived(
          c.installments - c.installmentsPaid,
          formatKronor(c.installmentAmount.plus(c.monthlyFee)),
          residualLeft && !c.residual.isZero() ? formatKronor(c.residual) : null,
        ),
    T.claimedFixed(formatKronor(c.claimedInterest), iso(c.applicationDate)),
    T.runningInterest(
      iso(c.interestFrom),
      formatKronor(c.interestCapital),
      c.lateInterestRate === null ? T.statutoryRate : T.contractRate(percentOf(c.lateInterestRate)),
    ),
  ];
  if (!c.interestCapitalStated) why.push(T.capitalDefault);
  const checks: string[] = [T.checkInterestClaim];
  if (c.interestFrom <= c.applicationDate)
    checks.push(T.checkInterestOverlap(iso(c.interestFrom), iso(c.applicationDate)));
  checks.push(
    c.applicantCosts.isZero()
      ? T.checkCostsNone
      : T.checkCosts(formatKronor(c.applicantCosts), formatKronor(OWN_WORK_FEE_CAP)),
  );
  return {
    results: [
      figure(T.applicationDate, iso(c.applicationDate)),
      figure(T.unpaidCreditClaim, formatKronor(c.unpaidCreditClaim)),
      figure(T.claimedInterest, formatKronor(c.claimedInterest)),
      figure(T.interestCapital, formatKronor(c.interestCapital)),
      figure(T.interestFrom, iso(c.interestFrom)),
      figure(T.applicantCosts, formatKronor(c.applicantCosts)),
    ],
    why,
    checks,
    summary: T.summaryApplication(formatKronor(c.unpaidCreditClaim)),
    letter: null,
  };
}

function datesContent(calc: Calculation): Content {
  const c = calc.contract;
  const last = lastStatement(calc);
  const next =
    last.dueDatesBefore < c.installments ? dueDate(c.firstDueDate, last.dueDatesBefore + 1) : null;
  return {
    results: [
      ...(c.noticeDate === null ? [] : [figure(T.noticeDate, iso(c.noticeDate))]),
      figure(T.repossessionDate, iso(c.repossessionDate)),
      figure(T.nextDueDate, next === null ? T.noneAfter : iso(next)),
    ],
    why: [c.noticeDate === null ? T.noNoticeDate : T.twoDates],
    checks: [],
    summary: T.summaryDates(iso(c.repossessionDate)),
    letter: null,
  };
}

/** Why t is what it is, by the workshop's count (conventions §4). */
function rule78Why(calc: Calculation, s: Statement): string[] {
  const c = calc.contract;
  const n = c.installments;
  const t = s.remainingInstallments;
  const counted = s.dueDatesBefore >= n ? null : s.dueDatesBefore + 1;
  const tWhy =
    counted === null
      ? T.allPassed
      : s.dueDatesBefore === 0
        ? T.noneBefore(n, t)
        : T.passedInclNext(
            counted,
            iso(c.firstDueDate),
            iso(dueDate(c.firstDueDate, counted)),
            n,
            t,
          );
  return [
    tWhy,
    T.rule78Formula(
      t,
      n,
      formatKronorOre(calc.creditCostExclSetup),
      `${formatKronorOre(s.reductionRule78)} → ${formatKronor(s.reductionRule78)}`,
    ),
  ];
}

/** Why the actual reduction is what it is (conventions §5). */
function actualWhy(calc: Calculation, s: Statement): string[] {
  const a = s.actual;
  if (a.duePassed >= calc.contract.installments) return [T.actualAfterLast];
  return [
    T.actualPassed(a.duePassed, iso(s.date)),
    a.daysAccrued === 0 && s.date < a.periodStart
      ? T.actualBeforeFirstPeriod
      : T.actualAccrued(
          a.daysAccrued,
          a.periodDays,
          iso(a.periodStart),
          formatKronorOre(a.accruedInterest),
        ),
    T.actualFormula(
      formatKronorOre(a.remainingInterest),
      formatKronorOre(a.accruedInterest),
      formatKronorOre(a.unearnedFees),
      `${formatKronorOre(a.reduction)} → ${formatKronor(a.reduction)}`,
    ),
    T.actualRecomputed,
  ];
}

function methodWhy(calc: Calculation): string {
  const c = calc.contract;
  if (c.method !== "auto") return T.methodChosen(METHOD_NAMES[calc.method]);
  return c.residual.isZero() ? T.methodAnnuity : T.methodResidual(formatKronor(c.residual));
}

function reductionContent(calc: Calculation): Content {
  const s = firstStatement(calc);
  const rule78 = calc.method === "rule78";
  const other = rule78 ? "actual" : "rule78";
  const otherAmount = rule78 ? s.actual.reduction : s.reductionRule78;
  const results = rule78
    ? [
        figure(T.remaining, `${s.remainingInstallments} av ${calc.contract.installments}`),
        figure(T.creditCostExclSetup, formatKronorOre(calc.creditCostExclSetup)),
      ]
    : [
        figure(T.duePassed, String(s.actual.duePassed)),
        figure(T.remainingInterest, formatKronorOre(s.actual.remainingInterest)),
        figure(T.accruedInterest, formatKronorOre(s.actual.accruedInterest)),
        figure(T.unearnedFees, formatKronorOre(s.actual.unearnedFees)),
      ];
  const checks =
    rule78 && !calc.contract.residual.isZero() ? [T.rule78WithResidual] : ([] as string[]);
  return {
    results: [
      figure(T.method, METHOD_NAMES[calc.method]),
      ...results,
      figure(T.reduction, formatKronor(s.reduction)),
      figure(T.otherMethod(METHOD_NAMES[other]), formatKronorOre(otherAmount)),
    ],
    why: [
      T.atDate(iso(s.date)),
      methodWhy(calc),
      ...(rule78 ? rule78Why(calc, s) : actualWhy(calc, s)),
    ],
    checks,
    summary: T.summaryReduction(formatKronor(s.reduction)),
    letter: null,
  };
}

/** The statement's lines as figures, the reduction shown subtracted (as on the form). */
function statementFigures(s: Statement): GuideFigure[] {
  return STATEMENT_ROWS.map((key) =>
    figure(
      STATEMENT_LABELS[key],
      formatKronor(key === "reduction" ? s.lines[key].negated() : s.lines[key]),
    ),
  );
}

/** Why the late interest is what it is: days, capital, the rate of each half-year. */
function lateInterestWhy(calc: Calculation, s: Statement): string[] {
  const li = s.lateInterest;
  if (li.days <= 0 || li.segments.length === 0) return [T.noLateInterest];
  const rates = li.segments
    .map((seg) =>
      T.ratePart(`${iso(seg.from)}–${iso(seg.to)}`, `${formatNumber(seg.ratePercent)} %`),
    )
    .join(", ");
  return [
    T.lateInterestDays(
      iso(li.segments[0].from),
      iso(s.date),
      li.days,
      formatKronor(calc.contract.interestCapital),
      `${formatKronorOre(li.total)} → ${formatKronor(li.total)}`,
    ),
    T.lateInterestRates(rates),
  ];
}

function amountDueContent(calc: Calculation): Content {
  const s = firstStatement(calc);
  return {
    results: statementFigures(s),
    why: [T.atDate(iso(s.date)), ...lateInterestWhy(calc, s), T.rounding],
    checks: [],
    summary: T.summaryAmountDue(formatKronor(s.lines.amountInclInterest)),
    letter: null,
  };
}

/** Only reached with an estimated value: without one the step shows its problem ({@link guide}). */
function valuationContent(calc: Calculation): Content {
  const s = lastStatement(calc);
  const value = calc.contract.estimatedValue!;
  const surplus = s.surplus!;
  const date = iso(s.date);
  return {
    results: [
      figure(T.estimatedValue, formatKronor(value)),
      figure(T.amountInclInterestAt(date), formatKronor(s.lines.amountInclInterest)),
      figure(T.surplusAt(date), formatKronor(surplus)),
    ],
    why: [
      T.valueMeaning,
      T.valueCompared(date),
      surplus.greaterThan(0) ? T.valueAbove(formatKronor(surplus)) : T.valueBelow,
    ],
    checks: [],
    summary: T.summaryValuation(formatKronor(surplus)),
    letter: null,
  };
}

/** The letter the outcome calls for (conventions §7). */
function letterFor(calc: Calculation): GuideLetter | null {
  const outcome = outcomeOf(calc);
  if (outcome.kind === "noValue") return null;
  if (outcome.kind === "payDifference") {
    return {
      kind: "payDifference",
      title: T.letterDifference,
      recipients: T.recipientsDifference,
      amount: outcome.surplus,
      date: lastStatement(calc).date,
    };
  }
  const s = firstStatement(calc);
  return {
    kind: "notice",
    title: T.letterNotice,
    recipients: T.recipientsNotice,
    amount: s.lines.amountInclInterest,
    date: s.date,
  };
}

function letterContent(calc: Calculation): Content {
  const letter = letterFor(calc);
  if (letter === null) return { results: [], why: [], checks: [], summary: null, letter: null };
  const amount = formatKronor(letter.amount);
  const date = iso(letter.date);
  const notice = letter.kind === "notice";
  return {
    results: [
      figure(T.letter, letter.title),
      figure(T.recipients, letter.recipients),
      figure(notice ? T.noticeAmount(date) : T.differenceAmount(date), amount),
    ],
    why: [notice ? T.noticeWhy(amount, date) : T.differenceWhy(amount)],
    checks: [],
    summary: `${letter.title}, ${amount}`,
    letter,
  };
}

function repossessionContent(calc: Calculation): Content {
  const first = firstStatement(calc);
  const s = lastStatement(calc);
  const why = [T.interestToDate(iso(s.date))];
  if (first === s) why.push(T.onlyOneDate);
  else if (calc.method === "actual")
    why.push(
      T.recomputedActual(
        formatKronorOre(first.reduction),
        formatKronorOre(s.reduction),
        iso(first.date),
        iso(s.date),
      ),
    );
  else if (first.remainingInstallments === s.remainingInstallments)
    why.push(T.sameRule78(s.remainingInstallments));
  else why.push(T.changedRule78(first.remainingInstallments, s.remainingInstallments));
  why.push(T.protocol);
  return {
    results: statementFigures(s),
    why: [T.atDate(iso(s.date)), ...why],
    checks: [],
    summary: formatKronor(s.lines.amountInclInterest),
    letter: null,
  };
}

const STEP_CONTENT: Readonly<Record<GuideStepId, (calc: Calculation) => Content>> = {
  application: applicationContent,
  dates: datesContent,
  reduction: reductionContent,
  amountDue: amountDueContent,
  valuation: valuationContent,
  letter: letterContent,
  repossession: repossessionContent,
};
