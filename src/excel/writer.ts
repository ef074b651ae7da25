/**
 * Writes sheet plans into the open workbook: always onto a NEW worksheet, never changing an existing
 * sheet or cell. One `Excel.run` per call and a fixed number of `context.sync()` round trips whatever
 * the plan's size (2 today, at most 3 promised): the first reads the sheet names, the second sends every
 * queued command (values, formats, styles, layout) in one batch. `writeSheetPlans` writes a whole
 * batch (summary, case sheets, reference rates) the same way: 2 syncs for all of them together.
 *
 * API used, by requirement set: worksheets.load/add, Worksheet.getRange, activate, Range.formulas /
 * values / numberFormat, RangeFormat.font / fill / borders, Worksheet.tables.add (ExcelApi 1.1);
 * Range.merge, RangeFormat.columnWidth / rowHeight / wrapText / horizontalAlignment,
 * Range.columnHidden, autofitColumns, autofitRows (1.2); Range.conditionalFormats (custom rules, 1.6);
 * Worksheet.freezePanes, Range.hyperlink (1.7);
 * Worksheet.getRanges, Worksheet.pageLayout (orientation, paperSize, zoom.scale, the margins,
 * setPrintArea, setPrintTitleRows, setPrintTitleColumns, printOrder, headersFooters),
 * Worksheet.horizontalPageBreaks (1.9). ExcelApi 1.9 is a
 * requirement of the manifest (every host with the SharedRuntime the add-in needs has it), so there
 * is no fallback for older hosts.
 */
import { ContractInput } from "../engine";
import { address, columnLetter } from "../sheet/grid";
import { headerFooterText } from "../sheet/headerFooter";
import { PAGE_MARGINS } from "../sheet/page";
import { contractTable } from "../sheet/headers";
import { SheetRefusal } from "../sheet/refusal";
import { plannedNameConflict, uniqueSheetName } from "../sheet/sheetNames";
import { STYLE_LOOKS } from "../sheet/styles";
import { SheetPlan } from "../sheet/types";
import { countedSync, runExcel } from "./context";
import {
  FormatCommand,
  autofitRowRanges,
  cellInput,
  columnWidthPoints,
  formatGroups,
  formulasGrid,
  headerFooterSections,
  numberFormatGrid,
  rectangleAddress,
} from "./planGrid";

export interface WriteResult {
  /** The name of the new sheet (the plan's name, or with a counter when that was taken). */
  sheetName: string;
  /** The number of `context.sync()` calls made. */
  syncs: number;
}

/** The name of the sheet the training workbook's contracts go to. */
const TRAINING_SHEET_NAME = "Kontrakt";

/** Loads the workbook's sheet names (one sync) and picks a free name for `wanted`. */
async function freeSheetName(
  context: Excel.RequestContext,
  sync: () => Promise<void>,
  wanted: string,
): Promise<string> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name");
  await sync();
  return uniqueSheetName(
    wanted,
    worksheets.items.map((sheet) => sheet.name),
  );
}

/** Every sheet name in the workbook (one sync), so new sheets can be planned under free names. */
export async function readSheetNames(): Promise<string[]> {
  return runExcel(async (context) => {
    const worksheets = context.workbook.worksheets;
    worksheets.load("items/name");
    await countedSync(context)();
    return worksheets.items.map((sheet) => sheet.name);
  });
}

/**
 * Writes a calculation sheet plan onto a new worksheet and activates it. Returns the sheet's name and
 * the number of syncs made (2).
 */
export async function writeSheetPlan(plan: SheetPlan): Promise<WriteResult> {
  return runExcel(async (context) => {
    const sync = countedSync(context);
    const sheetName = await freeSheetName(context, sync, plan.name);
    const prepared = prepare(plan); // a planner bug (a cell outside its plan) throws here
    const sheet = context.workbook.worksheets.add(sheetName);
    fillSheet(sheet, prepared);
    sheet.activate();
    await sync();
    return { sheetName, syncs: sync.count };
  });
}

export interface WriteManyResult {
  /** The new sheets' names, in the order of the plans (each the plan's own name). */
  sheetNames: string[];
  /** The number of `context.sync()` calls made: 2 unless the plans are very large (see below). */
  syncs: number;
}

/** Swedish messages of the writer's refusals. */
const WRITER_MESSAGES = {
  taken: (name: string) =>
    `bladet «${name}» finns redan i arbetsboken (det har lagts till sedan arbetsboken lästes); inget skrevs, försök igen`,
  twice: (name: string) =>
    `bladnamnet «${name}» förekommer två gånger bland de nya bladen; inget skrevs`,
  invalid: (name: string) => `«${name}» är inget giltigt bladnamn i Excel; inget skrevs`,
} as const;

/**
 * Requests are flushed (a sync) before the queued cell data passes this many characters. Excel on the
 * web refuses a request larger than 5 MB ("Resource limits and performance optimization for Office
 * Add-ins", Excel section); a character of JSON is at most 3 bytes of UTF-8 for this text, and most
 * are 1, so 1.5 million characters keeps a request well below that. A calculation sheet of 72
 * instalments is about 40 000 characters (the Referensräntor sheet 6 500), so a batch of some 35
 * cases with sheets goes in one request.
 */
export const MAX_REQUEST_CHARACTERS = 1_500_000;

/**
 * Writes several sheet plans onto new worksheets in ONE `Excel.run`: one sync reads the sheet names,
 * and one final sync sends everything (more only when the plans' cell data pass
 * {@link MAX_REQUEST_CHARACTERS}: then a sync before each plan that would pass it). The plans' names
 * are FINAL (planned against the workbook's sheet names, e.g. by `planBatchWorkbook`, so formulas
 * and links between the new sheets can use them): if one is now taken, invalid, or planned twice,
 * nothing is written and a {@link SheetRefusal} says which. All sheets are added before any cell is
 * written, so a formula referring to another new sheet finds it; the first plan's sheet is activated.
 * Existing sheets are never touched.
 */
export async function writeSheetPlans(plans: readonly SheetPlan[]): Promise<WriteManyResult> {
  if (plans.length === 0) return { sheetNames: [], syncs: 0 };
  return runExcel(async (context) => {
    const sync = countedSync(context);
    const worksheets = context.workbook.worksheets;
    worksheets.load("items/name");
    await sync();
    const conflict = plannedNameConflict(
      plans.map((plan) => plan.name),
      worksheets.items.map((sheet) => sheet.name),
    );
    if (conflict !== null) throw new SheetRefusal(WRITER_MESSAGES[conflict.kind](conflict.name));

    const prepared = plans.map(prepare); // a planner bug (a cell outside its plan) throws here
    const sheets = plans.map((plan) => worksheets.add(plan.name));
    let queued = 0;
    for (const [index, plan] of prepared.entries()) {
      if (queued > 0 && queued + plan.characters > MAX_REQUEST_CHARACTERS) {
        await sync();
        queued = 0;
      }
      fillSheet(sheets[index], plan);
      queued += plan.characters;
    }
    sheets[0].activate();
    await sync();
    return {
      sheetNames: plans.map((plan) => plan.name),
      syncs: sync.count,
    };
  });
}

/** A plan with its cell arrays built, and about how many characters they take in a request. */
interface PreparedPlan {
  plan: SheetPlan;
  formulas: ReturnType<typeof formulasGrid>;
  numberFormats: string[][];
  characters: number;
}

function prepare(plan: SheetPlan): PreparedPlan {
  const formulas = formulasGrid(plan);
  const numberFormats = numberFormatGrid(plan);
  const characters = JSON.stringify(formulas).length + JSON.stringify(numberFormats).length;
  return { plan, formulas, numberFormats, characters };
}

/**
 * Queues a plan onto a new, empty sheet: the cells (formulas and constants in one array, number
 * formats in another), styles, merges, links, column widths and print settings.
 */
function fillSheet(sheet: Excel.Worksheet, prepared: PreparedPlan): void {
  const { plan } = prepared;
  if (plan.rowCount > 0 && plan.colCount > 0) {
    const whole = sheet.getRange(rectangleAddress(0, 0, plan.rowCount, plan.colCount));
    whole.formulas = prepared.formulas;
    whole.numberFormat = prepared.numberFormats;
  }
  for (const group of formatGroups(plan)) {
    for (const addresses of group.addresses) {
      applyFormat(sheet.getRanges(addresses).format, group.command);
    }
  }
  for (const merged of plan.merges) sheet.getRange(merged).merge(false);
  // Links to other sheets (the summary's case ids): Range.hyperlink, ExcelApi 1.7.
  for (const cell of plan.cells.filter((c) => c.link !== undefined)) {
    sheet.getRange(address(cell.row, cell.col)).hyperlink = {
      documentReference: `'${cell.link!.replace(/'/g, "''")}'!A1`,
      textToDisplay: String(cell.value ?? ""),
    };
  }
  plan.columnWidths.forEach((characters, col) => {
    const letter = columnLetter(col);
    sheet.getRange(`${letter}:${letter}`).format.columnWidth = columnWidthPoints(characters);
  });
  for (const col of plan.hiddenColumns ?? []) {
    const letter = columnLetter(col);
    sheet.getRange(`${letter}:${letter}`).columnHidden = true;
  }
  for (const [row, height] of Object.entries(plan.rowHeights ?? {}))
    sheet.getRange(`${Number(row) + 1}:${Number(row) + 1}`).format.rowHeight = height;
  // The planned heights are estimates for Calibri 11; a workbook whose font is another (Aptos Narrow
  // in Microsoft 365) gets rows fitted by Excel itself where it can fit them: Excel's AutoFit ignores
  // merged cells ("AutoFit doesn't work for merged cells", Microsoft Support), so only rows whose
  // wrapped text is in unmerged cells are refitted; merged ones keep the planned height.
  // RangeFormat.autofitRows is ExcelApi 1.2.
  for (const rows of autofitRowRanges(plan)) sheet.getRange(rows).format.autofitRows();
  writeConditionalFormats(sheet, plan);
  writePrintSettings(sheet, plan.print);
}

/**
 * The plan's conditional formats as custom rules: the font (and fill) of the style's
 * look while the formula holds, e.g. a failing check in red.
 */
function writeConditionalFormats(sheet: Excel.Worksheet, plan: SheetPlan): void {
  for (const format of plan.conditionalFormats ?? []) {
    const look = STYLE_LOOKS[format.style];
    const conditional = sheet.getRange(format.range).conditionalFormats.add("Custom");
    conditional.custom.rule.formula = `=${format.formula}`;
    const draw = conditional.custom.format;
    if (look.bold) draw.font.bold = true;
    if (look.italic) draw.font.italic = true;
    if (look.fontColor) draw.font.color = look.fontColor;
    if (look.fill) draw.fill.color = look.fill;
  }
}

/** One visual attribute on a range or on several areas at once. */
function applyFormat(format: Excel.RangeFormat, command: FormatCommand): void {
  switch (command.kind) {
    case "fill":
      format.fill.color = command.color;
      return;
    case "bold":
      format.font.bold = true;
      return;
    case "italic":
      format.font.italic = true;
      return;
    case "fontSize":
      format.font.size = command.size;
      return;
    case "fontColor":
      format.font.color = command.color;
      return;
    case "wrap":
      format.wrapText = true;
      return;
    case "alignRight":
      format.horizontalAlignment = "Right";
      return;
    case "alignLeft":
      format.horizontalAlignment = "Left";
      return;
    case "borderTop":
    case "borderBottom": {
      const border = format.borders.getItem(
        command.kind === "borderTop" ? "EdgeTop" : "EdgeBottom",
      );
      border.style = "Continuous";
      border.weight = "Thin";
      return;
    }
  }
}

/**
 * Page setup (ExcelApi 1.9): A4, the plan's fixed scale and the common margins, print area, repeated
 * rows and columns, the page order, header, footer, breaks. A fixed `zoom.scale` ("between 10 and 400", Excel.PageLayoutZoomOptions)
 * and not `horizontalFitToPages`, which Excel on Windows ignores unless the Page Layout tab has been
 * active (OfficeDev/office-js issue 1860), with `verticalFitToPages: 0` undocumented besides: see
 * src/sheet/page.ts. Margins are in points in the API (PageLayout.leftMargin …), inches in the plan.
 */
function writePrintSettings(sheet: Excel.Worksheet, print: SheetPlan["print"]): void {
  const layout = sheet.pageLayout;
  layout.orientation = print.orientation === "landscape" ? "Landscape" : "Portrait";
  layout.paperSize = "A4";
  layout.zoom = { scale: print.scale };
  const points = (inches: number) => Math.round(inches * 7200) / 100;
  layout.leftMargin = points(PAGE_MARGINS.left);
  layout.rightMargin = points(PAGE_MARGINS.right);
  layout.topMargin = points(PAGE_MARGINS.top);
  layout.bottomMargin = points(PAGE_MARGINS.bottom);
  layout.headerMargin = points(PAGE_MARGINS.header);
  layout.footerMargin = points(PAGE_MARGINS.footer);
  layout.setPrintArea(print.area);
  if (print.titleRows) layout.setPrintTitleRows(print.titleRows);
  if (print.titleColumns) layout.setPrintTitleColumns(print.titleColumns);
  // Excel.PrintOrder (ExcelApi 1.9): "OverThenDown" processes across the pages to the right before
  // moving down the rows, so a band of rows prints whole before the next.
  if (print.pageOrder === "overThenDown") layout.printOrder = "OverThenDown";
  layout.headersFooters.state = "Default";
  const pages = layout.headersFooters.defaultForAllPages;
  const today = new Date();
  const header = headerFooterSections(headerFooterText(print.header, today));
  const footer = headerFooterSections(headerFooterText(print.footer, today));
  pages.leftHeader = header.left;
  pages.centerHeader = header.center;
  pages.rightHeader = header.right;
  pages.leftFooter = footer.left;
  pages.centerFooter = footer.center;
  pages.rightFooter = footer.right;
  // A break is added above the cell given; the plan lists the 1-based rows that start a page.
  for (const row of print.pageBreaksBefore) sheet.horizontalPageBreaks.add(`A${row}`);
}

/**
 * Adds the training workbook's contract sheet: a new `Kontrakt` sheet (`Kontrakt (2)` … when taken)
 * with the Swedish header row and one row per contract (the worked examples of `examples/*.json`),
 * dates as Excel serial numbers shown yyyy-mm-dd, as an Excel table with the header row frozen.
 * Existing sheets are never touched.
 */
export async function insertTrainingWorkbook(rows: ContractInput[]): Promise<WriteResult> {
  return runExcel(async (context) => {
    const sync = countedSync(context);
    const sheetName = await freeSheetName(context, sync, TRAINING_SHEET_NAME);
    const table = contractTable(rows);
    const colCount = table.headers.length;
    const rowCount = 1 + table.rows.length;
    const rectangle = rectangleAddress(0, 0, rowCount, colCount);

    const sheet = context.workbook.worksheets.add(sheetName);
    const range = sheet.getRange(rectangle);
    range.values = [table.headers, ...table.rows].map((row) => row.map(cellInput));
    range.numberFormat = [
      table.headers.map(() => "General"),
      ...table.rows.map(() => table.numberFormats),
    ];
    sheet.tables.add(rectangle, true);
    sheet.freezePanes.freezeRows(1);
    range.format.autofitColumns();
    sheet.activate();
    await sync();
    return { sheetName, syncs: sync.count };
  });
}

/** The result of {@link insertContractTable}. */
export interface ContractTableResult extends WriteResult {
  /** The cell selected for the first contract, e.g. `A2`. */
  activeCell: string;
}

/**
 * Adds an EMPTY contract table for a real case: a new `Kontrakt` sheet (`Kontrakt (2)` … when taken)
 * with the Swedish header row of every contract field (the schema's, as the reader reads them back)
 * and one empty data row formatted for its kind of value (dates yyyy-mm-dd, amounts, rates in %), as
 * an Excel table with the header row frozen, and the cursor on the first data row's first cell.
 * Existing sheets are never touched. Two syncs.
 *
 * API used: Worksheet.tables.add, Range.select (ExcelApi 1.1); freezePanes (1.7).
 */
export async function insertContractTable(): Promise<ContractTableResult> {
  return runExcel(async (context) => {
    const sync = countedSync(context);
    const sheetName = await freeSheetName(context, sync, TRAINING_SHEET_NAME);
    const table = contractTable([]);
    const colCount = table.headers.length;
    const rectangle = rectangleAddress(0, 0, 2, colCount);

    const sheet = context.workbook.worksheets.add(sheetName);
    const range = sheet.getRange(rectangle);
    range.values = [table.headers.map(cellInput), table.headers.map(() => "")];
    range.numberFormat = [table.headers.map(() => "General"), table.numberFormats];
    sheet.tables.add(rectangle, true);
    sheet.freezePanes.freezeRows(1);
    range.format.autofitColumns();
    sheet.activate();
    const activeCell = address(1, 0);
    sheet.getRange(activeCell).select();
    await sync();
    return { sheetName, activeCell, syncs: sync.count };
  });
}
