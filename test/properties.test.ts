/**
 * Property tests (fast-check, fixed seeds so a failure reproduces): the engine's invariants, on
 * generated consistent contracts: K, rate, n, residual, A = the exact annuity for the residual rounded to
 * whole kronor, fee, setup fee, dates. A contract is kept when the oracle's own loop schedule says it
 * repays (balance before the last payment ≥ 0, payments ≥ K — the rule documented in contract.ts), and
 * then the engine must accept it too.
 */
import fc from "fast-check";
import {
  Calculation,
  CreditTerms,
  Dec,
  actualReduction,
  calculate,
  formatIsoDate,
  lateInterest,
  BUILT_IN_RATES,
  parseContract,
  parseIsoDate,
  paymentSchedule,
  remainingInstallmentsRule78,
  rule78Reduction,
} from "../src/engine";
import {
  D,
  OracleTerms,
  actualReductionOracle,
  dayNumber,
  countDue,
  dueIso,
  exactAnnuity,
  isoOf,
  kr,
  loopSchedule,
  monthLength,
  ore,
  rule78SumOfDigits,
} from "./testkit/oracles";

const RUNS = 300;
const day = (iso: string) => parseIsoDate(iso, "test");

// ------------------------------------------------------------------ generators

/** A calendar date between two years, with days 28–31 over-represented (the due-date edge). */
function dateArb(fromYear: number, toYear: number): fc.Arbitrary<string> {
  return fc
    .record({
      y: fc.integer({ min: fromYear, max: toYear }),
      m: fc.integer({ min: 1, max: 12 }),
      d: fc.oneof(fc.integer({ min: 1, max: 31 }), fc.integer({ min: 28, max: 31 })),
    })
    .map(({ y, m, d }) => isoOf({ y, m, d: Math.min(d, monthLength(y, m)) }));
}

interface GeneratedContract {
  terms: OracleTerms & { V: number; f: number };
  S: number;
  /** c = n(A + f) + V − K: the credit cost without the setup fee. */
  c: D;
}

function repays(t: OracleTerms): boolean {
  const s = loopSchedule(t);
  const total = s.payments.reduce((acc, p) => acc.plus(p), new D(0));
  return !s.balances[t.n - 1].isNegative() && total.gte(t.K);
}

const contractArb: fc.Arbitrary<GeneratedContract> = fc
  .record({
    K: fc.integer({ min: 10_000, max: 2_000_000 }),
    rateBp: fc.oneof(fc.constant(0), fc.integer({ min: 100, max: 2000 })), // 0 % or 1–20 %
    n: fc.oneof(fc.integer({ min: 1, max: 84 }), fc.integer({ min: 85, max: 360 })),
    residualPercent: fc.oneof(fc.constant(0), fc.integer({ min: 5, max: 60 })),
    f: fc.integer({ min: 0, max: 100 }),
    S: fc.integer({ min: 0, max: 1500 }),
    first: dateArb(2003, 2024),
  })
  .map(({ K, rateBp, n, residualPercent, f, S, first }) => {
    const rate = new D(rateBp).dividedBy(10000).toString();
    const V = Math.round((K * residualPercent) / 100);
    let A = Number(kr(exactAnnuity(K, rate, n, V)));
    // At 0 % a rounded-down A would not repay K at all; one krona more is the creditor's rounding.
    if (rateBp === 0 && A * n + V < K) A += 1;
    const terms = { K, rate, n, A, V, f, first };
    return { terms, S, c: new D(A + f).times(n).plus(V).minus(K) };
  })
  .filter(({ terms }) => terms.A > 0 && repays(terms));

function engineTerms(t: OracleTerms & { V: number; f: number }): CreditTerms {
  return {
    creditAmount: new Dec(t.K),
    annualRate: new Dec(t.rate),
    installments: t.n,
    firstDueDate: day(t.first),
    installmentAmount: new Dec(t.A),
    residual: new Dec(t.V),
    monthlyFee: new Dec(t.f),
  };
}

/** A date from 60 days before the first due date to 30 days after the last, as a day offset. */
function dateInLife(t: OracleTerms): fc.Arbitrary<number> {
  const start = dayNumber(t.first) - 60;
  const end = dayNumber(dueIso(t.first, t.n)) + 30;
  return fc.integer({ min: start, max: end });
}

const rule78At = (g: GeneratedContract, date: number) =>
  rule78Reduction(
    remainingInstallmentsRule78(day(g.terms.first), g.terms.n, date),
    g.terms.n,
    new Dec(g.c.toString()),
  );

// ------------------------------------------------------------------ properties

describe("reductions", () => {
  test("0 ≤ R ≤ c for both methods at any date in the credit's life", () => {
    fc.assert(
      fc.property(
        contractArb.chain((g) => fc.tuple(fc.constant(g), dateInLife(g.terms))),
        ([g, date]) => {
          const c = new Dec(g.c.toString());
          for (const r of [
            rule78At(g, date),
            actualReduction(engineTerms(g.terms), date).reduction,
          ]) {
            expect(r.isNegative()).toBe(false);
            expect(r.lte(c)).toBe(true);
          }
        },
      ),
      { seed: 20121215, numRuns: RUNS },
    );
  });

  test("R never rises as the date advances, day by day over 45 consecutive days (both methods)", () => {
    fc.assert(
      fc.property(
        contractArb.chain((g) => fc.tuple(fc.constant(g), dateInLife(g.terms))),
        ([g, start]) => {
          const terms = engineTerms(g.terms);
          let previous78 = rule78At(g, start);
          let previousActual = actualReduction(terms, start).reduction;
          for (let d = start + 1; d <= start + 45; d++) {
            const r78 = rule78At(g, d);
            const actual = actualReduction(terms, d).reduction;
            if (r78.greaterThan(previous78) || actual.greaterThan(previousActual)) {
              throw new Error(
                `R rose on ${formatIsoDate(d)}: rule78 ${previous78} → ${r78}, actual ${previousActual} → ${actual}`,
              );
            }
            previous78 = r78;
            previousActual = actual;
          }
        },
      ),
      { seed: 1978, numRuns: RUNS },
    );
  });

  test("the actual reduction agrees with the loop-based oracle to the öre on generated contracts", () => {
    fc.assert(
      fc.property(
        contractArb.chain((g) => fc.tuple(fc.constant(g), dateInLife(g.terms))),
        ([g, date]) => {
          const got = actualReduction(engineTerms(g.terms), date).reduction.toFixed(
            2,
            Dec.ROUND_HALF_UP,
          );
          expect(got).toBe(ore(actualReductionOracle(g.terms, formatIsoDate(date))));
        },
      ),
      { seed: 40, numRuns: RUNS },
    );
  });

  test("the rule-of-78 formula agrees with the sum-of-digits form to the öre", () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 480 })
          .chain((n) =>
            fc.tuple(
              fc.constant(n),
              fc.integer({ min: 0, max: n }),
              fc.integer({ min: 0, max: 10_000_000 }),
            ),
          ),
        ([n, t, cOre]) => {
          const c = new D(cOre).dividedBy(100);
          expect(rule78Reduction(t, n, new Dec(c.toString())).toFixed(2, Dec.ROUND_HALF_UP)).toBe(
            ore(rule78SumOfDigits(t, n, c)),
          );
        },
      ),
      { seed: 78, numRuns: RUNS },
    );
  });
});

describe("schedule", () => {
  test("payments + fees + setup fee sum to the credit claim; the balance ends at exactly 0", () => {
    fc.assert(
      fc.property(contractArb, (g) => {
        const rows = paymentSchedule(engineTerms(g.terms));
        const sum = rows.reduce((acc, r) => acc.plus(r.payment).plus(r.fee), new Dec(g.S));
        // Credit claim = K + C = K + (c + S).
        const creditClaim = g.c.plus(g.S).plus(g.terms.K);
        expect(sum.toFixed(2)).toBe(creditClaim.toFixed(2));
        expect(rows[rows.length - 1].balance.isZero()).toBe(true);
        expect(rows).toHaveLength(g.terms.n);
      }),
      { seed: 139311, numRuns: RUNS },
    );
  });

  test("a generated contract that repays is accepted by parseContract, and calculate's credit claim is the schedule's", () => {
    fc.assert(
      fc.property(contractArb, (g) => {
        const t = g.terms;
        const calc = calculate(
          parseContract({
            caseId: "P",
            creditAmount: t.K,
            annualRate: t.rate,
            installments: t.n,
            firstDueDate: t.first,
            installmentAmount: t.A,
            residual: t.V,
            monthlyFee: t.f,
            setupFee: g.S,
            installmentsPaid: 0,
            applicationDate: "2012-09-04",
            repossessionDate: "2012-12-20",
          }),
        );
        const rows = paymentSchedule(calc.contract);
        const sum = rows.reduce(
          (acc, r) => acc.plus(r.payment).plus(r.fee),
          calc.contract.setupFee,
        );
        expect(calc.creditClaim.toFixed(2)).toBe(sum.toFixed(2));
        expect(calc.creditCostExclSetup.toFixed(2)).toBe(g.c.toFixed(2));
      }),
      { seed: 24311, numRuns: RUNS },
    );
  });
});

describe("statement", () => {
  const caseArb = contractArb.chain((g) =>
    fc.record({
      g: fc.constant(g),
      paid: fc.integer({ min: 0, max: g.terms.n }),
      application: fc.integer({ min: dayNumber("2002-07-01"), max: dayNumber("2026-03-31") }),
      toNotice: fc.integer({ min: 0, max: 60 }),
      toRepossession: fc.integer({ min: 0, max: 30 }),
      claimedOre: fc.integer({ min: 0, max: 500_000 }),
      costsOre: fc.integer({ min: 0, max: 100_000 }),
      basicFee: fc.constantFrom(600, 300, 0),
      value: fc.integer({ min: 0, max: 3_000_000 }),
      method: fc.constantFrom("auto", "rule78", "actual"),
    }),
  );

  test("rounded lines add up exactly to amountExclInterest and amountInclInterest; surplus = value − total", () => {
    fc.assert(
      fc.property(caseArb, (x) => {
        const t = x.g.terms;
        const application = formatIsoDate(x.application);
        const notice = formatIsoDate(x.application + x.toNotice);
        const repossession = formatIsoDate(x.application + x.toNotice + x.toRepossession);
        const calc: Calculation = calculate(
          parseContract({
            caseId: "P",
            creditAmount: t.K,
            annualRate: t.rate,
            installments: t.n,
            firstDueDate: t.first,
            installmentAmount: t.A,
            residual: t.V,
            monthlyFee: t.f,
            setupFee: x.g.S,
            // A debtor in default has paid at most the instalments due by the application date.
            installmentsPaid: Math.min(x.paid, countDue(t.first, t.n, application, true)),
            applicationDate: application,
            noticeDate: notice,
            repossessionDate: repossession,
            claimedInterest: new D(x.claimedOre).dividedBy(100).toString(),
            applicantCosts: new D(x.costsOre).dividedBy(100).toString(),
            basicFee: x.basicFee,
            estimatedValue: x.value,
            method: x.method,
          }),
        );
        expect(calc.statements).toHaveLength(2);
        for (const s of calc.statements) {
          const L = s.lines;
          for (const v of Object.values(L)) expect((v as Dec).isInteger()).toBe(true);
          // Each part line is its exact amount rounded half away from zero.
          for (const key of [
            "unpaidCreditClaim",
            "basicFee",
            "applicantCosts",
            "reduction",
            "lateInterest",
            "claimedInterest",
          ] as const) {
            expect(L[key].toFixed(0)).toBe(kr(s.exact[key].toString()));
          }
          expect(
            L.amountExclInterest.equals(
              L.unpaidCreditClaim.plus(L.basicFee).plus(L.applicantCosts).minus(L.reduction),
            ),
          ).toBe(true);
          expect(
            L.amountInclInterest.equals(
              L.amountExclInterest.plus(L.lateInterest).plus(L.claimedInterest),
            ),
          ).toBe(true);
          expect(s.surplus!.equals(new Dec(x.value).minus(L.amountInclInterest))).toBe(true);
          // Six rounded parts: the printed total is within 3 kr of the exact total.
          expect(L.amountInclInterest.minus(s.exact.amountInclInterest).abs().lte(3)).toBe(true);
        }
      }),
      { seed: 77449, numRuns: RUNS },
    );
  });
});

describe("late interest", () => {
  const windowArb = fc
    .record({
      a: fc.integer({ min: dayNumber("2002-07-01"), max: dayNumber("2026-06-30") }),
      lengths: fc.tuple(fc.integer({ min: 0, max: 1500 }), fc.integer({ min: 0, max: 1500 })),
      capitalOre: fc.integer({ min: 0, max: 500_000_000 }),
      capBp: fc.option(fc.integer({ min: 1, max: 2000 }), { nil: undefined }),
    })
    .map(({ a, lengths: [l1, l2], capitalOre, capBp }) => {
      const last = dayNumber("2026-06-30");
      const b = Math.min(a + l1, last);
      const c = Math.min(b + 1 + l2, last);
      return {
        a,
        b,
        c,
        capital: new Dec(capitalOre).dividedBy(100),
        cap: capBp ? new Dec(capBp).dividedBy(10000) : null,
      };
    });

  test("interest over [a, c] = [a, b] + [b + 1, c], both ends counted (additivity)", () => {
    fc.assert(
      fc.property(windowArb, ({ a, b, c, capital, cap }) => {
        const run = (from: number, to: number) =>
          lateInterest({ capital, from, to, contractRate: cap }, BUILT_IN_RATES);
        const whole = run(a, c);
        const left = run(a, b);
        const right = run(b + 1, c);
        expect(whole.days).toBe(left.days + right.days);
        // Each segment is divided once at 40 significant digits; 1e-20 kr is far below an öre and far
        // above that arithmetic's noise.
        expect(whole.total.minus(left.total.plus(right.total)).abs().lt("1e-20")).toBe(true);
        expect(whole.total.isNegative()).toBe(false);
      }),
      { seed: 2099, numRuns: RUNS },
    );
  });

  test("one day's interest is capital × (reference + 8) % / 365 of that day's half-year", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: dayNumber("2002-07-01"), max: dayNumber("2026-06-30") }),
        (d) => {
          const capital = new Dec(100000);
          const one = lateInterest({ capital, from: d, to: d }, BUILT_IN_RATES).total;
          // 100 000 × (reference + 8) % / 365 for that day, by hand from the table's percent.
          const percent = BUILT_IN_RATES.percentOn(d, "d").plus(8);
          expect(one.toFixed(10)).toBe(
            new D(100000).times(percent.toString()).dividedBy(36500).toFixed(10),
          );
        },
      ),
      { seed: 365, numRuns: RUNS },
    );
  });
});
