/**
 * The standalone mode (a plain browser, no Excel): the contract form, the calculation, a shareable
 * `#contract=` link and the calculation sheet as an .xlsx download.
 *
 * Start values, in order of precedence: a `#contract=` link, `?example=1|2`, else an empty form (no
 * error is shown until something is typed). A later change of the fragment (a pasted link) reloads
 * the form. A link with a field that is not a contract field is refused (as the command line refuses
 * the file): the engine's message above the form, no result, until the user chooses to go on without
 * the field.
 *
 * When to check: a field is checked when the user leaves it or stops typing for a moment (SETTLE_MS,
 * contractForm.ts), not at every keystroke. Its problem is shown right under it (and listed where the result would
 * be); a field the user has not reached yet shows none. While a field is being typed, the last
 * statement stays visible, marked as not matching the form any more, and cannot be downloaded.
 */
import { Calculation, ContractField, ContractInput, EngineError } from "../../engine";
import { planCaseWorkbook } from "../../sheet/caseWorkbook";
import type { Sender } from "../../sheet/letters";
import { senderFields } from "../form/senderFields";
import type { SheetPlan } from "../../sheet/types";
import {
  ContractFormView,
  contractFormView,
  showFormProblem,
  watchTyping,
} from "../form/contractForm";
import { Child, h, replace } from "../ui/dom";
import { FormValues, contractToForm, formToContract } from "../form/form";
import { standaloneGuideMode } from "./guideStandalone";
import { LinkError, contractFromHash, contractLink, exampleFromSearch } from "./link";
import { UI_TEXT } from "../ui/messages";
import { Shell, messageOf } from "../ui/shell";
import { standaloneTraining } from "./trainingStandalone";
import { RatesPanel, browserRateStore, ratesPanel } from "./ratesPanel";
import { calculationView } from "../ui/statementView";
import { FormProblem, unknownFieldProblems, validateForm } from "../form/validation";

export interface StandaloneOptions {
  /** The worked examples by number, for `?example=`. */
  examples: Readonly<Record<string, ContractInput>>;
  /** The .xlsx bytes for sheet plans (src/export/xlsx.ts, loaded on first use). */
  buildXlsx(plans: SheetPlan[]): Promise<Uint8Array>;
}

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** The download and link buttons, the box that shows a link, and the examples. */
function toolbar(examples: Readonly<Record<string, ContractInput>>) {
  const download = h(
    "button",
    { type: "button", class: "primary", disabled: true },
    UI_TEXT.download,
  );
  // The letters come with the download by default, as in the Excel pane (issue 11).
  const letters = h("input", { type: "checkbox", id: "download-letters", checked: true });
  const lettersChoice = h(
    "span",
    { class: "check", title: UI_TEXT.withLettersHelp },
    letters,
    h("label", { for: "download-letters" }, UI_TEXT.withLetters),
  );
  const copy = h("button", { type: "button" }, UI_TEXT.copyLink);
  const linkBox = h("input", {
    type: "text",
    class: "link",
    readonly: true,
    "aria-label": UI_TEXT.linkLabel,
    hidden: true,
  });
  const nav = h(
    "nav",
    { class: "examples", "aria-label": UI_TEXT.examples },
    UI_TEXT.examples,
    ...Object.keys(examples).flatMap((n) => [
      " ",
      h("a", { href: `?example=${encodeURIComponent(n)}` }, UI_TEXT.example(n)),
    ]),
  );
  return {
    element: h("div", { class: "toolbar" }, download, lettersChoice, copy, nav),
    download,
    letters,
    copy,
    linkBox,
  };
}

/** Whether nothing but the method (which always has a value) is filled in. */
function isEmpty(values: FormValues): boolean {
  return Object.entries(values).every(([name, v]) => name === "method" || (v ?? "").trim() === "");
}

/** Where the result would be: why there is none, and each problem with a way to its field. */
function placeholderView(
  view: ContractFormView,
  rates: RatesPanel,
  problems: readonly FormProblem[],
  text: string = UI_TEXT.noResult,
): HTMLElement {
  const items = problems.map(({ field, message, missingRate }) => {
    // A missing rate is added in the Referensräntor panel, not at the date the message names.
    if (missingRate !== undefined) {
      const goTo = h("button", { type: "button", class: "link-button" }, UI_TEXT.goToRates);
      goTo.addEventListener("click", () => rates.goTo(missingRate));
      return h("li", {}, message, " ", goTo);
    }
    if (field === null) return h("li", {}, message);
    const goTo = h("button", { type: "button", class: "link-button" }, UI_TEXT.goToField);
    goTo.addEventListener("click", () => view.focus(field));
    return h("li", {}, message, " ", goTo);
  });
  return h(
    "div",
    { class: "placeholder" },
    h("p", {}, text),
    items.length > 0 ? h("ul", { class: "problem-summary" }, ...items) : null,
  );
}

/** A link refused for its unknown fields: the engine's message for each, and a way to go on. */
function linkRefusalView(messages: readonly string[], goOn: () => void): Child[] {
  const button = h("button", { type: "button" }, UI_TEXT.dropUnknownFields);
  button.addEventListener("click", goOn);
  return [
    h("p", {}, UI_TEXT.linkRefused),
    h("ul", {}, ...messages.map((m) => h("li", {}, m))),
    button,
  ];
}

/**
 * The form's checking and the result beside it: which fields the user has reached, the last
 * calculation, a refused link. `evaluate` shows the state of the form now; `editing` marks the
 * result as not matching the form while a field is typed.
 */
function formController(
  shell: Shell,
  view: ContractFormView,
  result: HTMLElement,
  download: HTMLButtonElement,
  rates: RatesPanel,
) {
  let current: Calculation | null = null;
  let reached = new Set<ContractField>();
  let linkProblems: string[] = [];
  /** What was last shown: an event that changed nothing (a blur after the pause) redraws nothing. */
  let shownKey: string | null = null;
  const staleNote = h("p", { class: "stale-note" }, UI_TEXT.staleResult);

  const setStale = (stale: boolean) => {
    result.classList.toggle("stale", stale);
    if (stale && staleNote.parentNode !== result) result.insertBefore(staleNote, result.firstChild);
    if (!stale) staleNote.remove();
    download.disabled = stale || current === null;
  };

  const placeholder = (problems: readonly FormProblem[] = [], text?: string) =>
    replace(result, placeholderView(view, rates, problems, text));

  const showProblems = (problems: readonly FormProblem[]) => {
    const inline = new Map<ContractField, string>();
    for (const p of problems)
      if (p.field !== null && reached.has(p.field)) inline.set(p.field, p.message);
    view.showProblems(inline);
    const whole = problems.filter((p) => p.field === null).map((p) => p.message);
    if (whole.length > 0) shell.error(whole.join(" "));
  };

  const evaluate = (force = false) => {
    const values = view.read();
    const key = JSON.stringify([values, [...reached].sort(), linkProblems]);
    if (!force && key === shownKey) return setStale(false);
    shownKey = key;
    current = null;
    setStale(false);
    shell.clearError();
    if (linkProblems.length > 0) {
      view.showProblems(new Map());
      return placeholder([], UI_TEXT.linkRefusedResult);
    }
    if (isEmpty(values)) {
      view.showProblems(new Map());
      return placeholder();
    }
    let outcome: ReturnType<typeof validateForm>;
    try {
      outcome = validateForm(values, rates.table());
    } catch (error) {
      view.showProblems(new Map());
      shell.error(UI_TEXT.internalError(messageOf(error)));
      return placeholder();
    }
    if (!outcome.ok) {
      showProblems(outcome.problems);
      return placeholder(outcome.problems);
    }
    view.showProblems(new Map());
    current = outcome.calc;
    download.disabled = false;
    replace(result, calculationView(outcome.calc));
  };

  /** Refuses the linked contract for its unknown fields, with a way to go on without them. */
  const refuseLink = (messages: string[]) => {
    linkProblems = messages;
    if (messages.length === 0) return showFormProblem(view);
    showFormProblem(
      view,
      ...linkRefusalView(messages, () => {
        refuseLink([]);
        evaluate(true);
      }),
    );
  };

  return {
    evaluate,
    current: () => current,
    /** A field is being typed: the result no longer matches the form. */
    editing: () => setStale(current !== null),
    /** The user left a field or paused: check it from now on. */
    reach: (field: ContractField) => {
      reached.add(field);
      evaluate();
    },
    /** Every field is checked from now on (a loaded contract, a link asked for). */
    reachAll: () => {
      reached = new Set(Object.keys(view.read()) as ContractField[]);
    },
    /** New start values: the form filled, every field checked, a link's unknown fields refused. */
    load: (values: FormValues, unknown: string[]) => {
      view.fill(values);
      // A loaded contract is checked whole; an empty form field by field as the user reaches it.
      reached = new Set(isEmpty(values) ? [] : (Object.keys(view.read()) as ContractField[]));
      refuseLink(unknown);
      evaluate(true);
    },
  };
}

/** Mounts the standalone mode into the shell, starting from the page's address. */
export function mountStandalonePane(shell: Shell, options: StandaloneOptions): void {
  const view = contractFormView();
  const bar = toolbar(options.examples);
  const result = h("div", { class: "result-area" });
  // The letters' sender, entered once (kept in the browser's storage), folded under the form.
  const sender = senderFields("download");
  const senderFold = h(
    "details",
    { class: "panel fold sender-fold" },
    h("summary", {}, UI_TEXT.senderLegend),
    sender.element,
  );
  const formArea = h(
    "div",
    { class: "standalone" },
    h("div", { class: "results" }, result),
    h("div", { class: "inputs" }, view.formProblem, view.form, senderFold),
  );
  const rates = ratesPanel({
    store: browserRateStore(),
    changed: () => control.evaluate(true),
    status: (text) => shell.status(text),
  });
  const control = formController(shell, view, result, bar.download, rates);
  const guided = standaloneGuideMode(shell, {
    formArea: [bar.element, formArea],
    rates: () => rates.table(),
    read: () => view.read(),
    load: (values) => control.load(values, []),
    buildXlsx: options.buildXlsx,
    save: saveFile,
  });
  replace(
    shell.content,
    guided.switcher,
    bar.element,
    bar.linkBox,
    formArea,
    rates.element,
    guided.area,
  );
  const training = standaloneTraining(shell, {
    search: window.location.search,
    buildXlsx: options.buildXlsx,
    save: saveFile,
  });
  shell.content.insertBefore(training.element, formArea);

  const load = (input: ContractInput) => {
    shell.status("");
    control.load(contractToForm(input).values, unknownFieldProblems(input));
  };
  const loadFromAddress = () => {
    try {
      const linked = contractFromHash(window.location.hash);
      if (linked !== null) return load(linked);
    } catch (error) {
      if (!(error instanceof LinkError)) throw error;
      control.load({}, []);
      return shell.error(error.message);
    }
    const example = exampleFromSearch(window.location.search);
    if (example === null) return control.load({}, []);
    const input = options.examples[example];
    if (input !== undefined) return load(input);
    control.load({}, []);
    shell.error(UI_TEXT.unknownExample(example));
  };

  watchTyping([view], control);
  window.addEventListener("hashchange", loadFromAddress);
  bar.copy.addEventListener("click", async () => {
    let link: string;
    try {
      link = contractLink(window.location.href, formToContract(view.read()));
    } catch (error) {
      if (!(error instanceof EngineError)) throw error;
      control.reachAll();
      return control.evaluate(true); // shows the problem at its field
    }
    await offerLink(shell, bar.linkBox, link);
  });
  bar.download.addEventListener("click", () =>
    downloadSheet(shell, bar.download, control.current, options.buildXlsx, {
      letters: bar.letters.checked,
      sender: sender.sender(),
    }),
  );
  loadFromAddress();
}

/** Copies the link to the clipboard, or shows it selected where the clipboard is not allowed. */
async function offerLink(shell: Shell, linkBox: HTMLInputElement, link: string): Promise<void> {
  linkBox.value = link;
  linkBox.hidden = false;
  try {
    await navigator.clipboard.writeText(link);
    shell.status(UI_TEXT.linkCopied);
  } catch {
    linkBox.select();
    shell.status(UI_TEXT.linkShown);
  }
}

/**
 * Builds the calculation sheet of the shown calculation (and, `letters`, the letter sheets the case
 * calls for) and offers it as a file.
 */
async function downloadSheet(
  shell: Shell,
  download: HTMLButtonElement,
  current: () => Calculation | null,
  buildXlsx: StandaloneOptions["buildXlsx"],
  { letters, sender }: { letters: boolean; sender: Sender },
): Promise<void> {
  const calc = current();
  if (calc === null) return;
  download.disabled = true;
  shell.status(UI_TEXT.downloading);
  try {
    const plans = planCaseWorkbook(calc, { letters, sender, rateSheet: true });
    const plan = plans[0];
    const bytes = await buildXlsx(plans);
    const fileName = `${plan.name}.xlsx`;
    saveFile(bytes, fileName);
    shell.status(UI_TEXT.downloaded(fileName));
  } catch (error) {
    shell.status("");
    shell.error(UI_TEXT.downloadFailed(messageOf(error)));
  } finally {
    download.disabled = current() === null;
  }
}

/** Offers bytes as a download through a temporary Blob URL. */
function saveFile(bytes: Uint8Array, fileName: string): void {
  const url = URL.createObjectURL(new Blob([bytes.slice()], { type: XLSX_TYPE }));
  const anchor = h("a", { href: url, download: fileName, hidden: true });
  document.body.appendChild(anchor);
  anchor.click();
  anchor.remove();
  // Revoked later, not at once: some browsers read the Blob after click() has returned.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
