/**
 * Late interest by reference-rate half-year (conventions §6, §9), one table per date, and the reference
 * rates the tables look up. Each half-year row shows its days (both end days counted) and the rate
 * applied; the total is capital × Σ(rate in percent × days) / 36 500 over the rows, one division over
 * the exact sum, rounded once in the statement line. The rows come from the engine's segments of the
 * repossession date's window (the longest); a notice date earlier in the window leaves later rows at
 * 0 days.
 */
import {
  InterestSegment,
  STATUTORY_MARGIN_PERCENT,
  Statement,
  applicableRatePercent,
  excelSerialFromDay,
  formatIsoDate,
  halfYearStart,
  nextHalfYearStart,
  rateSourceText,
} from "../../engine";
import { FORMATS } from "../formats";
import {
  applicableRatePercentFormula,
  daysBothCountedFormula,
  isoDateTextFormula,
  lateInterestFormula,
} from "../formulas";
import { address } from "../grid";
import { CHECK_OK, DATE_INPUT, SheetLayout } from "../layout";
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
const DAYS_COL = 3;
const RATE_COL = 5;
const INTEREST_COL = 6;

export function planLateInterest(s: SheetLayout): void {
  s.section(
    "Dröjsmålsränta per referensräntehalvår (båda dagarna räknas; kapital × Σ räntesats · dagar / 36 500)",
  );
  const halfYears = s.statements[s.statements.length - 1].lateInterest.segments;
  for (const st of s.statements) planInterestTable(s, st, halfYears);
  planRatesUsed(s, halfYears);
}

/** "Till återtagningsdagen 2012-12-20", a formula of the date cell so that it follows an edit. */
function planTableTitle(s: SheetLayout, st: Statement): void {
  s.blockStarts.push(s.row);
  const text = `Till ${DAY_NAMES[st.label]}`;
  const date = `{${DATE_INPUT[st.label]}}`;
  s.put(0, {
    formula: `IF(${date}="","${text}","${text} "&${isoDateTextFormula(date)})`,
    result: `${text} ${formatIsoDate(st.date)}`,
    style: "label",
  });
  s.name(`${st.label}.interestTitle`, 0);
  s.next();
}

/** One date's table: a row per half-year, the sum, and the check that the table covers the window. */
function planInterestTable(s: SheetLayout, st: Statement, halfYears: InterestSegment[]): void {
  planTableTitle(s, st);
  s.tableHeader(TABLE_HEADERS);
  const firstRow = s.row;
  for (const half of halfYears) planHalfYearRow(s, st, half);
  const lastRow = s.row - 1;
  const column = (col: number) => `${address(firstRow, col)}:${address(lastRow, col)}`;
  s.label("Summa dröjsmålsränta", "total");
  s.put(DAYS_COL, {
    formula: halfYears.length ? `SUM(${column(DAYS_COL)})` : "0",
    result: st.lateInterest.days,
    numberFormat: FORMATS.integer,
    style: "total",
  });
  const rateDays = `SUMPRODUCT(${column(DAYS_COL)},${column(RATE_COL)})`;
  // Interest over a window the table no longer covers (an edited date) is #N/A, never a part sum.
  s.put(INTEREST_COL, {
    formula: `IF(${address(s.row, DAYS_COL)}=${daysBothCountedFormula("{interestFrom}", `{${st.label}.date}`)},${halfYears.length ? lateInterestFormula("{capital}", rateDays) : "0"},NA())`,
    result: st.lateInterest.total.toNumber(),
    numberFormat: FORMATS.kronorOre,
    style: "total",
  });
  s.name(`${st.label}.interestTotal`, INTEREST_COL);
  s.name(`${st.label}.interestDays`, DAYS_COL);
  s.next();
  s.check(
    "Kontroll: tabellen täcker hela ränteperioden",
    1,
    `IF({${st.label}.interestDays}=${daysBothCountedFormula("{interestFrom}", `{${st.label}.date}`)},"${CHECK_OK}","Datumen ligger utanför tabellen: skapa bladet på nytt")`,
    CHECK_OK,
  );
  s.next(2);
}

/** One half-year's row: from, to, days, reference rate, rate applied, and its part of the interest. */
function planHalfYearRow(s: SheetLayout, st: Statement, half: InterestSegment): void {
  const c = s.calc.contract;
  const start = halfYearStart(half.from);
  // The date's own segment of this half-year; none when the date comes before it (notice date).
  const seg = st.lateInterest.segments.find((x) => halfYearStart(x.from) === start);
  const at = (col: number) => address(s.row, col);
  const capPercent = c.lateInterestRate === null ? null : c.lateInterestRate.times(100);
  const derived = (numberFormat: string) => ({ numberFormat, style: "derived" as const });
  s.put(0, { value: excelSerialFromDay(start), numberFormat: FORMATS.date });
  s.put(1, {
    formula: `MAX({interestFrom},${at(0)})`,
    result: excelSerialFromDay(seg?.from ?? Math.max(c.interestFrom, start)),
    ...derived(FORMATS.date),
  });
  s.put(2, {
    formula: `MIN({${st.label}.date},EDATE(${at(0)},6)-1)`,
    result: excelSerialFromDay(seg?.to ?? Math.min(st.date, nextHalfYearStart(start) - 1)),
    ...derived(FORMATS.date),
  });
  s.put(DAYS_COL, {
    formula: daysBothCountedFormula(at(1), at(2)),
    result: seg?.days ?? 0,
    ...derived(FORMATS.integer),
  });
  s.put(4, {
    formula: `INDEX({ratePercents},MATCH(${at(0)},{rateStarts},0))`,
    result: half.referencePercent.toNumber(),
    ...derived(FORMATS.percentPoints),
  });
  s.put(RATE_COL, {
    formula: applicableRatePercentFormula(at(4), "{margin}", "{cap}"),
    result: applicableRatePercent(
      half.referencePercent,
      STATUTORY_MARGIN_PERCENT,
      capPercent,
    ).toNumber(),
    ...derived(FORMATS.percentPoints),
  });
  s.put(INTEREST_COL, {
    formula: lateInterestFormula("{capital}", `${at(RATE_COL)}*${at(DAYS_COL)}`),
    result: seg ? seg.interest.toNumber() : 0,
    ...derived(FORMATS.kronorOre),
  });
  s.next();
}

/**
 * The reference rates the interest formulas look up (inputs: a user may correct a rate), each with
 * where its figure comes from (the Riksbank's notice, a secondary source not yet confirmed, the user).
 */
function planRatesUsed(s: SheetLayout, halfYears: InterestSegment[]): void {
  s.label("Referensräntor (Riksbanken, räntelagen 9 §) som används ovan", "label");
  s.next();
  s.tableHeader(["Gäller från", "Procent", "Källa"], [2]);
  const rateFirst = s.row;
  const sources = new Map(s.calc.referenceRates.entries().map((row) => [row.from, row.source]));
  for (const half of halfYears) {
    const start = halfYearStart(half.from);
    const source = sources.get(start);
    s.put(0, { value: excelSerialFromDay(start), numberFormat: FORMATS.date, style: "input" });
    s.put(1, {
      value: half.referencePercent.toNumber(),
      numberFormat: FORMATS.percentPoints,
      style: "input",
    });
    if (source !== undefined) s.note(2, rateSourceText(source));
    s.next();
  }
  const rateLast = Math.max(rateFirst, s.row - 1);
  s.grid.rangeName("rateStarts", rateFirst, 0, rateLast, 0);
  s.grid.rangeName("ratePercents", rateFirst, 1, rateLast, 1);
}
