/**
 * The Excel reader (src/excel/reader.ts) against office-addin-mock: the active cell's row under the
 * used range's or the table's header row, at most two syncs, refusals at the right cell, nothing
 * written; and the selection's rows (plain range, table, several areas, whole columns), the header
 * row and empty rows skipped, in two syncs, ready for calculateRows.
 */
import { ContractField, parseContract } from "../src/engine";
import { SelectedRows, readActiveContractRow, readSelectedContractRows } from "../src/excel/reader";
import { calculateRows } from "../src/sheet/batch";
import { columnLetter } from "../src/sheet/grid";
import { SWEDISH_HEADERS, contractTable } from "../src/sheet/headers";
import { exampleRow } from "./testkit/fixtures";
import {
  SelectionSetup,
  installExcel,
  readerWorkbook,
  selectionWorkbook,
  uninstallGlobals,
} from "./testkit/excelMock";

afterEach(uninstallGlobals);

/** Header row + the two worked examples, as the training workbook's Kontrakt sheet holds them. */
function trainingGrid(): unknown[][] {
  const table = contractTable([exampleRow(1), exampleRow(2)]);
  return [table.headers, ...table.rows];
}

const column = (field: ContractField) => trainingGrid()[0].indexOf(SWEDISH_HEADERS[field]);

describe("readActiveContractRow", () => {
  test("plain range: the active cell's row under the first used row gives the contract, in 2 syncs", async () => {
    const book = readerWorkbook({ grid: trainingGrid(), active: { row: 2, col: 2 } }); // C3: example 2
    const run = installExcel(book.mock);
    const result = await readActiveContractRow();
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.input).toEqual(exampleRow(2));
    expect(result.contract).toEqual(parseContract(exampleRow(2)));
    expect(result).toMatchObject({
      sheet: "Kontrakt",
      row: 3,
      address: "Kontrakt!A3:AD3",
      syncs: 2,
    });
    expect(book.sync).toHaveBeenCalledTimes(2);
    expect(run).toHaveBeenCalledTimes(1);
    expect(book.add).not.toHaveBeenCalled();
    expect(book.written()).toEqual([]);
  });

  test("Excel table away from A1: the table's header row, addresses in sheet coordinates", async () => {
    const grid = trainingGrid();
    grid[0] = grid[0].map((header) => `  ${String(header).toUpperCase()} `); // odd case and spaces
    const book = readerWorkbook({
      sheet: "Övning 1",
      grid,
      origin: { row: 4, col: 1 },
      active: { row: 5, col: 10 },
      table: {},
    });
    installExcel(book.mock);
    const result = await readActiveContractRow();
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.input).toEqual(exampleRow(1));
    expect(result).toMatchObject({
      sheet: "Övning 1",
      row: 6,
      address: "'Övning 1'!B6:AE6",
      syncs: 2,
    });
    expect(book.written()).toEqual([]);
  });

  test("Excel serial dates convert exactly: 41258 → 2012-12-15", async () => {
    const grid = trainingGrid();
    expect(grid[1][column("noticeDate")]).toBe(41258);
    const book = readerWorkbook({ grid, active: { row: 1, col: 0 } });
    installExcel(book.mock);
    const result = await readActiveContractRow();
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.input.noticeDate).toBe("2012-12-15");
    expect(result.input.firstDueDate).toBe("2009-09-30");
  });

  test("an invalid row is refused with the addresses of the bad cells, and nothing is written", async () => {
    // A text in Kreditbelopp at C3, and no Första förfallodag column at all.
    const headers = [
      "Ärende",
      "Kontantpris",
      "Kreditbelopp",
      "Nominell ränta",
      "Antal avbetalningar",
      "Avbetalning",
      "Betalda avbetalningar",
      "Ansökningsdag",
      "Återtagningsdag",
    ];
    const grid = [
      headers,
      ["Övning 0", 143750, 115000, 0.0595, 72, 1903, 31, 41156, 41263],
      ["Övning 1", 143750, "115 000 kronor", 0.0595, 72, 1903, 31, 41156, 41263],
    ];
    const book = readerWorkbook({ grid, active: { row: 2, col: 5 } });
    installExcel(book.mock);
    const result = await readActiveContractRow();
    if (result.ok) throw new Error("expected problems");
    expect(result.problems.map(({ field, address }) => ({ field, address }))).toEqual([
      { field: "creditAmount", address: "C3" },
      { field: "firstDueDate", address: "A1:I1" },
    ]);
    expect(result.problems[0].message).toContain("115 000 kronor");
    expect(result.syncs).toBeLessThanOrEqual(2);
    expect(book.add).not.toHaveBeenCalled();
    expect(book.written()).toEqual([]);
  });

  // [scenario, setup, expected problem address, message fragment, syncs]
  const refusals: [string, Parameters<typeof readerWorkbook>[0], string, string, number][] = [
    [
      "active cell on the header row (plain range)",
      { grid: trainingGrid(), active: { row: 0, col: 3 } },
      "D1",
      "rubrikraden",
      1,
    ],
    [
      "active cell below the used range",
      { grid: trainingGrid(), active: { row: 7, col: 0 } },
      "A8",
      "utanför",
      1,
    ],
    [
      "active cell right of the used range",
      { grid: trainingGrid(), active: { row: 1, col: 40 } },
      "AO2",
      "utanför",
      1,
    ],
    [
      "active cell above the used range",
      { grid: trainingGrid(), origin: { row: 3, col: 0 }, active: { row: 1, col: 0 } },
      "A2",
      "utanför",
      1,
    ],
    ["an empty sheet", { grid: [], active: { row: 0, col: 0 } }, "A1", "tomt", 1],
    [
      "active cell on the table's header row",
      { grid: trainingGrid(), active: { row: 0, col: 1 }, table: {} },
      "B1",
      "rubrikraden",
      2,
    ],
    [
      "active cell on the table's totals row",
      { grid: trainingGrid(), active: { row: 2, col: 1 }, table: { totals: true } },
      "B3",
      "utanför",
      2,
    ],
    [
      "an empty row inside the used range",
      {
        grid: [...trainingGrid(), trainingGrid()[0].map(() => ""), trainingGrid()[1]],
        active: { row: 3, col: 1 },
      },
      "A4:AD4",
      "tom",
      2,
    ],
  ];
  test.each(refusals)("refuses %s", async (_scenario, setup, address, fragment, syncs) => {
    const book = readerWorkbook(setup);
    installExcel(book.mock);
    const result = await readActiveContractRow();
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([
      { field: "", address, message: expect.stringContaining(fragment) },
    ]);
    expect(result.syncs).toBe(syncs);
    expect(book.sync).toHaveBeenCalledTimes(syncs);
    expect(book.add).not.toHaveBeenCalled();
  });

  test("runs in the caller's request context when one is given (no Excel.run of its own)", async () => {
    const book = readerWorkbook({ grid: trainingGrid(), active: { row: 1, col: 0 } });
    const run = installExcel(book.mock);
    const result = await readActiveContractRow(
      book.mock.context as unknown as Excel.RequestContext,
    );
    expect(result.ok).toBe(true);
    expect(run).not.toHaveBeenCalled();
  });
});

describe("readSelectedContractRows", () => {
  /** Header, example 1, example 2, an empty row, example 1 as "Övning 3": rows 1–5 of the sheet. */
  function gridWithBlank(): unknown[][] {
    const grid = trainingGrid();
    const third = [...grid[1]];
    third[column("caseId")] = "Övning 3";
    return [...grid, grid[0].map(() => ""), third];
  }

  async function read(setup: SelectionSetup) {
    const book = selectionWorkbook(setup);
    const run = installExcel(book.mock);
    const result = await readSelectedContractRows();
    expect(run).toHaveBeenCalledTimes(1);
    expect(book.sync).toHaveBeenCalledTimes(result.syncs);
    // A third sync only when some rows and the first used column are hidden (the block's own view).
    expect(result.syncs).toBeLessThanOrEqual(book.visibleViews.length > 0 ? 3 : 2);
    expect(book.add).not.toHaveBeenCalled();
    return { book, result };
  }

  function ok(result: Awaited<ReturnType<typeof readSelectedContractRows>>): SelectedRows {
    if (!result.ok) throw new Error(result.message);
    return result;
  }

  test("plain range A1:C5: rows 2, 3 and 5; the header row and the empty row 4 skipped; 2 syncs", async () => {
    const { book, result } = await read({
      grid: gridWithBlank(),
      areas: [{ row: 0, col: 0, rowCount: 5, colCount: 3 }],
      otherSheets: ["Sammanställning"],
    });
    const selected = ok(result);
    expect(selected.rows.map((r) => r.where)).toEqual([
      "Kontrakt!2:2",
      "Kontrakt!3:3",
      "Kontrakt!5:5",
    ]);
    expect(selected.rows[2].values[column("caseId")]).toBe("Övning 3");
    expect(selected.rows[1].addressOf(2)).toBe("C3");
    expect(selected.skipped).toEqual({
      headerRow: "Kontrakt!1:1",
      emptyRows: ["Kontrakt!4:4"],
      hiddenRows: [],
    });
    expect(selected.headers).toEqual(trainingGrid()[0]);
    expect(selected.headerRow.address).toBe("A1:AD1");
    expect(selected.headerRow.addressOf(27)).toBe("AB1");
    expect(selected).toMatchObject({
      sheet: "Kontrakt",
      selection: "Kontrakt!A1:C5",
      sheetNames: ["Kontrakt", "Sammanställning"],
      syncs: 2,
    });
    expect(book.intersections).toEqual(["1:5"]); // one block read, whatever the number of rows
  });

  test("Excel table away from A1, whole column selected: the table's data rows, not its header or totals row", async () => {
    const grid = [...gridWithBlank(), trainingGrid()[0].map((_, c) => (c === 0 ? "Summa" : ""))];
    const { book, result } = await read({
      sheet: "Övning 1",
      grid,
      origin: { row: 4, col: 1 },
      areas: [{ row: 0, col: 3, rowCount: 1048576 }],
      table: { totals: true },
    });
    const selected = ok(result);
    expect(selected.rows.map((r) => r.where)).toEqual([
      "'Övning 1'!6:6",
      "'Övning 1'!7:7",
      "'Övning 1'!9:9",
    ]);
    expect(selected.rows[0].addressOf(0)).toBe("B6");
    expect(selected.headerRow.address).toBe("B5:AE5");
    expect(selected.skipped).toEqual({
      headerRow: "'Övning 1'!5:5",
      emptyRows: ["'Övning 1'!8:8"],
      hiddenRows: [],
    });
    expect(selected.selection).toBe("'Övning 1'!D:D");
    expect(book.intersections).toEqual(["1:1048576"]);
  });

  test("several areas (A2 and A5:C5): only their rows, read in one block", async () => {
    const { book, result } = await read({
      grid: gridWithBlank(),
      areas: [
        { row: 1, col: 0 },
        { row: 4, col: 0, colCount: 3 },
      ],
    });
    const selected = ok(result);
    expect(selected.rows.map((r) => r.where)).toEqual(["Kontrakt!2:2", "Kontrakt!5:5"]);
    expect(selected.skipped).toEqual({ headerRow: null, emptyRows: [], hiddenRows: [] });
    expect(selected.selection).toBe("Kontrakt!A2,Kontrakt!A5:C5");
    expect(book.intersections).toEqual(["2:5"]);
  });

  test("the rows go straight into calculateRows: the worked examples' figures, a bad cell by its address", async () => {
    const grid = gridWithBlank();
    grid[2][column("installmentsPaid")] = 99;
    const selected = ok(
      (await read({ grid, areas: [{ row: 1, col: 0, rowCount: 4 }], table: {} })).result,
    );
    const batch = calculateRows(selected.headers, selected.rows, undefined, selected.headerRow);
    expect(batch.calculations.map((c) => c.contract.caseId)).toEqual(["Övning 1", "Övning 3"]);
    expect(batch.refused).toEqual([
      {
        where: "Kontrakt!3:3",
        caseId: "Övning 2",
        reason: `${columnLetter(column("installmentsPaid"))}3: Betalda avbetalningar (99) är större än Antal avbetalningar (72)`,
      },
    ]);
  });

  // Issue 10 item 3: selecting the rows of a filtered table selects the filtered-out rows too; only
  // the visible rows may reach the summary.
  test("a filtered table: only the visible rows, the filtered-out ones listed; 2 syncs", async () => {
    const grid = [...gridWithBlank()];
    const fourth = [...grid[2]];
    fourth[column("caseId")] = "Övning 4";
    grid.push(fourth); // rows 2, 3, 5, 6 hold contracts; row 4 is empty
    const { book, result } = await read({
      grid,
      areas: [{ row: 1, col: 0, rowCount: 5, colCount: 3 }],
      table: {},
      hiddenRows: [2, 4], // sheet rows 3 and 5 filtered out
    });
    const selected = ok(result);
    expect(selected.rows.map((r) => r.where)).toEqual(["Kontrakt!2:2", "Kontrakt!6:6"]);
    expect(selected.rows.map((r) => r.values[column("caseId")])).toEqual(["Övning 1", "Övning 4"]);
    expect(selected.skipped).toEqual({
      headerRow: null,
      emptyRows: ["Kontrakt!4:4"],
      hiddenRows: ["Kontrakt!3:3", "Kontrakt!5:5"],
    });
    expect(selected.syncs).toBe(2);
    // One column's visible view (issue 20 point 6): one address per visible row.
    expect(book.columnViews).toEqual(["A2:A6"]);
    expect(book.visibleViews).toEqual([]);
    expect(book.viewCells()).toBe(3); // rows 2, 4 and 6
    // What calculateRows receives: the filtered-out contracts are not among them.
    const batch = calculateRows(selected.headers, selected.rows, undefined, selected.headerRow);
    expect(batch.calculations.map((c) => c.contract.caseId)).toEqual(["Övning 1", "Övning 4"]);
  });

  test("a big filtered table: the visible view holds one address per visible row, not rows × columns", async () => {
    const grid = trainingGrid();
    const rows = Array.from({ length: 2000 }, (_, i) => {
      const row = [...grid[1]];
      row[column("caseId")] = `Ärende ${i + 1}`;
      return row;
    });
    const hiddenRows = Array.from({ length: 1000 }, (_, i) => 2 * i + 1); // every other row
    const { book, result } = await read({
      grid: [grid[0], ...rows],
      areas: [{ row: 0, col: 0, rowCount: 1048576 }],
      table: {},
      hiddenRows,
    });
    expect(ok(result).rows).toHaveLength(1000);
    expect(ok(result).skipped.hiddenRows).toHaveLength(1000);
    expect(result.syncs).toBe(2);
    // 1 000 visible rows (and the header) in column A; rows × all 28 columns would be 28 028.
    expect(book.viewCells()).toBe(1001);
    expect(grid[0].length).toBe(28);
  });

  test("the first used column hidden too: the block's own visible view, in a third sync", async () => {
    const { book, result } = await read({
      grid: gridWithBlank(),
      areas: [{ row: 1, col: 0, rowCount: 4 }],
      hiddenRows: [2],
      hiddenColumns: [0],
    });
    expect(ok(result).rows.map((r) => r.where)).toEqual(["Kontrakt!2:2", "Kontrakt!5:5"]);
    expect(ok(result).skipped.hiddenRows).toEqual(["Kontrakt!3:3"]);
    expect(result.syncs).toBe(3);
    expect(book.visibleViews).toEqual(["2:5"]);
  });

  test("no hidden row among those read: no visible view asked for, still 2 syncs", async () => {
    const { book, result } = await read({
      grid: gridWithBlank(),
      areas: [{ row: 1, col: 0, rowCount: 2 }],
      hiddenRows: [4], // row 5 is hidden but not selected, and not read
    });
    expect(ok(result).rows).toHaveLength(2);
    expect(result.syncs).toBe(2);
    expect(book.visibleViews).toEqual([]);
  });

  test("every selected row hidden: no contract rows, in 2 syncs", async () => {
    const { book, result } = await read({
      grid: gridWithBlank(),
      areas: [{ row: 1, col: 0, rowCount: 2 }],
      table: {},
      hiddenRows: [1, 2],
    });
    if (result.ok) throw new Error("expected a refusal");
    expect(result.message).toContain("innehåller inga kontraktsrader");
    expect(result.syncs).toBe(2);
    expect(book.visibleViews).toEqual([]);
  });

  // [scenario, setup, message fragment, syncs]
  const refusals: [string, SelectionSetup, string, number][] = [
    [
      "only the header row",
      { grid: trainingGrid(), areas: [{ row: 0, col: 0, colCount: 5 }] },
      "A1:E1 innehåller inga kontraktsrader",
      2,
    ],
    [
      "only empty rows below the data",
      { grid: trainingGrid(), areas: [{ row: 6, col: 0, rowCount: 3 }] },
      "A7:A9 innehåller inga kontraktsrader",
      2,
    ],
    ["an empty sheet", { grid: [], areas: [{ row: 0, col: 0 }] }, "Bladet Kontrakt är tomt", 1],
    [
      "two tables",
      {
        grid: trainingGrid(),
        areas: [{ row: 1, col: 0, rowCount: 20 }],
        table: {},
        moreTables: ["Tabell2"],
      },
      "flera tabeller (Tabell1, Tabell2)",
      1,
    ],
  ];
  test.each(refusals)("refuses %s", async (_scenario, setup, fragment, syncs) => {
    const { result } = await read(setup);
    if (result.ok) throw new Error("expected a refusal");
    expect(result.message).toContain(fragment);
    expect(result.syncs).toBe(syncs);
  });
});
