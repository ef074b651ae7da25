/**
 * The Excel mode's exercises panel, as DOM without behaviour: a level, how many practice cases and
 * the first case's number, and two actions — insert the handout (an exercise sheet per case and the
 * facit) or put the cases as rows of a new Kontrakt table (for the guided steps and the answer
 * check). The pane wires the buttons (excelPane.ts); the tasks are in excelTasks.ts.
 */
import { PRACTICE_LEVELS } from "../../training/practiceCase";
import { TRAINING_TEXT } from "../../training/messages";
import { h } from "../ui/dom";
import { EXERCISES_UI_TEXT } from "../ui/messages";

/** The choice as typed: the task checks it (a bad count or number is named in the alert region). */
export interface ExerciseChoiceInput {
  level: string;
  count: string;
  first: string;
}

function field(id: string, label: string, control: HTMLElement, kind = ""): HTMLElement {
  return h("div", { class: `field${kind}` }, h("label", { for: id }, label), control);
}

/** The exercises panel: its element, its two buttons and the current choice. */
export function exercisesPanel() {
  const level = h(
    "select",
    { id: "exercise-level" },
    ...PRACTICE_LEVELS.map((n) => h("option", { value: String(n) }, TRAINING_TEXT.levels[n])),
  );
  const number = (id: string, value: string) =>
    h("input", { type: "text", id, value, inputmode: "numeric", autocomplete: "off" });
  const count = number("exercise-count", "20");
  const first = number("exercise-first", "1");
  const insertSheets = h(
    "button",
    { type: "button", title: EXERCISES_UI_TEXT.insertSheetsHelp },
    EXERCISES_UI_TEXT.insertSheets,
  );
  const insertRows = h(
    "button",
    { type: "button", title: EXERCISES_UI_TEXT.insertRowsHelp },
    EXERCISES_UI_TEXT.insertRows,
  );
  const element = h(
    "section",
    { class: "panel", "aria-labelledby": "exercises-heading" },
    h("h2", { id: "exercises-heading" }, EXERCISES_UI_TEXT.heading),
    h("p", { class: "hint" }, EXERCISES_UI_TEXT.intro),
    field("exercise-level", EXERCISES_UI_TEXT.level, level),
    field("exercise-count", EXERCISES_UI_TEXT.count, count, " field-integer"),
    field("exercise-first", EXERCISES_UI_TEXT.first, first, " field-integer"),
    ...[insertSheets, insertRows].map((b) =>
      h("div", { class: "action" }, b, h("p", { class: "hint" }, b.title)),
    ),
  );
  const choice = (): ExerciseChoiceInput => ({
    level: (level as HTMLSelectElement).value,
    count: (count as HTMLInputElement).value,
    first: (first as HTMLInputElement).value,
  });
  return { element, insertSheets, insertRows, choice };
}
