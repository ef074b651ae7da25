/**
 * A whole contract table at once: CSV reading, per-row refusal, and the batch command. The summary
 * sheet's live formulas recalculated by LibreOffice: test/batch.libreoffice.test.ts.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { CsvError, parseCsv } from "../src/cli/csv";
import { runCli, PARTIAL_STATUS } from "../src/cli/cli";
import { calculateRows } from "../src/sheet/batch";
import { columnLetter } from "../src/sheet/grid";

const FIXTURE = path.join(__dirname, "fixtures", "batch.csv");
function rowsOf(file: string) {
  const table = parseCsv(fs.readFileSync(file, "utf8"));
  return {
    header: table.header,
    rows: table.rows.map(({ line, cells }) => ({
      where: `rad ${line}`,
      values: cells,
      addressOf: (col: number) => `${columnLetter(col)}${line}`,
    })),
  };
}

describe("CSV", () => {
  test.each([
    ["semicolons", "a;b\n1;2\n", ";", [["1", "2"]]],
    ["commas", "a,b\r\n1,2\r\n", ",", [["1", "2"]]],
    ["tabs", "a\tb\n1\t2", "\t", [["1", "2"]]],
    ["quoted delimiter and doubled quote", 'a;b\n"x;y";"sa ""hej"""\n', ";", [["x;y", 'sa "hej"']]],
    ["quoted newline", 'a,b\n"rad1\nrad2",2\n', ",", [["rad1\nrad2", "2"]]],
    ["BOM and blank lines", "\uFEFFa;b\n\n1;2\n\n", ";", [["1", "2"]]],
    ["decimal commas under semicolons", "rate;x\n0,0595;1\n", ";", [["0,0595", "1"]]],
  ])("%s", (_name, text, delimiter, rows) => {
    const table = parseCsv(text);
    expect(table.delimiter).toBe(delimiter);
    expect(table.rows.map((r) => r.cells)).toEqual(rows);
  });

  test("line numbers count the header and quoted newlines", () => {
    const table = parseCsv('a,b\n"x\ny",1\n\nz,2\n');
    expect(table.rows.map((r) => r.line)).toEqual([2, 5]);
  });

  test("an unterminated quote names its line", () => {
    expect(() => parseCsv('a,b\n1,"open\n')).toThrow(
      new CsvError("Rad 2: ett citattecken stängs aldrig"),
    );
  });

  test("an empty file is refused", () => {
    expect(() => parseCsv("\n\n")).toThrow(CsvError);
  });
});

describe("calculateRows", () => {
  const { header, rows } = rowsOf(FIXTURE);
  const result = calculateRows(header, rows);

  test("good rows go through with the worked examples' figures", () => {
    expect(result.calculations.map((c) => c.contract.caseId)).toEqual(["Övning 1", "Övning 2"]);
    const totals = result.calculations.map((c) =>
      c.statements.map((s) => s.lines.amountInclInterest.toNumber()),
    );
    expect(totals).toEqual([
      [77449, 77551],
      [93335, 93529],
    ]);
  });

  test("a bad row is listed with its line, case id, cell and reason", () => {
    expect(result.refused).toEqual([
      { where: "rad 4", caseId: "Trasig", reason: expect.stringMatching(/^O4: .*99.*72/) },
    ]);
  });
});

describe("atertag batch", () => {
  const io = () => {
    const out: string[] = [];
    const err: string[] = [];
    return { out, err, io: { out: (t: string) => out.push(t), err: (t: string) => err.push(t) } };
  };

  test("--json prints the calc --json array for the good rows; refused rows on stderr, status 3", async () => {
    const { out, err, io: cli } = io();
    const status = await runCli(["batch", FIXTURE, "--json"], cli);
    expect(status).toBe(PARTIAL_STATUS);
    const reports = JSON.parse(out.join("\n"));
    expect(reports.map((r: { caseId: string }) => r.caseId)).toEqual(["Övning 1", "Övning 2"]);
    expect(reports[1].statements[1].lines.amountInclInterest).toBe(93529);
    expect(err).toEqual([expect.stringContaining("rad 4 (Trasig): O4:")]);
  });

  test("--out writes a workbook with the summary, one sheet per case with --sheets, and the rate table", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "batch-cli-"));
    const target = path.join(dir, "ut.xlsx");
    const { io: cli } = io();
    await runCli(["batch", FIXTURE, "--out", target, "--sheets"], cli);
    const ExcelJS = (await import("exceljs")).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(target);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      "Sammanställning",
      "Övning 1",
      "Övning 2",
      "Referensräntor",
    ]);
    const link = wb.getWorksheet("Sammanställning")!.getCell("A5").value as {
      text: string;
      hyperlink: string;
    };
    expect(link).toEqual({ text: "Övning 1", hyperlink: "#'Övning 1'!A1" });
    expect(fs.readdirSync(dir)).toEqual(["ut.xlsx"]);
  });

  test("without --out or --json: usage error, status 2", async () => {
    const { err, io: cli } = io();
    expect(await runCli(["batch", FIXTURE], cli)).toBe(2);
    expect(err[0]).toMatch(/^Fel: Ange --out/);
  });
});
