/**
 * Current reference rates and the law table on the command line (issue 18 point 1): `--rates FIL` for
 * calc, sheet, batch and exercises; `atertag rates`; the missing-rate message; the law's warning.
 *
 * The case: worked example 1 (docs/conventions.md §8) moved to 2026 with no first day of interest
 * stated, so interest runs from 2026-07-01 (the day after the application date 2026-06-30), a
 * half-year the built-in table lacks. Late interest is computed here: unpaid claim 41 × 1 928 =
 * 79 048 kr at 1,75 % + 8 = 9,75 %, both days counted, / 365 (conventions §6).
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { CASE_2026 } from "./testkit/fixtures";
import rateData from "../src/engine/data/reference-rates.json";
import { runAtertag } from "./testkit/cli";

/** Whole kronor, Swedish grouping, half away from zero (conventions §7). */
const kronor = (value: number) =>
  `${String(Math.round(value)).replace(/\B(?=(\d{3})+(?!\d))/g, " ")} kr`;
const interest = (days: number, percent: number) => kronor((79048 * (percent + 8) * days) / 36500);

let dir: string;
const file = (name: string, content: string | Buffer) => {
  const at = path.join(dir, name);
  fs.writeFileSync(at, content);
  return at;
};

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "rates-cli-"));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** `atertag sheet` of the 2026 case to `out`, with the rates file `rates`. */
const sheetWithRates = (out: string, rates: string) =>
  runAtertag("sheet", file("case.json", JSON.stringify(CASE_2026)), "--out", out, "--rates", rates);

describe("a case past the built-in table", () => {
  test("is refused naming the half-year, the date the user gave, and --rates FIL", async () => {
    const contract = file("case.json", JSON.stringify(CASE_2026));
    const run = await runAtertag("calc", contract);
    expect(run.status).toBe(2);
    expect(run.out).toEqual([]);
    expect(run.err).toEqual([
      `Fel: ${contract}: Referensränta saknas för halvåret 2026-07-01–2026-12-31 ` +
        `(fältet applicationDate "2026-06-30"); lägg till halvåret med --rates FIL ` +
        "(en CSV- eller xlsx-fil med kolumnerna Från och Procent, se docs/reference-rates.md)",
    ]);
  });

  test("a stated first day of interest is named as given", async () => {
    const contract = file(
      "case.json",
      JSON.stringify({ ...CASE_2026, interestFrom: "2026-07-02" }),
    );
    const run = await runAtertag("calc", contract);
    expect(run.err[0]).toContain('(fältet interestFrom "2026-07-02")');
  });

  test.each([
    ["CSV, decimal comma", "rates.csv", "Från;Procent\n2026-07-01;1,75\n"],
    ["CSV, decimal point and %", "rates.csv", "Från,Procent\n2026-07-01,1.75 %\n"],
    [
      "the sheet's own headers",
      "rates.csv",
      "Gäller från;Referensränta (%);Källa\n2026-07-01;1,75;Riksbanken\n",
    ],
  ])("is computed with --rates FIL (%s)", async (_name, name, content) => {
    const contract = file("case.json", JSON.stringify(CASE_2026));
    const run = await runAtertag("calc", contract, "--rates", file(name, content));
    expect(run.status).toBe(0);
    const line = run.out
      .join("\n")
      .split("\n")
      .find((l) => l.startsWith("Dröjsmålsränta"))!;
    // To the notice date 2026-08-15 (46 days) and the repossession date 2026-08-20 (51 days).
    expect(line.split(/\s{2,}/).slice(1)).toEqual([interest(46, 1.75), interest(51, 1.75)]);
  });

  test("an .xlsx rate table is read (Excel dates and numbers)", async () => {
    const book = new ExcelJS.Workbook();
    const ws = book.addWorksheet("Referensräntor");
    ws.addRow(["Från", "Procent"]);
    ws.addRow([new Date(Date.UTC(2026, 6, 1)), 1.75]);
    const rates = path.join(dir, "rates.xlsx");
    await book.xlsx.writeFile(rates);
    const run = await runAtertag(
      "calc",
      file("case.json", JSON.stringify(CASE_2026)),
      "--rates",
      rates,
    );
    expect(run.status).toBe(0);
    expect(run.out.join("\n")).toContain(interest(51, 1.75));
  });
});

describe("--rates FIL refused", () => {
  test.each([
    ["a date that starts no half-year", "Från;Procent\n2026-08-01;1,75\n", "rad 2 från"],
    ["a percent that is not a number", "Från;Procent\n2026-07-01;abc\n", "rad 2 procent"],
    ["a fraction for a percent", "Från;Procent\n2026-07-01;0,0175\n", "högst två decimaler"],
    ["the same half-year twice", "Från;Procent\n2026-07-01;1,75\n2026-07-01;2,00\n", "två gånger"],
    ["no Procent column", "Från;Ränta\n2026-07-01;1,75\n", "Kolumnen Procent saknas"],
  ])("%s: one line naming the file, exit 2, nothing written", async (_name, content, expected) => {
    const rates = file("rates.csv", content);
    const out = path.join(dir, "out.xlsx");
    const run = await sheetWithRates(out, rates);
    expect(run.status).toBe(2);
    expect(run.err).toHaveLength(1);
    expect(run.err[0]).toContain(rates);
    expect(run.err[0]).toContain(expected);
    expect(fs.existsSync(out)).toBe(false);
  });
});

describe("workbooks carry the user's rates on their Referensräntor sheet", () => {
  const lastRateRow = async (xlsx: string) => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(xlsx);
    const sheet = book.getWorksheet("Referensräntor")!;
    const row = sheet.getRow(sheet.actualRowCount);
    return [row.getCell(2).value, row.getCell(4).text]; // streamed text arrives as rich text
  };

  test("sheet --rates", async () => {
    const out = path.join(dir, "case.xlsx");
    const rates = file("rates.csv", "Från;Procent\n2026-07-01;1,75\n");
    const run = await sheetWithRates(out, rates);
    expect(run.status).toBe(0);
    expect(await lastRateRow(out)).toEqual([1.75, "Tillagd av användaren (rates.csv rad 2)"]);
  });

  test("batch --rates (the streamed summary)", async () => {
    const header = Object.keys(CASE_2026).join(";");
    const row = Object.values(CASE_2026).map(String).join(";");
    const table = file("cases.csv", `${header}\n${row}\n`);
    const out = path.join(dir, "summary.xlsx");
    const rates = file("rates.csv", "Från;Procent\n2026-07-01;1,75\n");
    const run = await runAtertag("batch", table, "--out", out, "--rates", rates);
    expect(run.err.filter((l) => l.startsWith("Fel"))).toEqual([]);
    expect(run.status).toBe(0);
    expect(await lastRateRow(out)).toEqual([1.75, "Tillagd av användaren (rates.csv rad 2)"]);
  });

  test("exercises --rates", async () => {
    const out = path.join(dir, "handout.xlsx");
    const rates = file("rates.csv", "Från;Procent\n2026-07-01;1,75\n");
    const run = await runAtertag(
      "exercises",
      "--level",
      "1",
      "--count",
      "1",
      "--out",
      out,
      "--rates",
      rates,
    );
    expect(run.status).toBe(0);
    expect(await lastRateRow(out)).toEqual([1.75, "Tillagd av användaren (rates.csv rad 2)"]);
  });
});

describe("atertag rates", () => {
  const UNCONFIRMED = "Sekundär källa, ännu inte bekräftad mot Riksbankens besked";
  const CONFIRMED = "Riksbankens besked (bekräftad)";

  test("prints every built-in half-year with its rate and source", async () => {
    const run = await runAtertag("rates");
    expect(run.status).toBe(0);
    const lines = run.out.join("\n").split("\n");
    expect(lines[0]).toMatch(/^Halvår\s+Procent\s+Källa$/);
    expect(lines).toHaveLength(rateData.rates.length + 1);
    for (const [i, entry] of rateData.rates.entries()) {
      const percent = `${entry.percent.replace("-", "−").replace(".", ",")} %`;
      expect(lines[i + 1]).toContain(`${entry.from}–`);
      expect(lines[i + 1]).toContain(percent);
      expect(lines[i + 1]).toContain(entry.confirmed ? CONFIRMED : UNCONFIRMED);
    }
    expect(lines.find((l) => l.startsWith("2025-01-01"))).toMatch(/3,00 %\s+Sekundär/);
  });

  test("with --rates: the user's rows, added and replacing, and a restated one keeps its source", async () => {
    const rates = file(
      "rates.csv",
      "Från;Procent\n2026-07-01;1,75\n2026-01-01;2,25\n2012-07-01;1,50\n",
    );
    const run = await runAtertag("rates", "--rates", rates);
    const lines = run.out.join("\n").split("\n");
    expect(lines[lines.length - 1]).toMatch(
      /^2026-07-01–2026-12-31\s+1,75 %\s+Tillagd av användaren \(rates\.csv rad 2\)$/,
    );
    expect(lines.find((l) => l.startsWith("2026-01-01"))).toMatch(
      /2,25 %\s+Tillagd av användaren \(rates\.csv rad 3\)$/,
    );
    expect(lines.find((l) => l.startsWith("2012-07-01"))).toMatch(
      /1,50 %\s+Riksbankens besked \(bekräftad\)$/,
    );
  });
});

describe("the law table's last date", () => {
  const NEW_ACT = {
    ...CASE_2026,
    contractDate: "2026-11-20",
    firstDueDate: "2026-12-30",
    installmentsPaid: 0,
    applicationDate: "2026-12-01",
    noticeDate: "2026-12-01",
    repossessionDate: "2026-12-05",
  };

  test("a contract from 2026-11-20 is computed with a visible warning to check the legal reference", async () => {
    const rates = file("rates.csv", "Från;Procent\n2026-07-01;1,75\n");
    const run = await runAtertag(
      "calc",
      file("case.json", JSON.stringify(NEW_ACT)),
      "--rates",
      rates,
    );
    expect(run.status).toBe(0);
    const text = run.out.join("\n");
    expect(text).toContain("VARNING: Kontrollera lagrummet: kontrakt från 2026-11-20");
    expect(text).toContain("EU-direktiv 2023/2225");
    const json = await runAtertag(
      "calc",
      file("c2.json", JSON.stringify(NEW_ACT)),
      "--rates",
      rates,
      "--json",
    );
    expect(json.status).toBe(0);
    expect(json.err).toEqual([expect.stringMatching(/^Varning: Övning 1: Kontrollera lagrummet/)]);
  });

  test("a contract from the day before is not warned about", async () => {
    const rates = file("rates.csv", "Från;Procent\n2026-07-01;1,75\n");
    const run = await runAtertag(
      "calc",
      file("case.json", JSON.stringify({ ...NEW_ACT, contractDate: "2026-11-19" })),
      "--rates",
      rates,
    );
    expect(run.status).toBe(0);
    expect(run.out.join("\n")).not.toContain("Kontrollera lagrummet");
    expect(run.out.join("\n")).toContain("40 § konsumentkreditlagen (2010:1846)");
  });
});
