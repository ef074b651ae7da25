/**
 * Practice cases from a number: `practiceCase(2, 47)` is always the same contract ("Övning 2.47"), so
 * a trainer can give a whole room the same case, and a trainee can find it again by its name.
 *
 * Naming: "Övning L.N", level L and number N, as a Swedish textbook numbers its exercises (chapter
 * .exercise): "Övning 2.47" is exercise 47 of level 2. The level is part of the name because the same
 * number at another level is another contract; the dot keeps the name a valid sheet name and apart
 * from the workshop's two worked examples ("Övning 1", "Övning 2", conventions §8).
 *
 * Determinism: each case is drawn from its own {@link IntegerRandom} stream seeded with (level,
 * number); every figure is a whole number of kronor, basis points or days, or a decimal.js value
 * (the instalment, the claimed interest), so no floating-point result decides anything. The same
 * number gives the same case as long as this generator is unchanged (the tests pin some cases).
 *
 * What every case is: a credit purchase of plausible goods (a car, a caravan, a motorcycle, a boat) at
 * a plausible Swedish price with 20–35 % down payment; a nominal rate of the contract's year (the
 * reference rate in force at the contract date, conventions §6, plus 3,5–6,5 percentage points, at
 * least 1,95 %); the instalment is the contract's annuity rounded to whole kronor, so the engine's
 * schedule check (conventions §9) accepts it; a notification fee and a setup fee; a few instalments
 * missed before the application date; dates inside the built-in reference-rate table.
 *
 * The levels (issue "Training mode", item 1):
 * 1. annuity, the rule of 78; application, notice and repossession within one calendar half-year,
 *    so the late interest runs at one rate;
 * 2. a residual, so actual settlement, recomputed at the repossession (the reduction differs between
 *    the two dates); the interest still within one half-year;
 * 3. the late interest crosses a half-year change (notice and repossession in different half-years),
 *    with a stated claimed interest up to the application date and the applicant's costs;
 * 4. edge cases, by the number: N ≡ 1 (mod 3) the due day 31 through February (notice in February,
 *    repossession in March); N ≡ 2 nothing ever paid (the application weeks after the first or
 *    second due date passed unpaid, early in the term); N ≡ 0 the estimated value above the debt (a
 *    demand for the difference, mellanskillnad). Levels 1–3 always end in a notice (value below the
 *    debt).
 *
 * Invariant of every case: the application follows at least one missed instalment (a creditor
 * applies for repossession because the debtor stopped paying), checked as each case is made.
 */
import {
  BUILT_IN_RATES,
  CONTRACT_FIELDS,
  ContractField,
  ContractInput,
  Dec,
  Day,
  FieldKindOf,
  addMonths,
  calculate,
  countDueDates,
  dayFromParts,
  dueDate,
  formatIsoDate,
  halfYearStart,
  lateInterest,
  nextHalfYearStart,
  parseContract,
  partsOfDay,
} from "../engine";
import { roundToKrona } from "../engine/decimal";
import { PRACTICE_LEVELS, PracticeLevel } from "./levels";
import { TRAINING_TEXT } from "./messages";
import { IntegerRandom, idiv } from "./random";

/** The four levels of practice cases. */
export { PRACTICE_LEVELS } from "./levels";
export type { PracticeLevel } from "./levels";
/** The largest case number: names stay short ("Övning 4.99999") and every number is a case. */
export const MAX_PRACTICE_NUMBER = 99_999;

/** Level 4's three edge cases, chosen by the number. */
export type EdgeCase = "day31February" | "nothingPaid" | "valueAboveDebt";

/**
 * The contract fields a practice case leaves out: the case id is the exercise's name (its sheet's
 * title), the method is always automatic, and the rest the engine derives (the unpaid claim, the late
 * interest's start, capital and rate) or a handout has no use for (the addresses).
 */
const NOT_FACTS = [
  "caseId",
  "creditorAddress",
  "debtorAddress",
  "unpaidCreditClaim",
  "interestFrom",
  "interestCapital",
  "lateInterestRate",
  "method",
] as const satisfies readonly ContractField[];

/** A field a practice case gives the trainee. */
export type PracticeFact = Exclude<ContractField, (typeof NOT_FACTS)[number]>;

/**
 * The facts of a practice case, in the schema's order: every contract field but {@link NOT_FACTS}.
 * The exercise sheet shows them; a new schema field becomes a fact unless it is named there.
 */
export const PRACTICE_FACTS: readonly PracticeFact[] = CONTRACT_FIELDS.filter(
  (field): field is PracticeFact => !(NOT_FACTS as readonly ContractField[]).includes(field),
);

/** Whether a contract field is a practice case's fact. */
export function isPracticeFact(field: ContractField): field is PracticeFact {
  return (PRACTICE_FACTS as readonly ContractField[]).includes(field);
}

/** A fact's value as JSON carries it: text and ISO dates as strings, amounts, counts and rates as numbers. */
type FactValue<F extends PracticeFact> = FieldKindOf<F> extends "text" | "date" ? string : number;

/** The one fact a case may lack: a plain annuity has no residual. */
type OptionalFact = "residual";

/**
 * A contract object exactly as `atertag calc` reads a JSON file: numbers for amounts, counts and the
 * rate (a fraction), ISO text for dates, the fields in the order of the contract schema.
 */
export type PracticeContract = { caseId: string } & {
  [F in Exclude<PracticeFact, OptionalFact>]: FactValue<F>;
} & { [F in OptionalFact]?: FactValue<F> } & { method: "auto" };

export interface PracticeCase {
  level: PracticeLevel;
  number: number;
  /** "Övning L.N": the case id, the sheet's and the Kontrakt row's name. */
  name: string;
  contract: PracticeContract;
}

/** A level or number that names no practice case; the message is Swedish and names the value. */
export class PracticeCaseError extends Error {
  constructor(
    readonly field: "level" | "number",
    readonly value: unknown,
    message: string,
  ) {
    super(message);
    this.name = "PracticeCaseError";
  }
}

/** The name of a practice case: "Övning 2.47". */
function practiceCaseName(level: PracticeLevel, number: number): string {
  return `Övning ${level}.${number}`;
}

/** The level and number of a practice case's name ("Övning 2.47", spaces and case ignored), or null. */
export function parsePracticeCaseName(
  name: string,
): { level: PracticeLevel; number: number } | null {
  const match = /^\s*övning\s+([1-4])\.(\d{1,5})\s*$/i.exec(name.normalize("NFC"));
  if (!match) return null;
  const number = Number(match[2]);
  if (number < 1) return null;
  return { level: Number(match[1]) as PracticeLevel, number };
}

/** The edge case of a level-4 number. */
export function edgeCaseOf(number: number): EdgeCase {
  const kinds: EdgeCase[] = ["valueAboveDebt", "day31February", "nothingPaid"];
  return kinds[number % 3];
}

/** Checks a level and a number; throws {@link PracticeCaseError} naming the bad one. */
export function checkPracticeCase(level: unknown, number: unknown): void {
  if (!PRACTICE_LEVELS.includes(level as PracticeLevel))
    throw new PracticeCaseError("level", level, TRAINING_TEXT.badLevel(level));
  if (
    !Number.isInteger(number) ||
    (number as number) < 1 ||
    (number as number) > MAX_PRACTICE_NUMBER
  )
    throw new PracticeCaseError("number", number, TRAINING_TEXT.badNumber(number));
}

/** The practice case of a level and a number (1 … {@link MAX_PRACTICE_NUMBER}). */
export function practiceCase(level: PracticeLevel, number: number): PracticeCase {
  checkPracticeCase(level, number);
  const random = new IntegerRandom(level, number);
  const name = practiceCaseName(level, number);
  const edge = level === 4 ? edgeCaseOf(number) : null;
  const credit = drawCredit(random, level, edge);
  const dates = drawDates(random, level, edge, credit);
  const claims = drawClaims(random, level, credit, dates);
  const contract: PracticeContract = {
    caseId: name,
    creditor: random.pick(CREDITORS),
    debtor: `${random.pick(FIRST_NAMES)} ${random.pick(SURNAMES)}`,
    goods: credit.goods,
    contractDate: formatIsoDate(credit.contractDate),
    cashPrice: credit.cashPrice,
    downPayment: credit.downPayment,
    creditAmount: credit.cashPrice - credit.downPayment,
    annualRate: credit.rateBasisPoints / 10_000,
    installments: credit.installments,
    firstDueDate: formatIsoDate(credit.firstDueDate),
    installmentAmount: credit.installmentAmount,
    monthlyFee: credit.monthlyFee,
    setupFee: credit.setupFee,
    ...(credit.residual > 0 ? { residual: credit.residual } : {}),
    installmentsPaid: dates.installmentsPaid,
    applicationDate: formatIsoDate(dates.application),
    claimedInterest: claims.claimedInterest,
    basicFee: 600,
    applicantCosts: claims.applicantCosts,
    noticeDate: formatIsoDate(dates.notice),
    repossessionDate: formatIsoDate(dates.repossession),
    estimatedValue: 0,
    method: "auto",
  };
  contract.estimatedValue = drawValue(random, contract, edge === "valueAboveDebt");
  const dueBefore = countDueDates(
    credit.firstDueDate,
    credit.installments,
    dates.application,
    false,
  );
  if (dates.installmentsPaid >= dueBefore)
    throw new Error(`${name}: the application must follow at least one missed instalment`);
  return { level, number, name, contract };
}

/** The practice cases `first`, `first + 1`, … of a level (a handout). */
export function practiceCases(level: PracticeLevel, first: number, count: number): PracticeCase[] {
  checkPracticeCase(level, first);
  checkPracticeCase(level, first + count - 1);
  return Array.from({ length: count }, (_, index) => practiceCase(level, first + index));
}

// ---------------------------------------------------------------------------------------------
// The credit: goods, price, rate, term, fees and the rounded annuity.

interface Goods {
  kind: string;
  models: readonly string[];
  /** Cash price range in hundreds of kronor. */
  priceHundreds: readonly [number, number];
  terms: readonly number[];
}

const GOODS: readonly Goods[] = [
  {
    kind: "Personbil",
    models: [
      "Volvo V70",
      "Volvo V60",
      "Saab 9-5",
      "Volkswagen Passat",
      "Toyota Corolla",
      "Kia Ceed",
    ],
    priceHundreds: [900, 3400],
    terms: [36, 48, 60, 72, 84],
  },
  {
    kind: "Husvagn",
    models: ["Kabe Royal", "Hobby De Luxe", "Polar 590"],
    priceHundreds: [1200, 3600],
    terms: [48, 60, 72],
  },
  {
    kind: "Motorcykel",
    models: ["Yamaha MT-07", "Honda CB650", "Suzuki V-Strom"],
    priceHundreds: [600, 1600],
    terms: [36, 48, 60],
  },
  {
    kind: "Motorbåt",
    models: ["Buster M", "Yamarin 56", "Ryds 488"],
    priceHundreds: [700, 2600],
    terms: [36, 48, 60],
  },
];

const CREDITORS = [
  "Exempelfinans AB",
  "Övningskredit AB",
  "Fiktiva Bilfinans AB",
  "Provbanken AB",
  "Avbetalningsbolaget i Mellansverige AB",
];
const FIRST_NAMES = ["Anna", "Erik", "Maria", "Lars", "Karin", "Johan", "Sara", "Mikael", "Eva"];
const SURNAMES = [
  "Andersson",
  "Lindqvist",
  "Berg",
  "Holm",
  "Nyström",
  "Sandberg",
  "Ek",
  "Wikström",
];
const MONTHLY_FEES = [25, 29, 35, 39, 45];
const SETUP_FEES = [395, 495, 595, 695, 795];
/** Days of month the first due date falls on (at most 28, so every month has it), except level 4a. */
const DUE_DAYS = [25, 27, 28];
/** Months with 31 days, for level 4's due day 31. */
const LONG_MONTHS = [1, 3, 5, 7, 8, 10, 12];

interface Credit {
  goods: string;
  contractDate: Day;
  cashPrice: number;
  downPayment: number;
  rateBasisPoints: number;
  installments: number;
  firstDueDate: Day;
  installmentAmount: number;
  monthlyFee: number;
  setupFee: number;
  residual: number;
}

function drawCredit(random: IntegerRandom, level: PracticeLevel, edge: EdgeCase | null): Credit {
  const goods = random.pick(GOODS);
  const installments = random.pick(goods.terms);
  // Late enough for the reference-rate table (2002-07-01 on), early enough that every date of the
  // case (at most 0,6 n + 9 months after the first due date, plus a year for level 4's February)
  // falls before the table's end (2026-06-30).
  const monthsUsed = idiv(6 * installments, 10) + 9;
  const lastYear = 2024 - idiv(monthsUsed + 11, 12);
  const year = random.int(2004, lastYear);
  const { contractDate, firstDueDate } =
    edge === "day31February" ? dueOn31st(random, year) : ordinaryStart(random, year, 1);
  const cashPrice = random.int(goods.priceHundreds[0], goods.priceHundreds[1]) * 100;
  const downPayment = idiv(cashPrice * random.int(20, 35), 10_000) * 100;
  const creditAmount = cashPrice - downPayment;
  const referenceBasisPoints = BUILT_IN_RATES.percentOn(contractDate, "contractDate")
    .times(100)
    .toNumber();
  const rateBasisPoints = Math.max(195, referenceBasisPoints + random.int(70, 130) * 5);
  const withResidual = level === 2 || (level >= 3 && random.chance(50));
  const residual = withResidual ? idiv(creditAmount * random.int(25, 45), 100_000) * 1000 : 0;
  const installmentAmount = roundedAnnuity(creditAmount, rateBasisPoints, installments, residual);
  const modelYear = partsOfDay(contractDate).year - random.int(0, 4);
  return {
    goods: `${goods.kind} ${random.pick(goods.models)}, årsmodell ${modelYear}`,
    contractDate,
    cashPrice,
    downPayment,
    rateBasisPoints,
    installments,
    firstDueDate,
    installmentAmount,
    monthlyFee: random.pick(MONTHLY_FEES),
    setupFee: random.pick(SETUP_FEES),
    residual,
  };
}

/** A contract date in `year` and the first due date `monthsLater` months on, on a common due day. */
function ordinaryStart(random: IntegerRandom, year: number, monthsLater: number) {
  const contractDate = dayFromParts(year, random.int(1, 12), random.int(1, 28));
  const firstMonth = addMonths(contractDate, monthsLater);
  const { year: y, month } = partsOfDay(firstMonth);
  return { contractDate, firstDueDate: dayFromParts(y, month, random.pick(DUE_DAYS)) };
}

/** Level 4a: the first due date on the 31st of a long month, the contract a month before. */
function dueOn31st(random: IntegerRandom, year: number) {
  const firstDueDate = dayFromParts(year, random.pick(LONG_MONTHS), 31);
  const before = addMonths(firstDueDate, -1);
  const { year: y, month } = partsOfDay(before);
  return { contractDate: dayFromParts(y, month, random.int(1, 28)), firstDueDate };
}

/**
 * The contract's instalment: the annuity of credit K at monthly rate i over n months with residual V,
 * A = (K − V(1 + i)^−n) · i / (1 − (1 + i)^−n), rounded to whole kronor half away from zero (the
 * rounding the engine's schedule check accepts, conventions §9).
 */
function roundedAnnuity(
  creditAmount: number,
  rateBasisPoints: number,
  installments: number,
  residual: number,
): number {
  const i = new Dec(rateBasisPoints).dividedBy(120_000);
  const discount = i.plus(1).pow(-installments);
  const exact = new Dec(creditAmount)
    .minus(new Dec(residual).times(discount))
    .times(i)
    .dividedBy(new Dec(1).minus(discount));
  return roundToKrona(exact).toNumber();
}

// ---------------------------------------------------------------------------------------------
// The dates: application, notice and repossession, and the instalments paid.

interface CaseDates {
  application: Day;
  notice: Day;
  repossession: Day;
  installmentsPaid: number;
}

function drawDates(
  random: IntegerRandom,
  level: PracticeLevel,
  edge: EdgeCase | null,
  credit: Credit,
): CaseDates {
  const n = credit.installments;
  if (edge === "nothingPaid") {
    // The debtor never paid: the creditor applies a few weeks after the first or the second due
    // date passed unpaid.
    const missed = random.int(1, 2);
    const application = dueDate(credit.firstDueDate, missed) + random.int(10, 25);
    const notice = application + random.int(20, 40);
    return { application, notice, repossession: notice + random.int(4, 8), installmentsPaid: 0 };
  }
  const target = addMonths(
    credit.firstDueDate,
    random.int(Math.max(10, idiv(3 * n, 10)), idiv(6 * n, 10)),
  );
  let application: Day;
  let notice: Day;
  let repossession: Day;
  if (level === 1 || level === 2) {
    // All within one half-year: the late interest runs at one rate.
    application = halfYearStart(target) + random.int(3, 25);
    notice = application + random.int(50, 100);
    repossession = notice + random.int(4, 21);
  } else if (edge === "day31February") {
    const { year, month } = partsOfDay(target);
    const february = year + (month >= 2 ? 1 : 0);
    application = dayFromParts(february, 1, random.int(5, 20));
    const lastOfFebruary = dayFromParts(february, 3, 1) - 1;
    notice = lastOfFebruary - random.int(0, 10);
    repossession = dayFromParts(february, 3, random.int(2, 20));
  } else {
    // Level 3 (and level 4's value above the debt): notice and repossession either side of a
    // half-year change, so the late interest crosses it.
    application = target + random.int(0, 27);
    const halfYearEnd = nextHalfYearStart(application + 45) - 1;
    notice = halfYearEnd - random.int(3, 25);
    repossession = halfYearEnd + random.int(5, 40);
  }
  const dueBefore = countDueDates(credit.firstDueDate, n, application, false);
  const missed = Math.min(random.int(2, 4), dueBefore - 1);
  return { application, notice, repossession, installmentsPaid: dueBefore - missed };
}

// ---------------------------------------------------------------------------------------------
// The claims: the claimed interest up to the application date, the applicant's costs, the value.

function drawClaims(
  random: IntegerRandom,
  level: PracticeLevel,
  credit: Credit,
  dates: CaseDates,
): { claimedInterest: number; applicantCosts: number } {
  if (level < 3) return { claimedInterest: 0, applicantCosts: 0 };
  // Applicant's costs: the application fee for särskild handräckning (300 kr), often an agent's fee
  // (at most 310 kr without special reasons) and sometimes transport (conventions §1–2).
  const applicantCosts = 300 + random.pick([0, 310]) + random.pick([0, 0, 450, 900]);
  return { claimedInterest: claimedInterestOf(credit, dates), applicantCosts };
}

/**
 * The claimed interest up to and including the application date: late interest (reference rate + 8,
 * conventions §6) on each missed instalment from the day after its due date, in whole kronor.
 */
function claimedInterestOf(credit: Credit, dates: CaseDates): number {
  const dueBefore = countDueDates(
    credit.firstDueDate,
    credit.installments,
    dates.application,
    false,
  );
  const payment = new Dec(credit.installmentAmount + credit.monthlyFee);
  let total = new Dec(0);
  for (let k = dates.installmentsPaid + 1; k <= dueBefore; k++) {
    const from = dueDate(credit.firstDueDate, k) + 1;
    const result = lateInterest({ capital: payment, from, to: dates.application }, BUILT_IN_RATES);
    total = total.plus(result.total);
  }
  return roundToKrona(total).toNumber();
}

/**
 * The estimated value of the goods: below the debt at the repossession date (45–85 % of it, in
 * whole 500 kr), or above it by about 1 000–12 000 kr (in whole 100 kr) (level 4's value above the debt).
 */
function drawValue(random: IntegerRandom, contract: PracticeContract, above: boolean): number {
  const { estimatedValue: _unset, ...withoutValue } = contract;
  const calc = calculate(parseContract(withoutValue as ContractInput));
  const last = calc.statements[calc.statements.length - 1];
  const debt = last.lines.amountInclInterest.toNumber();
  if (above) return (idiv(debt, 100) + random.int(10, 120)) * 100;
  return idiv(debt * random.int(45, 85), 50_000) * 500;
}
