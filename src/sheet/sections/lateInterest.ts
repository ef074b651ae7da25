/**
 * Late interest by reference-rate half-year (conventions §6), one table per date, and the reference
 * rates the tables look up: both end days counted, days / 365. Each table's total is capital ×
 * Σ(rate × days) / 36 500, summed exactly and divided once as in the engine (conventions §9), not the
 * sum of the rows' separately divided interest (shown for reading only).
 */
import {
  Day,
  Dec,
  STATUTORY_MARGIN_PERCENT,
  Statement,
  addMonths,
  applicableRatePercent,
  excelSerialFromDay,
  formatIsoDate,
  halfYearStart,
  nextHalfYearStart,
} from "../../engine";
import { FORMATS } from "../formats";
import { address } from "../grid";
import { CHECK_OK, SheetLayout } from "../layout";
import { DAY_NAMES } from "../texts";

const TABLE_HEADERS = [
  "Halvår från",
  "Från",
  "Till",
  "Dagar",
  "Referensränta",
  "Räntesats",
  "Ränta",
];

export function planLateInterest(s: SheetLayout): void {
  const c = s.calc.contract;
  s.section("Dröjsmålsränta per referensräntehalvår (båda dagarna räknas, dagar / 365)");
  const halfYears = halfYearsBetween(c.interestFrom, c.repossessionDate);
  for (const st of s.statements) planInterestTable(s, st, halfYears);
  planRatesUsed(s, halfYears);
}

/** The reference rate of a half-year, from the table the calculation used. */
function referencePercent(s: SheetLayout, start: Day): Dec {
  return s.calc.referenceRates.percentOn(start, "interestFrom");
}

/** One date's table: a row per half-year, the sum, and the check that the table covers the window. */
function planInterestTable(s: SheetLayout, st: Statement, halfYears: Day[]): void {
  s.label(`Till ${DAY_NAMES[st.label]} ${formatIsoDate(st.date)}`, "label");
  s.next();
  s.tableHeader(TABLE_HEADERS);
  const firstRow = s.row;
  for (const start of halfYears) planHalfYearRow(s, st, start);
  const lastRow = s.row - 1;
  s.label("Summa dröjsmålsränta", "total");
  const days = halfYears.length ? `SUM(${address(firstRow, 3)}:${address(lastRow, 3)})` : "0";
  s.put(3, {
    formula: days,
    result: st.lateInterest.days,
    numberFormat: FORMATS.integer,
    style: "total",
  });
  // Interest over a window the table no longer covers (an edited date) is #N/A, never a part sum.
  const interestSum = halfYears.length
    ? `{capital}*SUMPRODUCT(${address(firstRow, 3)}:${address(lastRow, 3)},${address(firstRow, 5)}:${address(lastRow, 5)})/36500`
    : "0";
  s.put(6, {
    formula: `IF(${address(s.row, 3)}=MAX(0,{${st.label}.date}-{interestFrom}+1),${interestSum},NA())`,
    result: st.lateInterest.total.toNumber(),
    numberFormat: FORMATS.kronorOre,
    style: "total",
  });
  s.name(`${st.label}.interestTotal`, 6);
  s.name(`${st.label}.interestDays`, 3);
  s.next();
  s.check(
    "Kontroll: tabellen täcker hela ränteperioden",
    1,
    `IF({${st.label}.interestDays}=MAX(0,{${st.label}.date}-{interestFrom}+1),"${CHECK_OK}","Datumen ligger utanför tabellen: skapa bladet på nytt")`,
    CHECK_OK,
  );
  s.next(2);
}

/** One half-year's row: from, to, days, reference rate, rate applied, interest. */
function planHalfYearRow(s: SheetLayout, st: Statement, start: Day): void {
  const c = s.calc.contract;
  const seg = st.lateInterest.segments.find((x) => halfYearStart(x.from) === start);
  const r = s.row;
  const at = (col: number) => address(r, col);
  const reference = referencePercent(s, start);
  const capPercent = c.lateInterestRate === null ? null : c.lateInterestRate.times(100);
  const derived = (numberFormat: string) => ({ numberFormat, style: "derived" as const });
  s.put(0, { value: excelSerialFromDay(start), numberFormat: FORMATS.date });
  s.put(1, {
    formula: `MAX({interestFrom},${at(0)})`,
    result: excelSerialFromDay(Math.max(c.interestFrom, start)),
    ...derived(FORMATS.date),
  });
  s.put(2, {
    formula: `MIN({${st.label}.date},EDATE(${at(0)},6)-1)`,
    result: excelSerialFromDay(Math.min(st.date, nextHalfYearStart(start) - 1)),
    ...derived(FORMATS.date),
  });
  s.put(3, {
    formula: `MAX(0,${at(2)}-${at(1)}+1)`,
    result: seg?.days ?? 0,
    ...derived(FORMATS.integer),
  });
  s.put(4, {
    formula: `INDEX({ratePercents},MATCH(${at(0)},{rateStarts},0))`,
    result: reference.toNumber(),
    ...derived(FORMATS.percentPoints),
  });
  s.put(5, {
    formula: `MAX(0,IF({cap}>0,MIN(${at(4)}+{margin},{cap}*100),${at(4)}+{margin}))`,
    result: applicableRatePercent(reference, STATUTORY_MARGIN_PERCENT, capPercent).toNumber(),
    ...derived(FORMATS.percentPoints),
  });
  s.put(6, {
    formula: `{capital}*${at(5)}/100*${at(3)}/365`,
    result: (seg?.interest ?? new Dec(0)).toNumber(),
    ...derived(FORMATS.kronorOre),
  });
  s.next();
}

/** The reference rates the interest formulas look up (inputs: a user may correct a rate). */
function planRatesUsed(s: SheetLayout, halfYears: Day[]): void {
  s.label("Referensräntor (Riksbanken, räntelagen 9 §) som används ovan", "label");
  s.next();
  s.tableHeader(["Gäller från", "Procent"]);
  const rateFirst = s.row;
  for (const start of halfYears) {
    s.put(0, { value: excelSerialFromDay(start), numberFormat: FORMATS.date, style: "input" });
    s.put(1, {
      value: referencePercent(s, start).toNumber(),
      numberFormat: FORMATS.percentPoints,
      style: "input",
    });
    s.next();
  }
  const rateLast = Math.max(rateFirst, s.row - 1);
  s.grid.rangeName("rateStarts", rateFirst, 0, rateLast, 0);
  s.grid.rangeName("ratePercents", rateFirst, 1, rateLast, 1);
}

/** The half-years that hold days of the window from … to (none when the window is empty). */
function halfYearsBetween(from: Day, to: Day): Day[] {
  const starts: Day[] = [];
  if (from > to) return starts;
  for (let start = halfYearStart(from); start <= to; start = addMonths(start, 6))
    starts.push(start);
  return starts;
}
