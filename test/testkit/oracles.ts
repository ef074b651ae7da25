/**
 * Independent oracles for the engine tests: the same conventions (docs/conventions.md) written a second,
 * deliberately naive way, so a test compares two implementations instead of the engine with itself.
 *
 * - Calendar: own leap-year rule and days-from-civil arithmetic (no Date object), own month stepping.
 * - Excel serials: a day-by-day walk from 1900-01-01 = serial 1 that inserts Excel's phantom 1900-02-29.
 * - Schedule: a plain loop over the periods (the engine uses closed forms).
 * - Rule of 78: sum-of-digits form c · (1 + … + t) / (1 + … + n) (the engine uses t(t+1)/(n(n+1))).
 * - Late interest: a day-by-day sum with the rate looked up per day in the reference-rate JSON
 *   (the engine splits the window into half-year segments).
 *
 * Nothing here imports from src/.
 */
import DecimalJs from "decimal.js";
import * as fs from "fs";
import * as path from "path";

/** The oracles' own decimal context: more digits than the engine, half away from zero. */
export const D = DecimalJs.clone({ precision: 60, rounding: DecimalJs.ROUND_HALF_UP });
export type D = InstanceType<typeof D>;

// ---------------------------------------------------------------- calendar

export interface Ymd {
  y: number;
  m: number;
  d: number;
}

function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function monthLength(y: number, m: number): number {
  return [31, isLeapYear(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
}

export function parseYmd(iso: string): Ymd {
  const [y, m, d] = iso.split("-").map(Number);
  return { y, m, d };
}

export function isoOf({ y, m, d }: Ymd): string {
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** Days since 1970-01-01 by Howard Hinnant's days_from_civil (no Date object involved). */
export function dayNumber(iso: string): number {
  let { y } = parseYmd(iso);
  const { m, d } = parseYmd(iso);
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function nextDayYmd({ y, m, d }: Ymd): Ymd {
  if (d < monthLength(y, m)) return { y, m, d: d + 1 };
  if (m < 12) return { y, m: m + 1, d: 1 };
  return { y: y + 1, m: 1, d: 1 };
}

/** Due date k by stepping month by month from the first due date (k may be 0 or negative). */
export function dueIso(firstIso: string, k: number): string {
  const first = parseYmd(firstIso);
  let { y, m } = first;
  const steps = k - 1;
  for (let s = 0; s < Math.abs(steps); s++) {
    if (steps > 0) {
      m += 1;
      if (m === 13) {
        m = 1;
        y += 1;
      }
    } else {
      m -= 1;
      if (m === 0) {
        m = 12;
        y -= 1;
      }
    }
  }
  return isoOf({ y, m, d: Math.min(first.d, monthLength(y, m)) });
}

/** #{k in 1..n : due_k < date} (strict) or ≤ date (inclusive), by listing the due dates. */
export function countDue(firstIso: string, n: number, dateIso: string, inclusive: boolean): number {
  const date = dayNumber(dateIso);
  let count = 0;
  for (let k = 1; k <= n; k++) {
    const due = dayNumber(dueIso(firstIso, k));
    if (inclusive ? due <= date : due < date) count++;
  }
  return count;
}

// ---------------------------------------------------------------- Excel serials

let serialWalk: string[] | null = null;

/**
 * The ISO date of an Excel 1900-system serial, by walking the calendar from serial 1 = 1900-01-01,
 * with serial 60 taken by the phantom 1900-02-29 (returned as "1900-02-29").
 */
export function isoOfExcelSerial(serial: number): string {
  if (serialWalk === null) {
    const walk = ["(serial 0)"];
    let ymd: Ymd = { y: 1900, m: 1, d: 1 };
    while (walk.length <= 80000) {
      walk.push(isoOf(ymd));
      if (ymd.y === 1900 && ymd.m === 2 && ymd.d === 28) walk.push("1900-02-29");
      ymd = nextDayYmd(ymd);
    }
    serialWalk = walk;
  }
  return serialWalk[serial];
}

export function excelSerialOfIso(iso: string): number {
  isoOfExcelSerial(1);
  const serial = serialWalk!.indexOf(iso);
  if (serial < 1) throw new Error(`oracle: ${iso} is outside the walked serial range`);
  return serial;
}

// ---------------------------------------------------------------- rounding

/** Whole kronor, half away from zero. */
export function kr(x: D | number | string): string {
  return new D(x).toDecimalPlaces(0, D.ROUND_HALF_UP).toFixed(0);
}

/** Kronor and öre, half away from zero. */
export function ore(x: D | number | string): string {
  return new D(x).toDecimalPlaces(2, D.ROUND_HALF_UP).toFixed(2);
}

// ---------------------------------------------------------------- rule of 78

/** t = n − 1 − #{due_k < date}, at least 0, counted by listing due dates. */
export function rule78T(firstIso: string, n: number, dateIso: string): number {
  return Math.max(0, n - 1 - countDue(firstIso, n, dateIso, false));
}

/** R = c · (1 + 2 + … + t) / (1 + 2 + … + n), the sum-of-digits form of the rule of 78. */
export function rule78SumOfDigits(t: number, n: number, c: D | string | number): D {
  let top = new D(0);
  for (let j = 1; j <= t; j++) top = top.plus(j);
  let bottom = new D(0);
  for (let j = 1; j <= n; j++) bottom = bottom.plus(j);
  return new D(c).times(top).dividedBy(bottom);
}

// ---------------------------------------------------------------- schedule and actual reduction

export interface OracleTerms {
  K: string | number;
  rate: string | number;
  n: number;
  A: string | number;
  V?: string | number;
  f?: string | number;
  first: string;
}

export interface LoopSchedule {
  /** balances[k] = B_k, k = 0..n. */
  balances: D[];
  /** interests[k] = interest of period k, k = 1..n (index 0 unused). */
  interests: D[];
  /** payments[k] = P_k, k = 1..n. */
  payments: D[];
  i: D;
}

/** The schedule by a plain loop (conventions §5): interest B_(k−1)·i, except the last period. */
export function loopSchedule(t: OracleTerms): LoopSchedule {
  const i = new D(t.rate).dividedBy(12);
  const A = new D(t.A);
  const V = new D(t.V ?? 0);
  const balances = [new D(t.K)];
  const interests = [new D(0)];
  const payments = [new D(0)];
  for (let k = 1; k <= t.n; k++) {
    const before = balances[k - 1];
    const payment = k < t.n ? A : A.plus(V);
    const interest = k < t.n ? before.times(i) : payment.minus(before);
    payments.push(payment);
    interests.push(interest);
    balances.push(before.plus(interest).minus(payment));
  }
  return { balances, interests, payments, i };
}

/**
 * Actual reduction at a date (conventions §5) from the loop schedule: remaining interest as the sum of the
 * later periods' interest, accrued interest pro rata by days since due date m (nothing before the first
 * period starts), fees of the instalments not yet due; 0 from the last due date on.
 */
export function actualReductionOracle(t: OracleTerms, dateIso: string): D {
  const s = loopSchedule(t);
  const date = dayNumber(dateIso);
  const m = countDue(t.first, t.n, dateIso, true);
  if (m >= t.n) return new D(0);
  let remainingInterest = new D(0);
  for (let k = m + 1; k <= t.n; k++) remainingInterest = remainingInterest.plus(s.interests[k]);
  const start = dayNumber(dueIso(t.first, m));
  const end = dayNumber(dueIso(t.first, m + 1));
  const days = Math.max(0, date - start);
  const accrued = s.balances[m]
    .times(s.i)
    .times(days)
    .dividedBy(end - start);
  const fees = new D(t.f ?? 0).times(t.n - m);
  const r = remainingInterest.minus(accrued).plus(fees);
  return r.isNegative() ? new D(0) : r;
}

/** The annuity A for K, annual rate, n and residual V: (K − V·v^n)·i / (1 − v^n), v = 1/(1+i); (K − V)/n at 0 %. */
export function exactAnnuity(
  K: string | number,
  rate: string | number,
  n: number,
  V: string | number = 0,
): D {
  const i = new D(rate).dividedBy(12);
  if (i.isZero()) return new D(K).minus(V).dividedBy(n);
  const vn = new D(1).dividedBy(i.plus(1).pow(n));
  return new D(K).minus(new D(V).times(vn)).times(i).dividedBy(new D(1).minus(vn));
}

// ---------------------------------------------------------------- late interest

interface RateFile {
  rates: { from: string; percent: string }[];
}

/**
 * The reference-rate table of record: the Riksbank table in src/engine/data/reference-rates.json
 * (conventions §6), read here as plain JSON; the oracle's own lookup below does not use the
 * engine's.
 */
export const BUNDLED_RATES_FILE = path.resolve(
  __dirname,
  "../../src/engine/data/reference-rates.json",
);

function referenceRateFile(): RateFile {
  return JSON.parse(fs.readFileSync(BUNDLED_RATES_FILE, "utf8")) as RateFile;
}

export interface OracleInterest {
  capital: string | number;
  from: string;
  to: string;
  /** Contractual late-interest rate as a fraction; applies when lower. */
  cap?: string | number;
  margin?: string | number;
  extraRates?: { from: string; percent: string }[];
}

/** The reference percent for one day: the entry whose `from` is exactly the day's half-year start. */
export function referencePercentOn(
  iso: string,
  extra: { from: string; percent: string }[] = [],
): D {
  const { y, m } = parseYmd(iso);
  const start = isoOf({ y, m: m <= 6 ? 1 : 7, d: 1 });
  const entry =
    extra.find((e) => e.from === start) ?? referenceRateFile().rates.find((e) => e.from === start);
  if (!entry) throw new Error(`oracle: no reference rate for ${iso}`);
  return new D(entry.percent);
}

/**
 * Σ over each day from..to (both counted) of capital · rate(day) / 365, rate(day) = reference percent of the
 * day's half-year + margin, or the contractual rate when lower, never below 0. The numerator is summed exactly
 * and divided once.
 */
export function lateInterestDayByDay(x: OracleInterest): D {
  const rates = referenceRateFile().rates;
  const extra = x.extraRates ?? [];
  const lookup = new Map<string, D>();
  for (const e of rates) lookup.set(e.from, new D(e.percent));
  for (const e of extra) lookup.set(e.from, new D(e.percent));
  let numerator = new D(0);
  if (dayNumber(x.to) < dayNumber(x.from)) return numerator;
  let ymd = parseYmd(x.from);
  for (;;) {
    const start = isoOf({ y: ymd.y, m: ymd.m <= 6 ? 1 : 7, d: 1 });
    const reference = lookup.get(start);
    if (reference === undefined) throw new Error(`oracle: no reference rate for ${isoOf(ymd)}`);
    let percent = reference.plus(x.margin ?? 8);
    if (x.cap !== undefined) {
      const capPercent = new D(x.cap).times(100);
      if (capPercent.lessThan(percent)) percent = capPercent;
    }
    if (percent.isNegative()) percent = new D(0);
    numerator = numerator.plus(new D(x.capital).times(percent));
    if (isoOf(ymd) === x.to) break;
    ymd = nextDayYmd(ymd);
  }
  return numerator.dividedBy(36500);
}

/** Number of days from..to with both ends counted, by walking the calendar. */
export function daysBothCounted(from: string, to: string): number {
  if (dayNumber(to) < dayNumber(from)) return 0;
  let ymd = parseYmd(from);
  let days = 1;
  while (isoOf(ymd) !== to) {
    ymd = nextDayYmd(ymd);
    days++;
  }
  return days;
}
