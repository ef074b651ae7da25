/**
 * Measurements beyond the engine: context.sync calls per written sheet (the Excel writer against
 * office-addin-mock, counting every sync the mock context receives) and per pane action (batches,
 * syncs, and with each batch's closing sync, over the stand-in Excel: test/testkit/roundTrips.ts),
 * the time a 300-contract batch takes from CSV text to .xlsx bytes (summary only, in memory), and the streaming batch at 2 000 and
 * 20 000 contracts, each in a child process for its peak memory (bench/batchScale.ts), and the
 * command's start (bench/cliStart.ts).
 */
import fs from "fs";
import path from "path";
import { OfficeMockObject } from "office-addin-mock";
import { calculate, parseContract } from "../src/engine";
import { columnLetter } from "../src/sheet/grid";
import { planSheet } from "../src/sheet/plan";
import { calculateRows, planBatchWorkbook } from "../src/sheet/batch";
import { parseCsv } from "../src/cli/csv";
import { toXlsxBuffer } from "../src/export/xlsx";
import { writeSheetPlan } from "../src/excel/writer";
import { batchScaleMeasurements } from "./batchScale";
import { actionRoundTrips } from "../test/testkit/roundTrips";
import { cliStartMeasurements } from "./cliStart";

const EXAMPLES = path.join(__dirname, "..", "examples");
const example = (n: number) =>
  JSON.parse(fs.readFileSync(path.join(EXAMPLES, `worked-example-${n}.json`), "utf8"));

/** A mock workbook whose sheets accept whatever the writer queues; counts context.sync calls. */
function mockWorkbook(): { context: unknown; syncs: () => number } {
  const anything = (): Record<string, unknown> => ({
    format: {
      font: {},
      fill: {},
      borders: { getItem: () => new OfficeMockObject({}) },
      autofitColumns() {},
      autofitRows() {},
    },
    merge() {},
    // A failing check's red (conditional formatting): the writer sets a rule and its look.
    conditionalFormats: {
      add: () => ({ custom: { rule: {}, format: { font: {}, fill: {} } } }),
    },
  });
  const sheet = () =>
    new OfficeMockObject({
      getRange: () => new OfficeMockObject(anything()),
      getRanges: () => new OfficeMockObject(anything()),
      activate() {},
      pageLayout: {
        zoom: {},
        headersFooters: { defaultForAllPages: {} },
        setPrintArea() {},
        setPrintTitleRows() {},
        setPrintTitleColumns() {},
      },
      horizontalPageBreaks: { add() {} },
      freezePanes: { freezeRows() {} },
    });
  const worksheets = {
    items: [],
    add: () => sheet(),
    // Office.js loads "items/name"; the mock loads plain property names only.
    load(this: OfficeMockObject) {
      return OfficeMockObject.prototype.load.call(this, ["items"]);
    },
  };
  const mock = new OfficeMockObject({ context: { workbook: { worksheets } } });
  let count = 0;
  const context = mock.context as unknown as { sync: () => Promise<void> };
  const sync = context.sync.bind(context);
  context.sync = async () => {
    count++;
    await sync();
  };
  return { context, syncs: () => count };
}

/** The most `context.sync()` calls the writer makes for one calculation sheet (72 and 360 instalments). */
export async function syncsPerSheet(): Promise<number> {
  const globals = globalThis as Record<string, unknown>;
  let worst = 0;
  for (const installments of [72, 360]) {
    const contract = {
      ...example(2),
      installments,
      installmentAmount: installments === 72 ? 1440 : 686,
      residual: installments === 72 ? 40000 : 0,
    };
    const plan = planSheet(calculate(parseContract(contract)));
    const workbook = mockWorkbook();
    globals.Excel = {
      // Excel.run(options, batch), as src/excel/context.ts calls it (delayForCellEdit).
      run: async (_options: unknown, batch: (context: unknown) => Promise<unknown>) =>
        batch(workbook.context),
    };
    await writeSheetPlan(plan);
    worst = Math.max(worst, workbook.syncs());
  }
  delete globals.Excel;
  return worst;
}

/** 300 contracts as a semicolon CSV, varied so no two rows are the same case. */
function csv300(): string {
  const base = example(2);
  const fields = Object.keys(base);
  const lines = [fields.join(";")];
  for (let i = 0; i < 300; i++) {
    const row = {
      ...base,
      caseId: `Ärende ${i + 1}`,
      residual: i % 2 === 0 ? 40000 : 0,
      installmentAmount: i % 2 === 0 ? 1440 : 1903,
      estimatedValue: 50000 + 150 * i,
    };
    lines.push(fields.map((f) => String((row as Record<string, unknown>)[f])).join(";"));
  }
  return lines.join("\n");
}

/** Seconds for 300 contracts from CSV text to .xlsx bytes; throws if any row is refused. */
export async function batch300Seconds(): Promise<number> {
  const text = csv300();
  const start = process.hrtime.bigint();
  const table = parseCsv(text);
  const rows = table.rows.map(({ line, cells }) => ({
    where: `rad ${line}`,
    values: cells,
    addressOf: (col: number) => `${columnLetter(col)}${line}`,
  }));
  const result = calculateRows(table.header, rows);
  if (result.calculations.length !== 300)
    throw new Error(`batch bench: ${result.refused.length} rows refused`);
  await toXlsxBuffer(planBatchWorkbook(result, { sheets: false }));
  return Math.round(Number(process.hrtime.bigint() - start) / 1e6) / 1000;
}

/**
 * The most batches and syncs any pane action costs (create sheet, with letters, summary, practice
 * sheets, a wrong place refused), over the stand-in Excel (test/testkit/roundTrips.ts);
 * `roundTripsPerAction` adds each batch's closing sync.
 */
async function perAction(): Promise<Record<string, number>> {
  const trips = await actionRoundTrips();
  const most = (key: "batches" | "syncs" | "roundTrips") =>
    Math.max(...trips.map((trip) => trip[key]));
  return {
    batchesPerAction: most("batches"),
    syncsPerAction: most("syncs"),
    roundTripsPerAction: most("roundTrips"),
  };
}

export async function extraMeasurements(): Promise<Record<string, number>> {
  return {
    syncsPerSheet: await syncsPerSheet(),
    ...(await perAction()),
    batch300Seconds: await batch300Seconds(),
    ...(await batchScaleMeasurements()),
    ...cliStartMeasurements(),
  };
}
