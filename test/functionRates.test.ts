/**
 * LATEINTEREST and REFERENCERATE with a caller's reference-rate range (issue: reference rates the
 * user keeps current): the range adds half-years the built-in table lacks and replaces the ones it
 * has; a bad range is an error naming the range's row.
 */
import { excelSerialOfIso, lateInterestDayByDay, ore } from "./testkit/oracles";

class CustomFunctionsError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}
(globalThis as unknown as { CustomFunctions: unknown }).CustomFunctions = {
  Error: CustomFunctionsError,
  ErrorCode: { invalidValue: "#VALUE!", invalidNumber: "#NUM!" },
};

const F: typeof import("../src/functions/functions") = require("../src/functions/functions");

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
