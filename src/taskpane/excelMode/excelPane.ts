/**
 * The Excel mode: actions on the open workbook. The workbook is reached only through the functions
 * handed in ({@link ExcelActions}, wired to src/excel/ by the entry file), so this module runs, and is
 * tested, without Office.
 *
 * - The selected row, named at the top and kept current as the selection moves (Excel's
 *   selection-changed event, registered once, debounced, removed when the page goes away).
 * - One row: write its calculation sheet (the one primary button) or preview it. The result comes
 *   first under the buttons, its conclusion and date first, and a preview moves focus to it. With the
 *   cursor in the wrong place the pane says where to go, naming the workbook's contract sheets.
 * - The guided mode ("Steg för steg"), mounted by its own module into the slot this pane keeps.
 * - New contract sheets: an empty contract table for a real case, the training workbook.
 * - Folded away until opened (and remembered): the trainer's exercises (exercisesPanel.ts); the whole table, whose selected rows (or all) become
 *   a summary sheet, optionally with one calculation sheet per case (rows that cannot be calculated
 *   listed with the reason); the reference rates: the last half-year known (the workbook's
 *   `Referensräntor` sheet, else the built-in table) and a form to add the next one. Every
 *   calculation made here uses the built-in table extended by that sheet, read afresh for each
 *   action (the user may have edited it).
 *
 * While an action runs every button is disabled (two Excel batches must not interleave) and the status
 * line says what is happening; the outcome replaces it, and focus returns to the button pressed.
 * Problems go to the alert region, just above the buttons: a row's problems each with the address of
 * its cell (an engine error with the field's Swedish label), refused rows with the reason, a bad row
 * of the Referensräntor sheet with its row number. A reference rate that cannot be added is
 * explained under its field.
 */
import { BUILT_IN_RATES, ContractInput } from "../../engine";
import { lastKnownHalfYear } from "../../sheet/referenceSheet";
import type { ActiveRow, ExcelActions } from "./actions";
import { Action, actionRunner, succeeded } from "./actionRunner";
import { h, replace } from "../ui/dom";
import {
  PanelMemory,
  batchPanel,
  foldingPanel,
  insertPanel,
  ratesPanel,
  rowPanel,
  selectedRowLine,
} from "./excelPanels";
import { exercisesPanel } from "./exercisesPanel";
import {
  TaskContext,
  addReferenceRate,
  createSheet,
  createSummary,
  firstCell,
  insertContractTable,
  insertExercises,
  insertPracticeRows,
  insertTraining,
  loadRates,
  previewRow,
} from "./excelTasks";
import { EXERCISES_UI_TEXT, UI_TEXT } from "../ui/messages";
import { senderFields } from "../form/senderFields";
import { Shell } from "../ui/shell";
import { excelTraining } from "./trainingExcel";
import { browserStorage } from "../ui/storage";

/** What the guided mode gets to work with when the pane mounts it (see {@link ExcelPaneOptions}). */
export interface GuideHost {
  shell: Shell;
  excel: ExcelActions;
  /** The pane's action runner: one action at a time, buttons disabled, status and alert. */
  run: Runner;
  /** What the pane's own actions work with (excelTasks.ts: loadRates, previewRow, createSheet …). */
  tasks: TaskContext;
  /** Reads the selected row again now (after the guide moved the cursor, say). */
  refreshSelection(): void;
}

export interface ExcelPaneOptions {
  /**
   * Mounts the guided mode into `slot`. When given, the pane offers a switch "Steg för steg" /
   * "Snabbt": the slot shows in the first mode, the one-click actions in the second (remembered).
   */
  guide?: (slot: HTMLElement, host: GuideHost) => void;
  /** Where the folded panels' state (and the mode) is kept; default: localStorage when allowed. */
  memory?: PanelMemory;
  /** How long the selection must rest before its row is read, in ms (Excel fires at every move). */
  selectionDelayMs?: number;
}

/** The mounted Excel mode. */
export interface ExcelPane {
  /** Where the guided mode is mounted (empty and hidden without one). */
  guideSlot: HTMLElement;
  /** Removes the selection handler (also done when the page is hidden for good). */
  dispose(): Promise<void>;
}

/** The default pause after the last selection change before the row is read. */
const SELECTION_DELAY_MS = 250;

/** The pane's parts, top to bottom (see {@link mountExcelPane}). */
function layOut(shell: Shell, excel: ExcelActions, memory: PanelMemory, withGuide: boolean) {
  const selected = selectedRowLine();
  const row = rowPanel();
  const result = h("div", { class: "result-area" });
  // The one-click actions with their result; hidden while the guided mode shows.
  const quick = h("div", { class: "quick" }, row.element, result);
  const guideSlot = h("div", { class: "guide-slot", id: "guide-slot", hidden: true });
  const insert = insertPanel(excel.insertContractTable !== undefined);
  const batch = batchPanel(memory);
  const rates = ratesPanel(memory);
  // The letters' sender, entered once (kept in the browser's storage), folded like the others.
  const sender = senderFields("excel");
  const senderFold = foldingPanel("sender", UI_TEXT.senderLegend, memory, sender.element);
  // The trainer's panel, folded like the other rarely used ones (its heading becomes the fold's).
  const exercises = exercisesPanel();
  const [, ...exerciseParts] = [...exercises.element.childNodes];
  const exercisesFold = foldingPanel(
    "exercises",
    EXERCISES_UI_TEXT.heading,
    memory,
    ...exerciseParts,
  );
  const modes = withGuide ? modeSwitch(memory, guideSlot, quick) : null;
  replace(
    shell.content,
    selected.element,
    modes,
    guideSlot,
    quick,
    insert.element,
    batch.element,
    senderFold,
    rates.element,
    exercisesFold,
  );
  rates.showKnown(lastKnownHalfYear(null, BUILT_IN_RATES));
  return { selected, row, result, guideSlot, insert, batch, rates, exercises, sender };
}

type Parts = ReturnType<typeof layOut>;

/** Runs an action pressed with a button (focus back on it, or on the result it showed). */
type Press = (
  button: HTMLButtonElement,
  busy: string,
  task: Action,
  toResult?: () => boolean,
) => Promise<void>;

/** Each button to its action (excelTasks.ts). */
function wireActions(
  { row, result, insert, batch, rates, exercises, sender }: Parts,
  context: TaskContext,
  press: Press,
  trainingRows: readonly ContractInput[],
): void {
  row.create.addEventListener("click", () => {
    const withLetters = row.letters.checked; // as it was when the button was pressed
    const from = sender.sender();
    void press(row.create, UI_TEXT.writing, () => createSheet(context, withLetters, from));
  });
  row.preview.addEventListener("click", () =>
    press(
      row.preview,
      UI_TEXT.reading,
      () => previewRow(context),
      () => focusResult(result),
    ),
  );
  const table = insert.table;
  table?.addEventListener("click", () =>
    press(table, UI_TEXT.insertingTable, () => insertContractTable(context)),
  );
  insert.insert.addEventListener("click", () =>
    press(insert.insert, UI_TEXT.inserting, () => insertTraining(context, trainingRows)),
  );
  batch.summary.addEventListener("click", () => {
    const withSheets = batch.perCase.checked; // as it was when the button was pressed
    void press(batch.summary, UI_TEXT.readingRows, () => createSummary(context, withSheets));
  });
  // Enter in the rate field "clicks" the form's submit button (HTML implicit submission), so the
  // button's click is the one entry point; the form itself never submits.
  rates.form.addEventListener("submit", (event) => event.preventDefault());
  rates.add.addEventListener("click", (event) => {
    event.preventDefault();
    void press(rates.add, UI_TEXT.addingRate, () => addReferenceRate(context, rates.input));
  });
  exercises.insertSheets.addEventListener("click", () => {
    const choice = exercises.choice(); // as it was when the button was pressed
    void press(exercises.insertSheets, EXERCISES_UI_TEXT.inserting, () =>
      insertExercises(context, choice),
    );
  });
  exercises.insertRows.addEventListener("click", () => {
    const choice = exercises.choice();
    void press(exercises.insertRows, EXERCISES_UI_TEXT.inserting, () =>
      insertPracticeRows(context, choice),
    );
  });
}

/**
 * Mounts the Excel mode into the shell. `trainingRows` are the contracts the training workbook gets.
 * Top to bottom: the selected row, the guided mode's slot (with the mode switch when there is a
 * guide), the one-row actions, the result (first under the buttons; a preview moves focus to it),
 * the new contract sheets, then the folded panels (whole table, reference rates).
 */
export function mountExcelPane(
  shell: Shell,
  excel: ExcelActions,
  trainingRows: readonly ContractInput[],
  options: ExcelPaneOptions = {},
): ExcelPane {
  const parts = layOut(shell, excel, options.memory ?? storageMemory(), Boolean(options.guide));
  const { row, insert, batch, rates, exercises, guideSlot } = parts;
  const context: TaskContext = {
    shell,
    excel,
    result: parts.result,
    showKnown: rates.showKnown,
    showRateProblem: rates.showProblem,
    goToRates: () => {
      rates.element.open = true;
      rates.input.focus();
    },
  };
  const buttons = [
    ...[row.create, row.preview, insert.table, insert.insert, batch.summary, rates.add],
    ...[exercises.insertSheets, exercises.insertRows],
  ];
  const run = actionRunner(
    shell,
    buttons.filter((b): b is HTMLButtonElement => b !== null),
  );
  const watcher = watchSelectedRow(excel, parts.selected.show, options.selectionDelayMs);
  // After each action the selected row is read again (a sheet written or inserted moves it).
  const press: Press = (button, busy, task, toResult) =>
    run(busy, task, { pressed: button, toResult }).then(watcher.refresh);
  wireActions(parts, context, press, trainingRows);
  // The trainee's answer check (trainingExcel.ts), folded last.
  shell.content.appendChild(excelTraining(excel, (text, action) => run(text, action)).element);

  void run(UI_TEXT.readingRates, async () => {
    const loaded = await loadRates(context);
    return loaded.ok ? succeeded("") : loaded;
  });
  const refreshSelection = watcher.refresh;
  options.guide?.(guideSlot, { shell, excel, run, tasks: context, refreshSelection });
  shell.content.ownerDocument.defaultView?.addEventListener?.("pagehide", (event) => {
    if (!event.persisted) void watcher.dispose();
  });
  return { guideSlot, dispose: watcher.dispose };
}

/** The runner's signature (actionRunner.ts). */
type Runner = ReturnType<typeof actionRunner>;

/**
 * Moves focus to the result the action showed and, when its heading and outcome are not in view,
 * scrolls it to the top. False when there is no result (the action was refused).
 */
function focusResult(area: HTMLElement): boolean {
  const section = area.querySelector<HTMLElement>(".result");
  if (section === null) return false;
  section.focus({ preventScroll: true });
  const height = section.ownerDocument.defaultView?.innerHeight ?? 0;
  const top = section.getBoundingClientRect?.().top ?? 0;
  // The heading and the outcome under it take about the first 150 px of the result.
  if (top < 0 || top + 150 > height) section.scrollIntoView?.({ block: "start" });
  return true;
}

/** "Markerad rad: …" for a row read by the reader. */
function selectedRowText(row: ActiveRow): string {
  const cell = firstCell(row.address);
  if (row.ok) return UI_TEXT.selectedRow(cell, row.contract.caseId);
  if (row.place === "emptyRow") return UI_TEXT.selectedEmptyRow(cell);
  if (row.place !== undefined) return UI_TEXT.selectedElsewhere(cell);
  return UI_TEXT.selectedRowProblems(cell, row.problems.length);
}

/**
 * Keeps the selected-row line current: reads the active row at mount, then after each burst of
 * selection changes once the selection has rested `delayMs`; an older read that answers late is
 * dropped. Excel's selection handler is registered only while the pane is visible: hiding the pane
 * (the shared runtime keeps the page alive) removes it, so selection changes then cost no batch;
 * showing it again registers it anew and reads the row. `dispose` removes both handlers.
 */
function watchSelectedRow(
  excel: ExcelActions,
  show: (text: string) => void,
  delayMs = SELECTION_DELAY_MS,
) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let latest = 0;
  let disposed = false;
  const read = async () => {
    const mine = ++latest;
    try {
      const row = await excel.readActiveContractRow();
      if (mine === latest && !disposed) show(selectedRowText(row));
    } catch {
      // The line keeps its last text; an action on the row reports Excel's error itself.
    }
  };
  const schedule = () => {
    if (disposed || watching === null) return;
    clearTimeout(timer);
    timer = setTimeout(() => void read(), delayMs);
  };
  type Removal = Promise<(() => Promise<void>) | null>;
  let watching: Removal | null = null;
  const start = () => {
    if (disposed || watching !== null) return;
    watching = excel.watchSelection
      ? excel.watchSelection(schedule).catch(() => null)
      : Promise.resolve(null);
    void read();
  };
  const stop = async () => {
    clearTimeout(timer);
    const removal = watching;
    watching = null;
    const unwatch = await removal;
    await unwatch?.().catch(() => undefined);
  };
  start();
  const visibility: Removal = excel.watchPaneVisibility
    ? excel.watchPaneVisibility((visible) => void (visible ? start() : stop())).catch(() => null)
    : Promise.resolve(null);
  return {
    refresh: schedule,
    dispose: async () => {
      if (disposed) return;
      disposed = true;
      await stop();
      const unwatch = await visibility;
      await unwatch?.().catch(() => undefined);
    },
  };
}

/** The switch between the guided mode and the one-click actions (only when there is a guide). */
function modeSwitch(memory: PanelMemory, guideSlot: HTMLElement, quick: HTMLElement) {
  const guided = h("button", { type: "button", class: "mode-option" }, UI_TEXT.modeGuided);
  const direct = h("button", { type: "button", class: "mode-option" }, UI_TEXT.modeQuick);
  const show = (stepwise: boolean) => {
    guideSlot.hidden = !stepwise;
    quick.hidden = stepwise;
    guided.setAttribute("aria-pressed", String(stepwise));
    direct.setAttribute("aria-pressed", String(!stepwise));
  };
  guided.addEventListener("click", () => {
    memory.remember("guided", true);
    show(true);
  });
  direct.addEventListener("click", () => {
    memory.remember("guided", false);
    show(false);
  });
  show(memory.isOpen("guided"));
  return h(
    "div",
    { class: "mode-switch", role: "group", "aria-label": UI_TEXT.modeLabel },
    guided,
    direct,
  );
}

/** Folded panels remembered in localStorage where the page may use it, else for this page only. */
function storageMemory(): PanelMemory {
  const key = (id: string) => `atertag:open:${id}`;
  const kept = new Map<string, boolean>();
  const storage = browserStorage;
  return {
    isOpen: (id) => {
      try {
        const stored = storage()?.getItem(key(id));
        return stored === null || stored === undefined ? (kept.get(id) ?? false) : stored === "1";
      } catch {
        return kept.get(id) ?? false;
      }
    },
    remember: (id, open) => {
      kept.set(id, open);
      try {
        storage()?.setItem(key(id), open ? "1" : "0");
      } catch {
        // storage full or blocked: remembered for this page only
      }
    },
  };
}
