/**
 * The standalone mode's contract form as DOM: one labelled input per field (the method a select), each
 * with its unit, its hint, and a place for its problem right under the input. A field with a problem
 * is `aria-invalid` and its `aria-describedby` names the problem first, then the hint, so a screen
 * reader says what is wrong when the field is reached. A box above the fields holds problems of the
 * contract as a whole (a refused link). Behaviour (when to check) is the pane's (standalonePane.ts).
 */
import type { ContractField } from "../../engine";
import { Child, h, replace } from "../ui/dom";
import { FORM_GROUPS, FormField, FormGroup, FormValues, METHOD_CHOICES, unitOf } from "./form";
import { UI_TEXT } from "../ui/messages";

type Input = HTMLInputElement | HTMLSelectElement;

/** A field's controls: its input, the place for its problem, and the id of its hint (if any). */
interface FieldParts {
  input: Input;
  problem: HTMLElement;
  hintId: string | undefined;
}

export interface ContractFormView {
  form: HTMLFormElement;
  /** Problems of the contract as a whole, shown above the fields. */
  formProblem: HTMLElement;
  read(): FormValues;
  fill(values: FormValues): void;
  /** Shows each problem under its field and clears every other field's. */
  showProblems(problems: ReadonlyMap<ContractField, string>): void;
  /** The field an event's target is the input of, or null. */
  fieldOf(target: EventTarget | null): ContractField | null;
  focus(field: ContractField): void;
  isSelect(field: ContractField): boolean;
}

const inputId = (name: string) => `field-${name}`;

/** One labelled input (or the method select) with its unit, the place for its problem and its hint. */
function fieldControl(f: FormField, idPrefix: string): FieldParts & { element: HTMLElement } {
  const id = `${idPrefix}${f.name}`;
  const hintId = f.hint ? `${id}-hint` : undefined;
  let input: Input;
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
  const problem = h("p", { class: "field-problem", id: `${id}-problem`, hidden: true });
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
    problem,
    f.hint ? h("p", { class: "hint", id: hintId }, f.hint) : null,
  );
  return { element, input, problem, hintId };
}

/** Shows `message` as the field's problem, or clears it (null). */
function showFieldProblem({ input, problem, hintId }: FieldParts, message: string | null): void {
  replace(problem, message ?? "");
  problem.hidden = message === null;
  const describedBy = [message === null ? null : problem.id, hintId].filter(Boolean).join(" ");
  if (describedBy) input.setAttribute("aria-describedby", describedBy);
  else input.removeAttribute("aria-describedby");
  if (message === null) input.removeAttribute("aria-invalid");
  else input.setAttribute("aria-invalid", "true");
}

/** Which fields a form shows and how its ids start (another form on the page needs its own). */
export interface ContractFormOptions {
  /** The fieldsets and their fields; every contract field by default. */
  groups?: readonly FormGroup[];
  /** Prefix of each input's id; `field-` by default ({@link inputId}). */
  idPrefix?: string;
  /** The form's accessible name; "Kontrakt" by default. */
  label?: string;
}

/** Builds the form, every field empty. */
export function contractFormView(options: ContractFormOptions = {}): ContractFormView {
  const { groups = FORM_GROUPS, idPrefix = inputId(""), label = UI_TEXT.contractForm } = options;
  const fields = new Map<ContractField, FieldParts>();
  const form = h("form", {
    class: "contract",
    "aria-label": label,
    novalidate: true,
  });
  for (const group of groups) {
    const fieldset = h("fieldset", {}, h("legend", {}, group.title));
    for (const f of group.fields) {
      const { element, ...parts } = fieldControl(f, idPrefix);
      fields.set(f.name, parts);
      fieldset.appendChild(element);
    }
    form.appendChild(fieldset);
  }
  form.addEventListener("submit", (event) => event.preventDefault());
  const formProblem = h("div", {
    class: "form-problem",
    id: idPrefix === inputId("") ? "form-problem" : `${idPrefix}form-problem`,
    hidden: true,
  });

  const fill = (values: FormValues) => {
    for (const [name, { input }] of fields) {
      const value = values[name] ?? "";
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
  return {
    form,
    formProblem,
    read: () => {
      const values: FormValues = {};
      for (const [name, { input }] of fields) values[name] = input.value;
      return values;
    },
    fill,
    showProblems: (problems) => {
      for (const [name, parts] of fields) showFieldProblem(parts, problems.get(name) ?? null);
    },
    fieldOf: (target) => {
      for (const [name, { input }] of fields) if (input === target) return name;
      return null;
    },
    focus: (field) => fields.get(field)?.input.focus(),
    isSelect: (field) => fields.get(field)?.input instanceof HTMLSelectElement,
  };
}

/** Shows (or, with no children, hides) the box for problems of the contract as a whole. */
export function showFormProblem(view: ContractFormView, ...children: Child[]): void {
  replace(view.formProblem, ...children);
  view.formProblem.hidden = children.length === 0;
  if (children.length === 0) view.form.removeAttribute("aria-describedby");
  else view.form.setAttribute("aria-describedby", view.formProblem.id);
}

/** How long typing must pause before the field is checked, in milliseconds. */
const SETTLE_MS = 700;

/** What {@link watchTyping} tells its owner: a field is being typed, or a field is to be checked. */
export interface TypingControl {
  editing(): void;
  reach(field: ContractField): void;
}

/**
 * Checks a field when the user leaves it (after typing in it, or when it is filled) or pauses typing
 * for {@link SETTLE_MS}; a select (the method) at once. One pause timer serves all `forms`.
 */
export function watchTyping(
  forms: readonly (ContractFormView | null)[],
  control: TypingControl,
): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const typed = new Set<ContractField>();
  const settle = (field: ContractField) => {
    clearTimeout(timer);
    timer = undefined;
    control.reach(field);
  };
  for (const view of forms) {
    if (view === null) continue;
    view.form.addEventListener("input", (event) => {
      const field = view.fieldOf(event.target);
      if (field === null || view.isSelect(field)) return;
      typed.add(field);
      control.editing();
      clearTimeout(timer);
      timer = setTimeout(() => settle(field), SETTLE_MS);
    });
    view.form.addEventListener("change", (event) => {
      const field = view.fieldOf(event.target);
      if (field !== null && view.isSelect(field)) settle(field);
    });
    view.form.addEventListener("focusout", (event) => {
      const field = view.fieldOf(event.target);
      const input = event.target as HTMLInputElement;
      if (field !== null && (typed.has(field) || input.value.trim() !== "")) settle(field);
    });
  }
}
