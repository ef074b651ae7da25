/**
 * The guided mode in the Excel pane, with a stubbed host over the real reader and writer: the pane is
 * mounted on linkedom's DOM with its workbook functions wired to src/excel/ (readActiveContractRow,
 * readWorkbookReferenceRates, writeSheetPlan) running against office-addin-mock workbooks
 * (test/testkit/excelMock.ts). Both worked examples are walked from "Steg för steg" on the selected
 * row to the right letter and the sheets written; each step's result is checked against the
 * workshop's figures, and where focus goes (focus() calls recorded: linkedom has no focus of its own).
 * The row itself is never written to.
 */
import { calculate, parseContract } from "../src/engine";
import { readActiveContractRow } from "../src/excel/reader";
import { readWorkbookReferenceRates } from "../src/excel/referenceRates";
import { readSheetNames, writeSheetPlans } from "../src/excel/writer";
import { planCaseWorkbook } from "../src/sheet/caseWorkbook";
import { contractTable } from "../src/sheet/headers";
import type { ExcelActions } from "../src/taskpane/excelMode/actions";
import { mountExcelPane } from "../src/taskpane/excelMode/excelPane";
import { WORKED_EXAMPLE_ROWS } from "../src/taskpane/examples";
import { mountExcelGuide } from "../src/taskpane/excelMode/guideExcel";
import { createShell } from "../src/taskpane/ui/shell";
import {
  ReaderWorkbook,
  WriterWorkbook,
  installExcel,
  readerWorkbook,
  referenceWorkbook,
  uninstallGlobals,
  writerWorkbook,
} from "./testkit/excelMock";
import { exampleRow } from "./testkit/fixtures";
import { usePaneDom, settle } from "./testkit/paneDom";
import { plain } from "./testkit/text";

/** Whole kronor as the pane writes them: `77 449 kr`. */
function kr(amount: number): string {
  const digits = String(Math.abs(amount)).replace(/\B(?=(\d{3})+(?!\d))/g, " ");
  return `${amount < 0 ? "−" : ""}${digits} kr`;
}

// The workshop's figures (conventions §8), worked out from the terms.
const UNPAID1 = 41 * (1903 + 25); // 79 048
const R1 = Math.round((32 * 33 * (72 * 1928 - 115000)) / (72 * 73)); // 4 785
const DUE1_NOTICE = UNPAID1 + 600 - R1 + 2099 + 487; // 77 449
const DUE2_REPOSSESSION = 93529;

const dom = usePaneDom({ forms: true });

afterEach(() => {
  uninstallGlobals();
});

/** The training workbook's Kontrakt sheet: the header row and both worked examples. */
function trainingGrid(): unknown[][] {
  const table = contractTable([exampleRow(1), exampleRow(2)]);
  return [table.headers, ...table.rows];
}

/**
 * Mounts the Excel pane with the guided mode (as the entry file does) over the mock workbooks, the
 * active cell on row `row` (0: the header), and switches to "Steg för steg".
 */
async function mountOn(row: number) {
  const reads: ReaderWorkbook[] = [];
  const writes: WriterWorkbook[] = [];
  const fail = () => Promise.reject(new Error("not expected in this test"));
  const actions: ExcelActions = {
    readWorkbookReferenceRates: () => {
      installExcel(referenceWorkbook({ otherSheets: ["Kontrakt"] }).mock);
      return readWorkbookReferenceRates();
    },
    readActiveContractRow: () => {
      const book = readerWorkbook({ grid: trainingGrid(), active: { row, col: 2 } });
      reads.push(book);
      installExcel(book.mock);
      return readActiveContractRow();
    },
    writeSheetPlans: (plans) => {
      const book = writerWorkbook(["Kontrakt"]);
      writes.push(book);
      installExcel(book.mock);
      return writeSheetPlans(plans);
    },
    readSheetNames: () => {
      installExcel(writerWorkbook(["Kontrakt"]).mock);
      return readSheetNames();
    },
    writeSheetPlan: fail,
    insertTrainingWorkbook: fail,
    readSelectedContractRows: fail,
    appendReferenceRate: fail,
  };
  const open = new Set<string>();
  mountExcelPane(createShell(dom.root, "excel"), actions, WORKED_EXAMPLE_ROWS, {
    guide: mountExcelGuide,
    memory: {
      isOpen: (id) => open.has(id),
      remember: (id, on) => void (on ? open.add(id) : open.delete(id)),
    },
  });
  await settle();
  button("Steg för steg").click();
  return { reads, writes };
}

const button = (text: string) => {
  const found = [...dom.root.querySelectorAll("button")].find((b) => plain(b.textContent) === text);
  if (!found) throw new Error(`no button ${text}`);
  return found as HTMLButtonElement;
};
const primary = () => dom.root.querySelector(".guide-actions button.primary") as HTMLButtonElement;
const heading = () => plain(dom.root.querySelector(".guide-step-heading")?.textContent);
const resultArea = () => dom.root.querySelector(".guide-result") as HTMLElement;
function figures(): Record<string, string> {
  const terms = [...dom.root.querySelectorAll(".guide-figures dt")].map((e) =>
    plain(e.textContent),
  );
  const values = [...dom.root.querySelectorAll(".guide-figures dd")].map((e) =>
    plain(e.textContent),
  );
  return Object.fromEntries(terms.map((t, i) => [t, values[i]]));
}
const lastFocused = () => dom.focused[dom.focused.length - 1];

/** "Nästa: title": the next step, its result dom.focused. */
function next(title: string, number: number) {
  expect(plain(primary().textContent)).toBe(`Nästa: ${title}`);
  primary().click();
  expect(heading()).toBe(`Steg ${number} av 7: ${title}`);
  expect(lastFocused()).toBe(resultArea());
}

/** Opens the guide on the selected row. */
async function openGuide() {
  button("Gå igenom markerad rad").click();
  await settle();
  await settle();
  expect(heading()).toBe("Steg 1 av 7: Granska ansökan");
  expect(lastFocused()).toBe(resultArea());
}

describe("guided mode in the Excel pane (mock host, real reader and writer)", () => {
  it("example 1 on Kontrakt!A2: step by step to the notice, then the sheet written", async () => {
    const { reads, writes } = await mountOn(1);
    await openGuide();
    expect(plain(dom.root.querySelector(".guide-note")?.textContent)).toContain("Kontrakt!A2:AD2");
    expect(plain(dom.root.querySelector(".guide-note")?.textContent)).toContain(
      "raden i arbetsboken ändras aldrig",
    );
    expect(plain(dom.root.querySelector('[role="status"]')?.textContent)).toBe(
      "Kontraktet på Kontrakt!A2:AD2.",
    );
    expect(figures()["Obetald del av kreditfordran"]).toBe(kr(UNPAID1));
    next("Dag för återtagning", 2);
    expect(figures()["Återtagningsdag"]).toBe("2012-12-20");
    next("Reduceringsbelopp", 3);
    expect(figures()["Reduceringsbelopp (R)"]).toBe(kr(R1));
    expect(plain(resultArea().textContent)).toContain(
      "40 förfallodagar har passerat inklusive nästa (2009-09-30 … 2012-12-30) → t = 72 − 40 = 32.",
    );
    next("Att betala", 4);
    expect(figures()["Att betala inkl. ränta"]).toBe(kr(DUE1_NOTICE));
    next("Värdet av godset", 5);
    next("Underrättelse eller mellanskillnad", 6);
    expect(figures()).toMatchObject({
      Brev: "Underrättelse om återtagning",
      "Att betala för att undgå återtagning per 2012-12-15": kr(DUE1_NOTICE),
    });
    next("Vid återtagningen", 7);
    expect(figures()["Att betala inkl. ränta"]).toBe(kr(77551));

    expect(plain(primary().textContent)).toBe("Skapa beräkningsblad med brev");
    primary().click();
    for (let i = 0; i < 10; i++) await settle();
    // The calculation sheet, the notice and the protocol's calculation, named free of "Kontrakt".
    const names = writes.flatMap((w) => w.added.map((a) => a.name));
    expect(names).toEqual(
      planCaseWorkbook(calculate(parseContract(exampleRow(1))), {
        letters: true,
        existingSheetNames: ["Kontrakt"],
      }).map((plan) => plan.name),
    );
    expect(names[0]).toBe("Övning 1");
    expect(names[1]).toMatch(/^Underrättelse/);
    expect(names[2]).toMatch(/^Beräkning vid återtagningen/);
    expect(plain(dom.root.querySelector('[role="status"]')?.textContent)).toContain("Övning 1");
    expect(lastFocused()).toBe(primary()); // focus back on the pressed button
    // Read by the selected-row line and the guide (the sheet names have their own read); the row
    // is never written.
    expect(reads.length).toBeGreaterThanOrEqual(2);
    expect(reads.every((r) => r.written().length === 0)).toBe(true);
  });

  it("example 2 on Kontrakt!A3: the demand for 1 471 kr; an edit stays in the pane", async () => {
    const { reads } = await mountOn(2);
    await openGuide();
    next("Dag för återtagning", 2);
    next("Reduceringsbelopp", 3);
    expect(figures()["Metod"]).toBe("Faktisk avräkning");
    next("Att betala", 4);
    next("Värdet av godset", 5);
    expect(figures()["Att betala inkl. ränta per 2012-12-20"]).toBe(kr(DUE2_REPOSSESSION));
    next("Underrättelse eller mellanskillnad", 6);
    expect(figures()).toMatchObject({
      Brev: "Begäran om mellanskillnad",
      "Mellanskillnad att betala eller deponera per 2012-12-20": kr(95000 - DUE2_REPOSSESSION),
    });

    // Back one step, a lower value: the letter becomes a notice; the workbook row is not touched.
    button("Tillbaka").click();
    expect(heading()).toBe("Steg 5 av 7: Värdet av godset");
    const value = dom.root.querySelector("#guide-estimatedValue") as HTMLInputElement;
    value.value = "90000";
    value.dispatchEvent(new (dom.window.Event as typeof Event)("focusout", { bubbles: true }));
    expect(figures()["Överskott per 2012-12-20 (värde − att betala)"]).toBe(
      kr(90000 - DUE2_REPOSSESSION),
    );
    next("Underrättelse eller mellanskillnad", 6);
    expect(figures()["Brev"]).toBe("Underrättelse om återtagning");
    expect(reads.every((r) => r.written().length === 0)).toBe(true);
  });

  it("the cursor on the header row: the reader's refusal in the alert line, no guide", async () => {
    await mountOn(0);
    button("Gå igenom markerad rad").click();
    await settle();
    await settle();
    const alert = plain(dom.root.querySelector('[role="alert"]')?.textContent);
    // Where to go, as the one-row actions say it (not the row's problems).
    expect(alert).toContain("Markören står på rubrikraden (Kontrakt!C1)");
    expect(dom.root.querySelector(".guide-step-heading")).toBeNull();
  });
});
