/**
 * "Skapa beräkningsblad" with "Med brev" in the Excel pane (issue 11), against office-addin-mock
 * through the real reader (src/excel/reader.ts) and writer (src/excel/writer.ts): the active row's
 * calculation sheet and the letter sheets its outcome calls for, written in one Excel.run under names
 * free in the workbook (the reader lists them), the letters' formulas naming the calculation sheet
 * by its final name, and no existing sheet touched. Without the box: the one sheet, as before.
 */
import { readActiveContractRow } from "../src/excel/reader";
import { writeSheetPlan, writeSheetPlans } from "../src/excel/writer";
import { contractTable } from "../src/sheet/headers";
import type { ExcelActions } from "../src/taskpane/excelMode/actions";
import { mountExcelPane } from "../src/taskpane/excelMode/excelPane";
import { WORKED_EXAMPLE_ROWS } from "../src/taskpane/examples";
import { createShell } from "../src/taskpane/ui/shell";
import {
  WriterWorkbook,
  installExcel,
  readerWorkbook,
  uninstallGlobals,
  writerWorkbook,
} from "./testkit/excelMock";
import { exampleRow } from "./testkit/fixtures";
import { usePaneDom, settle } from "./testkit/paneDom";

const dom = usePaneDom();

afterEach(() => {
  uninstallGlobals();
});

/**
 * The pane over a workbook holding the training table (the active cell on example `n`'s row) and
 * the sheets `existing`: reads go to the reader's mock, writes to the writer's (same sheet names).
 */
async function paneOver(n: 1 | 2, existing: string[]) {
  const table = contractTable([exampleRow(1), exampleRow(2)]);
  const reader = readerWorkbook({
    grid: [table.headers, ...table.rows],
    active: { row: n, col: 0 },
    otherSheets: existing,
  });
  const writer: WriterWorkbook = writerWorkbook(["Kontrakt", ...existing]);
  const excel: ExcelActions = {
    readActiveContractRow: () => {
      installExcel(reader.mock);
      return readActiveContractRow();
    },
    writeSheetPlan: (plan) => {
      installExcel(writer.mock);
      return writeSheetPlan(plan);
    },
    writeSheetPlans: (plans) => {
      installExcel(writer.mock);
      return writeSheetPlans(plans);
    },
    insertTrainingWorkbook: () => Promise.reject(new Error("not expected")),
    readSelectedContractRows: () => Promise.reject(new Error("not expected")),
    readWorkbookReferenceRates: async () => null,
    appendReferenceRate: () => Promise.reject(new Error("not expected")),
  };
  mountExcelPane(createShell(dom.root, "excel"), excel, WORKED_EXAMPLE_ROWS);
  await settle();
  const create = [...dom.root.querySelectorAll("button")].find(
    (b) => b.textContent === "Skapa beräkningsblad",
  ) as HTMLButtonElement;
  const letters = dom.root.querySelector("#with-letters") as HTMLInputElement;
  const status = () => dom.root.querySelector('[role="status"]')?.textContent ?? "";
  return { writer, create, letters, status };
}

/** The formulas a written sheet got (one array for the whole rectangle). */
function formulasOf(writer: WriterWorkbook, name: string): string[] {
  const sheet = writer.added.find((s) => s.name === name)!;
  const whole = sheet.ranges.find((r) => "formulas" in r.range)!;
  return (whole.range.formulas as unknown[][])
    .flat()
    .filter((f): f is string => typeof f === "string" && f.startsWith("="));
}

describe("Skapa beräkningsblad with Med brev", () => {
  test("the box is offered beside the button, off by default", async () => {
    const { letters } = await paneOver(1, []);
    expect(letters.hasAttribute("checked")).toBe(false);
    expect(dom.root.querySelector('label[for="with-letters"]')?.textContent).toBe("Med brev");
  });

  test("example 1 in a workbook that has its sheets already: new names, the letters link to the new sheet and to the workbook's own sender sheet, nothing existing touched", async () => {
    const existing = ["Övning 1", "Underrättelse Övning 1", "Avsändare"];
    const { writer, create, letters, status } = await paneOver(1, existing);
    letters.checked = true;
    create.click();
    await settle();
    await settle();
    const names = ["Övning 1 (2)", "Underrättelse Övning 1 (2)", "Beräkning vid återtagningen"];
    expect(writer.add.mock.calls.map(([name]) => name)).toEqual(names);
    expect(writer.sync).toHaveBeenCalledTimes(2); // one Excel.run for all three sheets
    for (const sheet of writer.existing)
      for (const call of sheet.calls) expect(call).not.toHaveBeenCalled();
    for (const letter of names.slice(1)) {
      const formulas = formulasOf(writer, letter);
      expect(formulas.length).toBeGreaterThan(10);
      for (const formula of formulas)
        expect(formula).toMatch(/'Övning 1 \(2\)'!\$|^=IF\('Avsändare'!\$B\$[456]=/);
    }
    expect(status()).toBe(
      "Bladet «Övning 1 (2)» skapat, med «Underrättelse Övning 1 (2)» och «Beräkning vid återtagningen»",
    );
  });

  test("example 2: the demand for the difference", async () => {
    const { writer, create, letters } = await paneOver(2, []);
    letters.checked = true;
    create.click();
    await settle();
    await settle();
    expect(writer.add.mock.calls.map(([name]) => name)).toEqual([
      "Övning 2",
      "Mellanskillnad Övning 2",
      "Beräkning vid återtagningen",
      "Avsändare",
    ]);
  });

  test("the pane's sender fields (entered once, kept) fill the new Avsändare sheet the letters refer to", async () => {
    // A browser's storage stand-in (linkedom has none).
    const kept = new Map<string, string>();
    const storage = {
      getItem: (key: string) => kept.get(key) ?? null,
      setItem: (key: string, value: string) => void kept.set(key, value),
    };
    Object.defineProperty(globalThis, "localStorage", { value: storage, configurable: true });
    const { writer, create, letters } = await paneOver(2, []);
    const field = (key: string) =>
      dom.root.querySelector(`#excel-sender-${key}`) as HTMLInputElement;
    // Labelled fields in a fieldset named by its legend (the pane stays keyboard- and AT-usable).
    expect(dom.root.querySelector('label[for="excel-sender-address"]')?.textContent).toBe(
      "Postadress",
    );
    expect(field("authority").value).toBe("Kronofogden");
    field("address").value = "Box 1050, 172 21 Sundbyberg";
    field("address").dispatchEvent(new (dom.window.Event as typeof Event)("change"));
    field("telephone").value = "0771-73 73 00";
    field("telephone").dispatchEvent(new (dom.window.Event as typeof Event)("change"));
    letters.checked = true;
    create.click();
    await settle();
    await settle();
    const sheet = writer.added.find((s) => s.name === "Avsändare")!;
    const whole = sheet.ranges.find((r) => "formulas" in r.range)!;
    const cells = whole.range.formulas as unknown[][];
    expect([cells[3][1], cells[4][1], cells[5][1]]).toEqual([
      "Kronofogden",
      // cellInput keeps a text with digits text (a leading apostrophe): it is not a number.
      "'Box 1050, 172 21 Sundbyberg",
      "'0771-73 73 00",
    ]);
    // Kept for the next letters, in this pane or the next session.
    expect(JSON.parse(kept.get("atertag:sender")!)).toEqual({
      authority: "Kronofogden",
      address: "Box 1050, 172 21 Sundbyberg",
      telephone: "0771-73 73 00",
    });
    delete (globalThis as { localStorage?: unknown }).localStorage;
  });

  test("without the box: the calculation sheet alone, as before", async () => {
    const { writer, create } = await paneOver(1, ["Övning 1"]);
    create.click();
    await settle();
    await settle();
    expect(writer.add.mock.calls.map(([name]) => name)).toEqual(["Övning 1 (2)"]);
  });
});
