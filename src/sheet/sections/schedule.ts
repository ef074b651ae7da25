/**
 * The payment schedule (avbetalningsplan), n rows of live formulas, the rows of the two dates marked,
 * with sums and the check that the schedule adds up to the credit claim. On its own printed pages.
 */
import { DATE_LABELS, Dec, ScheduleRow, excelSerialFromDay, paymentSchedule } from "../../engine";
import { FORMATS } from "../formats";
import { dueDateFormula } from "../formulas";
import { address } from "../grid";
import { CHECK_OK, SheetLayout } from "../layout";
import { LAST_PERIOD_NOTE } from "../texts";
import { CellStyle } from "../types";

const HEADERS = [
  "Nr",
  "Förfallodag",
  "Betalning",
  "Ränta",
  "Amortering",
  "Skuld efter",
  "Aviavgift",
  "Markering",
];

/** Where the schedule landed: its title row (a page break goes before it) and its header row. */
export interface ScheduleRows {
  titleRow: number;
  headerRow: number;
}

export function planSchedule(s: SheetLayout): ScheduleRows {
  s.next();
  const titleRow = s.row;
  s.banner("Betalningsplan (avbetalningsplan)");
  s.next();
  const headerRow = s.row;
  s.tableHeader(HEADERS, [HEADERS.length - 1]);
  const schedule = paymentSchedule(s.calc.contract);
  const firstRow = s.row;
  const marks = markedRows(s);
  for (const row of schedule) planScheduleRow(s, row, firstRow, marks.get(row.k));
  const lastRow = s.row - 1;
  planScheduleTotals(s, schedule, firstRow, lastRow);
  return { titleRow, headerRow };
}

/** The schedule row of each date (the period it falls in), with the dates' labels. */
function markedRows(s: SheetLayout): Map<number, string[]> {
  const n = s.calc.contract.installments;
  const markOf = new Map<number, string[]>();
  for (const st of s.statements) {
    const k = Math.min(n, st.actual.duePassed + 1);
    markOf.set(k, [...(markOf.get(k) ?? []), DATE_LABELS[st.label]]);
  }
  return markOf;
}

/** One instalment: due date, payment, interest, amortisation, balance after, fee. */
function planScheduleRow(
  s: SheetLayout,
  row: ScheduleRow,
  firstRow: number,
  marked: string[] | undefined,
): void {
  const r = s.row;
  const prevBalance = r === firstRow ? "{K}" : address(r - 1, 5);
  const style: CellStyle = marked ? "marked" : "derived";
  const at = (col: number) => address(r, col);
  const money = (amount: Dec) => ({
    result: amount.toNumber(),
    numberFormat: FORMATS.kronorOre,
    style,
  });
  s.put(0, {
    value: row.k,
    numberFormat: FORMATS.integer,
    style: marked ? "marked" : undefined,
  });
  s.put(1, {
    formula: dueDateFormula("{first}", at(0)),
    result: excelSerialFromDay(row.dueDate),
    numberFormat: FORMATS.date,
    style,
  });
  s.put(2, { formula: `IF(${at(0)}={n},{A}+{V},{A})`, ...money(row.payment) });
  s.put(3, {
    formula: `IF(${at(0)}={n},${at(2)}-${prevBalance},${prevBalance}*{i})`,
    ...money(row.interest),
  });
  s.put(4, { formula: `${at(2)}-${at(3)}`, ...money(row.amortisation) });
  s.put(5, {
    formula: `IF(${at(0)}={n},0,${prevBalance}-${at(4)})`,
    ...money(row.balance),
  });
  s.put(6, { formula: "{f}", ...money(row.fee) });
  if (marked)
    s.put(7, {
      value: marked.map((text, i) => (i === 0 ? text : text.toLowerCase())).join(" och "),
      style: "marked",
    });
  s.next();
}

/** The sums of payments, interest, amortisation and fees, and the check against the credit claim. */
function planScheduleTotals(
  s: SheetLayout,
  schedule: ScheduleRow[],
  firstRow: number,
  lastRow: number,
): void {
  s.label("Summa", "total");
  const sumCol = (col: number) => `SUM(${address(firstRow, col)}:${address(lastRow, col)})`;
  const totalOf = (pick: (row: ScheduleRow) => Dec) =>
    schedule.reduce((sum, row) => sum.plus(pick(row)), new Dec(0)).toNumber();
  const total = (col: number, pick: (row: ScheduleRow) => Dec) =>
    s.put(col, {
      formula: sumCol(col),
      result: totalOf(pick),
      numberFormat: FORMATS.kronorOre,
      style: "total",
    });
  total(2, (row) => row.payment);
  total(3, (row) => row.interest);
  total(4, (row) => row.amortisation);
  total(6, (row) => row.fee);
  s.name("schedulePayments", 2);
  s.name("scheduleFees", 6);
  s.next();
  s.check(
    "Kontroll: betalningar + avgifter + uppläggningsavgift = kreditfordran",
    1,
    `IF(ROUND({schedulePayments}+{scheduleFees}+{S}-{creditClaim},2)=0,"${CHECK_OK}","Stämmer inte: har n ändrats? Skapa bladet på nytt")`,
    CHECK_OK,
  );
  s.next();
  // conventions §9: the last period absorbs the rounding of A, so its interest may be slightly negative.
  s.wrappedNote(LAST_PERIOD_NOTE, {
    formula: `IF(${address(lastRow, 3)}<0,"${LAST_PERIOD_NOTE}","")`,
    result: schedule[schedule.length - 1].interest.isNegative() ? LAST_PERIOD_NOTE : "",
  });
}
