/**
 * `atertag exercises` (issue "Training mode", item 3): the handout workbook written atomically, the
 * `--json` array whose every `answers` is exactly what `calc --json` prints for its `contract` (checked
 * by running `calc` on the contract written to a file), and bad flags refused with status 2, one line
 * naming the flag and its value, nothing written.
 */
import ExcelJS from "exceljs";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { practiceCase } from "../src/training/practiceCase";
import { runAtertag } from "./testkit/cli";

const run = runAtertag;

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "atertag-exercises-"));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("the handout workbook", () => {
  test("--level 2 --count 3 --seed 47 --out writes the trainees' file without answers and the facit beside it", async () => {
    const out = path.join(dir, "övningar.xlsx");
    const facit = path.join(dir, "övningar-facit.xlsx");
    const r = await run("exercises", "--level", "2", "--count", "3", "--seed", "47", "--out", out);
    expect(r).toEqual({
      status: 0,
      out: [
        `Skrev ${out} och ${facit}`,
        "3 övningar på nivå 2 (Övning 2.47 – Övning 2.49): ett blad per övning och Referensräntor för deltagarna, facit i en egen fil.",
      ],
      err: [],
    });
    const names = async (file: string) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(file);
      return wb.worksheets.map((ws) => ws.name);
    };
    // The trainees' file: no Facit sheet, so printing the whole file prints no answer.
    expect(await names(out)).toEqual([
      "Övning 2.47",
      "Övning 2.48",
      "Övning 2.49",
      "Referensräntor",
    ]);
    // The trainer's: the same sheets and the facit over their facts.
    expect(await names(facit)).toEqual([
      "Övning 2.47",
      "Övning 2.48",
      "Övning 2.49",
      "Facit",
      "Referensräntor",
    ]);
    // the temporary files were renamed into place: nothing else is left in the folder
    expect(
      fs
        .readdirSync(dir)
        .filter((f) => f.includes("övningar"))
        .sort(),
    ).toEqual(["övningar-facit.xlsx", "övningar.xlsx"]);
  });

  test("--help-url links the notes to the conventions there; a URL that is no folder is refused", async () => {
    const out = path.join(dir, "länkad.xlsx");
    const r = await run(
      "exercises",
      "--level",
      "1",
      "--count",
      "1",
      "--help-url",
      "https://addin.example.se/atertag",
      "--out",
      out,
    );
    expect(r.status).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const links = wb.worksheets[0]
      .getColumn(4)
      .values.filter(
        (v): v is ExcelJS.CellFormulaValue => typeof v === "object" && v !== null && "formula" in v,
      )
      .map((v) => v.formula);
    expect(links.length).toBe(7);
    expect(links[1]).toMatch(
      /^HYPERLINK\("https:\/\/addin\.example\.se\/atertag\/conventions\.html#avsnitt-4",/,
    );
    fs.rmSync(out);
    fs.rmSync(path.join(dir, "länkad-facit.xlsx"));

    const bad = await run("exercises", "--level", "1", "--help-url", "ftp://x/?y", "--out", out);
    expect(bad.status).toBe(2);
    expect(bad.err.join("\n")).toContain('--help-url "ftp://x/?y" måste vara tilläggets adress');
    expect(fs.existsSync(out)).toBe(false);
  });

  test("a missing --out folder is refused, naming it, and nothing is written", async () => {
    const missing = path.join(dir, "finns-inte", "övningar.xlsx");
    const r = await run("exercises", "--level", "1", "--out", missing);
    expect(r.status).toBe(2);
    expect(r.err).toHaveLength(1);
    expect(r.err[0]).toContain(path.join(dir, "finns-inte"));
    expect(fs.existsSync(path.dirname(missing))).toBe(false);
  });
});

describe("--json", () => {
  test("one { contract, answers } per case, the contract the practice case's", async () => {
    const r = await run("exercises", "--level", "3", "--count", "4", "--seed", "10", "--json");
    expect(r.status).toBe(0);
    expect(r.err).toEqual([]);
    const items = JSON.parse(r.out.join("\n")) as { contract: unknown; answers: unknown }[];
    expect(items.map((item) => Object.keys(item))).toEqual(Array(4).fill(["contract", "answers"]));
    items.forEach((item, i) => expect(item.contract).toEqual(practiceCase(3, 10 + i).contract));
  });

  test.each([1, 2, 3, 4])(
    "level %d: each answers is exactly calc --json of its contract",
    async (level) => {
      const r = await run(
        "exercises",
        "--level",
        String(level),
        "--count",
        "3",
        "--seed",
        "5",
        "--json",
      );
      const items = JSON.parse(r.out.join("\n")) as { contract: unknown; answers: unknown }[];
      for (const [index, item] of items.entries()) {
        const file = path.join(dir, `level-${level}-${index}.json`);
        fs.writeFileSync(file, JSON.stringify(item.contract, null, 1), "utf8");
        const calc = await run("calc", file, "--json");
        expect(calc.status).toBe(0);
        // byte for byte: the answers printed as calc prints them
        expect(JSON.stringify(item.answers, null, 2)).toBe(calc.out.join("\n"));
      }
    },
  );

  test("defaults: 20 cases from number 1", async () => {
    const r = await run("exercises", "--json", "--level", "1");
    const items = JSON.parse(r.out.join("\n")) as { contract: { caseId: string } }[];
    expect(items).toHaveLength(20);
    expect(items[0].contract.caseId).toBe("Övning 1.1");
    expect(items[19].contract.caseId).toBe("Övning 1.20");
  });
});

describe("bad flags: status 2, one line naming the flag and the value, nothing written", () => {
  test.each`
    args                                              | message
    ${["--json"]}                                     | ${"Fel: Ange --level 1, 2, 3 eller 4"}
    ${["--level", "5", "--json"]}                     | ${'Fel: --level "5" måste vara 1, 2, 3 eller 4'}
    ${["--level", "--json"]}                          | ${"Fel: --level kräver ett värde"}
    ${["--level", "1", "--count", "0", "--json"]}     | ${'Fel: --count "0" måste vara ett heltal från 1 till 200'}
    ${["--level", "1", "--count", "tjugo", "--json"]} | ${'Fel: --count "tjugo" måste vara ett heltal från 1 till 200'}
    ${["--level", "1", "--count", "201", "--json"]}   | ${'Fel: --count "201" måste vara ett heltal från 1 till 200'}
    ${["--level", "1", "--seed", "0", "--json"]}      | ${'Fel: --seed "0" måste vara ett heltal från 1 till 99 999'}
    ${["--level", "1", "--seed", "99990", "--json"]}  | ${"Fel: --seed 99990 med --count 20 går förbi den sista övningen (99 999)"}
    ${["--level", "1", "--level", "2", "--json"]}     | ${"Fel: --level är angiven två gånger"}
    ${["--level", "1"]}                               | ${"Fel: Ange --out FIL.xlsx eller --json"}
    ${["--level", "1", "--out", "övningar.txt"]}      | ${'Fel: --out "övningar.txt" måste sluta på .xlsx'}
    ${["--level", "1", "--sheets", "--json"]}         | ${"Fel: Okänd flagga --sheets"}
    ${["--level", "1", "extra.json", "--json"]}       | ${'Fel: Oväntat argument "extra.json"'}
  `("$args → $message", async ({ args, message }) => {
    const r = await run("exercises", ...args);
    expect(r.status).toBe(2);
    expect(r.out).toEqual([]);
    expect(r.err[0].split("\n")[0]).toBe(message);
  });
});
