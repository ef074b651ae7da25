/**
 * `npm run bench [-- --json]`: throughput of the engine's hot functions, measured against a plain
 * floating-point closed form of the actual reduction as the yardstick (the goal: exact decimals cost
 * at most 400 times the float version). Speed is measured here, never asserted in tests.
 */
import {
  BUILT_IN_RATES,
  CreditTerms,
  Dec,
  actualReduction,
  countDueDates,
  dayFromParts,
  dueDate,
  lateInterest,
  rule78Reduction,
  statementLines,
} from "../src/engine";
import { extraMeasurements } from "./extra";

const BUDGET_MS = Number(process.env.BENCH_MS ?? 400);

/** Calls `fn` repeatedly for about BUDGET_MS after a warm-up and returns calls per second. */
function perSecond(fn: (i: number) => unknown): number {
  for (let i = 0; i < 200; i++) fn(i);
  let calls = 0;
  const start = process.hrtime.bigint();
  const deadline = start + BigInt(BUDGET_MS) * 1_000_000n;
  let now = start;
  while (now < deadline) {
    for (let j = 0; j < 50; j++) fn(calls++);
    now = process.hrtime.bigint();
  }
  return Math.round(calls / (Number(now - start) / 1e9));
}

const terms = (installments: number, installmentAmount: string, residual: string): CreditTerms => ({
  creditAmount: new Dec(115000),
  annualRate: new Dec("0.0595"),
  installments,
  firstDueDate: dayFromParts(2009, 9, 30),
  installmentAmount: new Dec(installmentAmount),
  residual: new Dec(residual),
  monthlyFee: new Dec(25),
});
const n72 = terms(72, "1440", "40000");
const n360 = terms(360, "686", "0");
const dates = Array.from({ length: 64 }, (_, i) => dayFromParts(2012, 12, 15) + i * 17);

interface FloatTerms {
  K: number;
  rate: number;
  n: number;
  first: number;
  A: number;
  V: number;
  f: number;
}

/**
 * The yardstick: the whole actual reduction (locate the date among the due dates, then the closed
 * form) in binary floating point, which the engine must not use for money. The date work is the
 * engine's own integer code, so the ratio isolates what exact decimals cost.
 */
function floatActualReduction(t: FloatTerms, date: number): number {
  const m = countDueDates(t.first, t.n, date, true);
  if (m >= t.n) return 0;
  const i = t.rate / 12;
  const growth = Math.pow(1 + i, m);
  const balance = t.K * growth - (t.A * (growth - 1)) / i;
  const remaining = t.A * (t.n - m) + t.V - balance;
  const start = dueDate(t.first, m);
  const fraction = Math.max(0, date - start) / (dueDate(t.first, m + 1) - start);
  return Math.max(0, remaining - balance * i * fraction + t.f * (t.n - m));
}

/** The arithmetic alone, in floats, with m and the day fraction given: a lower bound, for reference. */
function floatArithmeticOnly(t: FloatTerms, m: number, fraction: number): number {
  const i = t.rate / 12;
  const growth = Math.pow(1 + i, m);
  const balance = t.K * growth - (t.A * (growth - 1)) / i;
  return Math.max(0, t.A * (t.n - m) + t.V - balance - balance * i * fraction + t.f * (t.n - m));
}
const floatN72: FloatTerms = {
  K: 115000,
  rate: 0.0595,
  n: 72,
  first: n72.firstDueDate,
  A: 1440,
  V: 40000,
  f: 25,
};

const c = new Dec(23816);
const lateInput = {
  capital: new Dec(79048),
  from: dayFromParts(2012, 3, 1),
  to: dayFromParts(2013, 2, 28),
};
const parts = {
  unpaidCreditClaim: new Dec(79048),
  basicFee: new Dec(600),
  applicantCosts: new Dec(0),
  reduction: new Dec("4784.95"),
  lateInterest: new Dec("2098.56"),
  claimedInterest: new Dec(487),
};

async function main(): Promise<void> {
  const results: Record<string, number> = {
    rule78PerSec: perSecond((i) => rule78Reduction(i % 72, 72, c)),
    actualReductionPerSec: perSecond((i) => actualReduction(n72, dates[i % dates.length])),
    actualReductionN360PerSec: perSecond((i) => actualReduction(n360, dates[i % dates.length])),
    lateInterestPerSec: perSecond(() => lateInterest(lateInput, BUILT_IN_RATES)),
    redemptionPerSec: perSecond(() => statementLines(parts, (x) => x).amountInclInterest),
    floatActualReductionPerSec: perSecond((i) =>
      floatActualReduction(floatN72, dates[i % dates.length]),
    ),
    floatArithmeticOnlyPerSec: perSecond((i) =>
      floatArithmeticOnly(floatN72, 39 + (i % 20), (i % 30) / 30),
    ),
  };
  results.decimalToFloatCostRatio =
    Math.round((results.floatActualReductionPerSec / results.actualReductionPerSec) * 10) / 10;
  Object.assign(results, await extraMeasurements());
  if (process.argv.includes("--json")) {
    process.stdout.write(JSON.stringify(results) + "\n");
  } else {
    for (const [key, value] of Object.entries(results))
      process.stdout.write(`${key.padEnd(32)} ${value.toLocaleString("sv-SE")}\n`);
    process.stdout.write(
      `Mål: exakta decimaler högst 400 gånger flyttalsvarianten (nu ${results.decimalToFloatCostRatio}).\n`,
    );
    process.stdout.write(
      `Mål: 20 000 kontrakt på högst 12 gånger tiden för 2 000 (nu ${results.batchTimeRatio}), med högst ` +
        `dubbla minnet (nu ${results.batchMemoryRatio}) och under 400 MB (nu ${results.batch20000PeakMB}).\n`,
    );
    process.stdout.write(
      `atertag calc --json: ${results.cliStartSeconds} s från start till slut; node -e 0: ${results.nodeStartSeconds} s.\n`,
    );
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
