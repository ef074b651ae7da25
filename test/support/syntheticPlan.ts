/**
 * A small hand-made SheetPlan for the exporter's tests: a few inputs (one a date), formulas with ROUND,
 * EDATE, COUNTIF, INDEX/MATCH, DAYS (stored as _xlfn.DAYS), a text and a boolean result, a 72-row
 * due-date schedule, every semantic style, merges and print settings.
 *
 * The expected value of every formula is computed here independently, in plain JS, from the inputs
 * (not by the engine and not by reading the plan's cached results), so a test can give the file
 * deliberately wrong cached results and still know what a spreadsheet must compute.
 */
import { positionOf } from "../../src/sheet/grid";
import type { PlannedCell, SheetPlan } from "../../src/sheet/types";
import { excelSerial } from "./libreoffice";

export type Scalar = string | number | boolean;

const lastDayOfMonth = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate(); // m 1-based

/** EDATE on calendar parts: same day of month, moved back to the month's last day. */
function edateSerial(y: number, m: number, d: number, months: number): number {
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  return excelSerial(ny, nm, Math.min(d, lastDayOfMonth(ny, nm)));
}

/** Rounding half away from zero to `digits` decimals, as Excel's ROUND (exact for these inputs). */
function roundHalfAway(x: number, digits: number): number {
  const f = 10 ** digits;
  const scaled = Math.abs(x) * f;
  // Nudge by a relative epsilon so 2.675 (stored as 2.67499999…) rounds like Excel's ROUND does.
  return (Math.sign(x) * Math.round(scaled * (1 + Number.EPSILON * 4))) / f;
}

export interface SyntheticFixture {
  plan: SheetPlan;
  /** Expected value of every formula cell by A1 address (dates as serial numbers). */
  expected: Map<string, Scalar>;
  /** The input serials, for readers. */
  firstDue: number;
  date: number;
}

const SCHEDULE_FIRST_ROW = 22; // 1-based row of instalment 1
const INSTALMENTS = 72;

/** Builds the synthetic plan with correct cached results (as an engine would give them). */
export function syntheticPlan(name = "Syntetisk"): SyntheticFixture {
  const n = INSTALMENTS;
  const firstDue = excelSerial(2009, 9, 30);
  const date = excelSerial(2012, 12, 20);
  const creditCost = 23816;
  const unpaid = 79048;
  const rateFrom = [
    excelSerial(2012, 1, 1),
    excelSerial(2012, 7, 1),
    excelSerial(2013, 1, 1),
    excelSerial(2013, 7, 1),
  ];
  const rates = [0.0975, 0.095, 0.09, 0.09];
  const first = SCHEDULE_FIRST_ROW;
  const last = first + n - 1; // 93
  const sumRow = last + 1; // 94

  // Independent expectations.
  const due = Array.from({ length: n }, (_, k) => edateSerial(2009, 9, 30, k));
  const before = due.filter((d) => d < date).length; // 39
  const t = Math.max(0, n - 1 - before); // 32
  const reduction = roundHalfAway((t * (t + 1) * creditCost) / (n * (n + 1)), 0); // 4785
  const next = edateSerial(2009, 9, 30, before); // the 40th due date, 2012-12-30
  const days = date - firstDue;
  let rate = NaN;
  rateFrom.forEach((from, i) => {
    if (from <= date) rate = rates[i];
  });
  const interest = roundHalfAway((unpaid * rate * days) / 365, 2);
  const amount = unpaid - reduction + interest;

  const DATE = "yyyy-mm-dd";
  const KR = '#,##0 "kr"';
  const KR2 = '#,##0.00 "kr"';
  const cells: PlannedCell[] = [];
  const expected = new Map<string, Scalar>();
  const put = (a1: string, c: Omit<PlannedCell, "row" | "col">) => {
    cells.push({ ...positionOf(a1), ...c });
  };
  const formula = (
    a1: string,
    f: string,
    value: Scalar,
    numberFormat?: string,
    style: PlannedCell["style"] = "derived",
  ) => {
    put(a1, { formula: f, result: value, numberFormat, style });
    expected.set(a1, value);
  };

  put("A1", { value: "Syntetisk kalkyl", style: "title" });
  put("A2", { value: "Testplan för exporten; inga riktiga belopp.", style: "note" });
  put("A3", { value: "Indata", style: "section" });
  put("A4", { value: "Antal avbetalningar n", style: "label" });
  put("B4", { value: n, numberFormat: "0", style: "input" });
  put("A5", { value: "Första förfallodag", style: "label" });
  put("B5", { value: firstDue, numberFormat: DATE, style: "input" });
  put("A6", { value: "Kreditkostnad c", style: "label" });
  put("B6", { value: creditCost, numberFormat: KR, style: "input" });
  put("A7", { value: "Återtagningsdag", style: "label" });
  put("B7", { value: date, numberFormat: DATE, style: "input" });
  put("A8", { value: "Obetald del av kreditfordran", style: "label" });
  put("B8", { value: unpaid, numberFormat: KR, style: "input" });
  put("A10", { value: "Beräkning", style: "section" });
  put("A11", { value: "Förfallodagar före dagen", style: "label" });
  formula("B11", `COUNTIF(E${first}:E${last},"<"&B7)`, before, "0");
  put("A12", { value: "Kvarvarande t", style: "label" });
  formula("B12", "MAX(0,B4-1-B11)", t, "0");
  put("A13", { value: "Reduceringsbelopp (78-regeln)", style: "label" });
  formula("B13", "ROUND(B12*(B12+1)*B6/(B4*(B4+1)),0)", reduction, KR);
  put("A14", { value: "Nästa förfallodag", style: "label" });
  formula("B14", "EDATE(B5,B11)", next, DATE);
  put("A15", { value: "Dagar sedan första förfallodag", style: "label" });
  formula("B15", "DAYS(B7,B5)", days, "0");
  put("A16", { value: "Ränta", style: "label" });
  formula(
    "B16",
    `ROUND(B8*INDEX(G${first}:G${first + 3},MATCH(B7,F${first}:F${first + 3},1))*B15/365,2)`,
    interest,
    KR2,
  );
  put("A17", { value: "Metod", style: "label" });
  formula("B17", 'IF(B13>0,"reducering","ingen")', "reducering");
  put("A18", { value: "Kontroll", style: "label" });
  formula("B18", "B13=4785", true, undefined, "warning");
  put("A19", { value: "Att betala", style: "total" });
  formula("B19", "B8-B13+B16", amount, KR2, "total");

  put(`D${first - 1}`, { value: "Nr", style: "tableHeader" });
  put(`E${first - 1}`, { value: "Förfallodag", style: "tableHeader" });
  put(`F${first - 1}`, { value: "Från", style: "tableHeader" });
  put(`G${first - 1}`, { value: "Ränta", style: "tableHeader" });
  for (let k = 1; k <= n; k++) {
    const row = first + k - 1;
    const style = k === before + 1 ? "marked" : undefined;
    put(`D${row}`, { value: k, numberFormat: "0", style });
    formula(`E${row}`, `EDATE($B$5,D${row}-1)`, due[k - 1], DATE, style ?? "derived");
  }
  rateFrom.forEach((from, i) => {
    put(`F${first + i}`, { value: from, numberFormat: DATE, style: "input" });
    put(`G${first + i}`, { value: rates[i], numberFormat: "0.00%", style: "input" });
  });
  put(`A${sumRow}`, { value: "Summa nummer", style: "total" });
  formula(`D${sumRow}`, `SUM(D${first}:D${last})`, (n * (n + 1)) / 2, "0", "total");

  const plan: SheetPlan = {
    name,
    rowCount: sumRow,
    colCount: 7,
    cells,
    merges: ["A1:G1", "A2:G2", "A3:B3", "A10:B10"],
    columnWidths: [30, 16, 3, 6, 12, 12, 8],
    print: {
      area: `A1:G${sumRow}`,
      orientation: "portrait",
      paperSize: "A4",
      scale: 85,
      titleRows: `$${first - 1}:$${first - 1}`,
      header: '&L&"Calibri,Bold"Syntetisk kalkyl&RSida &P av &N',
      footer: "&CÅtertagande – &D",
      pageBreaksBefore: [first - 1, 60],
    },
    names: { reduction: "B13", amountInclInterest: "B19" },
  };
  return { plan, expected, firstDue, date };
}

/** The plan with every formula's cached result replaced by `wrong(result)` (undefined: no cached result). */
export function withResults(
  plan: SheetPlan,
  wrong: (result: Scalar | undefined) => Scalar | undefined,
): SheetPlan {
  return {
    ...plan,
    cells: plan.cells.map((c) => {
      if (c.formula === undefined) return c;
      const { result, ...rest } = c;
      const replaced = wrong(result);
      return replaced === undefined ? rest : { ...rest, result: replaced };
    }),
  };
}

/** A cached result that is certainly wrong, of the same type. */
export function wrongResult(result: Scalar | undefined): Scalar {
  if (typeof result === "number") return result + 1_000_003;
  if (typeof result === "boolean") return !result;
  return `FEL ${String(result)}`;
}
