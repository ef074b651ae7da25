/**
 * Every workbook batch runs with `delayForCellEdit: true` (issue 10 item 4): a button pressed while
 * the user is still typing in a cell must wait for the edit to end, not fail. Each action the task
 * pane can start is called against office-addin-mock and the `Excel.run` spy shows its options; a
 * scan of src/ makes sure no new code calls `Excel.run` without going through `runExcel`.
 */
import * as fs from "fs";
import * as path from "path";
import { readActiveContractRow, readSelectedContractRows } from "../src/excel/reader";
import { appendReferenceRate, readWorkbookReferenceRates } from "../src/excel/referenceRates";
import { findContractSheets, watchSelection } from "../src/excel/selection";
import {
  insertContractTable,
  insertTrainingWorkbook,
  writeSheetPlan,
  writeSheetPlans,
} from "../src/excel/writer";
import { contractTable } from "../src/sheet/headers";
import { REFERENCE_HEADERS } from "../src/sheet/referenceSheet";
import { SheetPlan } from "../src/sheet/types";
import {
  installExcel,
  readerWorkbook,
  referenceWorkbook,
  selectionEvents,
  selectionWorkbook,
  sheetsWorkbook,
  uninstallGlobals,
  writerWorkbook,
} from "./testkit/excelMock";
import { exampleRow } from "./testkit/fixtures";

afterEach(uninstallGlobals);

const grid = () => {
  const table = contractTable([exampleRow(1), exampleRow(2)]);
  return [table.headers, ...table.rows];
};

const tinyPlan = (name: string): SheetPlan => ({
  name,
  rowCount: 1,
  colCount: 1,
  cells: [{ row: 0, col: 0, value: "x" }],
  merges: [],
  columnWidths: [10],
  print: {
    area: "A1:A1",
    orientation: "portrait",
    paperSize: "A4",
    scale: 100,
    header: "",
    footer: "",
    pageBreaksBefore: [],
  },
  names: {},
});

type Action = [string, () => jest.Mock, () => Promise<unknown>];

const actions: Action[] = [
  [
    "readActiveContractRow",
    () => installExcel(readerWorkbook({ grid: grid(), active: { row: 1, col: 0 } }).mock),
    () => readActiveContractRow(),
  ],
  [
    "readSelectedContractRows",
    () => installExcel(selectionWorkbook({ grid: grid(), areas: [{ row: 1, col: 0 }] }).mock),
    () => readSelectedContractRows(),
  ],
  [
    "writeSheetPlan",
    () => installExcel(writerWorkbook([]).mock),
    () => writeSheetPlan(tinyPlan("A")),
  ],
  [
    "writeSheetPlans",
    () => installExcel(writerWorkbook([]).mock),
    () => writeSheetPlans([tinyPlan("A"), tinyPlan("B")]),
  ],
  [
    "insertTrainingWorkbook",
    () => installExcel(writerWorkbook([]).mock),
    () => insertTrainingWorkbook([exampleRow(1)] as never),
  ],
  ["insertContractTable", () => installExcel(writerWorkbook([]).mock), () => insertContractTable()],
  [
    "findContractSheets",
    () => installExcel(sheetsWorkbook([{ name: "Kontrakt", grid: grid() }]).mock),
    () => findContractSheets(),
  ],
  [
    "watchSelection",
    () => {
      const book = readerWorkbook({ grid: grid(), active: { row: 1, col: 0 } });
      selectionEvents(book.mock);
      return installExcel(book.mock);
    },
    () => watchSelection(() => undefined),
  ],
  [
    "readWorkbookReferenceRates",
    () => installExcel(referenceWorkbook({ reference: { values: [[...REFERENCE_HEADERS]] } }).mock),
    () => readWorkbookReferenceRates(),
  ],
  [
    "appendReferenceRate",
    () => installExcel(referenceWorkbook({ reference: { values: [[...REFERENCE_HEADERS]] } }).mock),
    () => appendReferenceRate("2026-07-01", 1.75),
  ],
];

test.each(actions)(
  "%s runs its batch with { delayForCellEdit: true }",
  async (_name, install, act) => {
    const run = install();
    await act();
    expect(run).toHaveBeenCalledTimes(1);
    const [options, batch] = run.mock.calls[0];
    expect(options).toEqual({ delayForCellEdit: true });
    expect(typeof batch).toBe("function");
  },
);

test("no module but src/excel/context.ts calls Excel.run itself", () => {
  const root = path.resolve(__dirname, "../src");
  const files = (dir: string): string[] =>
    fs
      .readdirSync(dir, { withFileTypes: true })
      .flatMap((entry) =>
        entry.isDirectory()
          ? files(path.join(dir, entry.name))
          : entry.name.endsWith(".ts")
            ? [path.join(dir, entry.name)]
            : [],
      );
  const callers = files(root)
    .filter((file) => /\bExcel\.run\s*\(/.test(fs.readFileSync(file, "utf8")))
    .map((file) => path.relative(root, file));
  expect(callers).toEqual([path.join("excel", "context.ts")]);
});
