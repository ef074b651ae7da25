/**
 * The workbook's Referensräntor sheet: read back into the engine's table (rows named by their sheet
 * row), the next half-year appended as exactly one new row (src/excel/referenceRates.ts against
 * office-addin-mock), and the pure rules behind both (src/sheet/referenceSheet.ts). A contract whose
 * interest runs in 2026-H2 fails with the built-in table and calculates once the workbook has that
 * half-year.
 */
import {
  BUILT_IN_RATES,
  EngineError,
  ReferenceRateTable,
  calculate,
  parseContract,
  referenceEntriesFromRows,
} from "../src/engine";
import {
  appendReferenceRate,
  emptyPercentCells,
  readWorkbookReferenceRates,
} from "../src/excel/referenceRates";
import { calculateRows } from "../src/sheet/batch";
import { contractTable } from "../src/sheet/headers";
import {
  REFERENCE_HEADERS,
  REFERENCE_SHEET_NAME,
  lastKnownHalfYear,
  planReferenceRow,
  planReferenceSheet,
  referenceRowCountOf,
  workbookRateTable,
  workbookReferenceRates,
} from "../src/sheet/referenceSheet";
import { SheetRefusal } from "../src/sheet/refusal";
import { installExcel, referenceWorkbook, uninstallGlobals } from "./testkit/excelMock";
import { engineErrorOf } from "./testkit/fixtures";
import { blockOfPlan, contractIn2026H2 } from "./testkit/workbookRates";

afterEach(uninstallGlobals);

/** The cells of the sheet the add-in writes for the built-in table (48 half-years, rows 2–49). */
const builtInSheet = () => blockOfPlan(planReferenceSheet(BUILT_IN_RATES)).values;
const SERIAL_2026_07_01 = 46204;

describe("the Referensräntor sheet's layout", () => {
  test("columns A–D hold only the header and the rates; the note stands in F1", () => {
    const plan = planReferenceSheet(BUILT_IN_RATES);
    expect(plan.rowCount).toBe(49);
    const outside = plan.cells.filter((c) => c.col < 4 && c.row > 0 && c.row >= 49);
    expect(outside).toEqual([]);
    expect(plan.cells.find((c) => c.col === 5)).toMatchObject({ row: 0, style: "note" });
    expect(plan.cells.filter((c) => c.row === 0 && c.col < 4).map((c) => c.value)).toEqual([
      ...REFERENCE_HEADERS,
    ]);
  });

  test("the range the functions are told to take, 'Referensräntor'!A2:B60, reads cleanly", () => {
    // Before: the note stood in A51, inside A2:B60, and made every such formula #VALUE!.
    const rows = builtInSheet()
      .slice(1, 60)
      .map((row) => row.slice(0, 2));
    while (rows.length < 59) rows.push(["", ""]);
    const table = ReferenceRateTable.withEntries(referenceEntriesFromRows(rows, "rates"), "rates");
    expect(table.entries()).toHaveLength(48);
  });
});

describe("the workbook's rates (pure)", () => {
  test("entries from the sheet's cells: header and empty rows skipped, each labelled with its sheet row", () => {
    const values = [
      ["Gäller från", "Referensränta (%)"],
      [SERIAL_2026_07_01, 1.75],
      ["", ""],
      ["2027-01-01", "2,25"],
    ];
    const rates = workbookReferenceRates({ values, row: 0, col: 0 });
    expect(rates).toEqual({
      entries: [
        { from: "2026-07-01", percent: "1.75", label: "Referensräntor rad 2", row: 2 },
        { from: "2027-01-01", percent: "2,25", label: "Referensräntor rad 4", row: 4 },
      ],
      lastRow: 4,
    });
    expect(referenceRowCountOf(rates)).toBe(3);
    const table = workbookRateTable(rates);
    expect(lastKnownHalfYear(rates, table)).toMatchObject({ source: "sheet" });
    expect(table.percentOn(SERIAL_2026_07_01 - 25569, "d").toString()).toBe("1.75");
  });

  test("a used range that starts below A1 keeps the sheet's row numbers", () => {
    const rates = workbookReferenceRates({ values: [["2026-07-01", 1.75]], row: 6, col: 0 });
    expect(rates.entries[0].label).toBe("Referensräntor rad 7");
    expect(rates.lastRow).toBe(7);
  });

  test("a bad row is named by its sheet row", () => {
    const rates = workbookReferenceRates({
      values: [
        ["Gäller från", "%"],
        ["2026-07-01", 1.75],
        ["2026-03-01", 1.5],
      ],
      row: 0,
      col: 0,
    });
    const error = engineErrorOf(() => workbookRateTable(rates));
    expect(error.message).toMatch(/^Referensräntor rad 3 .*"2026-03-01".*1 januari eller 1 juli/);
  });

  test("without a sheet: the built-in table, its last half-year and the next to add", () => {
    const known = lastKnownHalfYear(null, workbookRateTable(null));
    expect(known.source).toBe("builtIn");
    expect(known.percent.toFixed(2)).toBe("2.00");
    expect(known.next).toBe(SERIAL_2026_07_01 - 25569);
  });

  test("a contract in 2026-H2 is refused with the built-in table and calculated with the workbook's", () => {
    const table = contractTable([contractIn2026H2()]);
    const rows = table.rows.map((values, i) => ({
      where: `rad ${i + 2}`,
      values,
      addressOf: (col: number) => `${col}:${i + 2}`,
    }));
    const before = calculateRows(table.headers, rows, BUILT_IN_RATES);
    expect(before.calculations).toHaveLength(0);
    expect(before.refused[0].reason).toContain(
      "Referensränta saknas för halvåret 2026-07-01–2026-12-31",
    );

    const values = [...builtInSheet(), [SERIAL_2026_07_01, 1.75]];
    const after = calculateRows(
      table.headers,
      rows,
      workbookRateTable(workbookReferenceRates({ values, row: 0, col: 0 })),
    );
    expect(after.refused).toEqual([]);
    const expected = calculate(parseContract(contractIn2026H2()), {
      referenceRates: ReferenceRateTable.withEntries([{ from: "2026-07-01", percent: "1.75" }]),
    });
    expect(after.calculations[0].statements.map((s) => s.lateInterest.total.toFixed(2))).toEqual(
      expected.statements.map((s) => s.lateInterest.total.toFixed(2)),
    );
  });

  test("the new row: under the last rate, as the other rows; refusals", () => {
    const block = { values: builtInSheet(), row: 0, col: 0 };
    expect(planReferenceRow(block, "2026-07-01", 1.75)).toEqual({
      row: 50,
      address: "A50:D50",
      formulas: [
        [
          SERIAL_2026_07_01,
          1.75,
          "=EDATE(A50,6)-1",
          "Tillagd av användaren (panelen Referensräntor)",
        ],
      ],
      numberFormats: [["yyyy-mm-dd", "0.00", "yyyy-mm-dd", "General"]],
      formatsFrom: 49,
    });
    const refusal = (from: string, values = block.values) => {
      try {
        planReferenceRow({ values, row: 0, col: 0 }, from, 1);
      } catch (error) {
        if (error instanceof SheetRefusal) return error.message;
        throw error;
      }
      throw new Error("expected a refusal");
    };
    expect(refusal("2026-01-01")).toMatch(/finns redan på rad 49/);
    expect(refusal("2026-08-01")).toMatch(/inte början på ett halvår/);
    const taken = [...block.values, ["", "", "", "anteckning"]];
    expect(refusal("2026-07-01", taken)).toMatch(/rad 50 .* är inte tom/);
  });
});

describe("readWorkbookReferenceRates", () => {
  test("null when the workbook has no Referensräntor sheet, after one sync", async () => {
    const book = referenceWorkbook({ otherSheets: ["Kontrakt"] });
    installExcel(book.mock);
    expect(await readWorkbookReferenceRates()).toBeNull();
    expect(book.sync).toHaveBeenCalledTimes(1);
  });

  test("the sheet's rates (named without regard to case), in 2 syncs, reading only A:D", async () => {
    const book = referenceWorkbook({
      otherSheets: ["Kontrakt"],
      reference: { name: "referensräntor", values: builtInSheet() },
    });
    installExcel(book.mock);
    const rates = await readWorkbookReferenceRates();
    expect(rates?.entries).toHaveLength(48);
    expect(rates?.entries[0]).toEqual({
      from: "2002-07-01",
      percent: "4.5",
      label: "Referensräntor rad 2",
      row: 2,
    });
    expect(rates?.lastRow).toBe(49);
    expect(book.sync).toHaveBeenCalledTimes(2);
    expect(book.requested).toEqual(["A:D"]);
    expect(book.written).toEqual([]);
  });

  // Issue 10 item 2: a from date with an empty percent cell must never become 0 %. The reader
  // loads the cells' valueTypes, so an empty cell ("Empty") is told from a typed 0 ("Double").
  const SERIAL_2027_01_01 = 46388; // 2026-07-01 + 184 days
  test("a row with a from date and an empty percent is refused, naming the cell and half-year", async () => {
    const values = [...builtInSheet(), [SERIAL_2026_07_01, "", "", ""], [SERIAL_2027_01_01, 2]];
    const book = referenceWorkbook({ reference: { values } });
    installExcel(book.mock);
    const error = await readWorkbookReferenceRates().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EngineError);
    expect((error as EngineError).code).toBe("required");
    expect((error as Error).message).toContain("'Referensräntor'!B50 (2026-07-01)");
    expect((error as Error).message).not.toContain("B51");
  });

  test("every such row is named, text dates as typed", async () => {
    const values = [...builtInSheet(), [SERIAL_2026_07_01, ""], ["2027-01-01", ""]];
    const book = referenceWorkbook({ reference: { values } });
    installExcel(book.mock);
    const error = await readWorkbookReferenceRates().catch((e: unknown) => e);
    expect((error as Error).message).toContain(
      "'Referensräntor'!B50 (2026-07-01), 'Referensräntor'!B51 (2027-01-01)",
    );
  });

  test("a typed 0 % is a rate (the reference rate was 0 in 2015–2016), not an empty cell", async () => {
    const values = [...builtInSheet(), [SERIAL_2026_07_01, 0]];
    const book = referenceWorkbook({ reference: { values } });
    installExcel(book.mock);
    const rates = await readWorkbookReferenceRates();
    expect(rates?.entries.at(-1)).toMatchObject({ from: "2026-07-01", percent: "0", row: 50 });
  });

  test("emptyPercentCells: sheet coordinates for a block below A1; the header row and blank rows are no rate rows", () => {
    const block = {
      values: [
        ["Gäller från", ""],
        [46204, ""],
        ["", ""],
        [46388, 1.5],
      ],
      valueTypes: [
        ["String", "Empty"],
        ["Double", "Empty"],
        ["Empty", "Empty"],
        ["Double", "Double"],
      ],
      row: 0,
      col: 0,
    };
    expect(emptyPercentCells(block)).toEqual(["B2 (2026-07-01)"]);
    expect(
      emptyPercentCells({
        ...block,
        values: block.values.slice(1),
        valueTypes: block.valueTypes.slice(1),
        row: 6,
      }),
    ).toEqual(["B7 (2026-07-01)"]);
  });
});

describe("appendReferenceRate", () => {
  test("writes exactly one row, A50:D50, with the other rows' formula and formats, in 3 syncs", async () => {
    const book = referenceWorkbook({
      otherSheets: ["Kontrakt", "Sammanställning"],
      reference: { values: builtInSheet() },
    });
    const run = installExcel(book.mock);
    const result = await appendReferenceRate("2026-07-01", 1.75);
    expect(result).toEqual({ address: "'Referensräntor'!A50:D50", row: 50, syncs: 3 });
    expect(run).toHaveBeenCalledTimes(1);
    expect(book.sync).toHaveBeenCalledTimes(3);
    expect(book.requested).toEqual(["A:D", "A50:D50"]);
    expect(book.written).toHaveLength(1);
    const [row] = book.written;
    expect(row.range.formulas).toEqual([
      [
        SERIAL_2026_07_01,
        1.75,
        "=EDATE(A50,6)-1",
        "Tillagd av användaren (panelen Referensräntor)",
      ],
    ]);
    expect(row.range.numberFormat).toEqual([["yyyy-mm-dd", "0.00", "yyyy-mm-dd", "General"]]);
    // The source names the rate sheet: a bare "A49:D49" would be read from the active sheet.
    expect(row.copyFrom).toHaveBeenCalledWith("'Referensräntor'!A49:D49", "Formats");
    // Nothing else was written: not the table read, not another sheet.
    const used = book.used();
    expect(["formulas", "numberFormat"].filter((key) => key in used)).toEqual([]);
    for (const sheet of book.existing)
      for (const call of sheet.calls) expect(call).not.toHaveBeenCalled();
    expect(book.add).not.toHaveBeenCalled();
  });

  test("the first rate under a bare header row gets the number formats only", async () => {
    const book = referenceWorkbook({ reference: { values: [[...REFERENCE_HEADERS]] } });
    installExcel(book.mock);
    const result = await appendReferenceRate("2026-07-01", 1.75);
    expect(result.address).toBe("'Referensräntor'!A2:D2");
    expect(book.written[0].copyFrom).not.toHaveBeenCalled();
  });

  test.each([
    ["the sheet is missing", {}, /finns inte/],
    [
      "the half-year is already there",
      { reference: { values: builtInSheet() } },
      /finns redan på rad 49/,
    ],
    [
      "the row under the last rate is not empty",
      { reference: { values: [...builtInSheet(), ["", "", "", "anteckning"]] } },
      /rad 50 .* är inte tom/,
    ],
  ])("refuses when %s, writing nothing", async (_scenario, setup, message) => {
    const book = referenceWorkbook(setup);
    installExcel(book.mock);
    const from = _scenario.startsWith("the half-year") ? "2026-01-01" : "2026-07-01";
    const error = await appendReferenceRate(from, 1.75).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SheetRefusal);
    expect((error as Error).message).toMatch(message);
    expect(book.written).toEqual([]);
  });

  test("a date Excel cannot have in the sheet is the engine's error, naming the row", async () => {
    const values = [...builtInSheet(), [-5, 1]];
    const book = referenceWorkbook({ reference: { values } });
    installExcel(book.mock);
    const error = await readWorkbookReferenceRates().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EngineError);
    expect((error as Error).message).toContain(`${REFERENCE_SHEET_NAME} rad 50`);
  });
});
