/**
 * LATEINTEREST and REFERENCERATE with a caller's reference-rate range (issue: reference rates the
 * user keeps current): the range adds half-years the built-in table lacks and replaces the ones it
 * has; a bad range is an error naming the range's row.
 */
import { excelSerialOfIso, lateInterestDayByDay, ore } from "./testkit/oracles";
import { CustomFunctionsError, loadCustomFunctions } from "./testkit/customFunctions";

const F = loadCustomFunctions();

function errorOf(call: () => number): CustomFunctionsError {
  try {
    call();
  } catch (error) {
    if (error instanceof CustomFunctionsError) return error;
    throw error;
  }
  throw new Error("expected an Excel error");
}

const H2_2026 = excelSerialOfIso("2026-07-01");
const WITH_HEADER = [
  ["Gäller från", "Referensränta (%)"],
  [H2_2026, 1.75],
  ["", ""],
];

describe("REFERENCERATE with a range", () => {
  test("without a range, 2026-H2 is missing and the error names the half-year", () => {
    const e = errorOf(() => F.referenceRate("2026-08-01"));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toContain("2026-07-01–2026-12-31");
  });

  test("a user's row for 2026-07-01 (header row and blank rows skipped) supplies it", () => {
    expect(F.referenceRate("2026-08-01", WITH_HEADER)).toBe(1.75);
  });

  test("a user's row replaces a built-in half-year; others still come from the built-in table", () => {
    const rows = [["2012-07-01", "2,00"]];
    expect(F.referenceRate("2012-12-15", rows)).toBe(2);
    expect(F.referenceRate("2012-03-01", rows)).toBe(2);
    expect(F.referenceRate("2013-03-01", rows)).toBe(1);
  });

  test.each([
    ["a date that is not 1 Jan or 1 Jul", "rates rad 1 från", [["2026-08-01", 1.75]]],
    [
      "a percent that is not a number",
      "rates rad 2 procent",
      [
        ["", ""],
        [H2_2026, "hög"],
      ],
    ],
    [
      "the same half-year twice",
      "rates rad 2 från",
      [
        [H2_2026, 1.75],
        ["2026-07-01", 2],
      ],
    ],
    ["a date serial with a time of day", "rates rad 1", [[H2_2026 + 0.5, 1.75]]],
  ])("%s is refused, naming %s", (_name, field, rows) => {
    const e = errorOf(() => F.referenceRate("2026-08-01", rows as never));
    expect(e.message).toContain(field);
  });
});

describe("LATEINTEREST with a range", () => {
  test("a window across 2026-07-01 uses the user's rate for the new half-year", () => {
    const got = F.lateInterestFn(100000, "2026-05-01", "2026-09-30", null, null, [[H2_2026, 1.75]]);
    const expected = lateInterestDayByDay({
      capital: 100000,
      from: "2026-05-01",
      to: "2026-09-30",
      extraRates: [{ from: "2026-07-01", percent: "1.75" }],
    });
    expect(ore(got)).toBe(expected.toFixed(2));
  });

  test("without the range the same window is an error naming the missing half-year", () => {
    const e = errorOf(() => F.lateInterestFn(100000, "2026-05-01", "2026-09-30", null, null));
    expect(e.message).toContain("2026-07-01–2026-12-31");
  });
});

// Issue 10 item 2: a row with a date and an empty percent cell must never become 0 % where it can be
// told. Excel on the web passes an empty cell of a range as null: refused, naming the row. Excel on
// Windows and Mac pass 0, the same as a typed 0 (a real reference rate in 2015–2016), so there it
// counts as 0 % (documented in docs/functions.md and the help page).
describe("a row with a date and an empty percent", () => {
  const HEADER = ["Gäller från", "Referensränta (%)"];

  test.each`
    empty        | host
    ${null}      | ${"Excel on the web (null)"}
    ${undefined} | ${"a missing cell (undefined)"}
    ${""}        | ${"empty text"}
  `("$host: #VALUE! naming the row's percent, in both functions", ({ empty }) => {
    const rows = [HEADER, ["", ""], [H2_2026, empty]];
    for (const call of [
      () => F.referenceRate("2026-08-01", rows),
      () => F.lateInterestFn(100000, "2026-05-01", "2026-09-30", null, null, rows),
    ]) {
      const e = errorOf(call);
      expect(e.code).toBe("#VALUE!");
      expect(e.message).toContain("rates rad 3 procent");
      expect(e.message).toContain("saknas");
    }
  });

  test("Excel on Windows and Mac (0): cannot be told from a typed 0, so it is 0 %", () => {
    expect(F.referenceRate("2026-08-01", [HEADER, [H2_2026, 0]])).toBe(0);
  });

  test("empty rows (empty date: null on the web, 0 on the desktop) are still skipped", () => {
    const rows = [HEADER, [null, null], [0, 0], [H2_2026, 1.75], ["", null]];
    expect(F.referenceRate("2026-08-01", rows)).toBe(1.75);
  });
});
