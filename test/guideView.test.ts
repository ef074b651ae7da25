/**
 * The guided view (src/taskpane/guide/guideView.ts) on linkedom's DOM: an empty contract entered step by
 * step (a step's problems shown at its fields only once the user asks to go on, focus to the first
 * such field), a step with no result naming the step to fix first, and the step list's states.
 * Focus is recorded from focus() calls (linkedom keeps no focus of its own).
 */
import { mountGuideView } from "../src/taskpane/guide/guideView";
import example1 from "../examples/worked-example-1.json";
import { contractToForm } from "../src/taskpane/form/form";
import { usePaneDom } from "./testkit/paneDom";
import { plain } from "./testkit/text";

const dom = usePaneDom({ forms: true });

const primary = () => dom.root.querySelector(".guide-actions button.primary") as HTMLButtonElement;
const heading = () => plain(dom.root.querySelector(".guide-step-heading")?.textContent);
const problemOf = (field: string) =>
  dom.root.querySelector(`#guide-${field}-problem`) as HTMLElement;
const lettersNeverRun = { label: "Ladda ner .xlsx med brev", run: async () => undefined };

function type(field: string, value: string) {
  const input = dom.root.querySelector(`#guide-${field}`) as HTMLInputElement;
  input.value = value;
  input.dispatchEvent(new (dom.window.Event as typeof Event)("focusout", { bubbles: true }));
}

describe("guided view", () => {
  it("an empty contract: no problem shown until 'Nästa'; then each at its field, focus on the first", () => {
    mountGuideView(dom.root, { values: {}, letters: lettersNeverRun });
    expect(heading()).toBe("Steg 1 av 7: Granska ansökan");
    expect(problemOf("caseId").hidden).toBe(true);
    expect(plain(dom.root.querySelector(".guide-result")?.textContent)).toBe(
      "Fyll i uppgifterna nedan; resultatet visas när de är kompletta och giltiga.",
    );

    primary().click();
    expect(heading()).toBe("Steg 1 av 7: Granska ansökan"); // stays
    expect(problemOf("caseId").hidden).toBe(false);
    expect(plain(problemOf("caseId").textContent)).toBe("Ärende saknas (obligatoriskt fält)");
    expect(plain(problemOf("applicationDate").textContent)).toBe(
      "Ansökningsdag saknas (obligatoriskt fält)",
    );
    expect(dom.root.querySelector("#guide-caseId")?.getAttribute("aria-invalid")).toBe("true");
    expect(dom.focused[dom.focused.length - 1]).toBe(dom.root.querySelector("#guide-caseId"));
    // A later step's field is not blamed yet.
    expect(problemOf("repossessionDate").hidden).toBe(true);

    type("caseId", "Mål 7");
    type("applicationDate", "2012-09-04");
    type("installmentsPaid", "31");
    expect(problemOf("caseId").hidden).toBe(true);
    primary().click();
    expect(heading()).toBe("Steg 2 av 7: Dag för återtagning");
    expect(dom.focused[dom.focused.length - 1]).toBe(dom.root.querySelector(".guide-result"));
  });

  it("a step without a result names the step to fix first, with a way there", () => {
    const { values } = contractToForm({ ...example1, installmentsPaid: 99 });
    const view = mountGuideView(dom.root, { values, letters: lettersNeverRun });
    expect(plain(problemOf("installmentsPaid").textContent)).toBe(
      "Betalda avbetalningar (99) är större än Antal avbetalningar (72)",
    );
    // The step list: step 1 has problems, the later ones wait for it.
    const states = [...dom.root.querySelectorAll(".guide-steps li")].map((li) =>
      li.getAttribute("data-state"),
    );
    expect(states).toEqual(["problems", ...Array(6).fill("waiting")]);
    expect(view.model().calc).toBeNull();

    type("installmentsPaid", "31");
    expect(view.model().calc).not.toBeNull();
    primary().click();
    primary().click();
    expect(heading()).toBe("Steg 3 av 7: Reduceringsbelopp");
    type("annualRate", "50"); // the instalment no longer fits the credit at this rate
    expect(dom.root.querySelector(".guide-result")?.getAttribute("data-state")).toBe("problems");
    const back = [...dom.root.querySelectorAll(".guide-steps button")][0] as HTMLButtonElement;
    back.click();
    expect(heading()).toBe("Steg 1 av 7: Granska ansökan");
    expect(plain(dom.root.querySelector(".guide-result")?.textContent)).toContain(
      "Resultatet visas när uppgifterna i steg 3 (Reduceringsbelopp) är ifyllda och giltiga.",
    );
  });
});
