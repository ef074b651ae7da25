/**
 * The custom-function adapters (src/functions) with a stubbed `CustomFunctions` global: each function's
 * happy path with worked-example values, every rejection path (error code, and the message names the
 * argument and its value), empty optional cells (null on the web, 0 on desktop) giving the same result,
 * and never a NaN or Infinity reaching Excel.
 */
import {
  excelSerialOfIso,
  kr,
  lateInterestDayByDay,
  ore,
  actualReductionOracle,
  rule78SumOfDigits,
  OracleTerms,
} from "./testkit/oracles";
import { CustomFunctionsError, loadCustomFunctions } from "./testkit/customFunctions";

const F = loadCustomFunctions();

type Call = () => number;

function excelErrorOf(call: Call): CustomFunctionsError {
  let result: number;
  try {
    result = call();
  } catch (error) {
    if (error instanceof CustomFunctionsError) return error;
    throw new Error(`expected a CustomFunctions.Error, got ${String(error)}`);
  }
  throw new Error(`expected a CustomFunctions.Error, got the result ${result}`);
}

const EX2: OracleTerms = {
  K: 115000,
  rate: "0.0595",
  n: 72,
  A: 1440,
  V: 40000,
  f: 25,
  first: "2009-09-30",
};
const S_FIRST = excelSerialOfIso("2009-09-30"); // 40086
const S_NOTICE = excelSerialOfIso("2012-12-15"); // 41258

describe("happy paths with the worked examples", () => {
  test("RULE78(32, 72, 23816) = 4 784.95…, rounds to the workshop's 4 785", () => {
    const r = F.rule78(32, 72, 23816);
    expect(ore(r)).toBe(ore(rule78SumOfDigits(32, 72, 23816)));
    expect(kr(r)).toBe("4785");
  });

  test("RULE78 accepts numeric text from a cell: ('32', '72', '23 816')", () => {
    expect(kr(F.rule78("32", "72", "23 816"))).toBe("4785");
  });

  test.each`
    date                              | expected | scenario
    ${S_NOTICE}                       | ${10474} | ${"notice date as serial 41258"}
    ${"2012-12-15"}                   | ${10474} | ${"notice date as ISO text"}
    ${"2012-12-20"}                   | ${10410} | ${"repossession date as ISO text"}
    ${excelSerialOfIso("2012-12-20")} | ${10410} | ${"repossession date as serial"}
  `("ACTUALREDUCTION, example 2, $scenario → $expected kr", ({ date, expected }) => {
    const iso = typeof date === "string" ? date : date === S_NOTICE ? "2012-12-15" : "2012-12-20";
    const r = F.actualReductionFn(115000, 0.0595, 72, S_FIRST, date, 1440, 40000, 25);
    expect(ore(r)).toBe(ore(actualReductionOracle(EX2, iso)));
    expect(kr(r)).toBe(String(expected));
  });

  test("ACTUALREDUCTION on/after the last due date is 0", () => {
    expect(
      F.actualReductionFn(115000, 0.0595, 72, "2009-09-30", "2015-08-30", 1440, 40000, 25),
    ).toBe(0);
    expect(
      F.actualReductionFn(115000, 0.0595, 72, "2009-09-30", "2020-01-01", 1440, 40000, 25),
    ).toBe(0);
  });

  test.each`
    args                                      | expected      | scenario
    ${[79048, 4785, 600, 0, 2099, 487]}       | ${"77449.00"} | ${"example 1 at the notice date: 77 449"}
    ${[79048, 4785, 600, 0, 2201, 487]}       | ${"77551.00"} | ${"example 1 at the repossession date: 77 551"}
    ${[100065, 10474, 600, 0, 2657, 487]}     | ${"93335.00"} | ${"example 2 at the notice date: 93 335"}
    ${[79048, 4784.95, 600, 0, 2098.56, 487]} | ${"77448.61"} | ${"unrounded inputs stay unrounded"}
    ${[79048, 4785]}                          | ${"74263.00"} | ${"optional arguments omitted count as 0"}
  `("REDEMPTION: $scenario", ({ args, expected }) => {
    const [a, b, c, d, e, f] = args;
    expect(F.redemption(a, b, c ?? null, d ?? null, e ?? null, f ?? null).toFixed(2)).toBe(
      expected,
    );
  });

  test.each`
    first           | date            | t     | scenario
    ${S_FIRST}      | ${S_NOTICE}     | ${32} | ${"serials, notice date"}
    ${"2009-09-30"} | ${"2012-12-20"} | ${32} | ${"ISO, repossession date"}
    ${"2009-09-30"} | ${"2012-12-30"} | ${32} | ${"on a due date"}
    ${"2009-09-30"} | ${"2012-12-31"} | ${31} | ${"the day after a due date"}
    ${"2009-09-30"} | ${"2015-08-30"} | ${0}  | ${"on the last due date"}
  `("REMAININGINSTALLMENTS, $scenario → $t", ({ first, date, t }) => {
    expect(F.remainingInstallments(first, 72, date)).toBe(t);
  });

  test.each`
    args                                                 | oracle                                                                   | scenario
    ${[79048, "2012-09-05", "2012-12-15"]}               | ${{ capital: 79048, from: "2012-09-05", to: "2012-12-15" }}              | ${"example 1 to the notice date (2 099 kr)"}
    ${[79048, excelSerialOfIso("2012-09-05"), S_NOTICE]} | ${{ capital: 79048, from: "2012-09-05", to: "2012-12-15" }}              | ${"the same with serials"}
    ${[50000, "2012-06-20", "2013-01-10"]}               | ${{ capital: 50000, from: "2012-06-20", to: "2013-01-10" }}              | ${"across 1 July and 1 January"}
    ${[79048, "2012-09-05", "2012-12-15", 2]}            | ${{ capital: 79048, from: "2012-09-05", to: "2012-12-15", margin: 2 }}   | ${"a margin of 2 points"}
    ${[79048, "2012-09-05", "2012-12-15", null, 0.05]}   | ${{ capital: 79048, from: "2012-09-05", to: "2012-12-15", cap: "0.05" }} | ${"a lower contractual rate"}
    ${[79048, "2012-09-05", "2012-12-15", null, 0.12]}   | ${{ capital: 79048, from: "2012-09-05", to: "2012-12-15" }}              | ${"a higher contractual rate is ignored"}
  `("LATEINTEREST, $scenario", ({ args, oracle }) => {
    const [capital, from, to, margin, cap] = args;
    expect(ore(F.lateInterestFn(capital, from, to, margin ?? null, cap ?? null))).toBe(
      ore(lateInterestDayByDay(oracle)),
    );
  });

  test("LATEINTEREST example 1 rounds to the workshop's 2 099 kr", () => {
    expect(kr(F.lateInterestFn(79048, "2012-09-05", "2012-12-15", null, null))).toBe("2099");
  });

  test("LATEINTEREST with toDate before fromDate is 0", () => {
    expect(F.lateInterestFn(79048, "2012-12-16", "2012-12-15", null, null)).toBe(0);
  });

  test.each`
    date            | percent | scenario
    ${"2012-12-15"} | ${1.5}  | ${"the workshop's half-year"}
    ${S_NOTICE}     | ${1.5}  | ${"the same as a serial"}
    ${"2012-06-30"} | ${2}    | ${"the half-year before"}
    ${"2016-07-01"} | ${-0.5} | ${"a negative reference rate"}
  `("REFERENCERATE, $scenario → $percent", ({ date, percent }) => {
    expect(F.referenceRate(date)).toBe(percent);
  });
});

describe("every rejection path: error code, argument name and value in the message", () => {
  const A = (date: unknown = "2012-12-15", overrides: Partial<Record<number, unknown>> = {}) => {
    const args: unknown[] = [115000, 0.0595, 72, "2009-09-30", date, 1440, 40000, 25];
    for (const [i, v] of Object.entries(overrides)) args[Number(i)] = v;
    return () => (F.actualReductionFn as (...a: unknown[]) => number)(...args);
  };
  const cases: [string, string, string[], Call][] = [
    ["RULE78 missing remaining", "#VALUE!", ["remaining"], () => F.rule78(null, 72, 23816)],
    [
      "RULE78 missing creditCost (undefined)",
      "#VALUE!",
      ["creditCost"],
      () => F.rule78(32, 72, undefined as unknown as null),
    ],
    ["RULE78 empty text as total", "#VALUE!", ["total"], () => F.rule78(32, "", 23816)],
    [
      "RULE78 text that is not a number",
      "#VALUE!",
      ["remaining", "abc"],
      () => F.rule78("abc", 72, 23816),
    ],
    ["RULE78 boolean total", "#VALUE!", ["total", "SANT"], () => F.rule78(32, true, 23816)],
    ["RULE78 negative credit cost", "#VALUE!", ["creditCost", "−1"], () => F.rule78(32, 72, -1)],
    [
      "RULE78 non-integer remaining",
      "#VALUE!",
      ["remaining", "32,5"],
      () => F.rule78(32.5, 72, 23816),
    ],
    [
      "RULE78 remaining > total",
      "#VALUE!",
      ["remaining", "73", "72"],
      () => F.rule78(73, 72, 23816),
    ],
    ["RULE78 total 0", "#VALUE!", ["total", "0"], () => F.rule78(0, 0, 23816)],
    ["RULE78 negative remaining", "#VALUE!", ["remaining", "−1"], () => F.rule78(-1, 72, 23816)],
    [
      "ACTUALREDUCTION rate of 100 % or more (595)",
      "#VALUE!",
      ["annualRate", "595"],
      A("2012-12-15", { 1: 595 }),
    ],
    ["ACTUALREDUCTION rate = 100", "#VALUE!", ["annualRate", "100"], A("2012-12-15", { 1: 100 })],
    [
      "ACTUALREDUCTION negative rate",
      "#VALUE!",
      ["annualRate", "−0,01"],
      A("2012-12-15", { 1: -0.01 }),
    ],
    [
      "ACTUALREDUCTION missing credit amount",
      "#VALUE!",
      ["creditAmount"],
      A("2012-12-15", { 0: null }),
    ],
    [
      "ACTUALREDUCTION credit amount 0",
      "#VALUE!",
      ["creditAmount", "0"],
      A("2012-12-15", { 0: 0 }),
    ],
    [
      "ACTUALREDUCTION non-integer instalments",
      "#VALUE!",
      ["installments", "72,5"],
      A("2012-12-15", { 2: 72.5 }),
    ],
    ["ACTUALREDUCTION instalments 0", "#VALUE!", ["installments", "0"], A("2012-12-15", { 2: 0 })],
    [
      "ACTUALREDUCTION first due date serial 60",
      "#VALUE!",
      ["firstDueDate", "60"],
      A("2012-12-15", { 3: 60 }),
    ],
    ["ACTUALREDUCTION fractional serial", "#VALUE!", ["date", "41 258,5"], A(41258.5)],
    ["ACTUALREDUCTION impossible ISO date", "#VALUE!", ["date", "2012-02-30"], A("2012-02-30")],
    ["ACTUALREDUCTION month 13", "#VALUE!", ["date", "2012-13-01"], A("2012-13-01")],
    ["ACTUALREDUCTION day-first text", "#VALUE!", ["date", "15/12/2012"], A("15/12/2012")],
    ["ACTUALREDUCTION boolean date", "#VALUE!", ["date", "SANT"], A(true)],
    ["ACTUALREDUCTION missing date", "#VALUE!", ["date"], A(null)],
    [
      "ACTUALREDUCTION negative residual",
      "#VALUE!",
      ["residual", "−40 000"],
      A("2012-12-15", { 6: -40000 }),
    ],
    [
      "ACTUALREDUCTION fee as words",
      "#VALUE!",
      ["monthlyFee", "tjugofem"],
      A("2012-12-15", { 7: "tjugofem" }),
    ],
    [
      "ACTUALREDUCTION instalment too small to repay",
      "#VALUE!",
      ["installmentAmount", "100"],
      A("2012-12-15", { 5: 100 }),
    ],
    [
      "REDEMPTION missing reduction",
      "#VALUE!",
      ["reduction"],
      () => F.redemption(79048, null, 600, 0, 2099, 487),
    ],
    [
      "REDEMPTION negative late interest",
      "#VALUE!",
      ["lateInterest", "−5"],
      () => F.redemption(79048, 4785, 600, 0, -5, 487),
    ],
    [
      "REDEMPTION text claim",
      "#VALUE!",
      ["unpaidCreditClaim", "many"],
      () => F.redemption("many", 4785, 600, 0, 2099, 487),
    ],
    [
      "REDEMPTION boolean basic fee",
      "#VALUE!",
      ["basicFee", "FALSKT"],
      () => F.redemption(79048, 4785, false, 0, 2099, 487),
    ],
    [
      "REMAININGINSTALLMENTS instalments 0",
      "#VALUE!",
      ["installments", "0"],
      () => F.remainingInstallments("2009-09-30", 0, "2012-12-15"),
    ],
    [
      "REMAININGINSTALLMENTS serial 60",
      "#VALUE!",
      ["firstDueDate", "60"],
      () => F.remainingInstallments(60, 72, "2012-12-15"),
    ],
    [
      "REMAININGINSTALLMENTS missing date",
      "#VALUE!",
      ["date"],
      () => F.remainingInstallments("2009-09-30", 72, null),
    ],
    [
      "LATEINTEREST negative capital",
      "#VALUE!",
      ["capital", "−1"],
      () => F.lateInterestFn(-1, "2012-09-05", "2012-12-15", null, null),
    ],
    [
      "LATEINTEREST contract rate of 120 %",
      "#VALUE!",
      ["contractRate", "120"],
      () => F.lateInterestFn(79048, "2012-09-05", "2012-12-15", null, 120),
    ],
    [
      "LATEINTEREST margin 100 points",
      "#VALUE!",
      ["marginPercent", "100"],
      () => F.lateInterestFn(79048, "2012-09-05", "2012-12-15", 100, null),
    ],
    [
      "LATEINTEREST fromDate outside the table",
      "#VALUE!",
      ["fromDate", "2002-06-30", "2002-01-01–2002-06-30"],
      () => F.lateInterestFn(79048, "2002-06-30", "2002-07-05", null, null),
    ],
    [
      "LATEINTEREST toDate outside the table",
      "#VALUE!",
      ["toDate", "2026-08-01", "2026-07-01–2026-12-31"],
      () => F.lateInterestFn(79048, "2026-06-25", "2026-08-01", null, null),
    ],
    [
      "LATEINTEREST fractional serial",
      "#VALUE!",
      ["fromDate", "41 157,25"],
      () => F.lateInterestFn(79048, 41157.25, S_NOTICE, null, null),
    ],
    [
      "REFERENCERATE outside the table",
      "#VALUE!",
      ["date", "2026-07-01", "2026-07-01–2026-12-31"],
      () => F.referenceRate("2026-07-01"),
    ],
    ["REFERENCERATE serial 60", "#VALUE!", ["date", "60"], () => F.referenceRate(60)],
    [
      "REFERENCERATE bad ISO date",
      "#VALUE!",
      ["date", "2012-02-30"],
      () => F.referenceRate("2012-02-30"),
    ],
    ["REFERENCERATE missing", "#VALUE!", ["date"], () => F.referenceRate(null)],
  ];

  test.each(cases)("%s → %s %j", (_name, code, words, call) => {
    const error = excelErrorOf(call);
    expect(error.code).toBe(code);
    for (const word of words) expect(error.message).toContain(word);
    expect(error.message).toMatch(/^[A-ZÅÄÖ]/); // a sentence: "Argumentet date saknas …"
  });

  // Excel shows a custom function's message only with #VALUE! or #N/A (docs: custom-functions-errors);
  // with #NUM! the user would see the code alone and not learn which argument is wrong.
  test("every error carries a code whose message Excel shows, and a message", () => {
    for (const [name, , , call] of cases) {
      const error = excelErrorOf(call);
      expect([name, ["#VALUE!", "#N/A"].includes(error.code)]).toEqual([name, true]);
      expect([name, (error.message ?? "").length > 0]).toEqual([name, true]);
    }
  });

  test.each`
    scenario                      | call                                                            | message
    ${"negative credit cost"}     | ${() => F.rule78(32, 72, -1)}                                   | ${"Argumentet creditCost får inte vara negativt, fick −1"}
    ${"more remaining than n"}    | ${() => F.rule78(73, 72, 23816)}                                | ${"Argumentet remaining (73) är större än argumentet total (72)"}
    ${"instalments out of range"} | ${() => F.remainingInstallments("2009-09-30", 0, "2012-12-20")} | ${"Argumentet installments (0) ligger utanför tillåtet intervall 1–1 200"}
  `(
    "an impossible number ($scenario) is #VALUE! with the engine's message, not a bare #NUM!",
    ({ call, message }) => {
      const error = excelErrorOf(call);
      expect(error.code).toBe("#VALUE!");
      expect(error.message).toBe(message);
    },
  );
});

describe("empty optional cells: null (web), 0 (desktop), omitted and empty text agree", () => {
  test.each`
    empty        | scenario
    ${0}         | ${"0 (desktop)"}
    ${undefined} | ${"omitted"}
    ${""}        | ${"empty text"}
  `("ACTUALREDUCTION residual and fee: $scenario = null", ({ empty }) => {
    const withNull = F.actualReductionFn(
      115000,
      0.0595,
      72,
      "2009-09-30",
      "2012-12-15",
      1903,
      null,
      null,
    );
    expect(
      F.actualReductionFn(115000, 0.0595, 72, "2009-09-30", "2012-12-15", 1903, empty, empty),
    ).toBe(withNull);
  });

  test.each`
    empty        | scenario
    ${0}         | ${"0 (desktop)"}
    ${undefined} | ${"omitted"}
  `("REDEMPTION optional amounts: $scenario = null", ({ empty }) => {
    expect(F.redemption(79048, 4785, empty, empty, empty, empty)).toBe(
      F.redemption(79048, 4785, null, null, null, null),
    );
    expect(F.redemption(79048, 4785, empty, empty, empty, empty).toFixed(2)).toBe("74263.00");
  });

  test.each`
    empty        | scenario
    ${0}         | ${"0 (desktop)"}
    ${undefined} | ${"omitted"}
    ${""}        | ${"empty text"}
  `("LATEINTEREST margin and contract rate: $scenario = null (8 points, no cap)", ({ empty }) => {
    const withNull = F.lateInterestFn(79048, "2012-09-05", "2012-12-15", null, null);
    expect(F.lateInterestFn(79048, "2012-09-05", "2012-12-15", empty, empty)).toBe(withNull);
    expect(kr(F.lateInterestFn(79048, "2012-09-05", "2012-12-15", empty, empty))).toBe("2099");
  });
});

describe("never NaN or Infinity", () => {
  test.each`
    value        | scenario
    ${NaN}       | ${"NaN"}
    ${Infinity}  | ${"Infinity"}
    ${-Infinity} | ${"−Infinity"}
  `("a $scenario argument is #VALUE!, not a non-finite result", ({ value }) => {
    expect(excelErrorOf(() => F.rule78(32, 72, value)).code).toBe("#VALUE!");
    expect(excelErrorOf(() => F.redemption(value, 0, null, null, null, null)).code).toBe("#VALUE!");
  });

  test("a result too large for a double is an error, not Infinity", () => {
    const error = excelErrorOf(() =>
      F.lateInterestFn(1e308, "2002-07-01", "2026-06-30", null, null),
    );
    expect(error.code).toBe("#VALUE!");
  });

  test("zero-rate and degenerate inputs give finite numbers", () => {
    const results = [
      F.actualReductionFn(36000, 0, 36, "2020-01-31", "2020-11-15", 1000, null, 30),
      F.actualReductionFn(1000, 0, 1, "2020-01-31", "2020-01-15", 1000, null, null),
      F.rule78(0, 1, 0),
      F.lateInterestFn(0, "2012-09-05", "2012-12-15", null, null),
      F.redemption(0, 0, null, null, null, null),
    ];
    for (const r of results) expect(Number.isFinite(r)).toBe(true);
    expect(results[0].toFixed(2)).toBe("780.00"); // 26 unearned fees of 30, no interest at 0 %
  });
});

// Issue 20 point 3: the shipped metadata turns off data-type values for `any` parameters (a
// CustomFunctionsRuntime 1.4 feature the coercion does not handle), which the generator turns on.
describe("functions.json as shipped", () => {
  const { shippedFunctionsMetadata } = require("../webpack.config.js") as {
    shippedFunctionsMetadata: (json: string) => string;
  };

  test("allowCustomDataForDataTypeAny: the generator's true becomes false; the functions stay", async () => {
    const { generateCustomFunctionsMetadata } = require("custom-functions-metadata") as {
      generateCustomFunctionsMetadata(
        input: string[],
        wantConsoleOutput?: boolean,
      ): Promise<{ metadataJson: string; errors: string[] }>;
    };
    const generated = await generateCustomFunctionsMetadata(
      [require("path").resolve(__dirname, "../src/functions/functions.ts")],
      false,
    );
    expect(generated.errors).toEqual([]);
    const raw = JSON.parse(generated.metadataJson) as Record<string, unknown>;
    expect(raw.allowCustomDataForDataTypeAny).toBe(true);
    const shipped = JSON.parse(shippedFunctionsMetadata(generated.metadataJson)) as {
      allowCustomDataForDataTypeAny: boolean;
      functions: { id: string }[];
    };
    expect(shipped.allowCustomDataForDataTypeAny).toBe(false);
    expect(shipped.functions.map((f) => f.id)).toEqual(
      (raw.functions as { id: string }[]).map((f) => f.id),
    );
  }, 60_000);
});
