/**
 * Round trips per pane action (issue 20 point 10): each action of the Excel mode run through its
 * task (src/taskpane/excelMode/excelTasks.ts) with the REAL readers and writers (src/excel/) over the
 * in-memory stand-in Excel of the browser tests (test/support/fakeExcelHost.js), counting its
 * `Excel.run` batches and `context.sync()` calls. Each batch also ends with Excel.run's own closing
 * sync, counted here as one more round trip per batch (office.js sends it only when commands are
 * still queued, `syncPrivate` in excel-web-16.00.debug.js; the writers leave none, so it is counted
 * as the upper bound). The tasks are called directly, with no selection watcher: the selection events
 * an action causes (a new sheet activated) start no read here.
 * Used by test/excelRoundTrips.test.ts and `npm run bench`.
 */
import fs from "fs";
import path from "path";
import { parseHTML } from "linkedom";
import { contractTable } from "../../src/sheet/headers";
import type { Outcome } from "../../src/taskpane/excelMode/actionRunner";
import {
  TaskContext,
  createSheet,
  createSummary,
  insertExercises,
} from "../../src/taskpane/excelMode/excelTasks";
import { createShell } from "../../src/taskpane/ui/shell";
import { WORKBOOK_ACTIONS } from "../../src/taskpane/workbookActions";
import { exampleRow } from "./fixtures";

const FAKE_HOST = fs.readFileSync(
  path.join(__dirname, "..", "support", "fakeExcelHost.js"),
  "utf8",
);

/** What one action cost. */
export interface ActionTrips {
  action: string;
  /** Whether the action did its work (false: refused, as a wrong place is). */
  done: boolean;
  batches: number;
  /** The `context.sync()` calls the code made. */
  syncs: number;
  /** With each batch's closing sync: the round trips a user waits for on the web. */
  roundTrips: number;
}

/** The fake host's handle (fakeExcelHost.js `window.__workbook`). */
interface FakeWorkbook {
  select(sheet: string, address: string): void;
  selectRange(sheet: string, address: string): void;
  roundTrips(): { batches: number; syncs: number };
}

const GLOBALS = ["window", "document", "Office", "Excel", "CustomFunctions", "__workbook"];

/**
 * The Excel actions as the entry file wires them, less the selection and visibility events: the
 * count leaves out the selection changes an action itself causes.
 */
const { watchSelection: _selection, watchPaneVisibility: _visibility, ...EXCEL } = WORKBOOK_ACTIONS;

/**
 * Runs create sheet, with letters, the summary, the practice sheets and a refusal of a wrong place
 * (the cursor on the header row) on a workbook whose Kontrakt table holds the two worked examples.
 */
export async function actionRoundTrips(): Promise<ActionTrips[]> {
  const globals = globalThis as Record<string, unknown>;
  const saved = GLOBALS.map((name) => [name, globals[name]] as const);
  const table = contractTable([exampleRow(1), exampleRow(2)]);
  const { document } = parseHTML("<!doctype html><html><body><main></main></body></html>");
  globals.window = globalThis;
  globals.document = document;
  globals.__fakeExcelSetup = {
    sheets: [{ name: "Kontrakt", rows: [table.headers, ...table.rows], table: true }],
    active: { sheet: "Kontrakt", row: 1, col: 0 },
    latencyMs: 0,
  };
  try {
    new Function(FAKE_HOST)();
    const book = globals.__workbook as FakeWorkbook;
    const root = document.querySelector("main") as unknown as HTMLElement;
    const context: TaskContext = {
      shell: createShell(root, "excel"),
      excel: EXCEL,
      result: document.createElement("div") as unknown as HTMLElement,
      showKnown: () => undefined,
      showRateProblem: () => undefined,
      goToRates: () => undefined,
    };
    const measure = async (action: string, run: () => Promise<Outcome>): Promise<ActionTrips> => {
      const before = book.roundTrips();
      const outcome = await run();
      const after = book.roundTrips();
      const batches = after.batches - before.batches;
      const syncs = after.syncs - before.syncs;
      return { action, done: outcome.ok, batches, syncs, roundTrips: syncs + batches };
    };
    const trips: ActionTrips[] = [];
    book.select("Kontrakt", "A2");
    trips.push(await measure("createSheet", () => createSheet(context)));
    book.select("Kontrakt", "A3");
    trips.push(await measure("createSheetWithLetters", () => createSheet(context, true)));
    book.selectRange("Kontrakt", "A2:C3");
    trips.push(await measure("summary", () => createSummary(context, false)));
    const choice = { level: "1", count: "2", first: "1" };
    trips.push(await measure("practiceSheets", () => insertExercises(context, choice)));
    book.select("Kontrakt", "C1");
    trips.push(await measure("wrongPlaceRefusal", () => createSheet(context)));
    return trips;
  } finally {
    delete globals.__fakeExcelSetup;
    for (const [name, value] of saved)
      if (value === undefined) delete globals[name];
      else globals[name] = value;
  }
}
