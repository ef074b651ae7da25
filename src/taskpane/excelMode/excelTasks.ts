/**
 * What each of the Excel mode's buttons does, one function per action, each resolving to its
 * {@link Outcome}: the text for the status line, or a problem for the alert region (actionRunner.ts). The workbook is reached only through
 * {@link ExcelActions}. Every calculation uses the built-in reference rates extended by the
 * workbook's Referensräntor sheet, read afresh for each action (the user may have edited it).
 */
import {
  Calculation,
  ContractInput,
  EngineError,
  ReferenceRateTable,
  calculate,
  describeHalfYear,
  formatIsoDate,
  formatPercent,
} from "../../engine";
import { calculateRows, planBatchWorkbook } from "../../sheet/batch";
import { planCaseWorkbook } from "../../sheet/caseWorkbook";
import type { Sender } from "../../sheet/letters";
import { planSheet } from "../../sheet/plan";
import {
  KnownHalfYear,
  REFERENCE_SHEET_NAME,
  WorkbookReferenceRates,
  lastKnownHalfYear,
  PANEL_WHERE,
  planReferenceSheet,
  referenceRowCountOf,
  workbookRateTable,
} from "../../sheet/referenceSheet";
import type { RowProblem, WrongPlace } from "../../sheet/headers";
import { sameSheetName } from "../../sheet/sheetNames";
import type { RefusedRow } from "../../sheet/summary";
import type { SheetPlan } from "../../sheet/types";
import {
  PracticeCase,
  PracticeCaseError,
  PracticeLevel,
  practiceCases,
} from "../../training/practiceCase";
import { MAX_HANDOUT_CASES, planExerciseWorkbook } from "../../training/workbook";
import { Outcome, excelCall, refused, succeeded } from "./actionRunner";
import { Child, h, replace } from "../ui/dom";
import type { ActiveRow, ExcelActions, SkippedRows } from "./actions";
import type { ExerciseChoiceInput } from "./exercisesPanel";
import { EXERCISES_UI_TEXT, formMessage, UI_TEXT } from "../ui/messages";
import { parsePercentInput } from "../form/rates";
import { Shell } from "../ui/shell";
import { calculationView } from "../ui/statementView";

/** The folder the pane was loaded from: the add-in's, where the help pages are too. */
function paneFolder(): string | undefined {
  const href = globalThis.location?.href ?? "";
  return /^https?:/.test(href) ? new URL(".", href).href : undefined;
}

/** What the actions work with: the frame, the workbook, where results go. */
export interface TaskContext {
  shell: Shell;
  excel: ExcelActions;
  /** Where a row's calculation is shown. */
  result: HTMLElement;
  /** Shows the last half-year known (the reference-rate panel). */
  showKnown(known: KnownHalfYear): void;
  /** Shows the typed reference rate's problem beside its field (null: none). */
  showRateProblem(message: string | null): void;
  /** Opens the reference-rate panel and puts the cursor in its field (a missing half-year). */
  goToRates(): void;
}

/** The workbook's rates and the engine's table built from them. */
interface Rates {
  rates: WorkbookReferenceRates | null;
  table: ReferenceRateTable;
}

/**
 * Reads the workbook's Referensräntor sheet and builds the table every calculation uses; shows the
 * last half-year. A bad row of the sheet is refused, naming the row.
 */
export async function loadRates({ excel, showKnown }: TaskContext): Promise<Outcome<Rates>> {
  let rates: WorkbookReferenceRates | null;
  let table: ReferenceRateTable;
  try {
    rates = await excelCall(() => excel.readWorkbookReferenceRates());
    table = workbookRateTable(rates);
  } catch (error) {
    if (!(error instanceof EngineError)) throw error;
    return refused(UI_TEXT.ratesSheetProblem(error.message));
  }
  showKnown(lastKnownHalfYear(rates, table));
  return succeeded({ rates, table });
}

/** A row that cannot be calculated: each problem with the address of its cell. */
function rowProblems(address: string, problems: readonly RowProblem[]) {
  return refused(
    h("p", {}, UI_TEXT.rowProblems(address)),
    h(
      "ul",
      { class: "problems" },
      ...problems.map((p) =>
        h("li", {}, h("span", { class: "address" }, p.address), " ", p.message),
      ),
    ),
  );
}

/** `Kontrakt!A3:AB3` → `Kontrakt!A3`: the row's first cell (a sheet name cannot hold ":"). */
export function firstCell(address: string): string {
  return address.split(":")[0];
}

/**
 * The active cell is not on a contract row: one sentence saying where it is and where to go (the
 * workbook's contract sheets named), instead of the row's problems ("kolumnen … saknas" for every
 * field on a calculation sheet).
 */
async function wrongPlace(
  { excel }: Pick<TaskContext, "excel">,
  row: ActiveRow & { ok: false; place: WrongPlace },
): Promise<{ ok: false; problem: Child[] }> {
  if (row.place === "emptyRow") return refused(h("p", {}, UI_TEXT.emptyRow(row.address)));
  const find = excel.findContractSheets;
  const sheets = find ? await excelCall(() => find()) : null;
  const onOne =
    (row.place === "headerRow" || row.place === "outsideData") &&
    (sheets ?? []).some((name) => sameSheetName(name, row.sheet));
  const where = UI_TEXT.wrongPlace[row.place]({ cell: firstCell(row.address), sheet: row.sheet });
  return refused(h("p", { class: "wrong-place" }, `${where}: ${UI_TEXT.goToRow(sheets, onOne)}`));
}

/** Reads the active row and calculates it (and shows it), or refuses with the row's problems. */
async function readAndCalculate(
  context: TaskContext,
): Promise<Outcome<{ row: ActiveRow; calc: Calculation }>> {
  const { excel, result } = context;
  replace(result); // never leave an earlier row's figures beside this row's outcome
  const loaded = await loadRates(context);
  if (!loaded.ok) return loaded;
  const row = await excelCall(() => excel.readActiveContractRow());
  if (!row.ok) {
    const { place } = row;
    return place ? wrongPlace(context, { ...row, place }) : rowProblems(row.address, row.problems);
  }
  let calc: Calculation;
  try {
    calc = calculate(row.contract, { referenceRates: loaded.value.table });
  } catch (error) {
    if (!(error instanceof EngineError)) throw error;
    // The row is valid but cannot be calculated (a date past the reference-rate table): the way to
    // add the half-year, the Referensräntor panel, is offered beside the message.
    const message = formMessage(error);
    const refusal = rowProblems(row.address, [
      { field: error.field, address: row.address, message },
    ]);
    if (error.code !== "rateMissing") return refusal;
    const goTo = h("button", { type: "button", class: "link-button" }, UI_TEXT.goToRates);
    goTo.addEventListener("click", () => context.goToRates());
    return refused(...refusal.problem, h("p", {}, goTo));
  }
  const ignored = row.ignoredHeaders.map((i) => `${i.header} (${i.address})`).join(", ");
  replace(
    result,
    calculationView(calc),
    ignored ? h("p", { class: "hint" }, UI_TEXT.ignoredHeaders(ignored)) : null,
  );
  return succeeded({ row, calc });
}

/** Refused rows for the alert region, each with where it is and why. */
function refusedRows(heading: string, rows: readonly RefusedRow[]): Child[] {
  return [
    h("p", {}, heading),
    h(
      "ul",
      { class: "problems" },
      ...rows.map((r) =>
        h(
          "li",
          {},
          h("span", { class: "address" }, r.where),
          r.caseId ? ` (${r.caseId})` : "",
          " ",
          r.reason,
        ),
      ),
    ),
  ];
}

/** Inserts the training workbook (a new `Kontrakt` sheet with `rows`). */
export async function insertTraining(
  { excel }: TaskContext,
  rows: readonly ContractInput[],
): Promise<Outcome> {
  const { sheetName } = await excelCall(() => excel.insertTrainingWorkbook([...rows]));
  return succeeded(UI_TEXT.inserted(sheetName));
}

/** Inserts an empty contract table for a real case on a new sheet, the cursor on its first row. */
export async function insertContractTable({ excel }: TaskContext): Promise<Outcome> {
  const insert = excel.insertContractTable;
  if (insert === undefined) throw new Error("the host offers no empty contract table");
  const { sheetName, activeCell } = await excelCall(() => insert());
  return succeeded(UI_TEXT.insertedTable(sheetName, activeCell));
}

/** Shows the active row's calculation. */
export async function previewRow(context: TaskContext): Promise<Outcome> {
  const read = await readAndCalculate(context);
  return read.ok ? succeeded(UI_TEXT.readRow(read.value.row.address)) : read;
}

/**
 * Writes the active row's calculation sheet; `withLetters`, also the letter sheets the case calls
 * for, linked to it (src/sheet/caseWorkbook.ts), under names free in the workbook, and, where the
 * workbook has no "Avsändare" sheet yet, that sheet with `sender` (the pane's fields).
 */
export async function createSheet(
  context: TaskContext,
  withLetters = false,
  sender?: Sender,
): Promise<Outcome> {
  const read = await readAndCalculate(context);
  if (!read.ok) return read;
  if (withLetters) {
    const plans = planCaseWorkbook(read.value.calc, {
      letters: true,
      existingSheetNames: read.value.row.sheetNames ?? [],
      sender,
    });
    const { sheetNames } = await excelCall(() => context.excel.writeSheetPlans(plans));
    return succeeded(UI_TEXT.writtenWithLetters(sheetNames[0], sheetNames.slice(1)));
  }
  const plan = planSheet(read.value.calc);
  const { sheetName } = await excelCall(() => context.excel.writeSheetPlan(plan));
  return succeeded(UI_TEXT.written(sheetName));
}

/** What the summary's message says of the selected rows left out (header, empty and hidden rows). */
function skippedText({ headerRow, emptyRows, hiddenRows }: SkippedRows): string {
  const plain =
    headerRow !== null || emptyRows.length > 0
      ? UI_TEXT.skippedRows(headerRow !== null, emptyRows.length)
      : "";
  return plain + (hiddenRows.length > 0 ? UI_TEXT.hiddenRows(hiddenRows) : "");
}

/** Writes the summary of the selected rows (and, `withSheets`, a calculation sheet per case). */
export async function createSummary(context: TaskContext, withSheets: boolean): Promise<Outcome> {
  const { shell, excel, result } = context;
  replace(result);
  const loaded = await loadRates(context);
  if (!loaded.ok) return loaded;
  const { rates, table } = loaded.value;
  const read = await excelCall(() => excel.readSelectedContractRows());
  if (!read.ok) return refused(h("p", {}, UI_TEXT.noRows), h("p", {}, read.message));
  const rows = calculateRows(read.headers, read.rows, table, read.headerRow);
  if (rows.calculations.length === 0)
    return refused(...refusedRows(UI_TEXT.noneCalculated(rows.refused.length), rows.refused));
  const plans = planBatchWorkbook(rows, {
    sheets: withSheets,
    table,
    existingSheetNames: read.sheetNames,
    referenceSheet: rates === null ? undefined : { rowCount: referenceRowCountOf(rates) },
  });
  shell.status(UI_TEXT.writingSheets(plans.length));
  const { sheetNames } = await excelCall(() => excel.writeSheetPlans(plans));
  // Written, and some rows refused: both the status and the list of refused rows are shown.
  if (rows.refused.length > 0)
    shell.error(...refusedRows(UI_TEXT.refusedRows(rows.refused.length), rows.refused));
  const skipped = skippedText(read.skipped);
  return succeeded(
    UI_TEXT.summaryWritten(
      sheetNames[0],
      rows.calculations.length,
      withSheets ? rows.calculations.length : 0,
      plans.some((plan) => plan.name === REFERENCE_SHEET_NAME),
    ) + skipped,
  );
}

/**
 * Adds the next half-year's reference rate, typed in `input` (percent): a new Referensräntor sheet
 * when the workbook has none, else a row under its last rate.
 */
export async function addReferenceRate(
  context: TaskContext,
  input: HTMLInputElement,
): Promise<Outcome> {
  const { excel } = context;
  const typed = parsePercentInput(input.value);
  context.showRateProblem(typed.ok ? null : typed.message);
  if (!typed.ok) return refused(); // shown beside the field
  const loaded = await loadRates(context);
  if (!loaded.ok) return loaded;
  const { rates, table } = loaded.value;
  const next = lastKnownHalfYear(rates, table).next;
  const from = formatIsoDate(next);
  const halfYear = describeHalfYear(next);
  const shown = formatPercent(typed.percent);
  let done: string;
  if (rates === null) {
    const extended = ReferenceRateTable.withEntries([
      { from, percent: typed.percent.toString(), where: PANEL_WHERE },
    ]);
    await excelCall(() => excel.writeSheetPlans([planReferenceSheet(extended)]));
    done = UI_TEXT.rateSheetCreated(halfYear, shown);
  } else {
    const { address } = await excelCall(() =>
      excel.appendReferenceRate(from, typed.percent.toNumber()),
    );
    done = UI_TEXT.rateAppended(halfYear, shown, address);
  }
  input.value = "";
  const reloaded = await loadRates(context);
  return reloaded.ok ? succeeded(done) : reloaded;
}

/** The practice cases of the exercises panel's choice, or the problem with it. */
function chosenCases(choice: ExerciseChoiceInput): Outcome<PracticeCase[]> {
  const count = /^\s*\d{1,3}\s*$/.test(choice.count) ? Number(choice.count) : NaN;
  if (!(count >= 1 && count <= MAX_HANDOUT_CASES))
    return refused(h("p", {}, EXERCISES_UI_TEXT.badCount(choice.count)));
  if (choice.first.trim() === "") return refused(h("p", {}, EXERCISES_UI_TEXT.firstMissing));
  try {
    const level = Number(choice.level) as PracticeLevel;
    const first = /^\s*\d{1,6}\s*$/.test(choice.first) ? Number(choice.first) : choice.first;
    return succeeded(practiceCases(level, first as number, count));
  } catch (error) {
    if (!(error instanceof PracticeCaseError)) throw error;
    return refused(h("p", {}, error.message));
  }
}

/**
 * Inserts the handout of the chosen practice cases: an exercise sheet per case and the facit, under
 * names free in the workbook (never overwriting a sheet); the workbook's own Referensräntor sheet is
 * used when it has one, else the built-in rates come as a new one.
 */
export async function insertExercises(
  context: TaskContext,
  choice: ExerciseChoiceInput,
): Promise<Outcome> {
  const { shell, excel } = context;
  const cases = chosenCases(choice);
  if (!cases.ok) return cases;
  const loaded = await loadRates(context);
  if (!loaded.ok) return loaded;
  const { rates, table } = loaded.value;
  const existing = (await excelCall(() => excel.readSheetNames?.() ?? Promise.resolve([]))) ?? [];
  let plans: SheetPlan[];
  try {
    plans = planExerciseWorkbook(cases.value, {
      table,
      existingSheetNames: existing,
      helpBase: paneFolder(),
      referenceSheet: rates === null ? undefined : { rowCount: referenceRowCountOf(rates) },
    });
  } catch (error) {
    if (!(error instanceof EngineError)) throw error;
    return refused(h("p", {}, formMessage(error)));
  }
  shell.status(UI_TEXT.writingSheets(plans.length));
  const { sheetNames } = await excelCall(() => excel.writeSheetPlans(plans));
  const [first, last] = [cases.value[0].name, cases.value[cases.value.length - 1].name];
  return succeeded(
    EXERCISES_UI_TEXT.sheetsInserted(
      first,
      last,
      cases.value.length,
      sheetNames[cases.value.length],
    ),
  );
}

/** Inserts the chosen practice cases as rows of a new Kontrakt table (named "Övning L.N"). */
export async function insertPracticeRows(
  { excel }: TaskContext,
  choice: ExerciseChoiceInput,
): Promise<Outcome> {
  const cases = chosenCases(choice);
  if (!cases.ok) return cases;
  const rows = cases.value.map((pc): ContractInput => ({ ...pc.contract }));
  const { sheetName } = await excelCall(() => excel.insertTrainingWorkbook(rows));
  const [first, last] = [cases.value[0].name, cases.value[cases.value.length - 1].name];
  return succeeded(EXERCISES_UI_TEXT.rowsInserted(sheetName, first, last, rows.length));
}

/**
 * Why the active row cannot be used, for the alert region: where to go from a wrong place, or the
 * row's problems with their cells (the guided mode refuses a row as the one-row actions do).
 */
export async function activeRowRefusal(
  excel: ExcelActions,
  row: ActiveRow & { ok: false },
): Promise<{ ok: false; problem: Child[] }> {
  const { place } = row;
  return place ? wrongPlace({ excel }, { ...row, place }) : rowProblems(row.address, row.problems);
}
