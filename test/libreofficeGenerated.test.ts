/**
 * LibreOffice recalculates the calculation sheets and the Sammanställning of 36 seeded, generated
 * contracts and three fixed ones from the issue (late interest of exactly 148 900,50 kr; 0 % with K/n
 * rounded down; 30 % with the annuity rounded up), and every figure must agree
 * with the engine: each statement line, t and both reductions at both dates, the summary's row (in
 * both of its modes: linked to the case sheets, and computing on its own from the inputs), and every
 * formula cell's cached engine result.
 *
 * The contracts cover the edges of conventions §3–§9: both methods (and each forced against `auto`),
 * n = 1, 0 %, month-end and leap-day first due dates, dates before the first period and after the last
 * due date, residuals, no notice date, a contractual late-interest cap, and late-interest windows over
 * many half-years including the negative reference rates of 2015–2019. Every instalment is a rounded
 * annuity of its contract (up, down or to the öre), computed here from the annuity formula.
 *
 * Several contracts' sheets share one workbook per LibreOffice run, to keep within CI's time. Cells are
 * found by the names and header labels the plans expose, not by fixed addresses.
 *
 * Needs `soffice`: skips with one line where it is missing, mandatory when CI=true (requireTool).
 */
import ExcelJS from "exceljs";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import {
  Calculation,
  ContractInput,
  EngineError,
  StatementLines,
  calculate,
  parseContract,
} from "../src/engine";
import { writeXlsxFile } from "../src/export/writeFile";
import { planBatchWorkbook } from "../src/sheet/batch";
import { SUMMARY_SHEET_NAME } from "../src/sheet/summary";
import type { SheetPlan } from "../src/sheet/types";
import { describeWithSoffice, recalculateXlsx, toExcelSerial } from "./support/libreoffice";
import { countDue, dayNumber, dueIso, exactAnnuity, isoOf, monthLength } from "./testkit/oracles";

const describeSoffice = describeWithSoffice();

// ------------------------------------------------------------------------------ generation

/** mulberry32: a small seeded generator, so every run checks the same contracts. */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The ISO date of a day number (days since 1970-01-01), by Hinnant's civil_from_days. */
function isoOfDay(z0: number): string {
  const z = z0 + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return isoOf({ y: era * 400 + yoe + (m <= 2 ? 1 : 0), m, d });
}

const addDays = (iso: string, days: number) => isoOfDay(dayNumber(iso) + days);
const minIso = (a: string, b: string) => (a < b ? a : b);

/** The reference-rate table covers 2002-07-01 … 2026-06-30; every interest window stays inside. */
const TABLE_END = "2026-06-30";

type Rounding = "up" | "down" | "ore";
type DatePlace = "mid" | "beforeFirst" | "beforeDue0" | "afterLast";

/** What a scenario fixes; everything else is drawn at random. */
interface Scenario {
  name: string;
  rate?: string;
  n?: number;
  residual?: boolean;
  first?: string;
  place?: DatePlace;
  noNotice?: boolean;
  method?: "rule78" | "actual";
  /** Interest from this date (a long window), the application date the day before. */
  interestFrom?: string;
  repossession?: string;
  cap?: string;
  rounding?: Rounding;
}

const SCENARIOS: Scenario[] = [
  { name: "annuitet 78" },
  { name: "annuitet 78 b" },
  { name: "annuitet 78 c", rounding: "up" },
  { name: "restbelopp faktisk", residual: true },
  { name: "restbelopp faktisk b", residual: true, rounding: "down" },
  { name: "restbelopp faktisk c", residual: true, rounding: "ore" },
  { name: "n = 1", n: 1 },
  { name: "n = 1 efter", n: 1, place: "afterLast" },
  { name: "n = 1 restbelopp", n: 1, residual: true },
  { name: "0 % nedåt", rate: "0", rounding: "down" },
  { name: "0 % uppåt", rate: "0", rounding: "up" },
  { name: "0 % restbelopp", rate: "0", residual: true, rounding: "down" },
  { name: "månadsslut 31", first: "2011-01-31" },
  { name: "månadsslut 30", first: "2009-09-30", residual: true },
  { name: "månadsslut 31 b", first: "2018-08-31", rounding: "up" },
  { name: "skottdag 2012", first: "2012-02-29" },
  { name: "skottdag 2016", first: "2016-02-29", residual: true },
  { name: "skottdag 2020", first: "2020-02-29", rate: "0.0795" },
  { name: "före första ff", place: "beforeFirst" },
  { name: "före första ff rest", place: "beforeFirst", residual: true },
  { name: "före period 0", place: "beforeDue0", residual: true },
  { name: "före period 0 b", place: "beforeDue0" },
  { name: "efter sista ff", place: "afterLast" },
  { name: "efter sista ff rest", place: "afterLast", residual: true },
  { name: "utan underrättelse", noNotice: true },
  { name: "utan underrättelse rest", noNotice: true, residual: true },
  { name: "tvingad faktisk", method: "actual" },
  { name: "tvingad 78 rest", method: "rule78", residual: true },
  { name: "avtalad ränta", cap: "0.085" },
  {
    name: "lång ränta 2014–2020",
    first: "2012-05-31",
    n: 120,
    interestFrom: "2014-03-15",
    repossession: "2020-09-10",
  },
  {
    name: "lång ränta 2015–2019",
    first: "2014-10-15",
    n: 84,
    residual: true,
    interestFrom: "2015-01-01",
    repossession: "2019-12-31",
  },
  {
    name: "lång ränta 2008–2021",
    first: "2007-06-30",
    n: 180,
    interestFrom: "2008-01-01",
    repossession: "2021-03-01",
  },
  {
    name: "lång ränta tak",
    first: "2013-01-31",
    n: 72,
    interestFrom: "2013-11-01",
    repossession: "2018-06-29",
    cap: "0.07",
  },
  { name: "hög ränta uppåt", rate: "0.30", n: 120, rounding: "up" },
  { name: "lång kredit", n: 360, rate: "0.0499" },
  { name: "0 % n = 1", rate: "0", n: 1 },
];

/**
 * The issue's late interest that is exactly 148 900,50 kr (130 500 kr from 2008-01-01 to 2020-12-31),
 * on worked example 1's credit: the sheet and the summary must print 148 901, as the engine does.
 */
const EXACT_HALF_KRONA: ContractInput = {
  caseId: "Ränta 148 900,50",
  creditAmount: 115000,
  annualRate: 0.0595,
  installments: 72,
  firstDueDate: "2009-09-30",
  installmentAmount: 1903,
  monthlyFee: 25,
  setupFee: 495,
  installmentsPaid: 31,
  applicationDate: "2007-12-31",
  interestFrom: "2008-01-01",
  interestCapital: 130500,
  noticeDate: "2020-12-15",
  repossessionDate: "2020-12-31",
  estimatedValue: 60000,
};

/** The 0 % credit with K/n rounded down and no fees: credit cost −3 kr, R = 0 by both methods. */
const ZERO_RATE_ROUNDED_DOWN: ContractInput = {
  caseId: "0 % 12 × 7 889",
  creditAmount: 94671,
  annualRate: 0,
  installments: 12,
  firstDueDate: "2015-01-31",
  installmentAmount: 7889,
  installmentsPaid: 2,
  applicationDate: "2015-04-01",
  noticeDate: "2015-05-10",
  repossessionDate: "2015-05-15",
  estimatedValue: 70000,
};

/** The 30 % credit with the annuity 263,62 rounded up to 264 kr. */
const HIGH_RATE_ROUNDED_UP: ContractInput = {
  caseId: "30 % 120 × 264",
  creditAmount: 10000,
  annualRate: 0.3,
  installments: 120,
  firstDueDate: "2015-01-31",
  installmentAmount: 264,
  installmentsPaid: 30,
  applicationDate: "2017-09-15",
  noticeDate: "2017-11-30",
  repossessionDate: "2017-12-05",
};

const FIXED = [EXACT_HALF_KRONA, ZERO_RATE_ROUNDED_DOWN, HIGH_RATE_ROUNDED_UP];

const RATES = ["0.0295", "0.0595", "0.079", "0.0999", "0.1249", "0.1995"];

/** A rounded annuity of the contract, computed here from the annuity formula (oracles.exactAnnuity). */
function roundedAnnuity(K: number, rate: string, n: number, V: number, how: Rounding): string {
  const exact = exactAnnuity(K, rate, n, V);
  const rounded =
    how === "up"
      ? exact.toDecimalPlaces(0, 2 /* ROUND_CEIL */)
      : how === "down"
        ? exact.toDecimalPlaces(0, 3 /* ROUND_FLOOR */)
        : exact.toDecimalPlaces(2, 4 /* ROUND_HALF_UP */);
  return rounded.toFixed(how === "ore" ? 2 : 0);
}

/** One contract row for a scenario; `attempt` varies the draw when a draw has to be redone. */
function generateRow(s: Scenario, index: number, random: () => number): ContractInput {
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]) => xs[int(0, xs.length - 1)];

  const rate = s.rate ?? pick(RATES);
  const n = s.n ?? pick([6, 12, 24, 36, 48, 60, 72, 84, int(2, 120)]);
  const K = int(8, 600) * 500 + (random() < 0.3 ? int(1, 499) : 0);
  const V = s.residual ? Math.round((K * int(10, 50)) / 100) : 0;
  const rounding = s.rounding ?? pick(["up", "down", "ore"] as const);
  const A = roundedAnnuity(K, rate, n, V, rounding);
  const f = pick([0, 0, 15, 25, 39, 49]);
  const S = pick([0, 0, 295, 495, 750]);

  let first = s.first;
  if (first === undefined) {
    const y = int(2003, 2021);
    const m = int(1, 12);
    first = isoOf({ y, m, d: Math.min(int(1, 31), monthLength(y, m)) });
  }
  const last = dueIso(first, n);
  const due0 = dueIso(first, 0);

  // The repossession date, by the scenario's place in the credit's life, never past the table.
  let repossession: string;
  if (s.repossession) repossession = s.repossession;
  else {
    const place = s.place ?? "mid";
    const span = dayNumber(last) - dayNumber(first);
    repossession =
      place === "beforeFirst"
        ? addDays(first, -int(1, 25))
        : place === "beforeDue0"
          ? addDays(due0, -int(5, 90))
          : place === "afterLast"
            ? addDays(last, int(1, 200))
            : addDays(first, int(0, Math.max(0, span)));
  }
  repossession = minIso(repossession, TABLE_END);
  const noticeGap = int(0, 20);
  const notice = s.noNotice ? null : addDays(repossession, -noticeGap);
  const application = s.interestFrom
    ? addDays(s.interestFrom, -1)
    : addDays(notice ?? repossession, -int(1, 150));

  // Instalments paid: those due by the application date, less a few in arrears.
  const dueByApplication = countDue(first, n, application, true);
  const paid = Math.max(0, dueByApplication - int(1, 4));

  const row: ContractInput = {
    caseId: `G${String(index + 1).padStart(2, "0")} ${s.name}`.slice(0, 31),
    creditAmount: K,
    annualRate: rate,
    installments: n,
    firstDueDate: first,
    installmentAmount: A,
    monthlyFee: f,
    setupFee: S,
    residual: V,
    installmentsPaid: paid,
    applicationDate: application,
    claimedInterest: pick([0, 0, 250, 487, int(1, 3000)]),
    applicantCosts: pick([0, 0, 310]),
    repossessionDate: repossession,
    estimatedValue: random() < 0.2 ? null : int(0, 40) * 2500 + (random() < 0.3 ? 0.55 : 0),
    method: s.method ?? "auto",
  };
  if (notice) row.noticeDate = notice;
  if (s.interestFrom) row.interestFrom = s.interestFrom;
  if (s.cap) row.lateInterestRate = s.cap;
  if (random() < 0.3) row.basicFee = pick([300, 600, 0]);
  return row;
}

/** Every scenario's contract, calculated; a draw the engine refuses is drawn again (seeded). */
function generateCalculations(seed: number): Calculation[] {
  const random = seededRandom(seed);
  const generated = SCENARIOS.map((scenario, index) => {
    for (let attempt = 0; attempt < 20; attempt++) {
      const row = generateRow(scenario, index, random);
      try {
        return calculate(parseContract(row));
      } catch (error) {
        if (!(error instanceof EngineError)) throw error;
      }
    }
    throw new Error(`scenario ${scenario.name}: no acceptable contract in 20 draws`);
  });
  return [...generated, ...FIXED.map((row) => calculate(parseContract(row)))];
}

// ------------------------------------------------------------------------------ reading back

/** Every sheet of a recalculated workbook: address → value (formula cells: their result). */
async function readWorkbook(file: string): Promise<Map<string, Map<string, unknown>>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const sheets = new Map<string, Map<string, unknown>>();
  for (const ws of wb.worksheets) {
    const values = new Map<string, unknown>();
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        const v = cell.type === ExcelJS.ValueType.Formula ? cell.result : cell.value;
        values.set(cell.address, toExcelSerial(v));
      }),
    );
    sheets.set(ws.name, values);
  }
  return sheets;
}

/** "C48", "$C$48" or "'Övning 1'!$C$48" → "C48". */
const bareAddress = (ref: string) => ref.replace(/^.*!/, "").replace(/\$/g, "").toUpperCase();

function columnLetters(col: number): string {
  let s = "";
  for (let c = col; c > 0; c = Math.floor((c - 1) / 26))
    s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

/** Floats from LibreOffice against the engine's decimals: equal to 1e-9 relative (far below an öre). */
function close(got: unknown, want: number | string): boolean {
  if (typeof want === "number" && typeof got === "number")
    return Math.abs(got - want) <= 1e-9 * Math.max(1, Math.abs(want));
  if (want === "" && got === undefined) return true; // an empty result is not written back
  return got === want;
}

type LineKey = keyof StatementLines<unknown>;
const LINE_KEYS: LineKey[] = [
  "unpaidCreditClaim",
  "basicFee",
  "applicantCosts",
  "reduction",
  "amountExclInterest",
  "lateInterest",
  "claimedInterest",
  "amountInclInterest",
];

/** The summary's header labels for the figures compared per row. */
const SUMMARY_COLUMNS = {
  t: "t vid återtagning",
  noticeRule78: "R 78-regeln, underrättelse",
  noticeActual: "R faktisk, underrättelse",
  rule78: "R 78-regeln, återtagning",
  actual: "R faktisk, återtagning",
  noticeAmount: "Att betala inkl. ränta, underrättelse",
  amount: "Att betala inkl. ränta, återtagning",
  surplus: "Överskott",
} as const;

/** The engine's figure for each summary column of a calculation ("" where the date is absent). */
function summaryExpected(calc: Calculation): Record<keyof typeof SUMMARY_COLUMNS, number | string> {
  const notice = calc.statements.find((s) => s.label === "notice");
  const last = calc.statements[calc.statements.length - 1];
  return {
    t: last.remainingInstallments,
    noticeRule78: notice ? notice.reductionRule78.toNumber() : "",
    noticeActual: notice ? notice.actual.reduction.toNumber() : "",
    rule78: last.reductionRule78.toNumber(),
    actual: last.actual.reduction.toNumber(),
    noticeAmount: notice ? notice.lines.amountInclInterest.toNumber() : "",
    amount: last.lines.amountInclInterest.toNumber(),
    surplus: last.surplus === null ? "" : last.surplus.toNumber(),
  };
}

// ------------------------------------------------------------------------------ the test

const SEED = 20261127;
const STANDALONE_SUMMARY = "Sammanställning utan blad";
const WORKBOOKS = 2;

describeSoffice("LibreOffice recalculates 39 generated contracts like the engine", () => {
  jest.setTimeout(600_000);

  interface Book {
    plans: SheetPlan[];
    calculations: Calculation[];
    values: Map<string, Map<string, unknown>>;
  }
  let dir: string;
  let calculations: Calculation[];
  const linked: Book[] = [];
  let standalone: Book;

  beforeAll(async () => {
    calculations = generateCalculations(SEED);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "lo-generated-"));
    // The summary that computes on its own (summary-only mode) rides in the last workbook under its
    // own name; its formulas refer to the Referensräntor sheet every workbook has.
    const [standaloneSummary] = planBatchWorkbook({ calculations, refused: [] }, { sheets: false });
    const standalonePlan = { ...standaloneSummary, name: STANDALONE_SUMMARY };
    const perBook = Math.ceil(calculations.length / WORKBOOKS);
    // One LibreOffice at a time: the machine's cores are shared.
    for (let index = 0; index < WORKBOOKS; index++) {
      const book = { calculations: calculations.slice(index * perBook, (index + 1) * perBook) };
      const last = index === WORKBOOKS - 1;
      const batch = planBatchWorkbook(
        { calculations: book.calculations, refused: [] },
        { sheets: true },
      );
      const plans = last ? [...batch, standalonePlan] : batch;
      const file = path.join(dir, `book-${index}.xlsx`);
      // No cached results: every value read back is LibreOffice's own.
      await writeXlsxFile(
        plans.map((plan) => ({
          ...plan,
          cells: plan.cells.map((cell) =>
            cell.formula === undefined ? cell : { ...cell, result: undefined },
          ),
        })),
        file,
        { created: new Date(Date.UTC(2026, 10, 27)) },
      );
      const t0 = Date.now();
      const out = await recalculateXlsx(file);
      process.stdout.write(
        `LibreOffice recalculated the sheets of ${book.calculations.length} contracts${last ? " and the summary of all" : ""} in ${Date.now() - t0} ms\n`,
      );
      const values = await readWorkbook(out);
      linked.push({ plans: batch, calculations: book.calculations, values });
      if (last) standalone = { plans: [standalonePlan], calculations, values };
    }
  });
  afterAll(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it("the generated set covers every edge the issue lists", () => {
    const contracts = calculations.map((c) => c.contract);
    const iso = (d: number) => isoOfDay(d);
    expect(calculations.length).toBeGreaterThanOrEqual(30);
    expect(new Set(calculations.map((c) => c.contract.caseId)).size).toBe(calculations.length);
    expect(calculations.some((c) => c.method === "rule78")).toBe(true);
    expect(calculations.some((c) => c.method === "actual")).toBe(true);
    expect(contracts.some((c) => c.installments === 1)).toBe(true);
    expect(contracts.some((c) => c.annualRate.isZero())).toBe(true);
    expect(contracts.some((c) => !c.residual.isZero())).toBe(true);
    expect(contracts.some((c) => c.noticeDate === null)).toBe(true);
    expect(contracts.some((c) => iso(c.firstDueDate).endsWith("-02-29"))).toBe(true);
    expect(contracts.some((c) => iso(c.firstDueDate).endsWith("-31"))).toBe(true);
    expect(contracts.some((c) => c.repossessionDate < c.firstDueDate)).toBe(true);
    expect(contracts.some((c) => iso(c.repossessionDate) < dueIso(iso(c.firstDueDate), 0))).toBe(
      true,
    );
    expect(
      contracts.some((c) => iso(c.repossessionDate) > dueIso(iso(c.firstDueDate), c.installments)),
    ).toBe(true);
    // A late-interest window over the negative reference rates of 2015–2019, and many half-years.
    expect(
      contracts.some(
        (c) => iso(c.interestFrom) <= "2015-06-30" && iso(c.repossessionDate) >= "2019-12-31",
      ),
    ).toBe(true);
    expect(
      calculations.some((c) => c.statements.some((s) => s.lateInterest.segments.length >= 20)),
    ).toBe(true);
    // A credit cost below zero (0 % rounded down, no fees): the rule of 78 must still give R = 0.
    expect(calculations.some((c) => c.creditCostExclSetup.isNegative())).toBe(true);
    // The late interest of exactly 148 900,50 kr, printed 148 901.
    expect(
      calculations.some((c) => c.statements.some((s) => s.lateInterest.total.equals("148900.5"))),
    ).toBe(true);
  });

  it("every instalment is a rounded annuity of its contract (within 1 kr of the exact annuity)", () => {
    const off = calculations.filter((calc) => {
      const c = calc.contract;
      const exact = exactAnnuity(
        c.creditAmount.toString(),
        c.annualRate.toString(),
        c.installments,
        c.residual.toString(),
      );
      return exact.minus(c.installmentAmount.toString()).abs().gte(1);
    });
    expect(off.map((c) => c.contract.caseId)).toEqual([]);
  });

  it("every statement line, t and both reductions at both dates equal the engine's (case sheets)", () => {
    const mismatches: string[] = [];
    let compared = 0;
    for (const book of linked) {
      book.calculations.forEach((calc, index) => {
        const plan = book.plans[1 + index]; // after the summary
        const values = book.values.get(plan.name)!;
        for (const st of calc.statements) {
          const expected: [string, number][] = [
            ...LINE_KEYS.map((key) => [key, st.lines[key].toNumber()] as [string, number]),
            ["t", st.remainingInstallments],
            ["rule78", st.reductionRule78.toNumber()],
            ["actual", st.actual.reduction.toNumber()],
            ["interestTotal", st.lateInterest.total.toNumber()],
          ];
          for (const [key, want] of expected) {
            const ref = plan.names[`${st.label}.${key}`];
            const got = ref === undefined ? "(no cell named)" : values.get(bareAddress(ref));
            compared++;
            if (!close(got, want))
              mismatches.push(
                `${plan.name} ${st.label}.${key}: engine ${want}, LibreOffice ${JSON.stringify(got)}`,
              );
          }
        }
      });
    }
    expect(compared).toBeGreaterThan(30 * 12);
    expect(mismatches).toEqual([]);
  });

  it("every formula cell of every case sheet and summary agrees with the engine's figure", () => {
    const mismatches: string[] = [];
    let compared = 0;
    for (const book of [...linked, standalone]) {
      for (const plan of book.plans) {
        const values = book.values.get(plan.name)!;
        for (const cell of plan.cells) {
          if (cell.formula === undefined || cell.result === undefined) continue;
          compared++;
          const addr = `${columnLetters(cell.col + 1)}${cell.row + 1}`;
          const got = values.get(addr);
          if (!close(got, cell.result as number | string))
            mismatches.push(
              `${plan.name}!${addr} =${cell.formula}: engine ${JSON.stringify(cell.result)}, LibreOffice ${JSON.stringify(got)}`,
            );
        }
      }
    }
    expect(compared).toBeGreaterThan(1000);
    expect(mismatches.slice(0, 40)).toEqual([]);
  });

  it.each(["linked to the case sheets", "computing on its own"] as const)(
    "the Sammanställning (%s) shows each contract's t, reductions, amounts and surplus",
    (mode) => {
      const books = mode === "linked to the case sheets" ? linked : [standalone];
      const mismatches: string[] = [];
      let rows = 0;
      for (const book of books) {
        const summary = book.plans[0];
        expect(summary.name).toBe(
          mode === "linked to the case sheets" ? SUMMARY_SHEET_NAME : STANDALONE_SUMMARY,
        );
        const values = book.values.get(summary.name)!;
        const firstRow = Number(summary.names.firstRow);
        const headerRow = firstRow - 1; // 1-based row of the headers
        const columnOf = (label: string) => {
          const cell = summary.cells.find((c) => c.row === headerRow - 1 && c.value === label);
          if (!cell) throw new Error(`summary: no column headed ${label}`);
          return columnLetters(cell.col + 1);
        };
        book.calculations.forEach((calc, index) => {
          const row = firstRow + index;
          rows++;
          const want = summaryExpected(calc);
          for (const [key, label] of Object.entries(SUMMARY_COLUMNS)) {
            const got = values.get(`${columnOf(label)}${row}`);
            const expected = want[key as keyof typeof SUMMARY_COLUMNS];
            if (!close(got, expected))
              mismatches.push(
                `${calc.contract.caseId} ${label}: engine ${JSON.stringify(expected)}, LibreOffice ${JSON.stringify(got)}`,
              );
          }
        });
      }
      expect(rows).toBe(calculations.length);
      expect(mismatches).toEqual([]);
    },
  );
});
