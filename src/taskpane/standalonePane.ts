/**
 * The standalone mode (a plain browser, no Excel): the contract form, the calculation recomputed on
 * every input, a shareable `#contract=` link and the calculation sheet as an .xlsx download.
 *
 * Start values, in order of precedence: a `#contract=` link, `?example=1|2`, else an empty form (no
 * error is shown until something is typed). A later change of the fragment (a pasted link) reloads
 * the form.
 */
import { Calculation, ContractInput, EngineError } from "../engine";
import { planSheet } from "../sheet/plan";
import type { SheetPlan } from "../sheet/types";
import { h, replace } from "./dom";
import {
  FORM_GROUPS,
  FormField,
  FormValues,
  METHOD_CHOICES,
  calculateForm,
  contractToForm,
  formToContract,
  unitOf,
  unknownFieldProblems,
} from "./form";
import { LinkError, contractFromHash, contractLink, exampleFromSearch } from "./link";
import { UI_TEXT } from "./messages";
import { Shell, messageOf } from "./shell";
import { calculationView } from "./statementView";

export interface StandaloneOptions {
  /** The worked examples by number, for `?example=`. */
  examples: Readonly<Record<string, ContractInput>>;
  /** The .xlsx bytes for sheet plans (src/export/xlsx.ts, loaded on first use). */
  buildXlsx(plans: SheetPlan[]): Promise<Uint8Array>;
}

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const inputId = (name: string) => `field-${name}`;

/** One labelled input (or the method select) with its unit and hint. */
function fieldControl(f: FormField): {
  element: HTMLElement;
  input: HTMLInputElement | HTMLSelectElement;
} {
  const id = inputId(f.name);
  const hintId = f.hint ? `${id}-hint` : undefined;
  let input: HTMLInputElement | HTMLSelectElement;
  if (f.kind === "method") {
    input = h(
      "select",
      { id, name: f.name },
      ...METHOD_CHOICES.map(([value, text]) => h("option", { value }, text)),
    );
  } else {
    const numeric = f.kind === "money" || f.kind === "percent";
    input = h("input", {
      id,
      name: f.name,
      type: "text",
      autocomplete: "off",
      spellcheck: f.kind === "text" ? undefined : "false",
      inputmode: numeric ? "decimal" : f.kind === "integer" ? "numeric" : undefined,
      placeholder: f.kind === "date" ? "ÅÅÅÅ-MM-DD" : undefined,
    });
  }
  if (hintId) input.setAttribute("aria-describedby", hintId);
  const unit = unitOf(f.kind);
  const element = h(
    "div",
    { class: `field field-${f.kind}` },
    h("label", { for: id }, f.label),
    h(
      "div",
      { class: "control" },
      input,
      unit ? h("span", { class: "unit", "aria-hidden": "true" }, unit) : null,
    ),
    f.hint ? h("p", { class: "hint", id: hintId }, f.hint) : null,
  );
  return { element, input };
}

/** Mounts the standalone mode into the shell, starting from the page's address. */
export function mountStandalonePane(shell: Shell, options: StandaloneOptions): void {
  const inputs = new Map<string, HTMLInputElement | HTMLSelectElement>();
  const form = h("form", {
    class: "contract",
    "aria-label": UI_TEXT.contractForm,
    novalidate: true,
  });
  for (const group of FORM_GROUPS) {
    const fieldset = h("fieldset", {}, h("legend", {}, group.title));
    for (const f of group.fields) {
      const { element, input } = fieldControl(f);
      inputs.set(f.name, input);
      fieldset.appendChild(element);
    }
    form.appendChild(fieldset);
  }
  form.addEventListener("submit", (event) => event.preventDefault());

  const download = h(
    "button",
    { type: "button", class: "primary", disabled: true },
    UI_TEXT.download,
  );
  const copy = h("button", { type: "button" }, UI_TEXT.copyLink);
  const linkBox = h("input", {
    type: "text",
    class: "link",
    readonly: true,
    "aria-label": UI_TEXT.linkLabel,
    hidden: true,
  });
  const examples = h(
    "nav",
    { class: "examples", "aria-label": UI_TEXT.examples },
    UI_TEXT.examples,
    ...Object.keys(options.examples).flatMap((n) => [
      " ",
      h("a", { href: `?example=${encodeURIComponent(n)}` }, UI_TEXT.example(n)),
    ]),
  );
  const result = h("div", { class: "result-area" });
  replace(
    shell.content,
    h("div", { class: "toolbar" }, download, copy, examples),
    linkBox,
    h(
      "div",
      { class: "standalone" },
      h("div", { class: "results" }, result),
      h("div", { class: "inputs" }, form),
    ),
  );

  let current: Calculation | null = null;

  const readForm = (): FormValues => {
    const values: FormValues = {};
    for (const [name, input] of inputs) values[name as keyof FormValues] = input.value;
    return values;
  };

  const fillForm = (values: FormValues) => {
    for (const [name, input] of inputs) {
      const value = values[name as keyof FormValues] ?? "";
      if (input instanceof HTMLSelectElement) {
        const wanted = value === "" ? "auto" : value;
        // A method the select does not offer is kept as written, so the engine names it in its error.
        if (![...input.options].some((o) => o.value === wanted))
          input.appendChild(h("option", { value: wanted }, wanted));
        input.value = wanted;
      } else {
        input.value = value;
      }
    }
  };

  const markInvalid = (field: string | null) => {
    for (const [name, input] of inputs) {
      if (name === field) input.setAttribute("aria-invalid", "true");
      else input.removeAttribute("aria-invalid");
    }
  };

  /** The values last calculated: an event that changed nothing (a `change` after `input`) redraws nothing. */
  let shown: string | null = null;

  const recompute = (force = false) => {
    const values = readForm();
    const key = JSON.stringify(values);
    if (!force && key === shown) return;
    shown = key;
    current = null;
    download.disabled = true;
    const empty = Object.entries(values).every(
      ([name, v]) => name === "method" || (v ?? "").trim() === "",
    );
    if (empty) {
      markInvalid(null);
      shell.clearError();
      replace(result, h("p", { class: "placeholder" }, UI_TEXT.noResult));
      return;
    }
    let outcome: ReturnType<typeof calculateForm>;
    try {
      outcome = calculateForm(values);
    } catch (error) {
      markInvalid(null);
      shell.error(UI_TEXT.internalError(messageOf(error)));
      replace(result, h("p", { class: "placeholder" }, UI_TEXT.noResult));
      return;
    }
    if (!outcome.ok) {
      markInvalid(outcome.field);
      const input = outcome.field === null ? undefined : inputs.get(outcome.field);
      const goTo = input
        ? h("button", { type: "button", class: "link-button" }, UI_TEXT.goToField)
        : null;
      goTo?.addEventListener("click", () => input?.focus());
      shell.error(h("p", {}, outcome.message, goTo ? " " : null, goTo));
      replace(result, h("p", { class: "placeholder" }, UI_TEXT.noResult));
      return;
    }
    markInvalid(null);
    shell.clearError();
    current = outcome.calc;
    download.disabled = false;
    replace(result, calculationView(outcome.calc));
  };

  const load = (input: ContractInput) => {
    const { values } = contractToForm(input);
    fillForm(values);
    recompute(true);
    // A misspelt field is refused as the command line refuses it, with the nearest field suggested.
    const unknown = unknownFieldProblems(input);
    if (unknown.length > 0) shell.error(unknown.map((problem) => problem.message).join(" "));
  };

  /** Loads the page's start values; false when the address names nothing to load. */
  const loadFromAddress = (): boolean => {
    try {
      const linked = contractFromHash(window.location.hash);
      if (linked !== null) {
        load(linked);
        return true;
      }
    } catch (error) {
      if (!(error instanceof LinkError)) throw error;
      fillForm({});
      recompute(true);
      shell.error(error.message);
      return true;
    }
    const example = exampleFromSearch(window.location.search);
    if (example === null) return false;
    const input = options.examples[example];
    if (input === undefined) {
      fillForm({});
      recompute(true);
      shell.error(UI_TEXT.unknownExample(example));
      return true;
    }
    load(input);
    return true;
  };

  form.addEventListener("input", () => recompute());
  form.addEventListener("change", () => recompute());
  window.addEventListener("hashchange", () => {
    loadFromAddress();
  });

  copy.addEventListener("click", async () => {
    let link: string;
    try {
      link = contractLink(window.location.href, formToContract(readForm()));
    } catch (error) {
      if (!(error instanceof EngineError)) throw error;
      recompute(true); // shows the problem in the alert region
      return;
    }
    linkBox.value = link;
    linkBox.hidden = false;
    try {
      await navigator.clipboard.writeText(link);
      shell.status(UI_TEXT.linkCopied);
    } catch {
      linkBox.select();
      shell.status(UI_TEXT.linkShown);
    }
  });

  download.addEventListener("click", async () => {
    const calc = current;
    if (calc === null) return;
    download.disabled = true;
    shell.status(UI_TEXT.downloading);
    try {
      const plan = planSheet(calc);
      const bytes = await options.buildXlsx([plan]);
      const fileName = `${plan.name}.xlsx`;
      saveFile(bytes, fileName);
      shell.status(UI_TEXT.downloaded(fileName));
    } catch (error) {
      shell.status("");
      shell.error(UI_TEXT.downloadFailed(messageOf(error)));
    } finally {
      download.disabled = current === null;
    }
  });

  if (!loadFromAddress()) {
    fillForm({});
    recompute(true);
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
