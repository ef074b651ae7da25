/**
 * The "Träning" panel (issue 12), the same in both hosts: the trainee picks a practice case ("Övning
 * 2.47" from level and number; in Excel also the selected row), sees its inputs, types the answers
 * (answerFields.ts, both dates), presses "Rätta", and sees each answer marked in words ("Rätt", "Fel",
 * not by colour alone; `aria-invalid` on a wrong answer, its mark and hint tied to the field by
 * `aria-describedby`), a wrong one with the hint naming the convention most likely missed
 * (src/training/answers.ts). "Visa lösning" opens the worked solution as the guided steps
 * (guideView.ts), on a copy: what is changed there does not change the exercise.
 *
 * The panel folds (a `<details>`), so it takes one line until it is wanted. Everything host-specific
 * (reading the selected row, how the solution's last step makes the sheet) arrives as parameters.
 */
import {
  Calculation,
  ContractField,
  ContractInput,
  Dec,
  EngineError,
  ReferenceRateTable,
  StatementLabel,
  calculate,
  formatIsoDate,
  formatNumber,
  parseContract,
} from "../../engine";
import { AnswerField, OUTCOME_ANSWERS, answerFieldsFor } from "../../training/answerFields";
import { AnswerMark, checkAnswers } from "../../training/answers";
import { TRAINING_TEXT } from "../../training/messages";
import {
  PRACTICE_LEVELS,
  PracticeCaseError,
  PracticeLevel,
  checkPracticeCase,
  practiceCase,
} from "../../training/practiceCase";
import { h, replace } from "../ui/dom";
import { FORM_GROUPS, contractToForm } from "../form/form";
import { formMessage } from "../ui/messages";
import { GuideLetters, mountGuideView } from "../guide/guideView";
import { TRAINING_PANE_TEXT as T } from "./trainingMessages";

/** A case to practise on: its name, the contract as read, and its calculation. */
export interface TrainingCase {
  name: string;
  input: ContractInput;
  calc: Calculation;
  /** Where it came from, shown under its name (a level's description, a row's address). */
  note: string;
}

export interface TrainingPanelOptions {
  /** How the solution's last step makes the calculation sheet (a download, a sheet written). */
  letters: GuideLetters;
  /** Excel: a button that reads the selected row as the case (null when it cannot be read). */
  readSelectedRow?: () => Promise<TrainingCase | null>;
  /** A case to open at once (a link `?ovning=2.47`). */
  start?: { level: PracticeLevel; number: number };
}

export interface TrainingPanel {
  element: HTMLDetailsElement;
  /** Shows a case with empty answers. */
  show(c: TrainingCase): void;
}

/** A practice case calculated, or the engine's message (a generated case always passes). */
function practiceTrainingCase(
  level: PracticeLevel,
  number: number,
  referenceRates?: ReferenceRateTable,
): TrainingCase {
  const practice = practiceCase(level, number);
  const calc = calculate(parseContract(practice.contract), { referenceRates });
  return {
    name: practice.name,
    input: practice.contract,
    calc,
    note: TRAINING_TEXT.levels[level],
  };
}

/** A contract field's value as the trainee reads it: `143 750 kr`, `5,95 %`, `2012-12-20`. */
function shownValue(kind: string, value: unknown): string {
  const text = String(value);
  if (typeof value !== "number" && !(typeof value === "string" && /^[\d.]+$/.test(value)))
    return text;
  const amount = new Dec(text);
  if (kind === "money") return `${formatNumber(amount)} kr`;
  if (kind === "percent") return `${formatNumber(amount.times(100))} %`;
  return formatNumber(amount);
}

/** The case's inputs, in the form's order, each with its Swedish label. */
function inputsList(input: ContractInput): HTMLElement {
  const known = new Set(Object.keys(contractToForm(input).values));
  const items = FORM_GROUPS.flatMap((group) => group.fields)
    .filter((f) => known.has(f.name) && f.name !== "caseId" && f.name !== "method")
    .flatMap((f) => [
      h("dt", {}, f.label),
      h("dd", {}, shownValue(f.kind, input[f.name as ContractField])),
    ]);
  return h("dl", { class: "training-inputs" }, ...items);
}

/** The answer controls: a text field per figure, a choice for the outcome. */
interface AnswerControl {
  field: AnswerField;
  input: HTMLInputElement | HTMLSelectElement;
  mark: HTMLElement;
  hint: HTMLElement;
  row: HTMLElement;
}

function answerControl(field: AnswerField): AnswerControl {
  const id = `training-${field.id.replace(/\./g, "-")}`;
  const input =
    field.key === "outcome"
      ? h(
          "select",
          { id },
          h("option", { value: "" }, T.chooseOutcome),
          ...Object.entries(OUTCOME_ANSWERS).map(([value, name]) => h("option", { value }, name)),
        )
      : h("input", {
          type: "text",
          id,
          inputmode: field.precision === "count" ? "numeric" : "decimal",
          autocomplete: "off",
          spellcheck: "false",
        });
  const mark = h("span", { class: "training-mark", id: `${id}-mark` });
  const hint = h("p", { class: "training-hint", id: `${id}-hint`, hidden: true });
  const row = h(
    "div",
    { class: "training-answer" },
    h("label", { for: id }, field.label),
    h("div", { class: "control" }, input, mark),
    hint,
  );
  return { field, input, mark, hint, row };
}

/** Shows a mark beside its field: the word, the hint, and what assistive technology reads. */
function showMark(control: AnswerControl, mark: AnswerMark | null): void {
  const { input, hint } = control;
  control.row.classList.remove("right", "wrong", "unanswered", "unreadable");
  if (mark === null) {
    replace(control.mark);
    replace(hint);
    hint.hidden = true;
    input.removeAttribute("aria-invalid");
    input.removeAttribute("aria-describedby");
    return;
  }
  control.row.classList.add(mark.status);
  const words: Record<AnswerMark["status"], string> = {
    right: T.right,
    wrong: T.wrong,
    unanswered: T.unanswered,
    unreadable: T.unreadable(mark.problem ?? ""),
  };
  const symbol = mark.status === "right" ? "✓ " : mark.status === "wrong" ? "✗ " : "";
  replace(control.mark, h("span", { "aria-hidden": "true" }, symbol), words[mark.status]);
  if (mark.hint !== null) {
    replace(
      hint,
      h("strong", {}, T.hint),
      " ",
      mark.hint.text,
      " ",
      h(
        "a",
        { class: "citation", href: mark.hint.href, target: "_blank", rel: "noopener" },
        mark.hint.citation,
      ),
    );
    hint.hidden = false;
  } else {
    replace(hint);
    hint.hidden = true;
  }
  if (mark.status === "right" || mark.status === "unanswered")
    input.removeAttribute("aria-invalid");
  else input.setAttribute("aria-invalid", "true");
  input.setAttribute(
    "aria-describedby",
    mark.hint === null ? control.mark.id : `${control.mark.id} ${hint.id}`,
  );
}

/** The answers grouped as the statement is: the whole case, then each date. */
function answerGroups(calc: Calculation, controls: AnswerControl[]): HTMLElement[] {
  const dates = new Map<StatementLabel, string>(
    calc.statements.map((s) => [s.label, formatIsoDate(s.date)]),
  );
  const group = (legend: string, members: AnswerControl[]) =>
    members.length === 0
      ? null
      : h(
          "fieldset",
          { class: "training-group" },
          h("legend", {}, legend),
          ...members.map((c) => c.row),
        );
  return [
    group(
      T.commonHeading,
      controls.filter((c) => c.field.date === null),
    ),
    ...[...dates.entries()].map(([label, date]) =>
      group(
        T.atDate(T.dateHeadings[label], date),
        controls.filter((c) => c.field.date === label),
      ),
    ),
  ].filter((g): g is HTMLFieldSetElement => g !== null);
}

/** Selects a select's option by value (through the attribute, before the user has chosen one). */
function choose(select: HTMLSelectElement, value: string): void {
  for (const option of [...select.options]) {
    if (option.value === value) option.setAttribute("selected", "");
    else option.removeAttribute("selected");
  }
}

/** The picker: level and number, and (Excel) the selected row. */
function picker(options: TrainingPanelOptions) {
  const level = h(
    "select",
    { id: "training-level" },
    ...PRACTICE_LEVELS.map((l) => h("option", { value: String(l), selected: l === 1 }, `${l}`)),
  );
  const levelText = h("p", { class: "hint", id: "training-level-text" });
  const number = h("input", {
    type: "text",
    id: "training-number",
    inputmode: "numeric",
    autocomplete: "off",
    value: "1",
    "aria-describedby": "training-number-hint",
  });
  const problem = h("p", { class: "field-problem", id: "training-number-problem", hidden: true });
  const pick = h("button", { type: "submit" }, T.pick);
  const useRow = options.readSelectedRow
    ? h("button", { type: "button", title: T.useRowHelp }, T.useRow)
    : null;
  const form = h(
    "form",
    { class: "training-picker", novalidate: true },
    h(
      "div",
      { class: "training-pick-fields" },
      h("div", {}, h("label", { for: "training-level" }, T.level), level),
      h(
        "div",
        {},
        h("label", { for: "training-number" }, T.number),
        number,
        h("p", { class: "hint", id: "training-number-hint" }, T.numberHint),
      ),
    ),
    levelText,
    problem,
    h("div", { class: "training-buttons" }, pick, useRow),
  );
  const describeLevel = () =>
    replace(levelText, TRAINING_TEXT.levels[Number(level.value) as PracticeLevel]);
  level.addEventListener("change", describeLevel);
  describeLevel();
  const showProblem = (message: string | null) => {
    replace(problem, message ?? "");
    problem.hidden = message === null;
    if (message === null) number.removeAttribute("aria-invalid");
    else number.setAttribute("aria-invalid", "true");
    number.setAttribute(
      "aria-describedby",
      message === null ? "training-number-hint" : "training-number-problem training-number-hint",
    );
  };
  return { form, level, number, pick, useRow, showProblem };
}

/** The answers form of a case: its controls, "Rätta" (marks and a score) and "Visa lösning". */
function answersForm(c: TrainingCase, solution: HTMLElement, options: TrainingPanelOptions) {
  const controls = answerFieldsFor(c.calc)
    .filter(
      (f) =>
        c.calc.contract.estimatedValue !== null || (f.key !== "surplus" && f.key !== "outcome"),
    )
    .map(answerControl);
  const score = h("p", { class: "training-score", role: "status", tabindex: "-1" });
  const check = h("button", { type: "submit", class: "primary" }, T.check);
  const solve = h("button", { type: "button", "aria-expanded": "false" }, T.showSolution);
  const form = h(
    "form",
    { class: "training-answers", novalidate: true, "aria-labelledby": "training-answers-heading" },
    h("h4", { id: "training-answers-heading" }, T.answers),
    ...answerGroups(c.calc, controls),
    h("div", { class: "training-buttons" }, check, solve),
    score,
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const typed = Object.fromEntries(controls.map((ctl) => [ctl.field.id, ctl.input.value]));
    const marks = checkAnswers(c.calc, typed);
    for (const ctl of controls) showMark(ctl, marks.find((m) => m.id === ctl.field.id) ?? null);
    const right = marks.filter((m) => m.status === "right").length;
    replace(score, right === marks.length ? T.allRight : T.score(right, marks.length));
    check.focus(); // focus stays on the pressed button; the score is announced (role=status)
  });
  solve.addEventListener("click", () => toggleSolution(c, solve, solution, options.letters));
  return form;
}

/** Opens the worked solution as the guided steps on a copy of the case, or closes it. */
function toggleSolution(
  c: TrainingCase,
  solve: HTMLButtonElement,
  solution: HTMLElement,
  letters: GuideLetters,
): void {
  const open = solution.hidden;
  solution.hidden = !open;
  solve.setAttribute("aria-expanded", String(open));
  replace(solve, open ? T.hideSolution : T.showSolution);
  if (!open) return replace(solution);
  const guideArea = h("div", { class: "training-guide" });
  replace(solution, guideArea);
  const guide = mountGuideView(guideArea, {
    values: contractToForm(c.input).values,
    referenceRates: c.calc.referenceRates,
    note: `${T.solutionHeading(c.name)}. ${T.solutionNote}`,
    letters,
    idPrefix: "training-guide-", // apart from the pane's own guided mode
  });
  guide.focusResult();
}

/** The case the picker names, or its problem shown at the number field. */
function pickedCase(pick: ReturnType<typeof picker>): TrainingCase | null {
  const level = Number(pick.level.value) as PracticeLevel;
  const text = pick.number.value.trim().replace(/[\s\u00a0]/g, "");
  const number = /^\d+$/.test(text) ? Number(text) : NaN;
  try {
    checkPracticeCase(level, Number.isNaN(number) ? pick.number.value : number);
    const c = practiceTrainingCase(level, number);
    pick.showProblem(null);
    return c;
  } catch (error) {
    if (error instanceof PracticeCaseError) pick.showProblem(error.message);
    else if (error instanceof EngineError) pick.showProblem(T.caseFailed(formMessage(error)));
    else throw error;
    return null;
  }
}

/** Excel: the button that reads the selected row as the case, disabled while it reads. */
function wireUseRow(
  useRow: HTMLButtonElement,
  read: () => Promise<TrainingCase | null>,
  show: (c: TrainingCase) => void,
): void {
  useRow.addEventListener("click", async () => {
    useRow.disabled = true;
    try {
      const c = await read();
      if (c !== null) show(c);
    } finally {
      useRow.disabled = false;
    }
  });
}

/** Opens the case a link names (`?ovning=2.47`), the picker set to it. */
function openStart(
  pick: ReturnType<typeof picker>,
  start: { level: PracticeLevel; number: number },
  show: (c: TrainingCase) => void,
): void {
  choose(pick.level, String(start.level));
  pick.level.dispatchEvent(new Event("change"));
  pick.number.value = String(start.number);
  try {
    show(practiceTrainingCase(start.level, start.number));
  } catch (error) {
    if (!(error instanceof PracticeCaseError)) throw error;
    pick.showProblem(error.message);
  }
}

/** Builds the panel; the host puts its element where it fits. */
export function trainingPanel(options: TrainingPanelOptions): TrainingPanel {
  const pick = picker(options);
  const caseArea = h("div", { class: "training-case" });
  const element = h(
    "details",
    { class: "panel training" },
    h("summary", {}, h("h2", { id: "training-heading" }, T.heading)),
    h("p", { class: "hint" }, T.intro),
    pick.form,
    caseArea,
  );
  const show = (c: TrainingCase) => {
    const solution = h("div", { class: "training-solution", hidden: true });
    const name = h("h3", { class: "training-name", tabindex: "-1" }, c.name);
    replace(
      caseArea,
      name,
      h("p", { class: "hint" }, c.note),
      h("h4", {}, T.inputs),
      inputsList(c.input),
      answersForm(c, solution, options),
      solution,
    );
    element.setAttribute("open", "");
    name.focus();
  };
  pick.form.addEventListener("submit", (event) => {
    event.preventDefault();
    const c = pickedCase(pick);
    if (c !== null) show(c);
  });
  if (pick.useRow && options.readSelectedRow)
    wireUseRow(pick.useRow, options.readSelectedRow, show);
  if (options.start) openStart(pick, options.start, show);
  return { element, show };
}
