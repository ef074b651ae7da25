/**
 * The "Träning" panel on linkedom's DOM (src/taskpane/training/trainingPanel.ts, excelMode/trainingExcel.ts, standaloneMode/trainingStandalone.ts): a practice
 * case picked by level and number shows its inputs and one field per answer; "Rätta" marks each answer
 * in words with aria-invalid and the hint tied to the field; a bad number is refused at its field; the
 * Excel host reads the selected row through the pane's runner. "Visa lösning" (the guided steps) is
 * tested in Chromium (test/trainingPane.browser.test.ts): linkedom's select cannot be filled.
 */
import { parseHTML } from "linkedom";
import { ContractInput, calculate, parseContract } from "../src/engine";
import { answerFieldsFor } from "../src/training/answerFields";
import { practiceCase } from "../src/training/practiceCase";
import type { ActiveRow, ExcelActions } from "../src/taskpane/excelMode/actions";
import { excelTraining } from "../src/taskpane/excelMode/trainingExcel";
import { practiceCaseFromSearch } from "../src/taskpane/standaloneMode/trainingStandalone";
import { trainingPanel } from "../src/taskpane/training/trainingPanel";
import example1 from "../examples/worked-example-1.json";

let document: Document;

beforeEach(() => {
  ({ document } = parseHTML('<!doctype html><html lang="sv"><body><main></main></body></html>'));
  (globalThis as { document?: Document }).document = document;
  // linkedom's own Event, and the classes the guided view (the solution) tells fields apart by.
  const view = document.defaultView as unknown as Record<string, unknown>;
  for (const name of ["Event", "HTMLSelectElement", "HTMLInputElement", "HTMLElement"])
    (globalThis as Record<string, unknown>)[name] = view[name];
});

afterEach(() => {
  delete (globalThis as { document?: Document }).document;
  for (const name of ["HTMLSelectElement", "HTMLInputElement", "HTMLElement"])
    delete (globalThis as Record<string, unknown>)[name];
});

const noLetters = { label: "Ladda ner", run: async () => undefined };

function mounted(panel: { element: HTMLElement }) {
  document.querySelector("main")!.appendChild(panel.element);
  return panel.element;
}

const submit = (form: Element) => form.dispatchEvent(new Event("submit", { cancelable: true }));
const field = (root: Element, id: string) =>
  root.querySelector(`#training-${id.replace(/\./g, "-")}`) as HTMLInputElement;
const markText = (root: Element, id: string) =>
  (root.querySelector(`#training-${id.replace(/\./g, "-")}-mark`)?.textContent ?? "").trim();

describe("the panel with a practice case", () => {
  test("picking level 1, number 47 shows 'Övning 1.47', its inputs and an empty field per answer", () => {
    const root = mounted(trainingPanel({ letters: noLetters }));
    const level = root.querySelector("#training-level") as HTMLSelectElement;
    expect(level.value).toBe("1"); // level 1 is chosen to begin with
    field(root, "number").value = "47";
    submit(root.querySelector(".training-picker")!);
    expect(root.querySelector(".training-name")?.textContent).toBe("Övning 1.47");
    expect(root.hasAttribute("open")).toBe(true);
    const practice = practiceCase(1, 47);
    const inputs = root.querySelector(".training-inputs")!.textContent ?? "";
    expect(inputs).toContain("Kreditbelopp");
    expect(inputs).toContain(practice.contract.repossessionDate);
    const calc = calculate(parseContract(practice.contract));
    for (const f of answerFieldsFor(calc)) expect(field(root, f.id)).not.toBeNull();
    expect(root.querySelectorAll(".training-answer")).toHaveLength(answerFieldsFor(calc).length);
  });

  test("a number that is no case is refused at its field, naming the value", () => {
    const root = mounted(trainingPanel({ letters: noLetters }));
    field(root, "number").value = "0";
    submit(root.querySelector(".training-picker")!);
    const problem = root.querySelector("#training-number-problem")!;
    expect(problem.hasAttribute("hidden")).toBe(false);
    expect(problem.textContent).toContain("(0)");
    expect(field(root, "number").getAttribute("aria-invalid")).toBe("true");
    expect(root.querySelector(".training-name")).toBeNull();
  });

  test("'Rätta' marks right and wrong in words, with aria and the hint at the field", () => {
    const panel = trainingPanel({ letters: noLetters });
    const root = mounted(panel);
    // Worked example 1 as the case: t = 32 at the repossession date, 33 counts the next due date
    // as not passed (conventions §4).
    panel.show({
      name: "Övning 1",
      input: example1 as ContractInput,
      calc: calculate(parseContract(example1)),
      note: "",
    });
    field(root, "repossession.t").value = "33";
    field(root, "repossession.reduction").value = "4 785";
    field(root, "unpaidCreditClaim").value = "79 048 kr";
    field(root, "notice.amountInclInterest").value = "77.449,00";
    submit(root.querySelector(".training-answers")!);
    expect(markText(root, "repossession.reduction")).toBe("✓ Rätt");
    expect(markText(root, "unpaidCreditClaim")).toBe("✓ Rätt");
    expect(markText(root, "repossession.t")).toBe("✗ Fel");
    expect(markText(root, "notice.t")).toBe("Inte besvarad");
    expect(markText(root, "notice.amountInclInterest")).toMatch(/^Kan inte läsas: punkten/);
    const t = field(root, "repossession.t");
    expect(t.getAttribute("aria-invalid")).toBe("true");
    expect(t.getAttribute("aria-describedby")).toBe(
      "training-repossession-t-mark training-repossession-t-hint",
    );
    const hint = root.querySelector("#training-repossession-t-hint")!;
    expect(hint.textContent).toContain("nästa förfallodag som inte passerad");
    expect(hint.textContent).toContain("Se konventionerna, avsnitt 4.");
    expect(hint.querySelector("a.citation")?.getAttribute("href")).toBe(
      "conventions.html#avsnitt-4",
    );
    expect(field(root, "repossession.reduction").hasAttribute("aria-invalid")).toBe(false);
    expect(root.querySelector(".training-score")?.textContent).toBe("2 av 11 rätt.");
  });
});

describe("hosts", () => {
  test("?ovning=2.47 (or Övning 2.47) names a practice case; other links none", () => {
    expect(practiceCaseFromSearch("?ovning=2.47")).toEqual({ level: 2, number: 47 });
    expect(practiceCaseFromSearch("?ovning=%C3%96vning%203.5")).toEqual({ level: 3, number: 5 });
    expect(practiceCaseFromSearch("?example=1")).toBeUndefined();
    expect(practiceCaseFromSearch("?ovning=9.1")).toBeUndefined();
  });

  test("Excel: 'Använd markerad rad' reads the row through the pane's runner and shows it", async () => {
    const row: ActiveRow = {
      ok: true,
      contract: parseContract(example1),
      input: example1 as ContractInput,
      ignoredHeaders: [],
      sheet: "Kontrakt",
      address: "Kontrakt!A2:Y2",
    };
    const statuses: string[] = [];
    const excel = {
      readActiveContractRow: async () => row,
      readWorkbookReferenceRates: async () => null,
    } as unknown as ExcelActions;
    const root = mounted(
      excelTraining(excel, async (busy, action) => {
        statuses.push(busy);
        const outcome = await action();
        statuses.push(outcome.ok ? outcome.value : "refused");
      }),
    );
    const useRow = [...root.querySelectorAll("button")].find((b) =>
      b.textContent?.includes("Använd markerad rad"),
    )!;
    useRow.dispatchEvent(new Event("click"));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(statuses[0]).toBe("Läser raden …");
    expect(statuses[1]).toBe("Övar på Övning 1 från Kontrakt!A2:Y2.");
    expect(root.querySelector(".training-name")?.textContent).toBe("Övning 1");
  });
});
