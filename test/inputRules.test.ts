/**
 * One rule per kind of input, in every place a contract enters (issue 18, points 2 and 3):
 * - a rate: with % it is percent, without a number below 1 is a fraction and from 1 up to 100 percent;
 * - a date: ISO text or an Excel serial number (as a number or as digits), as the message promises;
 * - an amount: at most 1 000 000 000 kr (the schema's bound), refused above it naming the field;
 *   text longer than 40 characters refused unread, and never echoed whole in a message;
 * - in a decimal-comma table a point that may group thousands (`60.000`) is refused, naming the cell.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { calculate, parseContract } from "../src/engine";
import { MAX_AMOUNT_KRONOR } from "../src/engine/schema";
import { requiredRate, requiredDate } from "../src/functions/coerce";
import { engineErrorOf, exampleRow } from "./testkit/fixtures";
import { runAtertag } from "./testkit/cli";

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "atertag-rules-"));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("a rate is read by one rule: 5,95 % and 0,0595 always", () => {
  test.each`
    written     | scenario
    ${0.0595}   | ${"a fraction (a cell formatted 5,95 % holds it)"}
    ${"0,0595"} | ${"a fraction as text, decimal comma"}
    ${"5,95 %"} | ${"percent with its sign"}
    ${"5.95%"}  | ${"percent, point, no space"}
    ${5.95}     | ${"a bare number from 1 is percent"}
    ${"5,95"}   | ${"the same as text"}
  `("$scenario ($written): the worked example's 4 785 kr reduction", ({ written }) => {
    const contract = parseContract({ ...exampleRow(1), annualRate: written });
    expect(contract.annualRate.toFixed()).toBe("0.0595");
    const notice = calculate(contract).statements[0];
    expect(notice.lines.reduction.toFixed(0)).toBe("4785");
  });

  test("a rate below 1 % needs its sign: 0,5 % is 0.005, a bare 0,5 is a fraction (50 %)", () => {
    const row = { ...exampleRow(1), annualRate: "0,5 %" };
    expect(engineErrorOf(() => parseContract(row)).field).not.toBe("annualRate");
    expect(requiredRate("0,5 %", "annualRate").toFixed()).toBe("0.005");
    expect(requiredRate(0.5, "annualRate").toFixed()).toBe("0.5");
  });

  test("the custom functions read a rate by the same rule", () => {
    for (const written of [0.0595, "0,0595", "5,95 %", 5.95])
      expect([written, requiredRate(written, "annualRate").toFixed()]).toEqual([written, "0.0595"]);
  });

  test("100 % and more is refused, the message saying both ways to write a rate", () => {
    const error = engineErrorOf(() => parseContract({ ...exampleRow(1), annualRate: 100 }));
    expect(error.message).toBe(
      "Fältet annualRate (100) är ingen ränta: skriv den med procenttecken (5,95 %) eller som " +
        "decimalbråk (0,0595); ett tal utan procenttecken under 1 är ett decimalbråk, från 1 till under 100 procent",
    );
  });
});

describe("a date: ISO text or an Excel serial number, wherever the message promises it", () => {
  // 40086 is 2009-09-30: 39813 is 2009-01-01 (Excel's serial), + 272 days (Jan–Sep 29).
  test.each([40086, "40086", "2009-09-30"])("firstDueDate %p in JSON", (written) => {
    const contract = parseContract({ ...exampleRow(1), firstDueDate: written });
    expect(contract).toEqual(parseContract(exampleRow(1)));
  });

  test("the functions read the same date from a serial as text", () => {
    expect(requiredDate("40086", "firstDueDate")).toBe(requiredDate("2009-09-30", "firstDueDate"));
  });
});

describe("absurd amounts refused, naming the field, never echoed whole", () => {
  test("the bound is 1 000 000 000 kr: at it accepted, above it refused", () => {
    expect(MAX_AMOUNT_KRONOR).toBe(1_000_000_000);
    const at = parseContract({ ...exampleRow(1), applicantCosts: 1_000_000_000 });
    expect(at.applicantCosts.toFixed()).toBe("1000000000");
    const error = engineErrorOf(() =>
      parseContract({ ...exampleRow(1), applicantCosts: 1.111111111111111e29 }),
    );
    expect([error.code, error.field]).toEqual(["tooLarge", "applicantCosts"]);
    expect(error.message).toMatch(/större än 1 000 000 000 kr, den övre gränsen för ett belopp$/);
  });

  test("a 400-digit claimed interest: refused unread, the value cut to its start and length", () => {
    const error = engineErrorOf(() =>
      parseContract({ ...exampleRow(1), claimedInterest: "9".repeat(400) }),
    );
    expect(error.code).toBe("tooLong");
    expect(error.message).toBe(
      `Fältet claimedInterest ("${"9".repeat(25)}…" (400 tecken)) är inget tal: längre än 40 tecken`,
    );
  });

  test("calc: 1.1e29 exits 2 with one line naming the file and the field; nothing on stdout", async () => {
    const file = path.join(dir, "huge.json");
    fs.writeFileSync(file, JSON.stringify({ ...exampleRow(1), applicantCosts: 1.1e29 }));
    const r = await runAtertag("calc", file, "--json");
    expect(r.status).toBe(2);
    expect(r.out).toEqual([]);
    expect(r.err).toHaveLength(1);
    expect(r.err[0]).toContain(file);
    expect(r.err[0]).toContain("applicantCosts");
  });

  test("a 1 MB number cell in a CSV: the file refused at its line, status 2, nothing written", async () => {
    const header = "Ärende;Kreditbelopp;Nominell ränta";
    const file = path.join(dir, "mega.csv");
    fs.writeFileSync(file, `${header}\nA;${"9".repeat(1_000_000)};5,95 %\n`);
    const out = path.join(dir, "mega.xlsx");
    const r = await runAtertag("batch", file, "--out", out);
    expect(r.status).toBe(2);
    expect(r.err).toEqual([
      `Fel: ${file}: Rad 2 är längre än 65 536 tecken; en kontraktsrad är aldrig så lång (har en cell fått en hel text inklistrad?)`,
    ]);
    expect(fs.existsSync(out)).toBe(false);
  });

  test("a 1 MB number cell in a workbook: that row refused at its cell, the value cut", async () => {
    const book = new ExcelJS.Workbook();
    const ws = book.addWorksheet("Kontrakt");
    const example = exampleRow(1);
    const fields = Object.keys(example);
    ws.addRow(fields);
    ws.addRow(fields.map((f) => example[f] as ExcelJS.CellValue));
    ws.addRow(
      fields.map(
        (f) => (f === "creditAmount" ? "9".repeat(1_000_000) : example[f]) as ExcelJS.CellValue,
      ),
    );
    const file = path.join(dir, "mega.xlsx");
    await book.xlsx.writeFile(file);
    const r = await runAtertag("batch", file, "--json");
    expect(r.status).toBe(3);
    const col = String.fromCharCode(65 + fields.indexOf("creditAmount"));
    expect(r.err).toEqual([
      `Varning: ${file} rad 3: ärendet "Övning 1" finns redan på rad 2`,
      `Fel: ${file} rad 3 (Övning 1): ${col}3: creditAmount ("${"9".repeat(25)}…" (1 000 000 tecken)) är inget tal: längre än 40 tecken`,
    ]);
  });
});

describe("a point in a decimal-comma table", () => {
  const header =
    "Ärende;Kreditbelopp;Nominell ränta;Antal avbetalningar;Första förfallodag;Avbetalning;Betalda avbetalningar;Ansökningsdag;Återtagningsdag;Uppskattat värde";
  const row = (value: string) =>
    `Övning 1;115000;5,95 %;72;2009-09-30;1903;31;2012-09-04;2012-12-20;${value}`;

  test("60.000 in a semicolon CSV: refused at its cell, saying what to write; status 2", async () => {
    const file = path.join(dir, "point.csv");
    fs.writeFileSync(file, `${header}\n${row("60.000")}\n`);
    const r = await runAtertag("batch", file, "--json");
    expect(r.status).toBe(2);
    expect(r.out).toEqual([]);
    expect(r.err[0]).toBe(
      `Fel: ${file} rad 2 (Övning 1): J2: Uppskattat värde ("60.000"): punkten är tvetydig där ` +
        "decimaltecknet är komma; skriv 60000 om punkten skiljer tusental, 60,000 om den är ett decimaltecken",
    );
  });

  test("60 000 and 60000,00 in the same file are read as 60 000 kr", async () => {
    for (const value of ["60 000", "60000,00"]) {
      const file = path.join(dir, "ok.csv");
      fs.writeFileSync(file, `${header}\n${row(value)}\n`);
      const r = await runAtertag("batch", file, "--json");
      expect([value, r.status]).toEqual([value, 0]);
      type Report = { statements: { surplus: string; lines: { amountInclInterest: number } }[] };
      const [report] = JSON.parse(r.out.join("\n")) as Report[];
      // surplus = value of the goods − the amount including interest, so the value read is their sum.
      const { surplus, lines } = report.statements[0];
      expect(Number(surplus) + lines.amountInclInterest).toBe(60000);
    }
  });
});
