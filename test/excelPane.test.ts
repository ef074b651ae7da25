/**
 * The Excel pane's ergonomics (issue 11 item 1), without a browser: the reader says WHY a cell is in
 * the wrong place and the pane turns that into one sentence saying where to go; the selected-row line
 * follows Excel's selection-changed event (registered once, debounced, removed on unload and while the
 * pane is hidden); the empty
 * contract table for a real case (its headers read back through the reader); the result with the
 * outcome's date first and the reduction before the statement; the guided mode's slot.
 * The layout, focus and viewport checks run in Chromium: test/excelPane.browser.test.ts.
 */
import { CONTRACT_FIELDS, ContractInput, calculate, parseContract } from "../src/engine";
import { readActiveContractRow } from "../src/excel/reader";
import { findContractSheets, watchPaneVisibility, watchSelection } from "../src/excel/selection";
import { insertContractTable } from "../src/excel/writer";
import { columnLetter } from "../src/sheet/grid";
import { SWEDISH_HEADERS, contractTable, isContractHeaderRow } from "../src/sheet/headers";
import { planSheet } from "../src/sheet/plan";
import type { ActiveRow, ExcelActions } from "../src/taskpane/excelMode/actions";
import { mountExcelPane } from "../src/taskpane/excelMode/excelPane";
import type { PanelMemory } from "../src/taskpane/excelMode/excelPanels";
import { WORKED_EXAMPLE_ROWS } from "../src/taskpane/examples";
import { createShell } from "../src/taskpane/ui/shell";
import { calculationView } from "../src/taskpane/ui/statementView";
import {
  installExcel,
  readerWorkbook,
  selectionEvents,
  sheetsWorkbook,
  uninstallGlobals,
  writerWorkbook,
} from "./testkit/excelMock";
import { exampleRow } from "./testkit/fixtures";
import example1 from "../examples/worked-example-1.json";
import example2 from "../examples/worked-example-2.json";
import { usePaneDom, excelActions, settle } from "./testkit/paneDom";
import { plain } from "./testkit/text";

afterEach(uninstallGlobals);

/** Header row + the two worked examples, as the training workbook's Kontrakt sheet holds them. */
function trainingGrid(): unknown[][] {
  const table = contractTable([exampleRow(1), exampleRow(2)]);
  return [table.headers, ...table.rows];
}

/** The first rows of a calculation sheet as written (its plan's values; formulas left out). */
function calculationSheetGrid(): unknown[][] {
  const plan = planSheet(calculate(parseContract(exampleRow(1))));
  const grid: unknown[][] = Array.from({ length: 12 }, () => Array(plan.colCount).fill(""));
  for (const cell of plan.cells)
    if (cell.row < 12 && cell.formula === undefined && cell.value !== undefined)
      grid[cell.row][cell.col] = cell.value;
  return grid;
}

/** Page text with non-breaking and narrow spaces made plain. */

describe("the reader says why the active cell is no contract row", () => {
  test.each([
    // [scenario, sheet, grid, active cell, expected place]
    [
      "the header row of the contract sheet",
      "Kontrakt",
      trainingGrid,
      { row: 0, col: 2 },
      "headerRow",
    ],
    ["below the table", "Kontrakt", trainingGrid, { row: 6, col: 0 }, "outsideData"],
    ["an empty sheet", "Blad1", () => [], { row: 3, col: 1 }, "emptySheet"],
    [
      "a calculation sheet's rows",
      "Övning 1",
      calculationSheetGrid,
      { row: 4, col: 0 },
      "notContractSheet",
    ],
  ] as const)("%s (sheet %s)", async (_scenario, sheet, grid, active, place) => {
    const book = readerWorkbook({ sheet, grid: grid() as unknown[][], active });
    installExcel(book.mock);
    const result = await readActiveContractRow();
    expect(result.ok).toBe(false);
    expect(result.place).toBe(place);
  });

  test("a contract row with a bad cell is not a wrong place: its problems are listed as before", async () => {
    const grid = trainingGrid();
    grid[1][CONTRACT_FIELDS.indexOf("installmentsPaid")] = 99;
    const book = readerWorkbook({ grid, active: { row: 1, col: 0 } });
    installExcel(book.mock);
    const result = await readActiveContractRow();
    expect(result.ok).toBe(false);
    expect(result.place).toBeUndefined();
  });

  test("a header row is a contract header row when it names at least half the required fields", () => {
    const headers = contractTable([]).headers;
    expect(isContractHeaderRow(headers)).toBe(true);
    expect(isContractHeaderRow(["Återtagande – beräkning", "", ""])).toBe(false);
    expect(isContractHeaderRow(["Ärende", "Kreditbelopp"])).toBe(false); // a summary's few columns
    expect(isContractHeaderRow([])).toBe(false);
  });

  test("findContractSheets names the sheets whose first used row is a contract header row", async () => {
    const book = sheetsWorkbook([
      { name: "Blad1", grid: [] },
      { name: "Kontrakt", grid: trainingGrid() },
      { name: "Övning 1", grid: calculationSheetGrid() },
      { name: "Ärenden 2026", grid: [contractTable([]).headers] },
    ]);
    installExcel(book.mock);
    expect(await findContractSheets()).toEqual(["Kontrakt", "Ärenden 2026"]);
  });
});

describe("Excel's selection-changed event", () => {
  test("watchSelection registers one handler that calls back, and its removal takes it away", async () => {
    const book = readerWorkbook({ grid: trainingGrid(), active: { row: 1, col: 0 } });
    const events = selectionEvents(book.mock);
    installExcel(book.mock);
    const onChange = jest.fn();
    const unwatch = await watchSelection(onChange);
    expect(events.added).toHaveBeenCalledTimes(1);
    await events.fire();
    await events.fire();
    expect(onChange).toHaveBeenCalledTimes(2);
    await unwatch();
    expect(events.handlers()).toBe(0);
    await events.fire();
    expect(onChange).toHaveBeenCalledTimes(2);
  });
});

describe("the empty contract table for a real case", () => {
  test("a new sheet under a free name, the schema's Swedish headers, a table, the cursor on A2", async () => {
    const book = writerWorkbook(["Kontrakt", "Blad1"]);
    installExcel(book.mock);
    const result = await insertContractTable();
    expect(result).toEqual({ sheetName: "Kontrakt (2)", activeCell: "A2", syncs: 2 });
    expect(book.existing.flatMap((sheet) => sheet.calls).some((c) => c.mock.calls.length)).toBe(
      false,
    );
    const sheet = book.added[0];
    const last = columnLetter(CONTRACT_FIELDS.length - 1);
    const written = sheet.ranges.find((r) => "values" in r.range)!;
    expect(written.address).toBe(`A1:${last}2`);
    const values = written.range.values as unknown[][];
    expect(values[0]).toEqual(CONTRACT_FIELDS.map((field) => SWEDISH_HEADERS[field]));
    expect(values[1].every((v) => v === "")).toBe(true);
    const formats = written.range.numberFormat as string[][];
    expect(formats[1][CONTRACT_FIELDS.indexOf("firstDueDate")]).toBe("yyyy-mm-dd");
    expect(formats[1][CONTRACT_FIELDS.indexOf("annualRate")]).toBe("0.00%");
    expect(sheet.sheet.tables.add).toHaveBeenCalledWith(`A1:${last}2`, true);
    expect(sheet.sheet.freezePanes.freezeRows).toHaveBeenCalledWith(1);
    const a2 = sheet.ranges.find((r) => r.address === "A2")!;
    expect(a2.range.select).toHaveBeenCalledTimes(1);
    expect(sheet.sheet.activate).toHaveBeenCalledTimes(1);

    // The headers as written read back through the reader: a case typed under them calculates.
    uninstallGlobals();
    const typed = contractTable([exampleRow(2)]).rows[0];
    const reader = readerWorkbook({
      sheet: result.sheetName,
      grid: [values[0], typed],
      active: { row: 1, col: 0 },
      table: {},
    });
    installExcel(reader.mock);
    const read = await readActiveContractRow();
    if (!read.ok) throw new Error(JSON.stringify(read.problems));
    expect(read.contract).toEqual(parseContract(exampleRow(2)));
    expect(read.ignoredHeaders).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------------
// The pane, on linkedom's DOM.

const dom = usePaneDom();

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const okRow = (input: ContractInput, address: string): ActiveRow => ({
  ok: true,
  contract: parseContract(input),
  input,
  ignoredHeaders: [],
  sheet: "Kontrakt",
  address,
});

/** A refusal as the reader gives it for a wrong place. */
const wrongPlaceRow = (place: ActiveRow["place"], sheet: string, address: string): ActiveRow => ({
  ok: false,
  place,
  problems: [{ field: "", address: "A1", message: "(the reader's own message)" }],
  ignoredHeaders: [],
  sheet,
  address,
});

const fakeExcel = excelActions;

const memoryOf = (open: Record<string, boolean> = {}): PanelMemory & { kept: typeof open } => ({
  kept: open,
  isOpen: (id) => open[id] ?? false,
  remember: (id, value) => {
    open[id] = value;
  },
});

function mount(excel: ExcelActions, options = {}) {
  const pane = mountExcelPane(createShell(dom.root, "excel"), excel, WORKED_EXAMPLE_ROWS, {
    memory: memoryOf(),
    selectionDelayMs: 20,
    ...options,
  });
  const button = (text: string) =>
    [...dom.root.querySelectorAll("button")].find(
      (b) => b.textContent === text,
    ) as HTMLButtonElement;
  const text = (selector: string) => plain(dom.root.querySelector(selector)?.textContent);
  return { pane, button, text };
}

describe("the selected row", () => {
  test("shown at once, kept current after a burst of changes with ONE read, dropped on dispose", async () => {
    let active = okRow(example2, "Kontrakt!A3:AD3");
    const read = jest.fn(async () => active);
    let onChange: () => void = () => undefined;
    const unwatch = jest.fn(async () => undefined);
    const watch = jest.fn(async (callback: () => void) => {
      onChange = callback;
      return unwatch;
    });
    const { pane, text } = mount(fakeExcel({ readActiveContractRow: read, watchSelection: watch }));
    await settle();
    expect(text(".selected-row")).toBe("Markerad rad: Kontrakt!A3 (Övning 2)");
    expect(watch).toHaveBeenCalledTimes(1);
    const readsBefore = read.mock.calls.length;

    active = okRow(example1, "Kontrakt!A2:AD2");
    for (let i = 0; i < 10; i++) onChange(); // Excel raises the event at every arrow key
    await wait(60);
    expect(read.mock.calls.length - readsBefore).toBe(1);
    expect(text(".selected-row")).toBe("Markerad rad: Kontrakt!A2 (Övning 1)");

    active = wrongPlaceRow("notContractSheet", "Övning 1", "'Övning 1'!A5:H5");
    onChange();
    await wait(60);
    expect(text(".selected-row")).toBe("Markerad cell: 'Övning 1'!A5 (ingen kontraktsrad)");

    await pane.dispose();
    expect(unwatch).toHaveBeenCalledTimes(1);
    const readsAfter = read.mock.calls.length;
    onChange();
    await wait(60);
    expect(read.mock.calls.length).toBe(readsAfter);
  });

  test("an empty row and a row with problems say so", async () => {
    const rows: ActiveRow[] = [
      wrongPlaceRow("emptyRow", "Kontrakt", "Kontrakt!A4:AD4"),
      {
        ok: false,
        problems: [
          { field: "installmentsPaid", address: "P2", message: "x" },
          { field: "residual", address: "O2", message: "y" },
        ],
        ignoredHeaders: [],
        sheet: "Kontrakt",
        address: "Kontrakt!A2:AD2",
      },
    ];
    for (const row of rows) {
      const { text } = mount(fakeExcel({ readActiveContractRow: async () => row }));
      await settle();
      expect(text(".selected-row")).toBe(
        row.ok === false && row.place === "emptyRow"
          ? "Markerad rad: Kontrakt!A4 (tom)"
          : "Markerad rad: Kontrakt!A2 (2 uppgifter att rätta)",
      );
    }
  });
});

// Issue 20 point 2: with the shared runtime, hiding the pane keeps the page; the selection handler
// (a batch and its syncs at every selection change) is registered only while the pane is visible.
describe("the selection handler only while the pane is visible", () => {
  test("watchPaneVisibility: Office.addin.onVisibilityModeChanged's message as visible true/false", async () => {
    let handler: (message: { visibilityMode: string }) => void = () => undefined;
    const remove = jest.fn(async () => undefined);
    (globalThis as Record<string, unknown>).Office = {
      VisibilityMode: { hidden: "Hidden", taskpane: "Taskpane" },
      addin: {
        onVisibilityModeChanged: jest.fn(async (h: typeof handler) => {
          handler = h;
          return remove;
        }),
      },
    };
    const seen: boolean[] = [];
    const unwatch = await watchPaneVisibility((visible) => seen.push(visible));
    handler({ visibilityMode: "Hidden" });
    handler({ visibilityMode: "Taskpane" });
    expect(seen).toEqual([false, true]);
    await unwatch();
    expect(remove).toHaveBeenCalledTimes(1);
  });

  test("over the mock workbook: hidden → no handler and no reads; shown → registered again and the row read", async () => {
    const book = readerWorkbook({ grid: trainingGrid(), active: { row: 1, col: 0 } });
    const events = selectionEvents(book.mock);
    installExcel(book.mock);
    let paneShown: (visible: boolean) => void = () => undefined;
    const stopVisibility = jest.fn(async () => undefined);
    const read = jest.fn(() => readActiveContractRow());
    const { pane, text } = mount(
      fakeExcel({
        readActiveContractRow: read,
        watchSelection,
        watchPaneVisibility: async (onChange) => {
          paneShown = onChange;
          return stopVisibility;
        },
      }),
    );
    await settle();
    expect(events.handlers()).toBe(1);
    expect(text(".selected-row")).toBe("Markerad rad: Kontrakt!A2 (Övning 1)");

    paneShown(false); // the user closes the pane; the page lives on
    await settle();
    expect(events.handlers()).toBe(0);
    const readsWhileHidden = read.mock.calls.length;
    await events.fire();
    await wait(40);
    expect(read.mock.calls.length).toBe(readsWhileHidden);

    paneShown(true); // opened again: registered anew, the row read at once
    await settle();
    expect(events.handlers()).toBe(1);
    expect(events.added).toHaveBeenCalledTimes(2);
    expect(read.mock.calls.length).toBe(readsWhileHidden + 1);
    await events.fire();
    await wait(40);
    expect(read.mock.calls.length).toBe(readsWhileHidden + 2);

    paneShown(true); // shown twice: still one handler
    await settle();
    expect(events.handlers()).toBe(1);

    await pane.dispose(); // pagehide: both handlers removed
    expect(events.handlers()).toBe(0);
    expect(stopVisibility).toHaveBeenCalledTimes(1);
  });
});

describe("wrong-place errors say where to go, in one sentence", () => {
  test.each([
    // [scenario, the reader's row, contract sheets found, expected alert]
    [
      "the header row of the contract sheet",
      wrongPlaceRow("headerRow", "Kontrakt", "Kontrakt!C1"),
      ["Kontrakt"],
      "Markören står på rubrikraden (Kontrakt!C1): markera ärendets rad under rubrikraden.",
    ],
    [
      "a calculation sheet",
      wrongPlaceRow("notContractSheet", "Övning 1", "'Övning 1'!A5:H5"),
      ["Kontrakt"],
      "Bladet «Övning 1» är inget kontraktsblad ('Övning 1'!A5): gå till kontraktsbladet «Kontrakt» och markera ärendets rad.",
    ],
    [
      "an empty sheet, two contract sheets",
      wrongPlaceRow("emptySheet", "Blad1", "Blad1!B4"),
      ["Kontrakt", "Ärenden"],
      "Bladet «Blad1» är tomt: gå till ett kontraktsblad («Kontrakt», «Ärenden») och markera ärendets rad.",
    ],
    [
      "a sheet of notes in a workbook with no contract sheet",
      wrongPlaceRow("notContractSheet", "Anteckningar", "Anteckningar!A2:C2"),
      [],
      "Bladet «Anteckningar» är inget kontraktsblad (Anteckningar!A2): arbetsboken har inget kontraktsblad; infoga en tom kontraktstabell (eller övningsarbetsboken) och fyll i ärendets rad.",
    ],
    [
      "an empty row of the contract table",
      wrongPlaceRow("emptyRow", "Kontrakt", "Kontrakt!A2:AD2"),
      ["Kontrakt"],
      "Raden Kontrakt!A2:AD2 är tom: fyll i ärendets uppgifter på raden, eller markera ett annat ärendes rad.",
    ],
  ])("%s", async (_scenario, row, sheets, expected) => {
    const writeSheetPlan = jest.fn();
    const { button, text } = mount(
      fakeExcel({
        readActiveContractRow: async () => row,
        findContractSheets: async () => sheets,
        writeSheetPlan,
      }),
    );
    await settle();
    for (const action of ["Förhandsgranska markerad rad", "Skapa beräkningsblad"]) {
      button(action).click();
      await wait(10);
      expect(text('[role="alert"]')).toBe(expected);
      expect(dom.root.querySelectorAll('[role="alert"] li').length).toBe(0); // no list of "saknas"
    }
    expect(writeSheetPlan).not.toHaveBeenCalled();
  });
});

describe("the pane's layout", () => {
  test("the empty-table button when the host offers it, and its outcome", async () => {
    const insert = jest.fn(async () => ({ sheetName: "Kontrakt (2)", activeCell: "A2" }));
    const { button, text } = mount(fakeExcel({ insertContractTable: insert }));
    await settle();
    button("Infoga tom kontraktstabell").click();
    await wait(10);
    expect(insert).toHaveBeenCalledTimes(1);
    expect(text('[role="status"]')).toBe(
      "Bladet «Kontrakt (2)» infogat. Fyll i ärendet på rad 2 (markören står i A2) och förhandsgranska.",
    );
    // Without it (an older host), no button.
    const other = mount(fakeExcel({}));
    await settle();
    expect(other.button("Infoga tom kontraktstabell")).toBeUndefined();
  });

  test("whole table and reference rates fold away, closed unless remembered open", async () => {
    mount(fakeExcel({}));
    await settle();
    const folds = [...dom.root.querySelectorAll("details.panel")];
    expect(folds.map((d) => plain(d.querySelector("summary")?.textContent))).toEqual([
      "Hela tabellen",
      "Avsändare i breven",
      "Referensräntor",
      "Övningar",
      "Träning",
    ]);
    expect(folds.map((d) => d.hasAttribute("open"))).toEqual([false, false, false, false, false]);
    mountExcelPane(createShell(dom.root, "excel"), fakeExcel({}), WORKED_EXAMPLE_ROWS, {
      memory: memoryOf({ rates: true }),
    });
    await settle();
    const reopened = [...dom.root.querySelectorAll("details.panel")];
    expect(reopened.map((d) => d.hasAttribute("open"))).toEqual([false, false, true, false, false]);
  });

  test("the guided mode's slot: mounted by the guide, with a switch 'Steg för steg' / 'Snabbt'", async () => {
    const guide = jest.fn((slot: HTMLElement) => {
      slot.textContent = "guiden";
    });
    const memory = memoryOf();
    const { pane, button } = mount(fakeExcel({}), { guide, memory });
    await settle();
    expect(guide).toHaveBeenCalledTimes(1);
    expect(guide.mock.calls[0][0]).toBe(pane.guideSlot);
    const quick = dom.root.querySelector(".quick") as HTMLElement;
    expect(pane.guideSlot.hidden).toBe(true); // "Snabbt" until chosen
    button("Steg för steg").click();
    expect(pane.guideSlot.hidden).toBe(false);
    expect(quick.hidden).toBe(true);
    expect(button("Steg för steg").getAttribute("aria-pressed")).toBe("true");
    expect(memory.kept.guided).toBe(true);
    button("Snabbt").click();
    expect(quick.hidden).toBe(false);
    // Without a guide: no switch, the slot stays empty and hidden.
    const bare = mount(fakeExcel({}));
    expect(dom.root.querySelector(".mode-switch")).toBeNull();
    expect(bare.pane.guideSlot.hidden).toBe(true);
  });
});

describe("the result: conclusion first, with its date; the reduction before the statement", () => {
  test.each([
    // Example 2 (docs/conventions.md §8): value 95 000 − att betala 93 529 at the repossession = 1 471.
    ["Mellanskillnad vid återtagningen 2012-12-20: 1 471 kr", example2],
    // Example 1: at 2012-12-20 the late interest runs 107 days (2012-09-05 … 2012-12-20, both
    // counted) at 1,5 + 8 %: 79 048 × 0,095 × 107 / 365 = 2 201,43 → 2 201; att betala
    // 79 048 + 600 − 4 785 + 2 201 + 487 = 77 551; the value 60 000 falls short by 17 551.
    ["Värdet understiger skulden vid återtagningen 2012-12-20 med 17 551 kr", example1],
  ])("%s", (expected, input) => {
    const view = calculationView(calculate(parseContract(input as ContractInput)));
    const order = [...view.children].map((child) => child.className || child.tagName);
    expect(order.slice(0, 2)).toEqual(["case", expect.stringContaining("conclusion")]);
    expect(plain(view.querySelector(".outcome-at")?.textContent)).toBe(expected);
    const captions = [...view.querySelectorAll("caption")].map((c) => c.textContent);
    expect(captions.indexOf("Reduceringsbelopp")).toBeLessThan(
      captions.indexOf("Att betala för att undgå återtagning"),
    );
    expect(view.getAttribute("tabindex")).toBe("-1");
  });
});
