/**
 * The standalone page's Referensräntor panel: the last half-year known, a form to add a half-year
 * (its first day and its rate, each checked with its message at the field), and the half-years added
 * here, each with a button to take it away. The added rows are kept in the browser (localStorage:
 * public figures, no personal data) and make the table every calculation on the page uses and every
 * download carries (the Referensräntor sheet). A row added here replaces a built-in one for the same
 * half-year. The percent is read as in Excel mode's panel (form/rates.ts).
 */
import {
  Day,
  Dec,
  EngineError,
  ReferenceRateTable,
  describeHalfYear,
  formatIsoDate,
  nextHalfYearStart,
  parseIsoDate,
  partsOfDay,
  formatPercent,
} from "../../engine";
import { PANEL_WHERE, REFERENCE_MESSAGES, REFERENCE_SHEET_NAME } from "../../sheet/referenceSheet";
import { parsePercentInput } from "../form/rates";
import { h, replace } from "../ui/dom";
import { UI_TEXT } from "../ui/messages";
import { browserStorage } from "../ui/storage";

/** One half-year added on the page: its first day (ISO) and its rate in percent ("1.75"). */
interface StoredRate {
  from: string;
  percent: string;
}

/** Where the page keeps its rows. */
export interface RateStore {
  load(): StoredRate[];
  save(rows: readonly StoredRate[]): void;
}

const STORAGE_KEY = "atertag:referensrantor";

/** Whether a stored row still makes a table (a row edited by hand in the storage is dropped). */
function usable(row: unknown): row is StoredRate {
  if (typeof row !== "object" || row === null) return false;
  const { from, percent } = row as Record<string, unknown>;
  if (typeof from !== "string" || typeof percent !== "string") return false;
  try {
    ReferenceRateTable.withEntries([{ from, percent }]);
    return true;
  } catch {
    return false;
  }
}

/** The rows kept in localStorage, or for this page only where the browser blocks the storage. */
export function browserRateStore(): RateStore {
  let kept: StoredRate[] = [];
  const storage = browserStorage;
  return {
    load: () => {
      try {
        const parsed: unknown = JSON.parse(storage()?.getItem(STORAGE_KEY) ?? "null");
        if (Array.isArray(parsed)) kept = parsed.filter(usable);
      } catch {
        // unreadable: the rows of this page only
      }
      return kept;
    },
    save: (rows) => {
      kept = [...rows];
      try {
        storage()?.setItem(STORAGE_KEY, JSON.stringify(kept));
      } catch {
        // storage full or blocked: kept for this page only
      }
    },
  };
}

/** The table of the page: the built-in one with the rows added here on top. */
function pageRateTable(rows: readonly StoredRate[]): ReferenceRateTable {
  return ReferenceRateTable.withEntries(
    rows.map((row) => ({ ...row, where: PANEL_WHERE })),
    REFERENCE_SHEET_NAME,
    UI_TEXT.addRateInPanel,
  );
}

/** A labelled text field with its problem line under it (shown with {@link showProblem}). */
function field(id: string, label: string, attributes: Record<string, string>) {
  const input = h("input", {
    type: "text",
    id,
    autocomplete: "off",
    spellcheck: "false",
    "aria-describedby": "rates-hint",
    ...attributes,
  });
  const problem = h("p", { class: "field-problem", id: `${id}-problem`, hidden: true });
  return { input, problem, label: h("label", { for: id }, label) };
}

/** Shows (or clears) a field's problem right under it, and marks the field for assistive technology. */
function showProblem(f: ReturnType<typeof field>, message: string | null): void {
  replace(f.problem, message ?? "");
  f.problem.hidden = message === null;
  if (message === null) f.input.removeAttribute("aria-invalid");
  else f.input.setAttribute("aria-invalid", "true");
  f.input.setAttribute(
    "aria-describedby",
    message === null ? "rates-hint" : `${f.problem.id} rates-hint`,
  );
}

/** The first day of a half-year typed in the panel, or the message for the field. */
function readFrom(text: string): { ok: true; day: Day } | { ok: false; message: string } {
  const trimmed = text.trim();
  if (trimmed === "") return { ok: false, message: UI_TEXT.rateFromEmpty };
  let day: Day;
  try {
    day = parseIsoDate(trimmed, UI_TEXT.rateFromLabel);
  } catch (error) {
    if (!(error instanceof EngineError)) throw error;
    return { ok: false, message: error.message };
  }
  const { month, day: date } = partsOfDay(day);
  if (date !== 1 || (month !== 1 && month !== 7))
    return { ok: false, message: upperFirst(REFERENCE_MESSAGES.notHalfYear(trimmed)) + "." };
  return { ok: true, day };
}

function upperFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export interface RatesPanelOptions {
  store: RateStore;
  /** The table changed (a row added or taken away): recalculate with it. */
  changed(table: ReferenceRateTable): void;
  /** A sentence for the page's status line. */
  status(text: string): void;
}

export interface RatesPanel {
  element: HTMLElement;
  table(): ReferenceRateTable;
  /** Brings the user to the form, the half-year `from` filled in and the rate's field focused. */
  goTo(from?: Day): void;
}

type RateField = ReturnType<typeof field>;

/** The form that adds a half-year: its date, its percent, the button and where rows are kept. */
function rateForm(from: RateField, percent: RateField): HTMLFormElement {
  return h(
    "form",
    { class: "rate-form rates-here", novalidate: true },
    h("div", { class: "rate-field" }, from.label, from.input, from.problem),
    h(
      "div",
      { class: "rate-field" },
      percent.label,
      h(
        "div",
        { class: "control" },
        percent.input,
        h("span", { class: "unit", "aria-hidden": "true" }, "%"),
      ),
      percent.problem,
    ),
    h("button", { type: "submit" }, UI_TEXT.addRate),
    h("p", { class: "hint", id: "rates-hint" }, UI_TEXT.rateStoredHelp),
  );
}

/** The user's rows, each with a button that takes it away (`remove(row, halfYear)`). */
function addedRatesList(
  rows: readonly StoredRate[],
  remove: (row: StoredRate, halfYear: string) => void,
): HTMLElement {
  return h(
    "div",
    {},
    h("p", { id: "added-rates-caption" }, UI_TEXT.userRatesCaption),
    h(
      "ul",
      { "aria-labelledby": "added-rates-caption" },
      ...rows.map((row) => {
        const halfYear = describeHalfYear(parseIsoDate(row.from, "from"));
        const button = h(
          "button",
          { type: "button", class: "link-button", "aria-label": UI_TEXT.removeRateLabel(halfYear) },
          UI_TEXT.removeRate,
        );
        button.addEventListener("click", () => remove(row, halfYear));
        return h("li", {}, `${halfYear}: ${formatPercent(new Dec(row.percent))} `, button);
      }),
    ),
  );
}

/** What the status line says of a half-year's rate added: new, or replacing the table's figure. */
function rateAddedText(table: ReferenceRateTable, day: Day, shown: string): string {
  const halfYear = describeHalfYear(day);
  let before: string | null = null;
  try {
    before = formatPercent(table.percentOn(day, "from"));
  } catch {
    // a half-year the table lacks: added, not replaced
  }
  return before === null || before === shown
    ? UI_TEXT.rateAddedHere(halfYear, shown)
    : UI_TEXT.rateReplacedHere(halfYear, shown, before);
}

/** The panel: mounted once by the standalone pane. */
export function ratesPanel(options: RatesPanelOptions): RatesPanel {
  let rows = options.store.load();
  let table = pageRateTable(rows);
  const from = field("rate-from", UI_TEXT.rateFromLabel, {
    inputmode: "numeric",
    placeholder: "ÅÅÅÅ-MM-DD",
  });
  const percent = field("rate-percent", UI_TEXT.ratePercentLabel, {
    inputmode: "decimal",
    placeholder: "1,75",
  });
  const lastKnown = h("p", { class: "last-known" });
  const added = h("div", { class: "added-rates" });
  const form = rateForm(from, percent);
  const element = h(
    "section",
    { class: "panel rates-panel", id: "rates", "aria-labelledby": "rates-heading" },
    h("h2", { id: "rates-heading" }, UI_TEXT.ratesHeading),
    h("p", { class: "hint" }, UI_TEXT.ratesIntroStandalone),
    lastKnown,
    form,
    added,
  );

  const removeRow = (row: StoredRate, halfYear: string) => {
    update(
      rows.filter((r) => r !== row),
      UI_TEXT.rateRemoved(halfYear),
    );
    from.input.focus();
  };

  const render = () => {
    const last = table.entries()[table.entries().length - 1];
    replace(
      lastKnown,
      UI_TEXT.lastKnownHere(
        describeHalfYear(last.from),
        formatPercent(last.percent),
        last.source.kind === "user",
      ),
    );
    if (from.input.value.trim() === "")
      from.input.value = formatIsoDate(nextHalfYearStart(last.from));
    replace(added, ...(rows.length > 0 ? [addedRatesList(rows, removeRow)] : []));
  };

  const update = (next: StoredRate[], said: string) => {
    rows = next.sort((a, b) => a.from.localeCompare(b.from));
    options.store.save(rows);
    table = pageRateTable(rows);
    render();
    options.changed(table);
    options.status(said);
  };

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const day = readFrom(from.input.value);
    const typed = parsePercentInput(percent.input.value);
    showProblem(from, day.ok ? null : day.message);
    showProblem(percent, typed.ok ? null : typed.message);
    if (!day.ok) return from.input.focus();
    if (!typed.ok) return percent.input.focus();
    const said = rateAddedText(table, day.day, formatPercent(typed.percent));
    const iso = formatIsoDate(day.day);
    percent.input.value = "";
    from.input.value = "";
    update(
      [...rows.filter((r) => r.from !== iso), { from: iso, percent: typed.percent.toFixed(2) }],
      said,
    );
  });

  render();
  return {
    element,
    table: () => table,
    goTo: (day) => {
      if (day !== undefined) from.input.value = formatIsoDate(day);
      element.scrollIntoView?.({ block: "start" });
      (day !== undefined ? percent.input : from.input).focus();
    },
  };
}
