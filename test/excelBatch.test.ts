/**
 * A whole table at once through the Excel layer, against office-addin-mock: the selected rows read
 * (src/excel/reader.ts), calculated and planned (src/sheet/batch.ts) against the workbook's sheet
 * names, and written in one Excel.run (src/excel/writer.ts writeSheetPlans): the summary under a
 * free name with links to the case sheets, the Referensräntor sheet only when the workbook has
 * none, existing sheets untouched, and the number of syncs for ten cases with sheets.
 */
import { BUILT_IN_RATES, ContractInput } from "../src/engine";
import { readSelectedContractRows } from "../src/excel/reader";
import { writeSheetPlans } from "../src/excel/writer";
import { calculateRows, planBatchWorkbook } from "../src/sheet/batch";
import { contractTable } from "../src/sheet/headers";
import { REFERENCE_SHEET_NAME } from "../src/sheet/referenceSheet";
import {
  installExcel,
  selectionWorkbook,
  uninstallGlobals,
  writerWorkbook,
} from "./testkit/excelMock";
import { exampleRow } from "./testkit/fixtures";

afterEach(uninstallGlobals);

/** `count` contracts alternating the two worked examples, as "Mål 1", "Mål 2", … */
function contracts(count: number): ContractInput[] {
  return Array.from({ length: count }, (_, i) => ({
    ...exampleRow(i % 2 === 0 ? 1 : 2),
    caseId: `Mål ${i + 1}`,
  })) as ContractInput[];
}

/** Reads all rows of a table holding `inputs` (the whole table selected), as the pane does. */
async function readTable(inputs: ContractInput[], otherSheets: string[]) {
  const table = contractTable(inputs);
  const book = selectionWorkbook({
    grid: [table.headers, ...table.rows],
    areas: [{ row: 0, col: 0, rowCount: inputs.length + 1, colCount: table.headers.length }],
    table: {},
    otherSheets,
  });
  installExcel(book.mock);
  const read = await readSelectedContractRows();
  if (!read.ok) throw new Error(read.message);
  return read;
}

describe("a whole table into the workbook", () => {
  test("10 cases with sheets: summary as «Sammanställning (2)», linked cases, the workbook's Referensräntor kept; 2 + 2 syncs", async () => {
    const existing = ["Sammanställning", REFERENCE_SHEET_NAME, "Mål 3"];
    const read = await readTable(contracts(10), existing);
    expect(read.syncs).toBe(2);
    const batch = calculateRows(read.headers, read.rows, BUILT_IN_RATES, read.headerRow);
    expect(batch.refused).toEqual([]);
    const plans = planBatchWorkbook(batch, {
      sheets: true,
      table: BUILT_IN_RATES,
      existingSheetNames: read.sheetNames,
      referenceSheet: { rowCount: 50 },
    });

    const book = writerWorkbook(read.sheetNames);
    const run = installExcel(book.mock);
    const written = await writeSheetPlans(plans);
    expect(run).toHaveBeenCalledTimes(1);
    expect(written.syncs).toBe(2); // for 11 new sheets: 2 / 11 ≈ 0.18 syncs per sheet
    expect(book.sync).toHaveBeenCalledTimes(2);
    expect(written.sheetNames).toEqual([
      "Sammanställning (2)",
      "Mål 1",
      "Mål 2",
      "Mål 3 (2)", // "Mål 3" was taken
      ...Array.from({ length: 7 }, (_, i) => `Mål ${i + 4}`),
    ]);
    expect(book.add.mock.calls.map(([name]) => name)).toEqual(written.sheetNames);
    expect(book.add).not.toHaveBeenCalledWith(REFERENCE_SHEET_NAME);
    for (const sheet of book.existing)
      for (const call of sheet.calls) expect(call).not.toHaveBeenCalled();

    // The case ids link to their sheets, by their final names.
    const summary = book.added[0];
    const links = summary.ranges
      .filter((r) => "hyperlink" in r.range)
      .map((r) => r.range.hyperlink);
    expect(links).toHaveLength(10);
    expect(links[2]).toEqual({ documentReference: "'Mål 3 (2)'!A1", textToDisplay: "Mål 3" });
    const formulas = summary.ranges.find((r) => "formulas" in r.range)!.range
      .formulas as string[][];
    expect(formulas.flat().some((f) => f.startsWith?.("='Mål 3 (2)'!"))).toBe(true);
    expect(summary.sheet.activate).toHaveBeenCalled();
  });

  test("summary only, no Referensräntor sheet yet: it is written too, and the formulas look it up", async () => {
    const read = await readTable(contracts(2), []);
    const batch = calculateRows(read.headers, read.rows, BUILT_IN_RATES, read.headerRow);
    const plans = planBatchWorkbook(batch, {
      sheets: false,
      table: BUILT_IN_RATES,
      existingSheetNames: read.sheetNames,
    });
    const book = writerWorkbook(read.sheetNames);
    installExcel(book.mock);
    const written = await writeSheetPlans(plans);
    expect(written).toEqual({
      sheetNames: ["Sammanställning", REFERENCE_SHEET_NAME],
      syncs: 2,
    });
    const formulas = book.added[0].ranges.find((r) => "formulas" in r.range)!.range
      .formulas as unknown[][];
    const lookups = formulas
      .flat()
      .filter((f) => String(f).includes("'Referensräntor'!$A$2:$A$149"));
    expect(lookups.length).toBeGreaterThan(0);
  });

  test("the workbook's own Referensräntor through row 51: the summary's lookups reach row 51 and 100 spare rows below", () => {
    const batch = calculateRows(
      contractTable(contracts(1)).headers,
      contractTable(contracts(1)).rows.map((values) => ({
        where: "rad 2",
        values,
        addressOf: (col: number) => `${col}`,
      })),
    );
    const [summary, ...rest] = planBatchWorkbook(batch, {
      sheets: false,
      referenceSheet: { rowCount: 50 },
    });
    expect(rest).toEqual([]);
    expect(summary.cells.some((c) => c.formula?.includes("'Referensräntor'!$A$2:$A$151"))).toBe(
      true,
    );
  });
});
