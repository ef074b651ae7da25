/**
 * The Excel writer (src/excel/writer.ts) against office-addin-mock: a new sheet with a free name, the
 * whole plan in one formulas array, styles and layout as bulk commands, a fixed number of syncs
 * whatever the schedule's length, and existing sheets never touched. Plus the pure pieces it uses
 * (src/excel/planGrid.ts, src/sheet/sheetNames.ts).
 */
import { CONTRACT_FIELDS } from "../src/engine";
import {
  cellInput,
  columnWidthPoints,
  formatGroups,
  headerFooterSections,
  MAX_AREAS_ADDRESS,
} from "../src/excel/planGrid";
import {
  MAX_REQUEST_CHARACTERS,
  insertTrainingWorkbook,
  writeSheetPlan,
  writeSheetPlans,
} from "../src/excel/writer";
import { columnLetter } from "../src/sheet/grid";
import { SWEDISH_HEADERS } from "../src/sheet/headers";
import { SheetRefusal } from "../src/sheet/refusal";
import { plannedNameConflict, uniqueSheetName, validSheetName } from "../src/sheet/sheetNames";
import { PlannedCell, SheetPlan } from "../src/sheet/types";
import {
  AddedSheet,
  WriterWorkbook,
  installExcel,
  uninstallGlobals,
  writerWorkbook,
} from "./testkit/excelMock";
import { exampleRow } from "./testkit/fixtures";

afterEach(uninstallGlobals);

const COLUMN_WIDTHS = [44, 17, 17, 15, 15, 15, 15, 14];
const SCHEDULE_HEADER_ROW = 9; // 0-based; the schedule's rows follow it

/**
 * A synthetic calculation sheet (not planSheet's): a title, a few inputs and formulas, a note, a text
 * that looks like a formula, and a payment schedule of `scheduleRows` rows with two marked rows and a
 * total.
 */
function syntheticPlan(scheduleRows: number, name = "Övning 1"): SheetPlan {
  const cells: PlannedCell[] = [
    { row: 0, col: 0, value: "Återtagande – beräkning", style: "title" },
    { row: 1, col: 0, value: "Ärende", style: "label" },
    { row: 1, col: 1, value: "Övning 1", style: "input" },
    { row: 2, col: 0, value: "Kreditbelopp", style: "label" },
    { row: 2, col: 1, value: 115000, numberFormat: '#,##0 "kr"', style: "input" },
    { row: 3, col: 0, value: "Första förfallodag", style: "label" },
    { row: 3, col: 1, value: 40086, numberFormat: "yyyy-mm-dd", style: "input" },
    { row: 4, col: 0, value: "Månadsränta", style: "label" },
    {
      row: 4,
      col: 1,
      formula: "0.0595/12",
      result: 0.0595 / 12,
      numberFormat: "0.000000%",
      style: "derived",
    },
    { row: 5, col: 0, value: "Metod", style: "label" },
    { row: 5, col: 1, value: true, style: "input" },
    { row: 6, col: 0, value: "=inte en formel", style: "note" },
    { row: 7, col: 0, value: "Att betala", style: "total" },
    {
      row: 7,
      col: 1,
      formula: "ROUND(B3,0)",
      result: 115000,
      numberFormat: '#,##0 "kr"',
      style: "total",
    },
  ];
  ["Nr", "Förfallodag", "Betalning", "Ränta", "Amortering", "Skuld", "Avgift", "Markering"].forEach(
    (text, col) => cells.push({ row: SCHEDULE_HEADER_ROW, col, value: text, style: "tableHeader" }),
  );
  for (let k = 1; k <= scheduleRows; k++) {
    const row = SCHEDULE_HEADER_ROW + k;
    const marked = k === 40 || k === 41;
    const style = marked ? "marked" : "derived";
    cells.push({ row, col: 0, value: k, numberFormat: "0", style: marked ? "marked" : undefined });
    cells.push({
      row,
      col: 1,
      formula: `EDATE($B$4,A${row + 1}-1)`,
      result: 40086 + 30 * k,
      numberFormat: "yyyy-mm-dd",
      style,
    });
    cells.push({
      row,
      col: 2,
      formula: "1903",
      result: 1903,
      numberFormat: '#,##0.00 "kr"',
      style,
    });
    cells.push({
      row,
      col: 5,
      formula: `IF(A${row + 1}=${scheduleRows},0,1000)`,
      result: 1000,
      numberFormat: '#,##0.00 "kr"',
      style,
    });
    if (marked)
      cells.push({
        row,
        col: 7,
        value: k === 40 ? "Underrättelse" : "Återtagning",
        style: "marked",
      });
  }
  const totalRow = SCHEDULE_HEADER_ROW + scheduleRows + 1;
  cells.push({
    row: totalRow,
    col: 2,
    formula: `SUM(C11:C${totalRow})`,
    result: 1903 * scheduleRows,
    numberFormat: '#,##0.00 "kr"',
    style: "total",
  });
  const rowCount = totalRow + 1;
  return {
    name,
    rowCount,
    colCount: COLUMN_WIDTHS.length,
    cells,
    merges: ["A1:H1", "A7:H7"],
    columnWidths: [...COLUMN_WIDTHS],
    print: {
      area: `A1:H${rowCount}`,
      orientation: "portrait",
      paperSize: "A4",
      scale: 89,
      titleRows: `$${SCHEDULE_HEADER_ROW + 1}:$${SCHEDULE_HEADER_ROW + 1}`,
      header: "&LÅtertagande&CÖvning 1 && Co&R&D",
      footer: "&LÄrende Övning 1&RSida &P av &N",
      pageBreaksBefore: [SCHEDULE_HEADER_ROW],
    },
    names: { amount: "B8" },
  };
}

/** The formulas array the plan must produce, written out independently of the writer. */
function expectedFormulas(plan: SheetPlan): unknown[][] {
  const grid: unknown[][] = Array.from({ length: plan.rowCount }, () =>
    Array(plan.colCount).fill(""),
  );
  for (const cell of plan.cells) {
    if (cell.formula !== undefined) grid[cell.row][cell.col] = `=${cell.formula}`;
    else if (cell.value !== undefined) grid[cell.row][cell.col] = cell.value;
  }
  // Text Excel would turn into something else is marked as text with a leading apostrophe.
  grid[1][1] = "'Övning 1"; // a digit: could be read as a date or number in some locales
  grid[6][0] = "'=inte en formel"; // would be a formula
  return grid;
}

async function write(
  plan: SheetPlan,
  existing: string[] = [],
): Promise<{
  book: WriterWorkbook;
  sheet: AddedSheet;
  result: Awaited<ReturnType<typeof writeSheetPlan>>;
}> {
  const book = writerWorkbook(existing);
  installExcel(book.mock);
  const result = await writeSheetPlan(plan);
  expect(book.added).toHaveLength(1);
  return { book, sheet: book.added[0], result };
}

describe("writeSheetPlan", () => {
  test.each([72, 360])(
    "a plan with %i schedule rows takes 2 syncs (at most 3) in one Excel.run",
    async (rows) => {
      const book = writerWorkbook(["Blad1"]);
      const run = installExcel(book.mock);
      const result = await writeSheetPlan(syntheticPlan(rows));
      expect(result.syncs).toBe(2);
      expect(result.syncs).toBeLessThanOrEqual(3);
      expect(book.sync).toHaveBeenCalledTimes(result.syncs);
      expect(run).toHaveBeenCalledTimes(1);
    },
  );

  test("the number of queued range commands does not grow with the schedule", async () => {
    const short = await write(syntheticPlan(72));
    const long = await write(syntheticPlan(360));
    expect(long.sheet.ranges.length).toBe(short.sheet.ranges.length);
    expect(long.sheet.ranges.map((r) => r.address.split(",").length)).toEqual(
      short.sheet.ranges.map((r) => r.address.split(",").length),
    );
  });

  test("a taken name gets the next free counter; existing sheets are never touched", async () => {
    const { book, sheet, result } = await write(syntheticPlan(72), [
      "Övning 1",
      "Övning 1 (2)",
      "Blad1",
    ]);
    expect(result.sheetName).toBe("Övning 1 (3)");
    expect(book.add).toHaveBeenCalledTimes(1);
    expect(book.add).toHaveBeenCalledWith("Övning 1 (3)");
    expect(sheet.name).toBe("Övning 1 (3)");
    for (const existing of book.existing) {
      expect(Object.isFrozen(existing)).toBe(true); // any property write would have thrown
      for (const call of existing.calls) expect(call).not.toHaveBeenCalled();
    }
  });

  test("ALL values and formulas go in one formulas array over A1:H<rowCount>, equal to the plan", async () => {
    const plan = syntheticPlan(72);
    const { sheet } = await write(plan);
    const withFormulas = sheet.ranges.filter((r) => "formulas" in r.range);
    expect(withFormulas.map((r) => r.address)).toEqual([`A1:H${plan.rowCount}`]);
    const formulas = withFormulas[0].range.formulas as unknown[][];
    expect(formulas).toHaveLength(plan.rowCount);
    expect(formulas.every((row) => row.length === plan.colCount)).toBe(true);
    expect(formulas).toEqual(expectedFormulas(plan));
    expect(formulas[4][1]).toBe("=0.0595/12");
    expect(formulas[2][1]).toBe(115000); // constants as values, numbers as numbers
    expect(formulas[3][1]).toBe(40086); // dates as serial numbers
    expect(formulas[5][1]).toBe(true);
    expect(sheet.ranges.filter((r) => "values" in r.range)).toEqual([]);
  });

  test("number formats as one 2-D array over the same rectangle", async () => {
    const plan = syntheticPlan(72);
    const { sheet } = await write(plan);
    const withFormats = sheet.ranges.filter((r) => "numberFormat" in r.range);
    expect(withFormats.map((r) => r.address)).toEqual([`A1:H${plan.rowCount}`]);
    const formats = withFormats[0].range.numberFormat as string[][];
    expect(formats).toHaveLength(plan.rowCount);
    expect(formats[3][1]).toBe("yyyy-mm-dd");
    expect(formats[SCHEDULE_HEADER_ROW + 1][2]).toBe('#,##0.00 "kr"');
    expect(formats[0][0]).toBe("General");
  });

  test("styles: one command per visual attribute over many areas", async () => {
    const { sheet } = await write(syntheticPlan(72));
    const areas = sheet.ranges.filter((r) => r.areas);
    const fills = areas
      .filter((r) => r.range.format.fill.color !== undefined)
      .map((r) => [r.range.format.fill.color, r.address]);
    expect(fills).toEqual([
      ["#FFF2CC", "B2:B4,B6"], // inputs
      ["#D9E1F2", "A10:H10"], // tableHeader
      ["#FCE4D6", "A50:C51,F50:F51,H50:H51"], // marked schedule rows 40 and 41
    ]);
    const bold = areas.find((r) => r.range.format.font.bold === true);
    expect(bold?.address).toBe(`A1,A8:B8,A10:H10,C${SCHEDULE_HEADER_ROW + 74}`);
    expect(areas.find((r) => r.range.format.font.italic === true)?.address).toBe("A7");
    expect(areas.find((r) => r.range.format.font.size === 14)?.address).toBe("A1");
    const borders = areas.flatMap((r) =>
      r.borders.map((b) => ({
        edge: b.edge,
        address: r.address,
        style: b.item.style,
        weight: b.item.weight,
      })),
    );
    expect(borders).toEqual([
      {
        edge: "EdgeTop",
        address: `A8:B8,C${SCHEDULE_HEADER_ROW + 74}`,
        style: "Continuous",
        weight: "Thin",
      },
      { edge: "EdgeBottom", address: "A10:H10", style: "Continuous", weight: "Thin" },
    ]);
  });

  test("merges, column widths in points, print settings, page breaks; the new sheet is activated", async () => {
    const plan = syntheticPlan(72);
    const { sheet } = await write(plan);
    const merged = sheet.ranges.filter((r) => (r.range.merge as jest.Mock).mock.calls.length > 0);
    expect(merged.map((r) => [r.address, (r.range.merge as jest.Mock).mock.calls])).toEqual([
      ["A1:H1", [[false]]],
      ["A7:H7", [[false]]],
    ]);
    const widths = sheet.ranges
      .filter((r) => r.range.format.columnWidth !== undefined)
      .map((r) => [r.address, r.range.format.columnWidth]);
    expect(widths).toEqual(
      COLUMN_WIDTHS.map((w, col) => [
        `${columnLetter(col)}:${columnLetter(col)}`,
        (Math.round(w * 7 + 5) * 3) / 4,
      ]),
    );
    expect(widths[0][1]).toBe(234.75); // 44 characters: 313 px

    const layout = sheet.sheet.pageLayout;
    expect(layout.orientation).toBe("Portrait");
    expect(layout.paperSize).toBe("A4");
    // A fixed scale (Excel.PageLayoutZoomOptions.scale), never horizontalFitToPages, which Excel
    // on Windows ignores unless the Page Layout tab has been active (office-js issue 1860).
    expect(layout.zoom).toEqual({ scale: 89 });
    // The margins in points (PageLayout.leftMargin …): 0.5" all round, header and footer 0.2".
    expect([layout.leftMargin, layout.rightMargin, layout.topMargin, layout.bottomMargin]).toEqual([
      36, 36, 36, 36,
    ]);
    expect([layout.headerMargin, layout.footerMargin]).toEqual([14.4, 14.4]);
    expect(layout.setPrintArea).toHaveBeenCalledWith(plan.print.area);
    expect(layout.setPrintTitleRows).toHaveBeenCalledWith("$10:$10");
    expect(layout.headersFooters.state).toBe("Default");
    const pages = layout.headersFooters.defaultForAllPages;
    expect([pages.leftHeader, pages.centerHeader, pages.rightHeader]).toEqual([
      "Återtagande",
      "Övning 1 && Co",
      "&D",
    ]);
    expect([pages.leftFooter, pages.centerFooter, pages.rightFooter]).toEqual([
      "Ärende Övning 1",
      "",
      "Sida &P av &N",
    ]);
    expect(sheet.sheet.horizontalPageBreaks.add).toHaveBeenCalledWith(`A${SCHEDULE_HEADER_ROW}`);
    expect(sheet.sheet.activate).toHaveBeenCalledTimes(1);
  });

  test("a table wider than a page: its first column on every page, printed over, then down", async () => {
    const plan = syntheticPlan(72);
    plan.print = { ...plan.print, titleColumns: "$A:$A", pageOrder: "overThenDown" };
    const layout = (await write(plan)).sheet.sheet.pageLayout;
    expect(layout.setPrintTitleColumns).toHaveBeenCalledWith("$A:$A");
    expect(layout.printOrder).toBe("OverThenDown");
    // A plan on one page's width leaves Excel's own order and repeats no column.
    const narrow = (await write(syntheticPlan(72))).sheet.sheet.pageLayout;
    expect(narrow.setPrintTitleColumns).not.toHaveBeenCalled();
    expect(narrow.printOrder).toBeUndefined();
  });

  test("the printed protocol: hidden field column, wrapped rows' heights, alignment, checks red only when failing, ISO date", async () => {
    const plan = syntheticPlan(72);
    plan.colCount = 9;
    plan.columnWidths = [...COLUMN_WIDTHS, 20];
    plan.cells.push({ row: 2, col: 8, value: "creditAmount" });
    plan.cells.push({ row: 8, col: 0, value: "Lång anteckning", style: "note", wrap: true });
    plan.cells.push({ row: 8, col: 3, value: "Ränta", style: "tableHeader", align: "right" });
    plan.hiddenColumns = [8];
    plan.rowHeights = { 8: 45 };
    plan.conditionalFormats = [{ range: "B8", formula: 'B8<>"OK"', style: "warning" }];
    plan.print.header = "&LÅtertagande&RSkapad {skapad}";
    const { sheet } = await write(plan);
    const hidden = sheet.ranges.filter((r) => r.range.columnHidden !== undefined);
    expect(hidden.map((r) => [r.address, r.range.columnHidden])).toEqual([["I:I", true]]);
    const heights = sheet.ranges.filter((r) => r.range.format.rowHeight !== undefined);
    expect(heights.map((r) => [r.address, r.range.format.rowHeight])).toEqual([["9:9", 45]]);
    const wrapped = sheet.ranges.filter((r) => r.range.format.wrapText === true);
    expect(wrapped.map((r) => r.address)).toEqual(["A9"]);
    // Row 9's wrapped note is not merged: Excel refits it in the workbook's own font (Calibri or
    // Aptos Narrow) after the planned height is set; the merged title row 1 keeps its height.
    const refitted = sheet.ranges.filter(
      (r) => (r.range.format.autofitRows as jest.Mock).mock.calls.length > 0,
    );
    expect(refitted.map((r) => r.address)).toEqual(["9:9"]);
    const order = sheet.ranges.map((r) => r.address);
    expect(order.indexOf("9:9")).toBeLessThan(order.lastIndexOf("9:9"));
    const right = sheet.ranges.filter((r) => r.range.format.horizontalAlignment === "Right");
    expect(right.map((r) => r.address)).toEqual(["D9"]);

    // The cell itself stays neutral; a custom rule draws it bold red (#C00000) while it is not "OK".
    const conditional = sheet.ranges.filter((r) => r.conditionals.length > 0);
    expect(conditional.map((r) => r.address)).toEqual(["B8"]);
    const [{ type, format }] = conditional[0].conditionals;
    expect(type).toBe("Custom");
    expect(format.custom.rule.formula).toBe('=B8<>"OK"');
    expect(format.custom.format.font.color).toBe("#C00000");
    expect(format.custom.format.font.bold).toBe(true);

    const d = new Date();
    const pad = (n: number) => String(n).padStart(2, "0");
    const today = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
    expect(sheet.sheet.pageLayout.headersFooters.defaultForAllPages.rightHeader).toBe(
      `Skapad ${today}`,
    );
  });

  test("a cell outside the plan's rectangle is a planner bug, reported before anything is queued", async () => {
    const plan = syntheticPlan(72);
    plan.cells.push({ row: plan.rowCount, col: 0, value: 1 });
    const book = writerWorkbook([]);
    installExcel(book.mock);
    await expect(writeSheetPlan(plan)).rejects.toThrow(/outside A1:H/);
    expect(book.sync).toHaveBeenCalledTimes(1); // the names were read; nothing was sent after
  });
});

describe("writeSheetPlans", () => {
  /** A plan that refers to the others (a summary) and links to one of them. */
  function summaryOf(names: string[]): SheetPlan {
    const plan = syntheticPlan(3, "Sammanställning (2)");
    plan.cells.push({ row: 1, col: 2, value: names[0], link: names[0], style: "label" });
    plan.cells.push({ row: 2, col: 2, formula: `'${names[0]}'!B8`, result: 115000 });
    return plan;
  }

  test("several plans in ONE Excel.run with 2 syncs: every sheet added first, then filled; the first activated", async () => {
    const book = writerWorkbook(["Kontrakt", "Sammanställning"]);
    const run = installExcel(book.mock);
    const plans = [
      summaryOf(["Övning 1"]),
      syntheticPlan(72, "Övning 1"),
      syntheticPlan(360, "Övning 2"),
    ];
    const result = await writeSheetPlans(plans);
    expect(result).toEqual({
      sheetNames: ["Sammanställning (2)", "Övning 1", "Övning 2"],
      syncs: 2,
    });
    expect(run).toHaveBeenCalledTimes(1);
    expect(book.sync).toHaveBeenCalledTimes(2);
    // Names read (sync), then all three sheets added before any cell is written, then one sync.
    const adds = book.events.filter((e) => e.startsWith("add "));
    expect(adds).toEqual(["add Sammanställning (2)", "add Övning 1", "add Övning 2"]);
    expect(book.events[0]).toBe("sync");
    expect(book.events.slice(1, 4)).toEqual(adds);
    expect(book.events[book.events.length - 1]).toBe("sync");
    expect(book.events.filter((e) => e === "sync")).toHaveLength(2);
    // Each sheet got its own plan's cells.
    const formulasOf = (i: number) =>
      book.added[i].ranges.find((r) => "formulas" in r.range)!.range.formulas as unknown[][];
    expect(formulasOf(0)[2][2]).toBe("='Övning 1'!B8");
    expect(formulasOf(2)).toHaveLength(plans[2].rowCount);
    // The summary's link: Range.hyperlink to A1 of the case's sheet.
    const linked = book.added[0].ranges.filter((r) => "hyperlink" in r.range);
    expect(linked.map((r) => [r.address, r.range.hyperlink])).toEqual([
      ["C2", { documentReference: "'Övning 1'!A1", textToDisplay: "Övning 1" }],
    ]);
    expect(book.added[0].sheet.activate).toHaveBeenCalledTimes(1);
    expect(book.added[1].sheet.activate).not.toHaveBeenCalled();
    for (const existing of book.existing)
      for (const call of existing.calls) expect(call).not.toHaveBeenCalled();
  });

  test.each([
    [
      "taken since it was read (case-insensitive)",
      ["SAMMANSTÄLLNING (2)"],
      ["Sammanställning (2)"],
      /finns redan/,
    ],
    ["planned twice", [], ["Övning 1", "övning 1"], /två gånger/],
    ["not a valid name", [], ["Mål 1/2"], /inget giltigt bladnamn/],
  ])("refuses a name %s: nothing is added", async (_scenario, existing, names, message) => {
    const book = writerWorkbook(existing);
    installExcel(book.mock);
    const error = await writeSheetPlans(names.map((name) => syntheticPlan(3, name))).catch(
      (e) => e,
    );
    expect(error).toBeInstanceOf(SheetRefusal);
    expect(error.message).toMatch(message);
    expect(book.add).not.toHaveBeenCalled();
    expect(book.sync).toHaveBeenCalledTimes(1);
  });

  test("plans whose cell data would pass the request limit are sent in more than one request", async () => {
    const big = (name: string) => {
      const plan = syntheticPlan(3, name);
      plan.cells.push({ row: 8, col: 0, value: "x".repeat(MAX_REQUEST_CHARACTERS * 0.6) });
      return plan;
    };
    const book = writerWorkbook([]);
    installExcel(book.mock);
    const result = await writeSheetPlans([big("A"), big("B"), syntheticPlan(3, "C")]);
    expect(result.syncs).toBe(3); // names; A; B and C
    expect(
      book.events.filter((e) => e === "sync" || (e.startsWith("range ") && e.endsWith("!A1:H14"))),
    ).toEqual(["sync", "range A!A1:H14", "sync", "range B!A1:H14", "range C!A1:H14", "sync"]);
  });

  test("no plans: no Excel.run at all", async () => {
    const book = writerWorkbook([]);
    const run = installExcel(book.mock);
    expect(await writeSheetPlans([])).toEqual({ sheetNames: [], syncs: 0 });
    expect(run).not.toHaveBeenCalled();
  });

  test("plannedNameConflict: free names pass, Excel's own comparison decides", () => {
    expect(
      plannedNameConflict(["Sammanställning (2)", "Övning 1"], ["Sammanställning"]),
    ).toBeNull();
    expect(plannedNameConflict(["History"], [])).toEqual({ name: "History", kind: "invalid" });
    expect(plannedNameConflict(["övning 1"], ["ÖVNING 1"])).toEqual({
      name: "övning 1",
      kind: "taken",
    });
  });
});

describe("insertTrainingWorkbook", () => {
  test("adds Kontrakt (2) when Kontrakt exists: Swedish headers, the examples, dates as serials, a table", async () => {
    const book = writerWorkbook(["Kontrakt", "Blad1"]);
    installExcel(book.mock);
    const result = await insertTrainingWorkbook([exampleRow(1), exampleRow(2)]);
    expect(result).toEqual({ sheetName: "Kontrakt (2)", syncs: 2 });
    expect(book.add).toHaveBeenCalledWith("Kontrakt (2)");
    const sheet = book.added[0];
    const last = columnLetter(CONTRACT_FIELDS.length - 1);
    const written = sheet.ranges.filter((r) => "values" in r.range);
    expect(written.map((r) => r.address)).toEqual([`A1:${last}3`]);
    const values = written[0].range.values as unknown[][];
    expect(values[0]).toEqual(CONTRACT_FIELDS.map((f) => SWEDISH_HEADERS[f]));
    const at = (field: (typeof CONTRACT_FIELDS)[number]) => CONTRACT_FIELDS.indexOf(field);
    expect(values[1][at("caseId")]).toBe("'Övning 1");
    expect(values[1][at("noticeDate")]).toBe(41258);
    expect(values[2][at("residual")]).toBe(40000);
    const formats = written[0].range.numberFormat as string[][];
    expect(formats[1][at("noticeDate")]).toBe("yyyy-mm-dd");
    expect(formats[0][at("noticeDate")]).toBe("General");
    expect(sheet.sheet.tables.add).toHaveBeenCalledWith(`A1:${last}3`, true);
    expect(sheet.sheet.freezePanes.freezeRows).toHaveBeenCalledWith(1);
    expect(sheet.sheet.activate).toHaveBeenCalled();
    for (const existing of book.existing)
      for (const call of existing.calls) expect(call).not.toHaveBeenCalled();
  });
});

describe("sheet names", () => {
  // [wanted, existing, expected, scenario]
  const cases: [string, string[], string, string][] = [
    ["Övning 1", [], "Övning 1", "free"],
    ["Övning 1", ["Övning 1"], "Övning 1 (2)", "taken"],
    ["Övning 1", ["Övning 1", "Övning 1 (2)"], "Övning 1 (3)", "two taken"],
    [
      "Övning 1",
      ["ÖVNING 1", "övning 1 (2)"],
      "Övning 1 (3)",
      "case-insensitive, Swedish letters too",
    ],
    ["Mål 2012/45: [A]", [], "Mål 2012-45- -A-", "forbidden characters"],
    ["'citat'", [], "citat", "edge apostrophes"],
    ["A".repeat(40), [], "A".repeat(31), "31 characters"],
    ["A".repeat(40), ["A".repeat(31)], `${"A".repeat(27)} (2)`, "truncated before the counter"],
    ["History", [], "History (2)", "reserved name"],
    ["", [], "Beräkning", "empty"],
  ];
  test.each(cases)("%j among %j → %j (%s)", (wanted, existing, expected) => {
    const name = uniqueSheetName(wanted, existing);
    expect(name).toBe(expected);
    expect(name.length).toBeLessThanOrEqual(31);
    expect(name).toBe(validSheetName(name));
  });
});

describe("plan grid helpers", () => {
  test.each([
    ["Ärende", "Ärende"],
    ["Övning 1", "'Övning 1"],
    ["=SUM(A1)", "'=SUM(A1)"],
    ["-5", "'-5"],
    ["#N/A", "'#N/A"],
    ["TRUE", "'TRUE"],
    ["", ""],
  ])("text %j is written as %j", (text, input) => {
    expect(cellInput(text)).toBe(input);
  });

  test("header and footer sections", () => {
    expect(headerFooterSections("&LA&CB&RC")).toEqual({ left: "A", center: "B", right: "C" });
    expect(headerFooterSections("Sida &P")).toEqual({ left: "", center: "Sida &P", right: "" });
    expect(headerFooterSections("&RX && Y")).toEqual({ left: "", center: "", right: "X && Y" });
  });

  test("default column width 8.43 characters is 48 points", () => {
    expect(columnWidthPoints(8.43)).toBe(48);
  });

  test("long area lists are cut below the getRanges limit", () => {
    const plan = syntheticPlan(10);
    plan.rowCount = 3000;
    for (let row = 100; row < 3000; row += 2)
      plan.cells.push({ row, col: 0, value: "x", style: "input" });
    const fill = formatGroups(plan).find(
      (g) => g.command.kind === "fill" && g.command.color === "#FFF2CC",
    )!;
    expect(fill.addresses.length).toBeGreaterThan(1);
    for (const list of fill.addresses) expect(list.length).toBeLessThanOrEqual(MAX_AREAS_ADDRESS);
  });
});
