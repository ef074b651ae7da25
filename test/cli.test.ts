/**
 * The command line (src/cli): text output of the worked examples, and bad input: status 2, exactly one
 * line on stderr naming the file, the field and the value, nothing on stdout; an --out folder that does
 * not exist is refused, not created. All in-process (test/testkit/cli.ts); the command in a process of
 * its own is test/cliProcess.test.ts.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { EXAMPLE_1_FILE, EXAMPLE_2_FILE, REPO_ROOT, exampleRow } from "./testkit/fixtures";
import { runAtertag } from "./testkit/cli";

const run = runAtertag;

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "atertag-cli-"));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

function writeFile(name: string, content: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content, "utf8");
  return file;
}

function badContract(): string {
  return writeFile(
    "bad-installments-paid.json",
    JSON.stringify({ ...exampleRow(1), installmentsPaid: 99 }),
  );
}

describe("text output", () => {
  test.each`
    file              | text                   | scenario
    ${EXAMPLE_1_FILE} | ${"77 449 kr"}         | ${"ex 1 total at the notice date"}
    ${EXAMPLE_1_FILE} | ${"77 551 kr"}         | ${"ex 1 total at the repossession date"}
    ${EXAMPLE_1_FILE} | ${"79 048 kr"}         | ${"ex 1 unpaid credit claim"}
    ${EXAMPLE_1_FILE} | ${"−4 785 kr"}         | ${"ex 1 reduction, shown subtracted"}
    ${EXAMPLE_1_FILE} | ${"2 099 kr"}          | ${"ex 1 interest to 2012-12-15"}
    ${EXAMPLE_1_FILE} | ${"74 863 kr"}         | ${"ex 1 amount excl. interest (79 048 + 600 − 4 785)"}
    ${EXAMPLE_1_FILE} | ${"−17 551 kr"}        | ${"ex 1 surplus 60 000 − 77 551"}
    ${EXAMPLE_1_FILE} | ${"78-regeln"}         | ${"ex 1 names its method"}
    ${EXAMPLE_2_FILE} | ${"93 335 kr"}         | ${"ex 2 total at the notice date"}
    ${EXAMPLE_2_FILE} | ${"93 529 kr"}         | ${"ex 2 total at the repossession date"}
    ${EXAMPLE_2_FILE} | ${"−10 474 kr"}        | ${"ex 2 reduction at the notice date"}
    ${EXAMPLE_2_FILE} | ${"−10 410 kr"}        | ${"ex 2 reduction at the repossession date"}
    ${EXAMPLE_2_FILE} | ${"100 065 kr"}        | ${"ex 2 unpaid credit claim 41 × 1 465 + 40 000"}
    ${EXAMPLE_2_FILE} | ${"Faktisk avräkning"} | ${"ex 2 names its method"}
  `("$scenario: contains “$text”", async ({ file, text }) => {
    const { status, out, err } = await run("calc", file);
    expect(status).toBe(0);
    expect(err).toEqual([]);
    expect(out.join("\n")).toContain(text);
  });

  test("both dates side by side on the total's row", async () => {
    const { out } = await run("calc", EXAMPLE_1_FILE);
    const row = out
      .join("\n")
      .split("\n")
      .find((line) => line.startsWith("Att betala inkl. ränta"));
    expect(row).toMatch(/77 449 kr\s+77 551 kr$/);
  });

  test.each`
    file              | words                               | scenario
    ${EXAMPLE_1_FILE} | ${["understiger", "underrättelse"]} | ${"ex 1: value 60 000 below the debt 77 551 → notice to both parties"}
    ${EXAMPLE_2_FILE} | ${["mellanskillnaden", "1 471 kr"]} | ${"ex 2: value 95 000 above the debt 93 529 → the creditor pays 1 471 kr"}
  `("outcome sentence, $scenario", async ({ file, words }) => {
    const { out } = await run("calc", file);
    const last = out.join("\n").trim().split("\n").pop()!;
    for (const word of words) expect(last).toContain(word);
  });

  test("examples command prints both worked examples", async () => {
    const { status, out } = await run("examples");
    expect(status).toBe(0);
    const text = out.join("\n");
    expect(text).toContain("77 551 kr");
    expect(text).toContain("93 529 kr");
  });
});

describe("bad input: status 2, one line naming the file, nothing on stdout", () => {
  test("installmentsPaid 99 of 72: names the file, the field and the value", async () => {
    const file = badContract();
    const { status, out, err } = await run("calc", file, "--json");
    expect(status).toBe(2);
    expect(out).toEqual([]);
    expect(err).toHaveLength(1);
    expect(err[0]).not.toContain("\n");
    expect(err[0]).toContain(file);
    expect(err[0]).toContain("installmentsPaid");
    expect(err[0]).toContain("99");
    expect(err[0]).toContain("72");
  });

  test("a repossession date beyond the reference-rate table: names the file, repossessionDate, its value and the half-year", async () => {
    const file = writeFile(
      "beyond-table.json",
      JSON.stringify({
        ...exampleRow(1),
        noticeDate: "2026-06-15",
        repossessionDate: "2026-08-01",
      }),
    );
    const { status, out, err } = await run("calc", file);
    expect(status).toBe(2);
    expect(out).toEqual([]);
    expect(err).toHaveLength(1);
    expect(err[0]).toContain(file);
    expect(err[0]).toContain("repossessionDate");
    expect(err[0]).toContain("2026-08-01");
    expect(err[0]).toContain("2026-07-01–2026-12-31");
  });

  test("one good and one bad file: nothing is printed for the good one either", async () => {
    const file = badContract();
    const { status, out, err } = await run("calc", EXAMPLE_1_FILE, file);
    expect(status).toBe(2);
    expect(out).toEqual([]);
    expect(err).toHaveLength(1);
    expect(err[0]).toContain(file);
  });

  test("a missing file: names the file", async () => {
    const file = path.join(dir, "does-not-exist.json");
    const { status, out, err } = await run("calc", file);
    expect(status).toBe(2);
    expect(out).toEqual([]);
    expect(err).toHaveLength(1);
    expect(err[0]).not.toContain("\n");
    expect(err[0]).toContain(file);
    expect(err[0]).toContain("ENOENT");
  });

  test("invalid JSON: names the file", async () => {
    const file = writeFile("broken.json", '{ "caseId": "x", }');
    const { status, out, err } = await run("calc", file);
    expect(status).toBe(2);
    expect(out).toEqual([]);
    expect(err).toHaveLength(1);
    expect(err[0]).not.toContain("\n");
    expect(err[0]).toContain(file);
    expect(err[0]).toContain("JSON");
  });

  test("an unknown flag: status 2, the flag named, nothing on stdout", async () => {
    const { status, out, err } = await run("calc", EXAMPLE_1_FILE, "--xml");
    expect(status).toBe(2);
    expect(out).toEqual([]);
    expect(err).toHaveLength(1);
    expect(err[0]).toContain("--xml");
  });

  test("an unknown command: status 2", async () => {
    const { status, out, err } = await run("calculate", EXAMPLE_1_FILE);
    expect(status).toBe(2);
    expect(out).toEqual([]);
    expect(err[0]).toContain("calculate");
  });

  test("calc without a file: status 2", async () => {
    const { status, out } = await run("calc", "--json");
    expect(status).toBe(2);
    expect(out).toEqual([]);
  });
});

describe("messages read as a Swedish user expects (issue 9, items 13 and 14)", () => {
  const lineFor = async (name: string, content: string) => {
    const file = writeFile(name, content);
    const { status, out, err } = await run("calc", file);
    expect(status).toBe(2);
    expect(out).toEqual([]);
    expect(err).toHaveLength(1);
    return { file, line: err[0] };
  };

  test.each`
    content                                          | explanation                                                                                                                    | scenario
    ${'{\n  "caseId": "x",\n}'}                      | ${' (rad 3, kolumn 1): ett fältnamn inom raka citattecken ("caseId") väntades, fick «}» (ett kommatecken för mycket före }?)'} | ${"a trailing comma"}
    ${'{\n  "caseId": "x"\n  "installments": 72\n}'} | ${' (rad 3, kolumn 3): kommatecken eller } väntades, fick «"»'}                                                                | ${"a missing comma"}
    ${'{ "caseId": "x"'}                             | ${": filen tar slut mitt i JSON-objektet (saknas en } eller ett avslutande citattecken?)"}                                     | ${"a file cut short"}
    ${'{ "caseId": "x" } }'}                         | ${" (rad 1, kolumn 19): text efter JSON-objektets slut, fick «}»"}                                                             | ${"text after the object"}
  `(
    "malformed JSON, $scenario: explained in Swedish with its place",
    async ({ content, explanation }) => {
      const { file, line } = await lineFor("broken.json", content);
      expect(line).toBe(
        `Fel: ${file}: Filen är inte giltig JSON${explanation}. Ett kontrakt skrivs som ett JSON-objekt, ` +
          `t.ex. {"caseId": "Övning 1", "creditAmount": 115000, …}`,
      );
    },
  );

  test("a byte-order mark (Notepad's UTF-8) is not a syntax error", async () => {
    const file = writeFile("bom.json", "\uFEFF" + JSON.stringify(exampleRow(1)));
    expect((await run("calc", file)).status).toBe(0);
  });

  test("a misspelt field is refused with the nearest field and its Swedish label", async () => {
    const row = exampleRow(1) as Record<string, unknown>;
    const { installmentAmount, ...rest } = row;
    const { file, line } = await lineFor(
      "typo.json",
      JSON.stringify({ ...rest, installmentAmout: installmentAmount }),
    );
    expect(line).toBe(
      `Fel: ${file}: Okänt fält 'installmentAmout' — menade du installmentAmount (Avbetalning)?`,
    );
  });

  test("a field nothing like a contract field gets no guess", async () => {
    const { file, line } = await lineFor(
      "colour.json",
      JSON.stringify({ ...exampleRow(1), colour: "röd" }),
    );
    expect(line).toBe(`Fel: ${file}: Okänt fält 'colour'; kontrollera stavningen`);
  });

  test.each`
    field                 | value      | message                                                                                                                                                                                                | scenario
    ${"installmentsPaid"} | ${99}      | ${"Fältet installmentsPaid (99) är större än fältet installments (72)"}                                                                                                                                | ${"a count over its limit"}
    ${"installments"}     | ${72.5}    | ${"Fältet installments måste vara ett heltal, fick 72,5"}                                                                                                                                              | ${"a decimal comma, not a point"}
    ${"annualRate"}       | ${595}     | ${"Fältet annualRate (595) är ingen ränta: skriv den med procenttecken (5,95 %) eller som decimalbråk (0,0595); ett tal utan procenttecken under 1 är ett decimalbråk, från 1 till under 100 procent"} | ${"a rate of 100 % or more"}
    ${"residual"}         | ${-40000}  | ${"Fältet residual får inte vara negativt, fick −40 000"}                                                                                                                                              | ${"thousands grouped, a real minus sign"}
    ${"installments"}     | ${1201}    | ${"Fältet installments (1 201) ligger utanför tillåtet intervall 1–1 200"}                                                                                                                             | ${"the schema's range"}
    ${"creditAmount"}     | ${72000.5} | ${"Fältet creditAmount (72 000,5) stämmer inte: fältet cashPrice 143 750,00 kr − fältet downPayment 28 750,00 kr = 115 000,00 kr"}                                                                     | ${"amounts in kronor and öre"}
  `("$scenario: $message", async ({ field, value, message }) => {
    const { file, line } = await lineFor(
      "bad.json",
      JSON.stringify({ ...exampleRow(1), [field]: value }),
    );
    expect(line).toBe(`Fel: ${file}: ${message}`);
  });
});

describe("an --out folder that does not exist: status 2 naming the folder, nothing created", () => {
  const CSV = path.join(REPO_ROOT, "examples", "worked-examples.csv");

  test.each`
    command    | input             | scenario
    ${"sheet"} | ${EXAMPLE_1_FILE} | ${"sheet"}
    ${"batch"} | ${CSV}            | ${"batch"}
  `("$scenario --out /…/no/such/dir/x.xlsx", async ({ command, input }) => {
    const missing = path.join(dir, "no", "such", "dir");
    const target = path.join(missing, "x.xlsx");
    const { status, out, err } = await run(command, input, "--out", target);
    expect(status).toBe(2);
    expect(out).toEqual([]);
    expect(err).toEqual([
      `Fel: ${target}: kan inte skrivas (mappen ${missing} finns inte; skapa den först eller rätta sökvägen)`,
    ]);
    expect(fs.existsSync(path.join(dir, "no"))).toBe(false);
  });

  test("a folder in the path that is a file: named, status 2", async () => {
    const blocker = writeFile("blocker.txt", "x");
    const target = path.join(blocker, "x.xlsx");
    const { status, err } = await run("sheet", EXAMPLE_1_FILE, "--out", target);
    expect(status).toBe(2);
    expect(err).toEqual([`Fel: ${target}: kan inte skrivas (${blocker} är ingen mapp)`]);
  });

  test("an existing folder is written to as before", async () => {
    const target = path.join(dir, "finns.xlsx");
    const { status, err } = await run("sheet", EXAMPLE_1_FILE, "--out", target);
    expect(status).toBe(0);
    expect(err).toEqual([]);
    expect(fs.readFileSync(target).subarray(0, 2).toString()).toBe("PK");
  });
});

describe("letters (issue 11): sheet --letters and batch --sheets --letters", () => {
  /** The sheet names of a written workbook, in order. */
  async function sheetsOf(file: string): Promise<string[]> {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    return wb.worksheets.map((ws) => ws.name);
  }

  test("sheet --letters: the calculation sheet, then the notice and the protocol's calculation", async () => {
    const out = path.join(dir, "letters-1.xlsx");
    const result = await run("sheet", EXAMPLE_1_FILE, "--letters", "--out", out);
    expect(result.status).toBe(0);
    expect(result.err).toEqual([]);
    const names = [
      "Övning 1",
      "Underrättelse Övning 1",
      "Beräkning vid återtagningen",
      "Avsändare",
    ];
    expect(await sheetsOf(out)).toEqual(names);
    expect(result.out.join("\n")).toContain(`Blad: ${names.join(", ")}`);
    // The letter's total is a formula whose cached result is the notice date's 77 449 kr.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const totals = wb
      .getWorksheet("Underrättelse Övning 1")!
      .getColumn(2)
      .values.filter((v): v is ExcelJS.CellFormulaValue => typeof v === "object" && v !== null)
      .map((v) => v.result);
    expect(totals).toContain(79048 + 600 - 4785 + 2099 + 487);
  });

  test("sheet --letters --sender … : the sender sheet holds what was given, and the letters show it", async () => {
    const out = path.join(dir, "letters-sender.xlsx");
    const result = await run(
      "sheet",
      EXAMPLE_1_FILE,
      "--letters",
      "--sender",
      "Kronofogden, Enheten för återtagande",
      "--sender-address=Box 1050, 172 21 Sundbyberg",
      "--sender-phone",
      "0771-73 73 00",
      "--out",
      out,
    );
    expect(result.status).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const sender = wb.getWorksheet("Avsändare")!;
    expect(["B4", "B5", "B6"].map((a) => sender.getCell(a).value)).toEqual([
      "Kronofogden, Enheten för återtagande",
      "Box 1050, 172 21 Sundbyberg",
      "0771-73 73 00",
    ]);
    const notice = wb.getWorksheet("Underrättelse Övning 1")!;
    expect(notice.getCell("A1").formula).toMatch(/^IF\('Avsändare'!\$B\$4=""/);
    expect(notice.getCell("A1").result).toBe("Kronofogden, Enheten för återtagande");
    expect(notice.getCell("A3").result).toBe("Telefon 0771-73 73 00");
  });

  test("a sender flag without --letters, or empty: status 2 naming the flag, nothing written", async () => {
    const out = path.join(dir, "sender-no-letters.xlsx");
    const result = await run("sheet", EXAMPLE_1_FILE, "--sender", "Kronofogden", "--out", out);
    expect(result.status).toBe(2);
    expect(result.err[0].split("\n")[0]).toBe(
      "Fel: --sender är brevens avsändare och gäller bara med --letters",
    );
    expect(fs.existsSync(out)).toBe(false);
    const empty = await run("sheet", EXAMPLE_1_FILE, "--letters", "--sender-phone=", "--out", out);
    expect(empty.status).toBe(2);
    expect(empty.err[0]).toBe("Fel: --sender-phone kräver en text som inte är tom");
    expect(fs.existsSync(out)).toBe(false);
  });

  test("sheet --letters for example 2: the demand for the difference", async () => {
    const out = path.join(dir, "letters-2.xlsx");
    const result = await run("sheet", "--letters", EXAMPLE_2_FILE, "--out", out);
    expect(result.status).toBe(0);
    expect(await sheetsOf(out)).toEqual([
      "Övning 2",
      "Mellanskillnad Övning 2",
      "Beräkning vid återtagningen",
      "Avsändare",
    ]);
  });

  test("sheet without --letters: the calculation sheet alone, as before", async () => {
    const out = path.join(dir, "no-letters.xlsx");
    expect((await run("sheet", EXAMPLE_1_FILE, "--out", out)).status).toBe(0);
    expect(await sheetsOf(out)).toEqual(["Övning 1"]);
  });

  test("batch --sheets --letters: each case's sheet followed by the letter its outcome calls for", async () => {
    const csv = path.join(REPO_ROOT, "examples", "worked-examples.csv");
    const out = path.join(dir, "batch-letters.xlsx");
    const result = await run("batch", csv, "--out", out, "--sheets", "--letters");
    expect(result.status).toBe(0);
    expect(await sheetsOf(out)).toEqual([
      "Sammanställning",
      "Övning 1",
      "Underrättelse Övning 1",
      "Beräkning vid återtagningen",
      "Avsändare",
      "Övning 2",
      "Mellanskillnad Övning 2",
      "Beräkning vid återtagningen (2)",
      "Referensräntor",
    ]);
  });

  test("batch --letters without --sheets: status 2, saying why, nothing written", async () => {
    const csv = path.join(REPO_ROOT, "examples", "worked-examples.csv");
    const out = path.join(dir, "letters-no-sheets.xlsx");
    const result = await run("batch", csv, "--out", out, "--letters");
    expect(result.status).toBe(2);
    expect(result.out).toEqual([]);
    expect(result.err[0]).toMatch(/^Fel: --letters kräver --sheets: breven är blad bredvid/);
    expect(fs.existsSync(out)).toBe(false);
  });

  test("batch --sheets --letters --json without --out: status 2, the letters need a workbook", async () => {
    const csv = path.join(REPO_ROOT, "examples", "worked-examples.csv");
    const result = await run("batch", csv, "--json", "--sheets", "--letters");
    expect(result.status).toBe(2);
    expect(result.out).toEqual([]);
    expect(result.err[0]).toMatch(/^Fel: --letters skriver breven i arbetsboken: ange --out/);
  });

  test("the usage text shows both flags", async () => {
    const result = await run("help");
    expect(result.out.join("\n")).toContain(
      "npx atertag sheet FIL.json --out FIL.xlsx [--letters [AVSÄNDARE]]",
    );
    expect(result.out.join("\n")).toContain("[--sheets [--letters [AVSÄNDARE]]]");
    expect(result.out.join("\n")).toContain(
      "AVSÄNDARE: [--sender MYNDIGHET] [--sender-address ADRESS] [--sender-phone TELEFON]",
    );
  });
});
