/**
 * The Excel mode of the task pane with fake workbook functions (the pane receives them as parameters,
 * so no Office is needed), on linkedom's DOM: the three buttons, the feedback while a sheet is written,
 * a row's problems with their cell addresses, and Excel's and the engine's errors in the alert region.
 */
import { parseHTML } from "linkedom";
import { ContractInput, parseContract } from "../src/engine";
import type { SheetPlan } from "../src/sheet/types";
import { ActiveRow, ExcelActions, mountExcelPane } from "../src/taskpane/excelPane";
import { WORKED_EXAMPLE_ROWS } from "../src/taskpane/examples";
import { createShell } from "../src/taskpane/shell";
import example1 from "../examples/worked-example-1.json";

/** A promise with its resolve and reject exposed, to hold a fake Excel call mid-way. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const okRow = (input: ContractInput): ActiveRow => ({
  ok: true,
  contract: parseContract(input),
  input,
  ignoredHeaders: [{ header: "Anteckning", address: "AC1" }],
  sheet: "Kontrakt",
  address: "Kontrakt!A2:AB2",
});

let document: Document;
let root: HTMLElement;

beforeEach(() => {
  ({ document } = parseHTML(
    '<!doctype html><html lang="sv"><body><main id="app"></main></body></html>',
  ));
  (globalThis as { document?: Document }).document = document;
  root = document.getElementById("app") as HTMLElement;
});

afterEach(() => {
  delete (globalThis as { document?: Document }).document;
});

function mount(excel: Partial<ExcelActions>) {
  const fail = () => Promise.reject(new Error("not expected in this test"));
  mountExcelPane(
    createShell(root, "excel"),
    {
      readActiveContractRow: fail,
      writeSheetPlan: fail,
      insertTrainingWorkbook: fail,
      ...excel,
    },
    WORKED_EXAMPLE_ROWS,
  );
  const button = (text: string) => {
    const found = [...root.querySelectorAll("button")].find((b) => b.textContent === text);
    if (!found) throw new Error(`no button ${text}`);
    return found as HTMLButtonElement;
  };
  const text = (selector: string) =>
    (root.querySelector(selector)?.textContent ?? "").replace(/[\u00a0\u202f]/g, " ");
  return { button, text };
}

/** Lets pending promise callbacks run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("Excel mode", () => {
  it("offers the three actions, in Swedish", () => {
    mount({});
    expect([...root.querySelectorAll("button")].map((b) => b.textContent)).toEqual([
      "Infoga övningsarbetsbok",
      "Förhandsgranska markerad rad",
      "Skapa beräkningsblad",
    ]);
    expect(root.getAttribute("data-mode")).toBe("excel");
    expect(root.querySelectorAll('[role="alert"]').length).toBe(1);
  });

  it("creates a sheet: buttons disabled and 'Skriver bladet …' while writing, then the sheet's name", async () => {
    const writing = deferred<{ sheetName: string }>();
    const plans: SheetPlan[] = [];
    const { button, text } = mount({
      readActiveContractRow: async () => okRow(example1),
      writeSheetPlan: (plan) => {
        plans.push(plan);
        return writing.promise;
      },
    });
    button("Skapa beräkningsblad").click();
    expect(button("Skapa beräkningsblad").disabled).toBe(true);
    expect(button("Infoga övningsarbetsbok").disabled).toBe(true);
    expect(text('[role="status"]')).toBe("Skriver bladet …");
    await settle();
    expect(plans.map((p) => p.name)).toEqual(["Övning 1"]);
    expect(button("Skapa beräkningsblad").disabled).toBe(true);

    writing.resolve({ sheetName: "Övning 1 (2)" });
    await settle();
    expect(text('[role="status"]')).toBe("Bladet «Övning 1 (2)» skapat");
    expect(button("Skapa beräkningsblad").disabled).toBe(false);
    expect(text('[role="alert"]')).toBe("");
    expect(text(".result")).toContain("77 551 kr"); // the calculation is shown as well
  });

  it("previews the active row: the statement for both dates and the ignored columns", async () => {
    const { button, text } = mount({ readActiveContractRow: async () => okRow(example1) });
    button("Förhandsgranska markerad rad").click();
    await settle();
    const result = text(".result-area");
    for (const figure of ["4 785", "77 449 kr", "77 551 kr", "Underrättelse", "Återtagning"])
      expect(result).toContain(figure);
    expect(result).toContain("Anteckning (AC1)");
    expect(text('[role="status"]')).toBe("Kontraktet på Kontrakt!A2:AB2.");
  });

  it("lists a row's problems with the address of each cell, and writes nothing", async () => {
    const write = jest.fn();
    const { button, text } = mount({
      readActiveContractRow: async () => ({
        ok: false,
        problems: [
          {
            field: "cashPrice",
            address: "F3",
            message: 'Kontantpris måste vara ett tal, fick "abc"',
          },
          {
            field: "repossessionDate",
            address: "A1:AB1",
            message: "kolumnen Återtagningsdag saknas i rubrikraden",
          },
        ],
        ignoredHeaders: [],
        sheet: "Kontrakt",
        address: "Kontrakt!A3:AB3",
      }),
      writeSheetPlan: write,
    });
    button("Skapa beräkningsblad").click();
    await settle();
    expect(write).not.toHaveBeenCalled();
    const items = [...root.querySelectorAll('[role="alert"] li')].map((li) => li.textContent);
    expect(items).toEqual([
      'F3 Kontantpris måste vara ett tal, fick "abc"',
      "A1:AB1 kolumnen Återtagningsdag saknas i rubrikraden",
    ]);
    expect(text('[role="alert"]')).toContain("Raden Kontrakt!A3:AB3 kan inte beräknas:");
    expect(text('[role="status"]')).toBe("");
    expect(button("Skapa beräkningsblad").disabled).toBe(false);
  });

  it("inserts the training workbook with both worked examples", async () => {
    const insert = jest.fn(async (_rows: ContractInput[]) => ({ sheetName: "Kontrakt (2)" }));
    const { button, text } = mount({ insertTrainingWorkbook: insert });
    button("Infoga övningsarbetsbok").click();
    expect(text('[role="status"]')).toBe("Infogar övningsarbetsboken …");
    await settle();
    expect(insert).toHaveBeenCalledTimes(1);
    expect(insert.mock.calls[0][0].map((row) => row.caseId)).toEqual(["Övning 1", "Övning 2"]);
    expect(text('[role="status"]')).toContain("Bladet «Kontrakt (2)» infogat");
  });

  it("shows Excel's failure in the alert region and enables the buttons again", async () => {
    const { button, text } = mount({
      readActiveContractRow: async () => Promise.reject(new Error("InvalidOperation")),
    });
    button("Förhandsgranska markerad rad").click();
    await settle();
    expect(text('[role="alert"]')).toBe("Excel kunde inte slutföra åtgärden: InvalidOperation");
    expect(button("Förhandsgranska markerad rad").disabled).toBe(false);
  });

  it("shows the engine's error with Swedish field labels", async () => {
    // A repossession date past the reference-rate table: the engine refuses to guess the rate.
    const { button, text } = mount({
      readActiveContractRow: async () =>
        okRow({ ...example1, noticeDate: "2099-12-15", repossessionDate: "2099-12-20" }),
    });
    button("Förhandsgranska markerad rad").click();
    await settle();
    expect(text('[role="alert"]')).toMatch(/referensränta saknas/);
    expect(text('[role="alert"]')).not.toMatch(/\b(noticeDate|repossessionDate)\b/);
  });
});
