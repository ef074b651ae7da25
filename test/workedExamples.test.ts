/**
 * The two worked examples of the 2012 workshop (conventions §8), through the engine (parseContract +
 * calculate) and through the command line's JSON (runCli calc --json). Every expected figure is either
 * printed in conventions §8 / the brief (R = 4 785, 2 099, 77 449, 77 551, 10 474, 10 410, 93 335, 93 529)
 * or derived here by hand from the conventions' formulas; the öre-level reductions come from the independent
 * oracles in test/testkit/oracles.ts (sum-of-digits rule of 78, loop-based schedule).
 */
import { calculate, formatIsoDate, parseContract } from "../src/engine";
import { runCli } from "../src/cli/cli";
import { EXAMPLE_1_FILE, EXAMPLE_2_FILE, exampleRow } from "./testkit/fixtures";
import {
  D,
  OracleTerms,
  actualReductionOracle,
  daysBothCounted,
  kr,
  ore,
  rule78SumOfDigits,
} from "./testkit/oracles";

type Which = 1 | 2;
type Label = "notice" | "repossession";
const DATES: Record<Label, string> = { notice: "2012-12-15", repossession: "2012-12-20" };

// ------------------------------------------------------------------ the examples by hand (conventions §8)

const K = 115000;
const n = 72;
const paid = 31;
const fee = 25;
const setupFee = 495;
const A: Record<Which, number> = { 1: 1903, 2: 1440 };
const V: Record<Which, number> = { 1: 0, 2: 40000 };
const value: Record<Which, number> = { 1: 60000, 2: 95000 };
const terms = (w: Which): OracleTerms => ({
  K,
  rate: "0.0595",
  n,
  A: A[w],
  V: V[w],
  f: fee,
  first: "2009-09-30",
});

/** Kreditkostnad C = n(A + f) + V + S − K. */
const creditCost = (w: Which) => n * (A[w] + fee) + V[w] + setupFee - K;
/** Obetald del av kreditfordran: (n − paid)(A + f) + V, i.e. 41 × 1 928 and 41 × 1 465 + 40 000. */
const unpaid = (w: Which) => (n - paid) * (A[w] + fee) + V[w];
/** Running interest on the unpaid claim from 2012-09-05, both ends counted, at 1.50 (H2 2012) + 8 = 9.5 %. */
const runningInterest = (w: Which, label: Label) =>
  new D(unpaid(w)).times("9.5").times(daysBothCounted("2012-09-05", DATES[label])).dividedBy(36500);
const rule78 = (w: Which) => rule78SumOfDigits(32, n, creditCost(w) - setupFee);
const actual = (w: Which, label: Label) => actualReductionOracle(terms(w), DATES[label]);
const reduction = (w: Which, label: Label) => (w === 1 ? rule78(w) : actual(w, label));

function expectedLines(w: Which, label: Label) {
  const unpaidCreditClaim = unpaid(w);
  const reductionLine = Number(kr(reduction(w, label)));
  const amountExclInterest = unpaidCreditClaim + 600 + 0 - reductionLine;
  const lateInterest = Number(kr(runningInterest(w, label)));
  return {
    unpaidCreditClaim,
    basicFee: 600,
    applicantCosts: 0,
    reduction: reductionLine,
    amountExclInterest,
    lateInterest,
    claimedInterest: 487,
    amountInclInterest: amountExclInterest + lateInterest + 487,
  };
}

function expectedReport(w: Which) {
  return {
    caseId: w === 1 ? "Övning 1" : "Övning 2",
    method: w === 1 ? "rule78" : "actual",
    creditCost: creditCost(w).toFixed(2),
    c: (creditCost(w) - setupFee).toFixed(2),
    creditClaim: (K + creditCost(w)).toFixed(2),
    unpaidCreditClaim: unpaid(w).toFixed(2),
    statements: (["notice", "repossession"] as Label[]).map((label) => ({
      label,
      date: DATES[label],
      remainingInstallments: 32,
      reductionRule78: ore(rule78(w)),
      reductionActual: ore(actual(w, label)),
      reduction: ore(reduction(w, label)),
      lateInterest: ore(runningInterest(w, label)),
      lines: expectedLines(w, label),
      surplus: (value[w] - expectedLines(w, label).amountInclInterest).toFixed(2),
    })),
  };
}

// ------------------------------------------------------------------ the hand derivation agrees with the conventions' figures

describe("the hand derivation reproduces every figure printed in conventions §8", () => {
  test.each`
    figure                                            | got                                                          | printed
    ${"ex 1 credit cost"}                             | ${() => creditCost(1)}                                       | ${24311}
    ${"ex 1 c"}                                       | ${() => creditCost(1) - setupFee}                            | ${23816}
    ${"ex 1 credit claim"}                            | ${() => K + creditCost(1)}                                   | ${139311}
    ${"ex 1 unpaid credit claim 41 × 1 928"}          | ${() => unpaid(1)}                                           | ${79048}
    ${"ex 1 R (rule of 78, rounded)"}                 | ${() => Number(kr(rule78(1)))}                               | ${4785}
    ${"ex 1 interest to 2012-12-15"}                  | ${() => Number(kr(runningInterest(1, "notice")))}            | ${2099}
    ${"ex 1 total at notice"}                         | ${() => expectedLines(1, "notice").amountInclInterest}       | ${77449}
    ${"ex 1 total at repossession"}                   | ${() => expectedLines(1, "repossession").amountInclInterest} | ${77551}
    ${"ex 2 unpaid credit claim 41 × 1 465 + 40 000"} | ${() => unpaid(2)}                                           | ${100065}
    ${"ex 2 actual reduction at notice"}              | ${() => Number(kr(actual(2, "notice")))}                     | ${10474}
    ${"ex 2 actual reduction at repossession"}        | ${() => Number(kr(actual(2, "repossession")))}               | ${10410}
    ${"ex 2 total at notice"}                         | ${() => expectedLines(2, "notice").amountInclInterest}       | ${93335}
    ${"ex 2 total at repossession"}                   | ${() => expectedLines(2, "repossession").amountInclInterest} | ${93529}
  `("$figure = $printed", ({ got, printed }) => {
    expect(got()).toBe(printed);
  });
});

// ------------------------------------------------------------------ through the engine

const calcOf = (w: Which) => calculate(parseContract(exampleRow(w)));

describe("through the engine: parseContract + calculate", () => {
  test.each`
    w    | method      | creditCost    | c             | creditClaim    | unpaidCreditClaim
    ${1} | ${"rule78"} | ${"24311.00"} | ${"23816.00"} | ${"139311.00"} | ${"79048.00"}
    ${2} | ${"actual"} | ${"30975.00"} | ${"30480.00"} | ${"145975.00"} | ${"100065.00"}
  `(
    "example $w: method $method, credit cost $creditCost, c $c, credit claim $creditClaim, unpaid $unpaidCreditClaim",
    ({ w, method, creditCost: C, c, creditClaim, unpaidCreditClaim }) => {
      // The literals for example 2 are n(A + f) + V + S − K = 72 × 1 465 + 40 000 + 495 − 115 000, etc.
      expect(expectedReport(w).creditCost).toBe(C);
      const calc = calcOf(w);
      expect(calc.method).toBe(method);
      expect(calc.creditCost.toFixed(2)).toBe(C);
      expect(calc.creditCostExclSetup.toFixed(2)).toBe(c);
      expect(calc.creditClaim.toFixed(2)).toBe(creditClaim);
      expect(calc.contract.unpaidCreditClaim.toFixed(2)).toBe(unpaidCreditClaim);
    },
  );

  test.each`
    w    | label             | t
    ${1} | ${"notice"}       | ${32}
    ${1} | ${"repossession"} | ${32}
    ${2} | ${"notice"}       | ${32}
    ${2} | ${"repossession"} | ${32}
  `(
    "example $w, $label: t = $t, both reductions to the öre, late interest to the öre",
    ({ w, label, t }) => {
      const s = calcOf(w).statements.find((x) => x.label === label)!;
      expect(formatIsoDate(s.date)).toBe(DATES[label as Label]);
      expect(s.remainingInstallments).toBe(t);
      expect(ore(s.reductionRule78.toString())).toBe(ore(rule78(w)));
      expect(ore(s.actual.reduction.toString())).toBe(ore(actual(w, label)));
      expect(ore(s.lateInterest.total.toString())).toBe(ore(runningInterest(w, label)));
    },
  );

  const LINES = [
    "unpaidCreditClaim",
    "basicFee",
    "applicantCosts",
    "reduction",
    "amountExclInterest",
    "lateInterest",
    "claimedInterest",
    "amountInclInterest",
  ] as const;
  const lineRows = ([1, 2] as Which[]).flatMap((w) =>
    (["notice", "repossession"] as Label[]).flatMap((label) =>
      LINES.map((line) => ({ w, label, line, expected: expectedLines(w, label)[line] })),
    ),
  );

  test.each(lineRows)(
    "example $w, $label: line $line = $expected kr",
    ({ w, label, line, expected }) => {
      const s = calcOf(w).statements.find((x) => x.label === label)!;
      expect(s.lines[line].toFixed(0)).toBe(String(expected));
    },
  );

  test.each`
    w    | label             | surplus
    ${1} | ${"notice"}       | ${"-17449.00"}
    ${1} | ${"repossession"} | ${"-17551.00"}
    ${2} | ${"notice"}       | ${"1665.00"}
    ${2} | ${"repossession"} | ${"1471.00"}
  `("example $w, $label: surplus = value − total = $surplus", ({ w, label, surplus }) => {
    // 60 000 − 77 449, 60 000 − 77 551, 95 000 − 93 335, 95 000 − 93 529.
    expect((value[w as Which] - expectedLines(w, label).amountInclInterest).toFixed(2)).toBe(
      surplus,
    );
    const s = calcOf(w).statements.find((x) => x.label === label)!;
    expect(s.surplus!.toFixed(2)).toBe(surplus);
  });
});

// ------------------------------------------------------------------ through the command line's JSON

async function cliJson(files: string[]): Promise<{ status: number; json: unknown; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const status = await runCli(["calc", ...files, "--json"], {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
  });
  expect(out).toHaveLength(1);
  return { status, json: JSON.parse(out[0]), err };
}

describe("through the command line: atertag calc FILE --json", () => {
  test.each`
    w    | file
    ${1} | ${EXAMPLE_1_FILE}
    ${2} | ${EXAMPLE_2_FILE}
  `("example $w: exactly the documented keys and values", async ({ w, file }) => {
    const { status, json, err } = await cliJson([file]);
    expect(status).toBe(0);
    expect(err).toEqual([]);
    expect(json).toStrictEqual(expectedReport(w));
  });

  test("example 1 JSON spot checks: 4 785 / 2 099 / 77 449 / 77 551 and the surplus 60 000 − 77 551", async () => {
    const { json } = await cliJson([EXAMPLE_1_FILE]);
    const report = json as ReturnType<typeof expectedReport>;
    expect(report.statements.map((s) => s.lines.reduction)).toEqual([4785, 4785]);
    expect(report.statements[0].lines.lateInterest).toBe(2099);
    expect(report.statements.map((s) => s.lines.amountInclInterest)).toEqual([77449, 77551]);
    expect(report.statements[1].surplus).toBe(String(60000 - 77551) + ".00");
  });

  test("example 2 JSON spot checks: reductions 10 474 / 10 410, totals 93 335 / 93 529", async () => {
    const { json } = await cliJson([EXAMPLE_2_FILE]);
    const report = json as ReturnType<typeof expectedReport>;
    expect(report.statements.map((s) => s.lines.reduction)).toEqual([10474, 10410]);
    expect(report.statements.map((s) => s.lines.amountInclInterest)).toEqual([93335, 93529]);
    expect(report.statements.map((s) => s.lines.unpaidCreditClaim)).toEqual([
      41 * 1465 + 40000,
      41 * 1465 + 40000,
    ]);
  });

  test("money outside the lines is a decimal string to the öre; lines are whole-kronor numbers", async () => {
    const { json } = await cliJson([EXAMPLE_2_FILE]);
    const report = json as ReturnType<typeof expectedReport>;
    for (const key of ["creditCost", "c", "creditClaim", "unpaidCreditClaim"] as const) {
      expect(report[key]).toMatch(/^-?\d+\.\d{2}$/);
    }
    for (const s of report.statements) {
      for (const key of [
        "reductionRule78",
        "reductionActual",
        "reduction",
        "lateInterest",
        "surplus",
      ] as const) {
        expect(s[key]).toMatch(/^-?\d+\.\d{2}$/);
      }
      for (const v of Object.values(s.lines)) expect(Number.isInteger(v)).toBe(true);
    }
  });

  test("several files → a JSON array in the order given", async () => {
    const { status, json } = await cliJson([EXAMPLE_2_FILE, EXAMPLE_1_FILE]);
    expect(status).toBe(0);
    expect(json).toStrictEqual([expectedReport(2), expectedReport(1)]);
  });
});
