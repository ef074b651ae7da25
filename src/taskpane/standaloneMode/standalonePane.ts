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
import { Calculation, ContractInput, EngineError } from "../../engine";
import { planCaseWorkbook } from "../../sheet/caseWorkbook";
import type { Sender } from "../../sheet/letters";
import { senderFields } from "../form/senderFields";
import type { SheetPlan } from "../../sheet/types";
import { contractFormView, watchTyping } from "../form/contractForm";
import { formController } from "../form/formController";
import { h, replace } from "../ui/dom";
import { contractToForm, formToContract } from "../form/form";
import { standaloneGuideMode } from "./guideStandalone";
import { LinkError, contractFromHash, contractLink, exampleFromSearch } from "./link";
import { UI_TEXT } from "../ui/messages";
import { Shell, messageOf } from "../ui/shell";
import { standaloneTraining } from "./trainingStandalone";
import { browserRateStore, ratesPanel } from "./ratesPanel";
import { unknownFieldProblems } from "../form/validation";

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
