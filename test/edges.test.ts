/**
 * The edges of conventions §9, each pinned by the engine and, where the issue names them, by the
 * command line, the custom functions, the batch and the task pane alike:
 * - late interest summed exactly and rounded once (an exact 148 900,50 kr prints 148 901);
 * - the instalment is a rounded annuity in either direction; a schedule that misses closing by more
 *   than ((1 + i)^n − 1)/i kr (n kr at 0 %), short or over, is refused naming both fields and the miss;
 * - nothing accrues before due_0; R is never negative; the residual is paid with the last instalment;
 *   the surplus is to the öre; basicFee defaults to 600 kr.
 * Expected values come from the oracles in test/testkit/oracles.ts (a loop schedule, a day-by-day
 * interest sum) or from arithmetic written out in the test.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import {
  BUILT_IN_RATES,
  Dec,
  actualReduction,
  calculate,
  formatIsoDate,
  lateInterest,
  parseContract,
  parseIsoDate,
  rule78Reduction,
  toReport,
} from "../src/engine";
import { runCli } from "../src/cli/cli";
import { calculateRows } from "../src/sheet/batch";
import { contractTable, rowToContract } from "../src/sheet/headers";
import { calculateForm, contractToForm } from "../src/taskpane/form/form";
import { exampleRow, engineErrorOf } from "./testkit/fixtures";
import {
  D,
  OracleTerms,
  actualReductionOracle,
  dueIso,
  exactAnnuity,
  kr,
  lateInterestDayByDay,
  loopSchedule,
  ore,
} from "./testkit/oracles";
import { CustomFunctionsError, loadCustomFunctions } from "./testkit/customFunctions";

const F = loadCustomFunctions();

const day = (iso: string) => parseIsoDate(iso, "test");

/** Swedish kronor and öre written out independently: `999 999 985,42 kr`. */
function swedishKronorOre(amount: D): string {
  const [whole, fraction] = ore(amount.abs()).split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, " ");
  return `${grouped},${fraction} kr`;
}

/** A whole number of kronor as messages print it: groups of three separated by a space. */
function swedishInteger(value: number | string): string {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, " ");
}

/** The miss of §9 by the loop oracle: B_(n−1)·(1 + i) − (A + V); > 0 short, < 0 over. */
function missOf(t: OracleTerms): D {
  const s = loopSchedule(t);
  return s.balances[t.n - 1]
    .times(s.i.plus(1))
    .minus(t.A)
    .minus(t.V ?? 0);
}

/** 1 kr per instalment accumulated at the contract rate: ((1 + i)^n − 1)/i, n at 0 %. */
function toleranceOf(t: OracleTerms): D {
  const i = new D(t.rate).dividedBy(12);
  if (i.isZero()) return new D(t.n);
  let growth = new D(1);
  for (let k = 0; k < t.n; k++) growth = growth.times(i.plus(1));
  return growth.minus(1).dividedBy(i);
}

/** A contract row with the given credit terms; paid, dates and fees as in worked example 1. */
function contractWith(t: OracleTerms, extra: Record<string, unknown> = {}) {
  return {
    caseId: "Kant",
    creditAmount: t.K,
    annualRate: t.rate,
    installments: t.n,
    firstDueDate: t.first,
    installmentAmount: t.A,
    residual: t.V ?? 0,
    monthlyFee: t.f ?? 0,
    installmentsPaid: 0,
    applicationDate: t.first,
    repossessionDate: dueIso(t.first, Math.min(Math.ceil(t.n / 2), 24)),
    ...extra,
  };
}

// ------------------------------------------------------------------------------ late interest

describe("late interest is summed exactly and rounded once (conventions §9)", () => {
  // The example: 130 500 kr from 2008-01-01 to 2020-12-31 at reference + 8 is exactly
  // 148 900,50 kr (the day-by-day oracle divides its exact numerator once by 36 500).
  const CAPITAL = 130500;
  const FROM = "2008-01-01";
  const TO = "2020-12-31";
  const exact = lateInterestDayByDay({ capital: CAPITAL, from: FROM, to: TO });
  const row = {
    ...exampleRow(1),
    caseId: "Ränta x,50",
    applicationDate: "2007-12-31",
    interestFrom: FROM,
    interestCapital: CAPITAL,
    claimedInterest: 0,
    noticeDate: null,
    repossessionDate: TO,
  };

  test("the oracle's exact total is 148 900,50 kr, so the statement line is 148 901", () => {
    expect(exact.toString()).toBe("148900.5");
    expect(kr(exact)).toBe("148901");
  });

  test("the engine's total is exactly 148 900.5 (not 148 900.4999…)", () => {
    const result = lateInterest(
      { capital: new Dec(CAPITAL), from: day(FROM), to: day(TO) },
      BUILT_IN_RATES,
    );
    expect(result.total.toString()).toBe("148900.5");
    expect(result.segments).toHaveLength(26); // 13 years of half-years; shown on the sheet
  });

  test("the statement prints 148 901 and att betala inkl. ränta includes it", () => {
    const [st] = calculate(parseContract(row)).statements;
    expect(st.lines.lateInterest.toString()).toBe("148901");
    // After the last due date (2015-08-30) R = 0: 79 048 + 600 + 0 − 0 = 79 648, + 148 901 + 0.
    expect(st.lines.amountExclInterest.toString()).toBe("79648");
    expect(st.lines.amountInclInterest.toString()).toBe(String(79648 + 148901));
  });

  test("calc --json agrees with itself: lateInterest 148900.50 next to lines.lateInterest 148901", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "edges-cli-"));
    try {
      const file = path.join(dir, "x50.json");
      fs.writeFileSync(file, JSON.stringify(row));
      const out: string[] = [];
      const status = await runCli(["calc", file, "--json"], {
        out: (t) => out.push(t),
        err: () => undefined,
      });
      expect(status).toBe(0);
      const report = JSON.parse(out.join("\n"));
      expect(report.statements[0].lateInterest).toBe("148900.50");
      expect(report.statements[0].lines.lateInterest).toBe(148901);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test("LATEINTEREST returns 148 900.5, which Excel's ROUND takes to 148 901", () => {
    expect(F.lateInterestFn(CAPITAL, FROM, TO, null, null)).toBe(148900.5);
  });

  test("the report of the same contract (toReport) carries the same two figures", () => {
    const report = toReport(calculate(parseContract(row)));
    expect(report.statements[0].lateInterest).toBe("148900.50");
    expect(report.statements[0].lines.lateInterest).toBe(148901);
  });
});

// ------------------------------------------------------------------------------ schedule tolerance

describe("the instalment is a rounded annuity, in either direction and at 0 % (conventions §9)", () => {
  const EX1: OracleTerms = {
    K: 115000,
    rate: "0.0595",
    n: 72,
    A: 1903,
    f: 25,
    first: "2009-09-30",
  };
  test.each`
    terms                                                                        | scenario
    ${{ K: 10000, rate: "0.30", n: 120, A: 264, first: "2015-01-31" }}           | ${"the issue's 30 % credit, annuity 263,62 rounded up to 264"}
    ${{ K: 10000, rate: "0.30", n: 120, A: 263, first: "2015-01-31" }}           | ${"the same rounded down to 263"}
    ${{ K: 10000, rate: "0.30", n: 120, A: "263.62", first: "2015-01-31" }}      | ${"the same to the öre"}
    ${{ K: 94671, rate: "0", n: 12, A: 7889, first: "2015-01-31" }}              | ${"0 %: 94 671 / 12 = 7 889,25 rounded down (3 kr short in all)"}
    ${{ K: 94671, rate: "0", n: 12, A: 7890, first: "2015-01-31" }}              | ${"0 %: rounded up (9 kr over in all)"}
    ${{ K: 12012, rate: "0", n: 12, A: 1000, first: "2016-02-29" }}              | ${"0 %: exactly n kr short, the edge of the tolerance"}
    ${{ K: 11988, rate: "0", n: 12, A: 1000, first: "2016-02-29" }}              | ${"0 %: exactly n kr over, the edge on the other side"}
    ${EX1}                                                                       | ${"worked example 1 (A = 1 903)"}
    ${{ ...EX1, A: 1440, V: 40000 }}                                             | ${"worked example 2 (residual 40 000)"}
    ${{ K: 50000, rate: "0.12", n: 1, A: 50500, first: "2020-01-31" }}           | ${"n = 1: one payment of K(1 + i)"}
    ${{ K: 50000, rate: "0.12", n: 1, A: 50501, first: "2020-01-31" }}           | ${"n = 1: one krona over (tolerance 1 kr)"}
    ${{ K: 200000, rate: "0.0499", n: 360, A: 1072, V: 0, first: "2012-08-31" }} | ${"360 instalments rounded down"}
  `("$scenario: computes", ({ terms }) => {
    const t = terms as OracleTerms;
    // Independently: A is within 1 kr of the exact annuity, and the miss within the tolerance.
    expect(
      exactAnnuity(t.K, t.rate, t.n, t.V ?? 0)
        .minus(t.A)
        .abs()
        .lte(1),
    ).toBe(true);
    expect(missOf(t).abs().lte(toleranceOf(t))).toBe(true);
    const calc = calculate(parseContract(contractWith(t)));
    for (const st of calc.statements) {
      expect(st.reduction.isNegative()).toBe(false);
      expect(ore(st.actual.reduction.toString())).toBe(
        ore(actualReductionOracle(t, formatIsoDate(st.date))),
      );
    }
  });

  test("10 000 kr at 30 % over 120 × 264 kr: the exact annuity is 263,62 kr", () => {
    expect(ore(exactAnnuity(10000, "0.30", 120))).toBe("263.62");
  });

  test("the 0 % credit rounded down: credit cost −3 kr, both reductions 0, never negative", () => {
    const t: OracleTerms = { K: 94671, rate: "0", n: 12, A: 7889, first: "2015-01-31" };
    const calc = calculate(parseContract(contractWith(t, { installmentsPaid: 2 })));
    expect(calc.creditCost.toString()).toBe(String(12 * 7889 - 94671)); // −3
    for (const st of calc.statements) {
      expect(st.reductionRule78.toString()).toBe("0");
      expect(st.actual.reduction.toString()).toBe("0");
    }
    // The last period absorbs the 3 kr: its interest is 7 889 − (94 671 − 11 × 7 889) = −3.
    expect(loopSchedule(t).interests[12].toString()).toBe("-3");
  });

  interface Refusal {
    terms: OracleTerms;
    field: "installmentAmount" | "residual";
    scenario: string;
  }
  const refusals: Refusal[] = [
    {
      terms: { ...EX1, V: 1000000000 },
      field: "residual",
      scenario: "worked example 1 with a residual of 1 000 000 000",
    },
    {
      terms: { ...EX1, A: 1500 },
      field: "installmentAmount",
      scenario: "worked example 1 with A = 1 500 (short)",
    },
    {
      terms: { ...EX1, A: 2100 },
      field: "installmentAmount",
      scenario: "worked example 1 with A = 2 100 (over, no residual)",
    },
    {
      terms: { ...EX1, A: 1902 },
      field: "installmentAmount",
      scenario: "worked example 1 with A = 1 902 (1,17 kr below the annuity)",
    },
    {
      terms: { K: 94671, rate: "0", n: 12, A: 7888, first: "2015-01-31" },
      field: "installmentAmount",
      scenario: "0 %: 15 kr short, more than n = 12",
    },
    {
      terms: { K: 12013, rate: "0", n: 12, A: 1000, first: "2016-02-29" },
      field: "installmentAmount",
      scenario: "0 %: n + 1 kr short",
    },
    {
      terms: { K: 11987, rate: "0", n: 12, A: 1000, first: "2016-02-29" },
      field: "installmentAmount",
      scenario: "0 %: n + 1 kr over",
    },
    {
      terms: { K: 50000, rate: "0.12", n: 1, A: 50502, first: "2020-01-31" },
      field: "installmentAmount",
      scenario: "n = 1: 2 kr over",
    },
    {
      terms: { K: 10000, rate: "0.30", n: 120, A: 250, V: 5000, first: "2015-01-31" },
      field: "installmentAmount",
      scenario: "a residual too small for a low instalment (short)",
    },
  ];
  test.each(refusals.map((r) => [r.scenario, r] as const))(
    "%s: refused naming installmentAmount, residual and the miss",
    (_scenario, { terms, field }) => {
      const miss = missOf(terms);
      expect(miss.abs().gt(toleranceOf(terms))).toBe(true); // the case really is outside §9
      const error = engineErrorOf(() => parseContract(contractWith(terms)));
      expect(error.code).toBe("scheduleDoesNotRepay");
      expect(error.field).toBe(field);
      expect(error.kind).toBe("value");
      expect(error.message).toContain(`installmentAmount (${swedishInteger(terms.A)})`);
      expect(error.message).toContain(`residual (${swedishInteger(terms.V ?? 0)})`);
      expect(error.message).toContain(swedishKronorOre(miss));
      expect(error.message).toContain(swedishKronorOre(toleranceOf(terms)));
      expect(error.message).toContain(miss.isNegative() ? "överstiger" : "återstår");
    },
  );
});

describe("worked example 1 with residual 1 000 000 000 is refused everywhere", () => {
  const row = { ...exampleRow(1), residual: 1000000000 };
  const miss = missOf({
    K: 115000,
    rate: "0.0595",
    n: 72,
    A: 1903,
    V: 1000000000,
    first: "2009-09-30",
  });

  test("the miss is about a billion kronor over", () => {
    expect(miss.lt(-999_999_000)).toBe(true);
  });

  test("CLI calc: exit 2, one line naming the file, both fields and the miss", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "edges-cli-"));
    try {
      const file = path.join(dir, "billion.json");
      fs.writeFileSync(file, JSON.stringify(row));
      const out: string[] = [];
      const err: string[] = [];
      const status = await runCli(["calc", file], {
        out: (t) => out.push(t),
        err: (t) => err.push(t),
      });
      expect(status).toBe(2);
      expect(out).toEqual([]);
      expect(err).toHaveLength(1);
      expect(err[0]).toContain(file);
      expect(err[0]).toContain("residual (1 000 000 000)");
      expect(err[0]).toContain("installmentAmount (1 903)");
      expect(err[0]).toContain(swedishKronorOre(miss));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test("ACTUALREDUCTION: #VALUE! with a message naming both arguments", () => {
    let caught: unknown;
    try {
      F.actualReductionFn(115000, 0.0595, 72, "2009-09-30", "2012-12-15", 1903, 1e9, 25);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(CustomFunctionsError);
    const error = caught as CustomFunctionsError;
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toContain("residual");
    expect(error.message).toContain("installmentAmount");
    expect(error.message).toContain(swedishKronorOre(miss));
  });

  test("a worksheet row (pane and batch): the residual's cell is named, with Swedish labels", () => {
    const table = contractTable([row]);
    const residualCol = table.headers.indexOf("Restbelopp");
    const addressOf = (col: number) => `Kontrakt!${String.fromCharCode(65 + col)}3`;
    const result = rowToContract(table.headers, table.rows[0], addressOf);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0].field).toBe("residual");
    expect(result.problems[0].address).toBe(addressOf(residualCol));
    expect(result.problems[0].message).toContain("Restbelopp (1 000 000 000)");
    expect(result.problems[0].message).toContain("Avbetalning (1 903)");

    const batch = calculateRows(table.headers, [
      { where: "rad 3", values: table.rows[0], addressOf },
      { where: "rad 4", values: contractTable([exampleRow(1)]).rows[0], addressOf },
    ]);
    expect(batch.calculations).toHaveLength(1); // the other row still goes through
    expect(batch.refused).toHaveLength(1);
    expect(batch.refused[0].reason).toContain(`${addressOf(residualCol)}: Restbelopp`);
  });

  test("the task pane's form: the residual field is marked, the message in Swedish labels", () => {
    const result = calculateForm(contractToForm(row).values);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.field).toBe("residual");
    expect(result.message).toContain("Restbelopp");
    expect(result.message).toContain("Avbetalning");
  });
});

// ------------------------------------------------------------------------------ other conventions

describe("the other §9 conventions, pinned", () => {
  const EX2: OracleTerms = {
    K: 115000,
    rate: "0.0595",
    n: 72,
    A: 1440,
    V: 40000,
    f: 25,
    first: "2009-09-30",
  };
  const engineTerms = (t: OracleTerms) => parseContract(contractWith(t));

  test.each`
    date            | scenario
    ${"2009-08-30"} | ${"due_0 itself (the first due date minus one month)"}
    ${"2009-08-29"} | ${"the day before due_0"}
    ${"2009-01-15"} | ${"months before due_0"}
    ${"2000-02-29"} | ${"years before, a leap day"}
  `("nothing accrues before the first period: $scenario", ({ date }) => {
    const r = actualReduction(engineTerms(EX2), day(date));
    expect(r.daysAccrued).toBe(0);
    expect(r.accruedInterest.toString()).toBe("0");
    // R = all interest + all fees: 72 × 1 440 + 40 000 − 115 000 + 72 × 25 = 30 480.
    expect(r.reduction.toString()).toBe(String(72 * 1440 + 40000 - 115000 + 72 * 25));
    expect(ore(r.reduction.toString())).toBe(ore(actualReductionOracle(EX2, date)));
  });

  test.each`
    terms                                                              | date            | scenario
    ${{ K: 94671, rate: "0", n: 12, A: 7889, first: "2015-01-31" }}    | ${"2015-06-15"} | ${"0 % rounded down: remaining interest −3 kr"}
    ${{ K: 94671, rate: "0", n: 12, A: 7889, first: "2015-01-31" }}    | ${"2014-12-01"} | ${"the same before the first period"}
    ${{ K: 10000, rate: "0.30", n: 120, A: 263, first: "2015-01-31" }} | ${"2024-12-20"} | ${"30 % rounded down, in the last period"}
  `("R is never negative: $scenario", ({ terms, date }) => {
    const contract = engineTerms(terms);
    const actual = actualReduction(contract, day(date));
    expect(actual.reduction.isNegative()).toBe(false);
    expect(ore(actual.reduction.toString())).toBe(ore(actualReductionOracle(terms, date)));
    const c = new D(terms.A).times(terms.n).minus(terms.K).toString();
    expect(rule78Reduction(terms.n - 1, terms.n, new Dec(c)).isNegative()).toBe(false);
  });

  test.each`
    paid  | unpaid               | scenario
    ${72} | ${0}                 | ${"all paid: nothing unpaid, the residual included"}
    ${71} | ${1440 + 25 + 40000} | ${"one left: the last instalment carries the residual"}
    ${31} | ${41 * 1465 + 40000} | ${"worked example 2: 41 instalments and the residual"}
    ${0}  | ${72 * 1465 + 40000} | ${"none paid"}
  `("the residual is paid with the last instalment: $scenario", ({ paid, unpaid }) => {
    const contract = parseContract({ ...exampleRow(2), installmentsPaid: paid });
    expect(contract.unpaidCreditClaim.toString()).toBe(String(unpaid));
  });

  test.each`
    value         | scenario
    ${"60000.37"} | ${"öre kept"}
    ${"77551"}    | ${"exactly the amount: surplus 0"}
    ${"77551.01"} | ${"one öre over"}
  `("the surplus is to the öre: $scenario", ({ value }) => {
    const calc = calculate(parseContract({ ...exampleRow(1), estimatedValue: value }));
    const last = calc.statements[calc.statements.length - 1];
    // Worked example 1 at the repossession date: att betala inkl. ränta 77 551 (conventions §8).
    expect(last.lines.amountInclInterest.toString()).toBe("77551");
    expect(last.surplus!.toFixed(2)).toBe(new D(value).minus(77551).toFixed(2));
  });

  test.each`
    change                | basicFee | scenario
    ${{ basicFee: null }} | ${"600"} | ${"left out: 600 kr (grundavgift since 2008)"}
    ${{ basicFee: "" }}   | ${"600"} | ${"an empty cell: 600 kr"}
    ${{ basicFee: 300 }}  | ${"300"} | ${"an older fee typed by the officer"}
    ${{ basicFee: 0 }}    | ${"0"}   | ${"0 stated: 0"}
  `("basicFee: $scenario", ({ change, basicFee }) => {
    const row = { ...exampleRow(1), ...change };
    const contract = parseContract(row);
    expect(contract.basicFee.toString()).toBe(basicFee);
  });

  test("every other fee defaults to 0", () => {
    const row: Record<string, unknown> = { ...exampleRow(1) };
    for (const field of ["monthlyFee", "setupFee", "applicantCosts", "claimedInterest"])
      delete row[field];
    const contract = parseContract(row);
    expect(
      [
        contract.monthlyFee,
        contract.setupFee,
        contract.applicantCosts,
        contract.claimedInterest,
      ].map((x) => x.toString()),
    ).toEqual(["0", "0", "0", "0"]);
  });
});
