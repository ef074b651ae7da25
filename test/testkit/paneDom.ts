/**
 * The task pane on linkedom's DOM, for tests that mount it without a browser: a page with
 * `<main id="app">` installed as the global `document` before each test and removed after it, the
 * Excel actions a test does not expect refused, and a tick for pending promise callbacks.
 */
import { parseHTML } from "linkedom";
import type { ExcelActions } from "../../src/taskpane/excelMode/actions";

const PAGE = '<!doctype html><html lang="sv"><body><main id="app"></main></body></html>';
/** What the guided view names besides the document (its forms check the events' element types). */
const FORM_GLOBALS = ["HTMLElement", "HTMLInputElement", "HTMLSelectElement", "Event"];

export interface PaneDom {
  /** The `<main id="app">` the pane mounts into. */
  readonly root: HTMLElement;
  /** linkedom's window, for its classes (`new (dom.window.Event as typeof Event)(…)`). */
  readonly window: Record<string, unknown>;
  /** Every element focus() was called on, in order (linkedom keeps no focus of its own). */
  readonly focused: Element[];
}

/**
 * Registers `beforeEach`/`afterEach` that give each test a fresh page. With `forms`, also the
 * element classes as globals, focus() recorded, and a `<select>` whose value can be set (linkedom's
 * has a getter only; a browser's selects the option).
 */
export function usePaneDom(options: { forms?: boolean } = {}): PaneDom {
  const globals = ["document", ...(options.forms ? FORM_GLOBALS : [])];
  let root: HTMLElement | undefined;
  let window: Record<string, unknown> = {};
  const focused: Element[] = [];
  beforeEach(() => {
    const parsed = parseHTML(PAGE);
    window = parsed as unknown as Record<string, unknown>;
    for (const name of globals) (globalThis as Record<string, unknown>)[name] = window[name];
    root = parsed.document.getElementById("app") as HTMLElement;
    focused.length = 0;
    if (options.forms) recordFocusAndSelects(window, focused);
  });
  afterEach(() => {
    for (const name of globals) delete (globalThis as Record<string, unknown>)[name];
  });
  return {
    get root() {
      return root!;
    },
    get window() {
      return window;
    },
    focused,
  };
}

function recordFocusAndSelects(window: Record<string, unknown>, focused: Element[]): void {
  (window.HTMLElement as typeof HTMLElement).prototype.focus = function (this: HTMLElement) {
    focused.push(this);
  };
  const select = (window.HTMLSelectElement as typeof HTMLSelectElement).prototype;
  const getter = Object.getOwnPropertyDescriptor(select, "value")?.get;
  Object.defineProperty(select, "value", {
    configurable: true,
    get: getter,
    set(this: HTMLSelectElement, wanted: string) {
      for (const option of [...this.querySelectorAll("option")]) {
        if (option.getAttribute("value") === wanted) option.setAttribute("selected", "");
        else option.removeAttribute("selected");
      }
    },
  });
}

/** The pane's Excel actions: `overrides`, the others refusing ("not expected in this test"). */
export function excelActions(overrides: Partial<ExcelActions> = {}): ExcelActions {
  const fail = () => Promise.reject(new Error("not expected in this test"));
  return {
    readActiveContractRow: fail,
    writeSheetPlan: fail,
    insertTrainingWorkbook: fail,
    readSelectedContractRows: fail,
    writeSheetPlans: fail,
    readWorkbookReferenceRates: async () => null,
    appendReferenceRate: fail,
    ...overrides,
  };
}

/** Lets pending promise callbacks run. */
export const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
