/**
 * Late interest (dröjsmålsränta, conventions §6): reference rate of each day's half-year + 8, a lower
 * contractual rate instead, simple interest, both ends counted, days/365. Every window is checked
 * against a day-by-day sum (test/testkit/oracles.ts) that reads the rates from the JSON table of record
 * (src/engine/data/reference-rates.json) with its own lookup.
 */
import * as fs from "fs";
import { BUILT_IN_RATES, Dec, ReferenceRateTable, lateInterest, parseIsoDate } from "../src/engine";
import { engineErrorOf } from "./testkit/fixtures";
import {
  BUNDLED_RATES_FILE,
  daysBothCounted,
  kr,
  lateInterestDayByDay,
  ore,
} from "./testkit/oracles";

const day = (iso: string) => parseIsoDate(iso, "test");

function engineInterest(
  capital: string | number,
  from: string,
  to: string,
  contractRate?: string,
  table = BUILT_IN_RATES,
) {
  return lateInterest(
    {
      capital: new Dec(capital),
      from: day(from),
      to: day(to),
      contractRate: contractRate ? new Dec(contractRate) : null,
    },
    table,
  );
}

describe("windows against a day-by-day sum over the reference-rate table", () => {
  test.each`
    capital      | from            | to              | scenario
    ${79048}     | ${"2012-09-05"} | ${"2012-12-15"} | ${"worked example 1 to the notice date (one half-year, 1.50 + 8)"}
    ${79048}     | ${"2012-09-05"} | ${"2012-12-20"} | ${"worked example 1 to the repossession date"}
    ${100065}    | ${"2012-09-05"} | ${"2012-12-15"} | ${"worked example 2 to the notice date"}
    ${50000}     | ${"2012-06-20"} | ${"2012-07-10"} | ${"across 1 July (2.00 → 1.50)"}
    ${50000}     | ${"2012-12-20"} | ${"2013-01-10"} | ${"across 1 January into a new year (1.50 → 1.00)"}
    ${123456.78} | ${"2015-05-01"} | ${"2017-03-31"} | ${"several half-years incl. a negative reference rate (−0.50)"}
    ${250000}    | ${"2022-03-01"} | ${"2024-02-29"} | ${"four half-years up to a leap day (still days/365)"}
    ${10000}     | ${"2008-06-01"} | ${"2009-08-01"} | ${"four half-years of falling rates (4.50 → 0.50)"}
    ${79048}     | ${"2012-12-15"} | ${"2012-12-15"} | ${"a single day: from = to counts one day"}
    ${99999.99}  | ${"2012-06-30"} | ${"2012-07-01"} | ${"two days, one in each half-year"}
    ${1}         | ${"2002-07-01"} | ${"2026-06-30"} | ${"the whole table, first to last day"}
  `("$scenario: $capital kr $from … $to", ({ capital, from, to }) => {
    const result = engineInterest(capital, from, to);
    const expected = lateInterestDayByDay({ capital, from, to });
    expect(ore(result.total.toString())).toBe(ore(expected));
    expect(result.days).toBe(daysBothCounted(from, to));
  });

  test("worked example 1: the interest to 2012-12-15 is 2 099 kr (conventions §8)", () => {
    expect(kr(engineInterest(79048, "2012-09-05", "2012-12-15").total.toString())).toBe("2099");
  });

  test("day count: 2012-09-05 … 2012-12-15 is 102 days with both ends counted (26 + 31 + 30 + 15)", () => {
    expect(engineInterest(79048, "2012-09-05", "2012-12-15").days).toBe(102);
    // 79 048 × 9.5 % × 102 / 365, by hand: 765 975.12 / 365.
    expect(
      engineInterest(79048, "2012-09-05", "2012-12-15").total.toFixed(2, Dec.ROUND_HALF_UP),
    ).toBe(ore(new Dec(79048).times("0.095").times(102).dividedBy(365).toString()));
  });

  test.each`
    from            | to              | scenario
    ${"2012-12-16"} | ${"2012-12-15"} | ${"to the day before from"}
    ${"2013-01-01"} | ${"2012-06-30"} | ${"to half a year before from"}
  `("an empty window gives 0 and 0 days: $scenario", ({ from, to }) => {
    const result = engineInterest(79048, from, to);
    expect(result.total.toFixed(2)).toBe("0.00");
    expect(result.days).toBe(0);
    expect(result.segments).toEqual([]);
  });

  test("segments split exactly at 1 July and 1 January and carry the table's reference rates", () => {
    const result = engineInterest(50000, "2012-06-20", "2013-01-10");
    expect(
      result.segments.map((s) => [s.days, s.referencePercent.toFixed(2), s.ratePercent.toFixed(2)]),
    ).toEqual([
      [11, "2.00", "10.00"], // 20–30 June 2012
      [184, "1.50", "9.50"], // 1 July – 31 December 2012
      [10, "1.00", "9.00"], // 1–10 January 2013
    ]);
  });
});

describe("contractual late-interest rate: the lower applies, a higher one is ignored (conventions §6)", () => {
  test.each`
    cap        | from            | to              | scenario
    ${"0.05"}  | ${"2012-09-05"} | ${"2012-12-15"} | ${"5 % is lower than 9.5 %: 5 % applies"}
    ${"0.12"}  | ${"2012-09-05"} | ${"2012-12-15"} | ${"12 % is higher than 9.5 %: ignored"}
    ${"0.11"}  | ${"2008-06-01"} | ${"2009-08-01"} | ${"11 % caps 12.5 % and 12 %, not 10 % and 8.5 %"}
    ${"0.095"} | ${"2012-06-20"} | ${"2012-07-10"} | ${"equal to the statutory rate in July, lower in June"}
  `("$scenario", ({ cap, from, to }) => {
    const expected = lateInterestDayByDay({ capital: 79048, from, to, cap });
    expect(ore(engineInterest(79048, from, to, cap).total.toString())).toBe(ore(expected));
  });

  test("a higher contractual rate gives exactly the statutory interest", () => {
    const statutory = engineInterest(79048, "2012-09-05", "2012-12-15").total;
    expect(engineInterest(79048, "2012-09-05", "2012-12-15", "0.12").total.equals(statutory)).toBe(
      true,
    );
  });

  test("a lower contractual rate: 79 048 × 5 % × 102 / 365 = 1 104.51 (by hand)", () => {
    expect(
      engineInterest(79048, "2012-09-05", "2012-12-15", "0.05").total.toFixed(2, Dec.ROUND_HALF_UP),
    ).toBe("1104.51");
  });
});

describe("the reference-rate table: strict, extendable by the caller", () => {
  test("the table of record: one entry per half-year from 2002-07-01 to at least 2026-01-01, each with its source", () => {
    const file = JSON.parse(fs.readFileSync(BUNDLED_RATES_FILE, "utf8")) as {
      rates: { from: string; percent: string; source: string }[];
    };
    const froms = file.rates.map((r) => r.from);
    expect(froms[0]).toBe("2002-07-01");
    expect(froms[froms.length - 1] >= "2026-01-01").toBe(true);
    const consecutive: string[] = [];
    for (let year = 2002; consecutive.length <= froms.length; year++)
      for (const start of ["01-01", "07-01"]) consecutive.push(`${year}-${start}`);
    expect(froms).toEqual(consecutive.slice(1, froms.length + 1));
    for (const rate of file.rates) {
      expect({ from: rate.from, percent: rate.percent }).toEqual({
        from: rate.from,
        percent: expect.stringMatching(/^-?\d+\.\d{2}$/),
      });
      expect(rate.source.length).toBeGreaterThan(10);
    }
    // The workshop's 2 099 kr needs 1,5 % in the second half of 2012 (conventions §8).
    expect(file.rates.find((r) => r.from === "2012-07-01")?.percent).toBe("1.50");
  });

  test.each`
    from            | to              | halfYear                   | field         | value           | scenario
    ${"2026-06-25"} | ${"2026-07-05"} | ${"2026-07-01–2026-12-31"} | ${"toDate"}   | ${"2026-07-05"} | ${"a window running into the missing half-year"}
    ${"2025-12-01"} | ${"2026-12-31"} | ${"2026-07-01–2026-12-31"} | ${"toDate"}   | ${"2026-12-31"} | ${"a window over three half-years, the last missing"}
    ${"2026-08-01"} | ${"2026-08-31"} | ${"2026-07-01–2026-12-31"} | ${"fromDate"} | ${"2026-08-01"} | ${"a window wholly in the missing half-year"}
    ${"2027-01-01"} | ${"2027-01-01"} | ${"2027-01-01–2027-06-30"} | ${"fromDate"} | ${"2027-01-01"} | ${"a later half-year"}
    ${"2002-06-30"} | ${"2002-07-05"} | ${"2002-01-01–2002-06-30"} | ${"fromDate"} | ${"2002-06-30"} | ${"before the first entry"}
  `(
    "$scenario → EngineError naming the half-year $halfYear and $field $value",
    ({ from, to, halfYear, field, value }) => {
      const error = engineErrorOf(() => engineInterest(79048, from, to));
      expect(error.code).toBe("rateMissing");
      expect(error.message).toContain(halfYear);
      expect(error.field).toBe(field);
      expect(error.message).toContain(`${field} "${value}"`);
    },
  );

  test("the caller's own field names appear in the error (a contract's repossessionDate)", () => {
    const error = engineErrorOf(() =>
      lateInterest(
        {
          capital: new Dec(79048),
          from: day("2012-09-05"),
          to: day("2026-08-01"),
          fields: { from: "interestFrom", to: "repossessionDate" },
        },
        BUILT_IN_RATES,
      ),
    );
    expect(error.field).toBe("repossessionDate");
    expect(error.message).toContain('repossessionDate "2026-08-01"');
    expect(error.message).toContain("2026-07-01–2026-12-31");
  });

  test("a caller-supplied entry for 2026-07-01 makes the missing half-year work", () => {
    const extra = [{ from: "2026-07-01", percent: "1.75" }];
    const table = ReferenceRateTable.withEntries(extra);
    const result = engineInterest(79048, "2026-06-25", "2026-07-05", undefined, table);
    expect(ore(result.total.toString())).toBe(
      ore(
        lateInterestDayByDay({
          capital: 79048,
          from: "2026-06-25",
          to: "2026-07-05",
          extraRates: extra,
        }),
      ),
    );
    // 6 days at 2.00 + 8, 5 days at 1.75 + 8, by hand: 79 048 × (6 × 10 + 5 × 9.75) / 36 500.
    expect(result.total.toFixed(2, Dec.ROUND_HALF_UP)).toBe(
      ore(
        new Dec(79048)
          .times(60 + 48.75)
          .dividedBy(36500)
          .toString(),
      ),
    );
  });

  test("a caller-supplied entry replaces the built-in one for its half-year", () => {
    const table = ReferenceRateTable.withEntries([{ from: "2012-07-01", percent: "2.50" }]);
    // 102 days at 2.50 + 8 = 10.5 % instead of 9.5 %.
    expect(
      engineInterest(79048, "2012-09-05", "2012-12-15", undefined, table).total.toFixed(
        2,
        Dec.ROUND_HALF_UP,
      ),
    ).toBe(ore(new Dec(79048).times("10.5").times(102).dividedBy(36500).toString()));
  });

  test.each`
    entries                                                                            | code                      | field                          | scenario
    ${[{ from: "2026-08-01", percent: "1.75" }]}                                       | ${"rateEntryNotHalfYear"} | ${"referenceRates[0].from"}    | ${"not 1 January or 1 July"}
    ${[{ from: "2026-07-02", percent: "1.75" }]}                                       | ${"rateEntryNotHalfYear"} | ${"referenceRates[0].from"}    | ${"2 July"}
    ${[{ from: "2026-07-01", percent: "1.75" }, { from: "2026-07-01", percent: "2" }]} | ${"duplicateRateEntry"}   | ${"referenceRates[1].from"}    | ${"the same half-year twice"}
    ${[{ from: "2026-07-01", percent: "abc" }]}                                        | ${"notNumber"}            | ${"referenceRates[0].percent"} | ${"a percent that is not a number"}
    ${[{ from: "2026-13-01", percent: "1" }]}                                          | ${"invalidDate"}          | ${"referenceRates[0].from"}    | ${"an impossible date"}
  `("a bad entry is rejected: $scenario ($code)", ({ entries, code, field }) => {
    const error = engineErrorOf(() => ReferenceRateTable.withEntries(entries));
    expect(error.code).toBe(code);
    expect(error.field).toBe(field);
    expect(error.message).toContain(field);
  });

  test.each`
    date            | percent
    ${"2012-12-15"} | ${"1.50"}
    ${"2012-06-30"} | ${"2.00"}
    ${"2016-07-01"} | ${"-0.50"}
    ${"2026-06-30"} | ${"2.00"}
  `("the reference rate on $date is $percent %", ({ date, percent }) => {
    expect(BUILT_IN_RATES.percentOn(day(date), "date").toFixed(2)).toBe(percent);
  });
});
