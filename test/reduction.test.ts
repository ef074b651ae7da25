/**
 * The reduction (reduceringsbelopp): the rule-of-78 count and formula (conventions §4), actual settlement
 * (conventions §5) against a loop-based schedule written here, and the payment schedule's rows.
 * Oracles: test/testkit/oracles.ts (sum-of-digits rule of 78, loop schedule, own calendar).
 */
import {
  CreditTerms,
  Dec,
  actualReduction,
  balanceAfter,
  calculate,
  formatIsoDate,
  paymentSchedule,
  parseContract,
  parseIsoDate,
  remainingInstallmentsRule78,
  rule78Reduction,
} from "../src/engine";
import { exampleRow } from "./testkit/fixtures";
import {
  D,
  OracleTerms,
  actualReductionOracle,
  exactAnnuity,
  kr,
  loopSchedule,
  ore,
  rule78SumOfDigits,
  rule78T,
} from "./testkit/oracles";

const day = (iso: string) => parseIsoDate(iso, "test");

function engineTerms(t: OracleTerms): CreditTerms {
  return {
    creditAmount: new Dec(t.K),
    annualRate: new Dec(t.rate),
    installments: t.n,
    firstDueDate: day(t.first),
    installmentAmount: new Dec(t.A),
    residual: new Dec(t.V ?? 0),
    monthlyFee: new Dec(t.f ?? 0),
  };
}

/** Worked example 1 (conventions §8): annuity, A = 1 903, fee 25. */
const EX1: OracleTerms = {
  K: 115000,
  rate: "0.0595",
  n: 72,
  A: 1903,
  V: 0,
  f: 25,
  first: "2009-09-30",
};
/** Worked example 2: residual 40 000, A = 1 440. */
const EX2: OracleTerms = { ...EX1, A: 1440, V: 40000 };
/** Interest-free credit: only the fees are a credit cost. */
const ZERO: OracleTerms = { K: 36000, rate: 0, n: 36, A: 1000, V: 0, f: 30, first: "2020-01-31" };
/** A 30-year credit, A = the exact annuity rounded to whole kronor. */
const LONG: OracleTerms = {
  K: 2000000,
  rate: "0.04",
  n: 360,
  A: kr(exactAnnuity(2000000, "0.04", 360)),
  V: 0,
  f: 0,
  first: "2021-03-15",
};
/** A balloon credit: half the credit as residual. */
const BALLOON: OracleTerms = {
  K: 300000,
  rate: "0.069",
  n: 60,
  A: kr(exactAnnuity(300000, "0.069", 60, 150000)),
  V: 150000,
  f: 49,
  first: "2018-11-30",
};

describe("rule of 78: remaining instalments t = max(0, n − 1 − #{due_k < date}) (conventions §4)", () => {
  // First due date 2009-09-30, n = 72 (the workshop's credit); last due date 2015-08-30.
  test.each`
    date            | t     | scenario
    ${"2012-12-15"} | ${32} | ${"workshop notice date: 40 due dates passed incl. the next one, t = 72 − 40"}
    ${"2012-12-20"} | ${32} | ${"workshop repossession date, still before the 30th"}
    ${"2012-12-30"} | ${32} | ${"exactly on a due date: it counts as the next one, not as before"}
    ${"2012-12-31"} | ${31} | ${"the day after a due date"}
    ${"2009-09-30"} | ${71} | ${"exactly on the first due date"}
    ${"2009-08-01"} | ${71} | ${"before the first due date: the first counts as passed"}
    ${"2015-07-30"} | ${1}  | ${"on the second-to-last due date"}
    ${"2015-08-29"} | ${0}  | ${"the day before the last due date: the last counts as passed"}
    ${"2015-08-30"} | ${0}  | ${"on the last due date"}
    ${"2015-09-15"} | ${0}  | ${"after the last due date → 0"}
    ${"2020-01-01"} | ${0}  | ${"long after the last due date → 0"}
  `("$scenario ($date): t = $t", ({ date, t }) => {
    expect(rule78T("2009-09-30", 72, date)).toBe(t);
    expect(remainingInstallmentsRule78(day("2009-09-30"), 72, day(date))).toBe(t);
  });

  test.each`
    t      | n      | c               | expected       | scenario
    ${32}  | ${72}  | ${23816}        | ${"4784.95"}   | ${"workshop: R = 4 785 kr (conventions §4)"}
    ${0}   | ${72}  | ${23816}        | ${"0.00"}      | ${"nothing remaining"}
    ${72}  | ${72}  | ${23816}        | ${"23816.00"}  | ${"everything remaining: R = c"}
    ${71}  | ${72}  | ${23816}        | ${"23163.51"}  | ${"first instalment passed"}
    ${6}   | ${12}  | ${1000}         | ${"269.23"}    | ${"21/78 of 1 000 (the rule's name: 1 + … + 12 = 78)"}
    ${11}  | ${12}  | ${780}          | ${"660.00"}    | ${"66/78 of 780"}
    ${1}   | ${1}   | ${500}          | ${"500.00"}    | ${"single instalment"}
    ${180} | ${360} | ${"1234567.89"} | ${"309496.94"} | ${"n = 360, half the term left"}
  `("$scenario: R($t, $n, $c) = $expected", ({ t, n, c, expected }) => {
    expect(ore(rule78SumOfDigits(t, n, c))).toBe(expected); // the row itself, by the sum-of-digits form
    expect(rule78Reduction(t, n, new Dec(c)).toFixed(2, Dec.ROUND_HALF_UP)).toBe(expected);
  });

  test("workshop figure: R = 4 785 kr whole (conventions §8)", () => {
    expect(kr(rule78Reduction(32, 72, new Dec(23816)).toString())).toBe("4785");
  });
});

describe("actual settlement: engine's closed form against a loop-based schedule (conventions §5)", () => {
  test.each`
    terms      | name         | date            | scenario
    ${EX2}     | ${"EX2"}     | ${"2012-12-15"} | ${"workshop notice date"}
    ${EX2}     | ${"EX2"}     | ${"2012-12-20"} | ${"workshop repossession date"}
    ${EX2}     | ${"EX2"}     | ${"2012-12-30"} | ${"exactly on a due date (nothing accrued)"}
    ${EX2}     | ${"EX2"}     | ${"2012-12-31"} | ${"the day after a due date"}
    ${EX2}     | ${"EX2"}     | ${"2012-12-29"} | ${"the day before a due date"}
    ${EX2}     | ${"EX2"}     | ${"2009-09-15"} | ${"before the first due date, inside the first period"}
    ${EX2}     | ${"EX2"}     | ${"2009-06-01"} | ${"before the first period starts"}
    ${EX2}     | ${"EX2"}     | ${"2015-07-31"} | ${"inside the last period"}
    ${EX2}     | ${"EX2"}     | ${"2015-08-30"} | ${"on the last due date → 0"}
    ${EX2}     | ${"EX2"}     | ${"2016-02-01"} | ${"after the last due date → 0"}
    ${EX1}     | ${"EX1"}     | ${"2012-12-15"} | ${"annuity, notice date"}
    ${EX1}     | ${"EX1"}     | ${"2012-12-20"} | ${"annuity, repossession date"}
    ${EX1}     | ${"EX1"}     | ${"2010-02-28"} | ${"on a due date moved back to February's end"}
    ${EX1}     | ${"EX1"}     | ${"2010-03-01"} | ${"the day after it (period 28 Feb – 30 Mar)"}
    ${ZERO}    | ${"ZERO"}    | ${"2020-11-15"} | ${"zero rate"}
    ${LONG}    | ${"LONG"}    | ${"2036-07-01"} | ${"n = 360, middle of the term"}
    ${LONG}    | ${"LONG"}    | ${"2021-03-15"} | ${"n = 360, on the first due date"}
    ${LONG}    | ${"LONG"}    | ${"2051-02-14"} | ${"n = 360, the day before the last due date"}
    ${BALLOON} | ${"BALLOON"} | ${"2021-02-27"} | ${"residual half the credit, last days of February"}
    ${BALLOON} | ${"BALLOON"} | ${"2023-10-30"} | ${"residual, on the last due date → 0"}
    ${BALLOON} | ${"BALLOON"} | ${"2023-10-29"} | ${"residual, the day before the last due date"}
  `("$name $scenario ($date)", ({ terms, date }) => {
    const expected = ore(actualReductionOracle(terms, date));
    expect(
      actualReduction(engineTerms(terms), day(date)).reduction.toFixed(2, Dec.ROUND_HALF_UP),
    ).toBe(expected);
  });

  test.each`
    date            | expected | scenario
    ${"2012-12-15"} | ${10474} | ${"notice date (the lead's worked figure for example 2)"}
    ${"2012-12-20"} | ${10410} | ${"repossession date: the reduction is recomputed and falls"}
  `("worked example 2 $scenario: reduction rounds to $expected kr", ({ date, expected }) => {
    expect(kr(actualReductionOracle(EX2, date))).toBe(String(expected));
    expect(kr(actualReduction(engineTerms(EX2), day(date)).reduction.toString())).toBe(
      String(expected),
    );
  });

  test("before the first period starts nothing has accrued: R = c = n(A + f) + V − K", () => {
    // 72 × (1 440 + 25) + 40 000 − 115 000 = 30 480 (c of example 2).
    expect(actualReduction(engineTerms(EX2), day("2009-06-01")).reduction.toFixed(2)).toBe(
      "30480.00",
    );
  });

  test.each`
    date            | expected     | scenario
    ${"2020-01-01"} | ${"1080.00"} | ${"before the first due date: 36 fees of 30"}
    ${"2020-11-15"} | ${"780.00"}  | ${"10 due dates passed (Jan 31 … Oct 31): 26 fees of 30"}
    ${"2020-02-29"} | ${"1020.00"} | ${"on the 2nd due date (31st moved back to the leap day): 34 fees"}
    ${"2022-12-31"} | ${"0.00"}    | ${"on the last due date"}
  `("zero rate: the reduction is only the unearned fees — $scenario", ({ date, expected }) => {
    expect(actualReduction(engineTerms(ZERO), day(date)).reduction.toFixed(2)).toBe(expected);
  });

  test("zero rate: the balance falls by A each month, B_m = K − A·m", () => {
    for (let m = 0; m <= 36; m++) {
      expect(balanceAfter(engineTerms(ZERO), m).toFixed(2)).toBe((36000 - 1000 * m).toFixed(2));
    }
  });

  test.each`
    terms      | name
    ${EX1}     | ${"EX1"}
    ${EX2}     | ${"EX2"}
    ${LONG}    | ${"LONG"}
    ${BALLOON} | ${"BALLOON"}
  `(
    "$name: closed-form balance B_m equals the loop's balance at every m (to the öre)",
    ({ terms }) => {
      const loop = loopSchedule(terms);
      const mismatches: string[] = [];
      for (let m = 0; m < terms.n; m++) {
        const got = balanceAfter(engineTerms(terms), m).toFixed(2, Dec.ROUND_HALF_UP);
        if (got !== ore(loop.balances[m]))
          mismatches.push(`m=${m}: ${got} ≠ ${ore(loop.balances[m])}`);
      }
      expect(mismatches).toEqual([]);
    },
  );
});

describe("payment schedule (avbetalningsplan)", () => {
  test.each`
    terms      | name         | S      | creditClaim
    ${EX1}     | ${"EX1"}     | ${495} | ${"139311"}
    ${EX2}     | ${"EX2"}     | ${495} | ${"145975"}
    ${ZERO}    | ${"ZERO"}    | ${0}   | ${"37080"}
    ${LONG}    | ${"LONG"}    | ${0}   | ${new D(LONG.A).times(360).toFixed(0)}
    ${BALLOON} | ${"BALLOON"} | ${995} | ${new D(BALLOON.A).plus(49).times(60).plus(150000).plus(995).toFixed(0)}
  `(
    "$name: payments + fees + setup fee = credit claim $creditClaim; balance ends at 0; interest B_(k−1)·i",
    ({ terms, S, creditClaim }) => {
      const rows = paymentSchedule(engineTerms(terms));
      expect(rows).toHaveLength(terms.n);
      const sum = rows.reduce((acc, r) => acc.plus(r.payment).plus(r.fee), new Dec(S));
      expect(sum.toFixed(2)).toBe(new D(creditClaim).toFixed(2));
      expect(rows[rows.length - 1].balance.isZero()).toBe(true);
      const i = new Dec(terms.rate).dividedBy(12);
      let before = new Dec(terms.K);
      for (const row of rows) {
        const last = row.k === terms.n;
        expect(row.payment.toFixed(2)).toBe(
          new D(terms.A).plus(last ? (terms.V ?? 0) : 0).toFixed(2),
        );
        if (last) expect(row.interest.equals(row.payment.minus(before))).toBe(true);
        else expect(row.interest.equals(before.times(i))).toBe(true);
        expect(row.amortisation.equals(row.payment.minus(row.interest))).toBe(true);
        before = row.balance;
      }
      // Total interest = Σ P_k − K (conventions §5), summed in the oracle's 60-digit context. The engine's
      // 40-significant-digit balances leave noise around 1e-33 kr, so compare at 20 decimals: far below
      // one öre, far above that noise.
      const interest = rows.reduce((acc, r) => acc.plus(r.interest.toString()), new D(0));
      const payments = rows.reduce((acc, r) => acc.plus(r.payment.toString()), new D(0));
      expect(interest.toFixed(20)).toBe(payments.minus(terms.K).toFixed(20));
      // Due dates run month by month from the first.
      expect(formatIsoDate(rows[0].dueDate)).toBe(terms.first);
    },
  );

  test("worked example 1: the schedule's credit claim matches calculate()'s and the conventions' 139 311", () => {
    const calc = calculate(parseContract(exampleRow(1)));
    const rows = paymentSchedule(calc.contract);
    const sum = rows.reduce((acc, r) => acc.plus(r.payment).plus(r.fee), calc.contract.setupFee);
    expect(sum.toFixed(2)).toBe("139311.00");
    expect(calc.creditClaim.toFixed(2)).toBe("139311.00");
  });

  test("worked example 1: the last period's interest absorbs the rounding of A (A = 1 903 is 5 kr short)", () => {
    const rows = paymentSchedule(engineTerms(EX1));
    const loop = loopSchedule(EX1);
    expect(rows[71].interest.toFixed(2, Dec.ROUND_HALF_UP)).toBe(ore(loop.interests[72]));
    expect(rows[70].balance.toFixed(2, Dec.ROUND_HALF_UP)).toBe(ore(loop.balances[71]));
  });
});
