/**
 * The payment schedule (avbetalningsplan), n rows of live formulas, the rows of the two dates marked,
 * with sums and the check that the schedule adds up to the credit claim. On its own printed pages.
 * The mark ("Underrättelse och återtagning") stands in the wide label column A, the instalment's
 * number in B, so the eight columns fit A4 portrait at a readable scale; the amounts are in kronor
 * with öre (the title says so), without " kr" in every cell.
 */
import { DATE_LABELS, Dec, ScheduleRow, excelSerialFromDay, paymentSchedule } from "../../engine";
import { FORMATS } from "../formats";
import { dueDateFormula } from "../formulas";
import { address } from "../grid";
import { CHECK_OK, SheetLayout } from "../layout";
import { LAST_PERIOD_NOTE } from "../texts";
import { CellStyle } from "../types";

const HEADERS = [
  "Markering",
  "Nr",
  "Förfallodag",
  "Betalning",
  "Ränta",
  "Amortering",
  "Skuld efter",
  "Aviavgift",
];

/** The schedule's columns. */
const COL = {
  mark: 0,
  k: 1,
  due: 2,
  payment: 3,
  interest: 4,
  amortisation: 5,
  balance: 6,
  fee: 7,
} as const;

/** Where the schedule landed: its title row (a page break goes before it) and its header row. */
export interface ScheduleRows {
  titleRow: number;
  headerRow: number;
}

export function planSchedule(s: SheetLayout): ScheduleRows {
  s.next();
  const titleRow = s.row;
  s.banner("Betalningsplan (avbetalningsplan), belopp i kronor");
  s.next();
  const headerRow = s.row;
  s.tableHeader(HEADERS, [COL.mark]);
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
  const prevBalance = r === firstRow ? "{K}" : address(r - 1, COL.balance);
  const style: CellStyle = marked ? "marked" : "derived";
  const at = (col: number) => address(r, col);
  const money = (amount: Dec) => ({
    result: amount.toNumber(),
    numberFormat: FORMATS.amountOre,
    style,
  });
  if (marked)
    s.put(COL.mark, {
      value: marked.map((text, i) => (i === 0 ? text : text.toLowerCase())).join(" och "),
      style: "marked",
    });
  s.put(COL.k, {
    value: row.k,
    numberFormat: FORMATS.integer,
    style: marked ? "marked" : undefined,
  });
  s.put(COL.due, {
    formula: dueDateFormula("{first}", at(COL.k)),
    result: excelSerialFromDay(row.dueDate),
    numberFormat: FORMATS.date,
    style,
  });
  const k = at(COL.k);
  s.put(COL.payment, { formula: `IF(${k}={n},{A}+{V},{A})`, ...money(row.payment) });
  s.put(COL.interest, {
    formula: `IF(${k}={n},${at(COL.payment)}-${prevBalance},${prevBalance}*{i})`,
    ...money(row.interest),
  });
  s.put(COL.amortisation, {
    formula: `${at(COL.payment)}-${at(COL.interest)}`,
    ...money(row.amortisation),
  });
  s.put(COL.balance, {
    formula: `IF(${k}={n},0,${prevBalance}-${at(COL.amortisation)})`,
    ...money(row.balance),
  });
  s.put(COL.fee, { formula: "{f}", ...money(row.fee) });
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
      numberFormat: FORMATS.amountOre,
      style: "total",
    });
  total(COL.payment, (row) => row.payment);
  total(COL.interest, (row) => row.interest);
  total(COL.amortisation, (row) => row.amortisation);
  total(COL.fee, (row) => row.fee);
  s.name("schedulePayments", COL.payment);
  s.name("scheduleFees", COL.fee);
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
    formula: `IF(${address(lastRow, COL.interest)}<0,"${LAST_PERIOD_NOTE}","")`,
    result: schedule[schedule.length - 1].interest.isNegative() ? LAST_PERIOD_NOTE : "",
  });
}
