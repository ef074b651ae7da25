/**
 * Calendar dates (conventions §3): the due-date rule, Excel 1900-system serials, ISO parsing, and the
 * count of due dates before / on a date. Expected dates are written out by hand from the rule and
 * cross-checked against the oracle's own calendar (test/testkit/oracles.ts), never against the engine.
 */
import {
  countDueDates,
  dayFromExcelSerial,
  dueDate,
  excelSerialFromDay,
  formatIsoDate,
  parseIsoDate,
} from "../src/engine";
import { engineErrorOf } from "./testkit/fixtures";
import { countDue, dayNumber, dueIso, excelSerialOfIso, isoOfExcelSerial } from "./testkit/oracles";

const day = (iso: string) => parseIsoDate(iso, "test");

describe("due dates: same day of month, moved back to the month's last day (conventions §3)", () => {
  test.each`
    first           | k     | expected        | scenario
    ${"2009-01-31"} | ${2}  | ${"2009-02-28"} | ${"31st through February of a common year"}
    ${"2009-01-31"} | ${3}  | ${"2009-03-31"} | ${"back to the 31st after February"}
    ${"2009-01-31"} | ${4}  | ${"2009-04-30"} | ${"31st through a 30-day month"}
    ${"2012-01-31"} | ${2}  | ${"2012-02-29"} | ${"leap year 2012 (divisible by 4)"}
    ${"2100-01-31"} | ${2}  | ${"2100-02-28"} | ${"2100 is not a leap year (divisible by 100)"}
    ${"2000-01-31"} | ${2}  | ${"2000-02-29"} | ${"2000 is a leap year (divisible by 400)"}
    ${"2009-09-30"} | ${6}  | ${"2010-02-28"} | ${"conventions §3: 2009-09-30 → 2010-02-28"}
    ${"2009-09-30"} | ${7}  | ${"2010-03-30"} | ${"conventions §3: … → 2010-03-30"}
    ${"2009-09-30"} | ${1}  | ${"2009-09-30"} | ${"k = 1 is the first due date"}
    ${"2009-09-30"} | ${0}  | ${"2009-08-30"} | ${"k = 0: one month before the first due date (conventions §5)"}
    ${"2009-03-31"} | ${0}  | ${"2009-02-28"} | ${"k = 0 moved back to February's end"}
    ${"2009-09-30"} | ${40} | ${"2012-12-30"} | ${"the 40th due date of the workshop (December 2012)"}
    ${"2009-09-30"} | ${72} | ${"2015-08-30"} | ${"the last of 72 due dates"}
  `("$scenario: due $k from $first is $expected", ({ first, k, expected }) => {
    expect(dueIso(first, k)).toBe(expected); // the hand-written expectation agrees with the oracle
    expect(formatIsoDate(dueDate(day(first), k))).toBe(expected);
  });

  test("every due date of 120 instalments from each day 28–31 of a month agrees with month-by-month stepping", () => {
    const mismatches: string[] = [];
    for (const first of ["2011-01-28", "2011-01-29", "2011-01-30", "2011-01-31", "2099-08-31"]) {
      for (let k = 0; k <= 120; k++) {
        const got = formatIsoDate(dueDate(day(first), k));
        if (got !== dueIso(first, k))
          mismatches.push(`${first} k=${k}: ${got} ≠ ${dueIso(first, k)}`);
      }
    }
    expect(mismatches).toEqual([]);
  });
});

describe("Excel 1900-system serial numbers", () => {
  test.each`
    serial     | iso             | scenario
    ${1}       | ${"1900-01-01"} | ${"serial 1 is 1900-01-01"}
    ${59}      | ${"1900-02-28"} | ${"last real day before Excel's phantom 29 February"}
    ${61}      | ${"1900-03-01"} | ${"first day after the phantom day"}
    ${40179}   | ${"2010-01-01"} | ${"2010-01-01"}
    ${40086}   | ${"2009-09-30"} | ${"the workshop's first due date"}
    ${41258}   | ${"2012-12-15"} | ${"the workshop's notice date"}
    ${41263}   | ${"2012-12-20"} | ${"the workshop's repossession date"}
    ${2958465} | ${"9999-12-31"} | ${"the last date Excel knows"}
  `("$scenario: serial $serial ↔ $iso", ({ serial, iso }) => {
    if (serial < 80000) {
      // Independent check of the table row itself: walk the calendar day by day from serial 1.
      expect(isoOfExcelSerial(serial)).toBe(iso);
    } else {
      expect(dayNumber(iso) - dayNumber("2012-12-15")).toBe(serial - 41258);
    }
    expect(formatIsoDate(dayFromExcelSerial(serial, "date"))).toBe(iso);
    expect(excelSerialFromDay(day(iso))).toBe(serial);
  });

  test("every serial 1–80000 except 60 converts to the walked calendar date and back", () => {
    const mismatches: string[] = [];
    for (let serial = 1; serial <= 80000; serial++) {
      if (serial === 60) continue;
      const got = dayFromExcelSerial(serial, "date");
      if (formatIsoDate(got) !== isoOfExcelSerial(serial))
        mismatches.push(`${serial} → ${formatIsoDate(got)}`);
      if (excelSerialFromDay(got) !== serial)
        mismatches.push(`${serial} ↺ ${excelSerialFromDay(got)}`);
    }
    expect(mismatches.slice(0, 10)).toEqual([]);
    expect(excelSerialOfIso("1900-03-01")).toBe(61);
  });

  test.each`
    serial      | code              | scenario
    ${60}       | ${"excelLeapBug"} | ${"serial 60 is Excel's phantom 1900-02-29"}
    ${41258.5}  | ${"dateWithTime"} | ${"a fraction is a time of day"}
    ${0.25}     | ${"dateWithTime"} | ${"a pure time"}
    ${0}        | ${"notDate"}      | ${"serial 0 (1900-01-00) is no date"}
    ${-1}       | ${"notDate"}      | ${"negative serial"}
    ${2958466}  | ${"notDate"}      | ${"after 9999-12-31"}
    ${NaN}      | ${"notDate"}      | ${"NaN"}
    ${Infinity} | ${"notDate"}      | ${"Infinity"}
  `(
    "$scenario: serial $serial is rejected ($code) naming the field and the value",
    ({ serial, code }) => {
      const error = engineErrorOf(() => dayFromExcelSerial(serial, "repossessionDate"));
      expect(error.code).toBe(code);
      expect(error.message).toContain("repossessionDate");
      expect(error.message).toContain(String(serial));
    },
  );
});

describe("ISO dates", () => {
  test.each`
    text                      | code             | scenario
    ${"2012-02-30"}           | ${"invalidDate"} | ${"30 February does not exist"}
    ${"2011-02-29"}           | ${"invalidDate"} | ${"29 February in a common year"}
    ${"2100-02-29"}           | ${"invalidDate"} | ${"29 February 2100 (not a leap year)"}
    ${"2012-13-01"}           | ${"invalidDate"} | ${"month 13"}
    ${"2012-00-10"}           | ${"invalidDate"} | ${"month 0"}
    ${"2012-04-31"}           | ${"invalidDate"} | ${"31 April"}
    ${"15/12/2012"}           | ${"notDate"}     | ${"Swedish/European day-first text"}
    ${"2012-12-5"}            | ${"notDate"}     | ${"day without a leading zero"}
    ${"2012-12-15T00:00:00Z"} | ${"notDate"}     | ${"a timestamp, not a date"}
    ${""}                     | ${"notDate"}     | ${"empty text"}
  `("$scenario: $text is rejected ($code) naming the field", ({ text, code }) => {
    const error = engineErrorOf(() => parseIsoDate(text, "noticeDate"));
    expect(error.code).toBe(code);
    expect(error.field).toBe("noticeDate");
    expect(error.message).toContain("noticeDate");
    expect(error.message).toContain(JSON.stringify(text));
  });

  test.each`
    text            | scenario
    ${"2000-02-29"} | ${"leap day 2000"}
    ${"2012-02-29"} | ${"leap day 2012"}
    ${"1970-01-01"} | ${"day 0"}
    ${"1900-01-01"} | ${"before 1970 (negative day number), Excel's first day"}
  `("$scenario: $text parses to the calendar's day number and formats back", ({ text }) => {
    expect(parseIsoDate(text, "d")).toBe(dayNumber(text));
    expect(formatIsoDate(parseIsoDate(text, "d"))).toBe(text);
  });
});

test.each(["1899-12-31", "0012-12-20", "0099-01-01"])(
  "%s, before Excel's 1900 date system, is refused (never read as another year)",
  (text) => {
    expect(() => parseIsoDate(text, "repossessionDate")).toThrow(
      /repossessionDate .* är inget giltigt datum/,
    );
  },
);

describe("countDueDates: due dates strictly before / on or before a date", () => {
  // First due date 2009-09-30, 72 instalments, last due date 2015-08-30.
  test.each`
    date            | before | onOrBefore | scenario
    ${"2012-12-15"} | ${39}  | ${39}      | ${"workshop notice date (Sep 2009 … Nov 2012 passed)"}
    ${"2012-12-30"} | ${39}  | ${40}      | ${"exactly on the 40th due date"}
    ${"2012-12-31"} | ${40}  | ${40}      | ${"the day after a due date"}
    ${"2009-09-30"} | ${0}   | ${1}       | ${"exactly on the first due date"}
    ${"2009-09-29"} | ${0}   | ${0}       | ${"the day before the first due date"}
    ${"2008-01-15"} | ${0}   | ${0}       | ${"long before the first due date"}
    ${"2010-02-28"} | ${5}   | ${6}       | ${"on the 6th due date, moved back to February's end"}
    ${"2015-08-30"} | ${71}  | ${72}      | ${"exactly on the last due date"}
    ${"2015-08-31"} | ${72}  | ${72}      | ${"the day after the last due date"}
    ${"2030-01-01"} | ${72}  | ${72}      | ${"long after the last due date"}
  `(
    "$scenario ($date): $before before, $onOrBefore on or before",
    ({ date, before, onOrBefore }) => {
      expect(countDue("2009-09-30", 72, date, false)).toBe(before);
      expect(countDue("2009-09-30", 72, date, true)).toBe(onOrBefore);
      expect(countDueDates(day("2009-09-30"), 72, day(date), false)).toBe(before);
      expect(countDueDates(day("2009-09-30"), 72, day(date), true)).toBe(onOrBefore);
    },
  );

  test("agrees with listing the due dates for every day over the life of a credit from the 31st", () => {
    const mismatches: string[] = [];
    const first = "2011-01-31";
    const start = day("2010-11-01");
    const end = day("2013-03-31");
    for (let d = start; d <= end; d++) {
      const iso = formatIsoDate(d);
      for (const inclusive of [false, true]) {
        const got = countDueDates(day(first), 24, d, inclusive);
        const want = countDue(first, 24, iso, inclusive);
        if (got !== want) mismatches.push(`${iso} inclusive=${inclusive}: ${got} ≠ ${want}`);
      }
    }
    expect(mismatches).toEqual([]);
  });
});
