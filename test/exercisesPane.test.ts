/**
 * The Excel mode's exercises panel with fake workbook functions (linkedom DOM, no Office): the
 * handout goes in through writeSheetPlans under names free in the workbook, with the workbook's own
 * Referensräntor sheet when it has one; the practice cases go in as Kontrakt rows named "Övning L.N";
 * a bad choice is named in the alert region and nothing is written. The rows read back (the pane's
 * reader) as the same contracts, and the writer lists the workbook's sheet names.
 */
import { WorkbookReferenceRates } from "../src/sheet/referenceSheet";
import type { SheetPlan } from "../src/sheet/types";
import type { ExcelActions } from "../src/taskpane/excelMode/actions";
import { mountExcelPane } from "../src/taskpane/excelMode/excelPane";
import { WORKED_EXAMPLE_ROWS } from "../src/taskpane/examples";
import { createShell } from "../src/taskpane/ui/shell";
import { practiceCase, practiceCases } from "../src/training/practiceCase";
import { planExerciseWorkbook } from "../src/training/workbook";
import { ContractInput, calculate, parseContract, toReport } from "../src/engine";
import { readSheetNames, writeSheetPlans } from "../src/excel/writer";
import { columnLetter } from "../src/sheet/grid";
import { contractTable, rowToContract } from "../src/sheet/headers";
import { installExcel, uninstallGlobals, writerWorkbook } from "./testkit/excelMock";
import { usePaneDom, excelActions, settle } from "./testkit/paneDom";

const dom = usePaneDom();

async function mount(excel: Partial<ExcelActions>) {
  mountExcelPane(createShell(dom.root, "excel"), excelActions(excel), WORKED_EXAMPLE_ROWS);
  await settle();
  const button = (text: string) => {
    const found = [...dom.root.querySelectorAll("button")].find((b) => b.textContent === text);
    if (!found) throw new Error(`no button ${text}`);
    return found as HTMLButtonElement;
  };
  const text = (selector: string) =>
    (dom.root.querySelector(selector)?.textContent ?? "").replace(/[\u00a0\u202f]/g, " ");
  const choose = (level: string, count: string, first: string) => {
    // linkedom's select has no value setter: the selected attribute chooses the option
    for (const option of dom.root.querySelectorAll("#exercise-level option")) {
      if (option.getAttribute("value") === level) option.setAttribute("selected", "");
      else option.removeAttribute("selected");
    }
    (dom.root.querySelector("#exercise-count") as HTMLInputElement).value = count;
    (dom.root.querySelector("#exercise-first") as HTMLInputElement).value = first;
  };
  return { button, text, choose };
}

test("the panel offers the four levels, 20 cases from number 1", async () => {
  const { text } = await mount({});
  expect(text("#exercises-heading")).toBe("Övningar");
  const options = [...dom.root.querySelectorAll("#exercise-level option")].map(
    (o) => o.textContent,
  );
  expect(options).toHaveLength(4);
  expect(options[1]).toBe("Nivå 2: restbelopp, faktisk avräkning som räknas om vid återtagningen");
  expect((dom.root.querySelector("#exercise-count") as HTMLInputElement).value).toBe("20");
  expect((dom.root.querySelector("#exercise-first") as HTMLInputElement).value).toBe("1");
});

test("the handout is written under free names, the facit referring to them", async () => {
  let written: SheetPlan[] = [];
  const { button, text, choose } = await mount({
    readSheetNames: async () => ["Kontrakt", "Övning 2.48", "Facit"],
    writeSheetPlans: async (plans) => {
      written = plans;
      return { sheetNames: plans.map((p) => p.name) };
    },
  });
  choose("2", "3", "47");
  button("Infoga övningsblad och facit").click();
  await settle();
  expect(written.map((p) => p.name)).toEqual([
    "Övning 2.47",
    "Övning 2.48 (2)",
    "Övning 2.49",
    "Facit (2)",
    "Referensräntor",
  ]);
  expect(text(".status")).toBe(
    "3 övningsblad infogade (Övning 2.47 – Övning 2.49) med facit på bladet «Facit (2)».",
  );
});

test("with the workbook's own Referensräntor sheet, no new one is written", async () => {
  let written: SheetPlan[] = [];
  const rates: WorkbookReferenceRates = { entries: [], lastRow: 1 };
  const { button, choose } = await mount({
    readWorkbookReferenceRates: async () => rates,
    readSheetNames: async () => ["Referensräntor"],
    writeSheetPlans: async (plans) => {
      written = plans;
      return { sheetNames: plans.map((p) => p.name) };
    },
  });
  choose("1", "1", "5");
  button("Infoga övningsblad och facit").click();
  await settle();
  expect(written.map((p) => p.name)).toEqual(["Övning 1.5", "Facit"]);
});

test("the cases go in as Kontrakt rows named Övning L.N, each the practice case's contract", async () => {
  let rows: ContractInput[] = [];
  const { button, text, choose } = await mount({
    insertTrainingWorkbook: async (given) => {
      rows = given;
      return { sheetName: "Kontrakt (2)" };
    },
  });
  choose("4", "2", "1");
  button("Infoga övningarna som kontraktsrader").click();
  await settle();
  expect(rows.map((r) => r.caseId)).toEqual(["Övning 4.1", "Övning 4.2"]);
  expect(rows[1]).toEqual(practiceCase(4, 2).contract);
  expect(text(".status")).toBe(
    "Bladet «Kontrakt (2)» infogat med 2 övningar (Övning 4.1 – Övning 4.2). Markera en rad och förhandsgranska.",
  );
});

test.each`
  count    | first    | message
  ${"0"}   | ${"1"}   | ${"Antal övningar (0) måste vara ett heltal från 1 till 200."}
  ${"201"} | ${"1"}   | ${"Antal övningar (201) måste vara ett heltal från 1 till 200."}
  ${"5"}   | ${""}    | ${"Ange första övningens nummer (ett heltal från 1 till 99 999)."}
  ${"5"}   | ${"4,5"} | ${"Övningsnummer (4,5) måste vara ett heltal från 1 till 99 999"}
  ${"5"}   | ${"0"}   | ${"Övningsnummer (0) måste vara ett heltal från 1 till 99 999"}
`("count $count, first $first: $message, nothing written", async ({ count, first, message }) => {
  const write = jest.fn();
  const { button, text, choose } = await mount({ writeSheetPlans: write });
  choose("1", count, first);
  button("Infoga övningsblad och facit").click();
  await settle();
  expect(write).not.toHaveBeenCalled();
  expect(text("[role=alert]")).toBe(message);
});

describe("the Kontrakt rows read back as the same contracts", () => {
  test.each([1, 2, 3, 4])(
    "level %d: a row of the table is the practice case, as calc computes it",
    (level) => {
      const cases = [1, 2, 3].map((n) => practiceCase(level as 1 | 2 | 3 | 4, n));
      const table = contractTable(cases.map((pc) => ({ ...pc.contract })));
      table.rows.forEach((row, index) => {
        const read = rowToContract(
          table.headers,
          row,
          (col) => `Kontrakt!${columnLetter(col)}${index + 2}`,
        );
        expect(read.ok).toBe(true);
        if (!read.ok) return;
        const fromRow = toReport(calculate(read.contract));
        const fromFile = toReport(calculate(parseContract(cases[index].contract)));
        expect(fromRow).toEqual(fromFile);
      });
    },
  );
});

describe("readSheetNames (src/excel/writer.ts)", () => {
  afterEach(uninstallGlobals);

  test("every sheet's name, in one sync", async () => {
    const book = writerWorkbook(["Kontrakt", "Övning 2.47", "Facit"]);
    installExcel(book.mock);
    expect(await readSheetNames()).toEqual(["Kontrakt", "Övning 2.47", "Facit"]);
    expect(book.add).not.toHaveBeenCalled();
  });
});

describe("the handout through the Excel writer (office-addin-mock)", () => {
  afterEach(uninstallGlobals);

  test("every sheet added in one Excel.run, the facit's formulas and links to the new sheets", async () => {
    const book = writerWorkbook(["Kontrakt", "Facit"]);
    installExcel(book.mock);
    const plans = planExerciseWorkbook(practiceCases(3, 1, 2), {
      existingSheetNames: ["Kontrakt", "Facit"],
    });
    const result = await writeSheetPlans(plans);
    expect(result).toEqual({
      sheetNames: ["Övning 3.1", "Övning 3.2", "Facit (2)", "Referensräntor"],
      syncs: 2,
    });
    const facit = book.added[2];
    const formulas = facit.ranges.find((r) => "formulas" in r.range)!.range.formulas as unknown[][];
    const flat = formulas.flat().filter((f): f is string => typeof f === "string");
    expect(flat.some((f) => f.startsWith("='Övning 3.2'!$B$"))).toBe(true);
    const links = facit.ranges.filter((r) => "hyperlink" in r.range).map((r) => r.range.hyperlink);
    expect(links).toEqual([
      { documentReference: "'Övning 3.1'!A1", textToDisplay: "Övning 3.1" },
      { documentReference: "'Övning 3.2'!A1", textToDisplay: "Övning 3.2" },
    ]);
    for (const existing of book.existing)
      for (const call of existing.calls) expect(call).not.toHaveBeenCalled();
  });
});
