/**
 * The Excel mode of the task pane with fake workbook functions (the pane receives them as parameters,
 * so no Office is needed), on linkedom's DOM: the buttons, the feedback while a sheet is written, a
 * row's problems with their cell addresses, Excel's and the engine's errors in the alert region; the
 * summary of the selected rows (refused rows listed, names planned against the workbook's sheets);
 * the reference rates: the workbook's sheet used in every calculation, the next half-year added.
 */
import { parseHTML } from "linkedom";
import { ContractInput, EngineError, parseContract } from "../src/engine";
import { TableRow } from "../src/sheet/batch";
import { contractTable } from "../src/sheet/headers";
import {
  REFERENCE_SHEET_NAME,
  WorkbookReferenceRates,
  workbookReferenceRates,
} from "../src/sheet/referenceSheet";
import { SheetRefusal } from "../src/sheet/refusal";
import type { SheetPlan } from "../src/sheet/types";
import type { ActiveRow, ExcelActions, SelectedRows } from "../src/taskpane/excelMode/actions";
import { mountExcelPane } from "../src/taskpane/excelMode/excelPane";
import { WORKED_EXAMPLE_ROWS } from "../src/taskpane/examples";
import { createShell } from "../src/taskpane/ui/shell";
import example1 from "../examples/worked-example-1.json";
import example2 from "../examples/worked-example-2.json";
import { blockOfPlan, contractIn2026H2 } from "./testkit/workbookRates";
import { usePaneDom, excelActions, settle } from "./testkit/paneDom";

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
  address: "Kontrakt!A2:AD2",
});

const dom = usePaneDom();

/** Mounts the Excel mode and waits for its start (the workbook's reference rates are read). */
async function mount(excel: Partial<ExcelActions>) {
  mountExcelPane(createShell(dom.root, "excel"), excelActions(excel), WORKED_EXAMPLE_ROWS);
  const button = (text: string) => {
    const found = [...dom.root.querySelectorAll("button")].find((b) => b.textContent === text);
    if (!found) throw new Error(`no button ${text}`);
    return found as HTMLButtonElement;
  };
  const text = (selector: string) =>
    (dom.root.querySelector(selector)?.textContent ?? "").replace(/[\u00a0\u202f]/g, " ");
  await settle();
  return { button, text };
}

describe("Excel mode", () => {
  it("offers the actions, in Swedish, and the last known half-year of the built-in table", async () => {
    const { text } = await mount({});
    // The sheet first and the only primary button; the rarely used ones further down.
    expect([...dom.root.querySelectorAll("button")].map((b) => b.textContent)).toEqual([
      "Skapa beräkningsblad",
      "Förhandsgranska markerad rad",
      "Infoga övningsarbetsbok",
      "Skapa sammanställning",
      "Lägg till halvåret",
      "Infoga övningsblad och facit",
      "Infoga övningarna som kontraktsrader",
      "Hämta övningen",
      "Använd markerad rad",
    ]);
    expect([...dom.root.querySelectorAll("button.primary")].map((b) => b.textContent)).toEqual([
      "Skapa beräkningsblad",
    ]);
    const perCase = dom.root.querySelector("#case-sheets") as HTMLInputElement;
    expect(perCase.hasAttribute("checked")).toBe(false); // off by default
    expect(text('label[for="case-sheets"]')).toBe("Skapa även ett beräkningsblad per ärende");
    expect(text(".last-known")).toBe(
      "Senast kända halvår: 2026-01-01–2026-06-30, 2,00 % (inbyggd tabell).",
    );
    expect(text('label[for="next-rate"]')).toBe("Referensränta för 2026-07-01–2026-12-31 (%)");
    expect(text("code")).toBe("=ATERTAG.LATEINTEREST(…;'Referensräntor'!A2:B60)");
    expect(dom.root.getAttribute("data-mode")).toBe("excel");
    expect(dom.root.querySelectorAll('[role="alert"]').length).toBe(1);
    expect(text('[role="status"]')).toBe("");
  });

  it("creates a sheet: buttons disabled and 'Skriver bladet …' while writing, then the sheet's name", async () => {
    const writing = deferred<{ sheetName: string }>();
    const plans: SheetPlan[] = [];
    const { button, text } = await mount({
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
    const { button, text } = await mount({ readActiveContractRow: async () => okRow(example1) });
    button("Förhandsgranska markerad rad").click();
    await settle();
    const result = text(".result-area");
    for (const figure of ["4 785", "77 449 kr", "77 551 kr", "Underrättelse", "Återtagning"])
      expect(result).toContain(figure);
    expect(result).toContain("Anteckning (AC1)");
    expect(text('[role="status"]')).toBe("Kontraktet på Kontrakt!A2:AD2.");
  });

  it("lists a row's problems with the address of each cell, and writes nothing", async () => {
    const write = jest.fn();
    const { button, text } = await mount({
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
            address: "A1:AD1",
            message: "kolumnen Återtagningsdag saknas i rubrikraden",
          },
        ],
        ignoredHeaders: [],
        sheet: "Kontrakt",
        address: "Kontrakt!A3:AD3",
      }),
      writeSheetPlan: write,
    });
    button("Skapa beräkningsblad").click();
    await settle();
    expect(write).not.toHaveBeenCalled();
    const items = [...dom.root.querySelectorAll('[role="alert"] li')].map((li) => li.textContent);
    expect(items).toEqual([
      'F3 Kontantpris måste vara ett tal, fick "abc"',
      "A1:AD1 kolumnen Återtagningsdag saknas i rubrikraden",
    ]);
    expect(text('[role="alert"]')).toContain("Raden Kontrakt!A3:AD3 kan inte beräknas:");
    expect(text('[role="status"]')).toBe("");
    expect(button("Skapa beräkningsblad").disabled).toBe(false);
  });

  it("inserts the training workbook with both worked examples", async () => {
    const insert = jest.fn(async (_rows: ContractInput[]) => ({ sheetName: "Kontrakt (2)" }));
    const { button, text } = await mount({ insertTrainingWorkbook: insert });
    button("Infoga övningsarbetsbok").click();
    expect(text('[role="status"]')).toBe("Infogar övningsarbetsboken …");
    await settle();
    expect(insert).toHaveBeenCalledTimes(1);
    expect(insert.mock.calls[0][0].map((row) => row.caseId)).toEqual(["Övning 1", "Övning 2"]);
    expect(text('[role="status"]')).toContain("Bladet «Kontrakt (2)» infogat");
  });

  it("shows Excel's failure in the alert region and enables the buttons again", async () => {
    const { button, text } = await mount({
      readActiveContractRow: async () => Promise.reject(new Error("InvalidOperation")),
    });
    button("Förhandsgranska markerad rad").click();
    await settle();
    expect(text('[role="alert"]')).toBe("Excel kunde inte slutföra åtgärden: InvalidOperation");
    expect(button("Förhandsgranska markerad rad").disabled).toBe(false);
  });

  it("shows the engine's error with Swedish field labels", async () => {
    // A repossession date past the reference-rate table: the engine refuses to guess the rate.
    const { button, text } = await mount({
      readActiveContractRow: async () =>
        okRow({ ...example1, noticeDate: "2099-12-15", repossessionDate: "2099-12-20" }),
    });
    button("Förhandsgranska markerad rad").click();
    await settle();
    expect(text('[role="alert"]')).toMatch(/Referensränta saknas/);
    // Listed like the row's other problems, with the row it is about.
    expect(text('[role="alert"]')).toContain("Raden Kontrakt!A2:AD2 kan inte beräknas:");
    expect(dom.root.querySelectorAll('[role="alert"] li').length).toBe(1);
    expect(text('[role="alert"]')).not.toMatch(/\b(noticeDate|repossessionDate)\b/);
  });

  it("keeps actions from overlapping: a click during the start-up read waits its turn", async () => {
    const ratesRead = deferred<WorkbookReferenceRates | null>();
    const insert = jest.fn(async () => ({ sheetName: "Kontrakt" }));
    mountExcelPane(
      createShell(dom.root, "excel"),
      {
        ...excelActions(),
        readWorkbookReferenceRates: () => ratesRead.promise,
        insertTrainingWorkbook: insert,
      },
      WORKED_EXAMPLE_ROWS,
    );
    const insertButton = [...dom.root.querySelectorAll("button")].find(
      (b) => b.textContent === "Infoga övningsarbetsbok",
    ) as HTMLButtonElement;
    expect(insertButton.disabled).toBe(true);
    insertButton.click(); // a disabled button in a browser; here the click still arrives
    await settle();
    expect(insert).not.toHaveBeenCalled();
    ratesRead.resolve(null);
    await settle();
    expect(insert).toHaveBeenCalledTimes(1);
  });
});

// ---------------------------------------------------------------------------------------------------
// A whole table at once.

/** Rows as src/excel/reader.ts reads them: sheet Kontrakt, header on row 1, contracts from row 2. */
function selection(
  inputs: ContractInput[],
  sheetNames = ["Kontrakt"],
  hiddenRows: string[] = [],
): SelectedRows {
  const table = contractTable(inputs);
  const letter = (col: number) => String.fromCharCode(65 + col);
  const rows: TableRow[] = table.rows.map((values, i) => ({
    where: `Kontrakt!${i + 2}:${i + 2}`,
    values,
    addressOf: (col) => `${col < 26 ? letter(col) : `A${letter(col - 26)}`}${i + 2}`,
  }));
  return {
    ok: true,
    headers: table.headers,
    headerRow: { address: "A1:AD1", addressOf: (col) => `${letter(col % 26)}1` },
    rows,
    skipped: { headerRow: "Kontrakt!1:1", emptyRows: ["Kontrakt!5:5"], hiddenRows },
    sheetNames,
  };
}

const broken: ContractInput = { ...example1, caseId: "Trasig", installmentsPaid: 99 };

describe("Excel mode: a whole table at once", () => {
  it("writes the summary (and Referensräntor) under free names, with feedback, and lists refused rows", async () => {
    const writing = deferred<{ sheetNames: string[] }>();
    const written: SheetPlan[][] = [];
    const { button, text } = await mount({
      readSelectedContractRows: async () =>
        selection([example1, broken, example2], ["Kontrakt", "Sammanställning"]),
      writeSheetPlans: (plans) => {
        written.push(plans);
        return writing.promise;
      },
    });
    button("Skapa sammanställning").click();
    expect(text('[role="status"]')).toBe("Läser de markerade raderna …");
    expect(button("Skapa sammanställning").disabled).toBe(true);
    await settle();
    expect(text('[role="status"]')).toBe("Skriver 2 blad …");
    expect(written).toHaveLength(1);
    const [summaryPlan, referencePlan] = written[0];
    expect(written[0].map((p) => p.name)).toEqual(["Sammanställning (2)", REFERENCE_SHEET_NAME]);
    expect(summaryPlan.cells.some((c) => c.link !== undefined)).toBe(false); // no case sheets
    expect(referencePlan.cells.filter((c) => c.col === 0 && c.row > 0)).toHaveLength(48);

    writing.resolve({ sheetNames: written[0].map((p) => p.name) });
    await settle();
    expect(text('[role="status"]')).toBe(
      "Bladet «Sammanställning (2)» skapat med 2 ärenden och bladet Referensräntor. Hoppade över rubrikraden och 1 tom rad.",
    );
    expect(text('[role="alert"] p')).toBe(
      "1 rad kunde inte beräknas (de står också sist i sammanställningen):",
    );
    const items = [...dom.root.querySelectorAll('[role="alert"] li')].map(
      (li) => li.textContent ?? "",
    );
    expect(items).toHaveLength(1);
    expect(items[0]).toMatch(/^Kontrakt!3:3 \(Trasig\) [A-Z]+3: Betalda avbetalningar \(99\)/);
    expect(button("Skapa sammanställning").disabled).toBe(false);
  });

  it("with a sheet per case and the workbook's own Referensräntor: links to the cases, the sheet left as it is", async () => {
    const written: SheetPlan[][] = [];
    const rates: WorkbookReferenceRates = { entries: [], lastRow: 49 };
    const { button, text } = await mount({
      readWorkbookReferenceRates: async () => rates,
      readSelectedContractRows: async () => selection([example1, example2]),
      writeSheetPlans: async (plans) => {
        written.push(plans);
        return { sheetNames: plans.map((p) => p.name) };
      },
    });
    (dom.root.querySelector("#case-sheets") as HTMLInputElement).checked = true;
    button("Skapa sammanställning").click();
    await settle();
    expect(written[0].map((p) => p.name)).toEqual(["Sammanställning", "Övning 1", "Övning 2"]);
    const links = written[0][0].cells.filter((c) => c.link !== undefined);
    expect(links.map((c) => [c.value, c.link])).toEqual([
      ["Övning 1", "Övning 1"],
      ["Övning 2", "Övning 2"],
    ]);
    expect(text('[role="status"]')).toBe(
      "Bladet «Sammanställning» skapat med 2 ärenden, 2 beräkningsblad; bladet Referensräntor fanns redan och används som det är. Hoppade över rubrikraden och 1 tom rad.",
    );
    expect(text('[role="alert"]')).toBe("");
  });

  it("says how many selected rows were skipped as hidden, and which (issue 20 point 1)", async () => {
    const { button, text } = await mount({
      readSelectedContractRows: async () =>
        selection([example1], ["Kontrakt"], ["Kontrakt!4:4", "Kontrakt!7:7"]),
      writeSheetPlans: async (plans) => ({ sheetNames: plans.map((p) => p.name) }),
    });
    button("Skapa sammanställning").click();
    await settle();
    expect(text('[role="status"]')).toBe(
      "Bladet «Sammanställning» skapat med 1 ärende och bladet Referensräntor. Hoppade över rubrikraden och 1 tom rad. 2 dolda rader hoppades över: Kontrakt!4:4, Kontrakt!7:7.",
    );
  });

  it("names the first ten hidden rows only (a filter may hide thousands)", async () => {
    const hidden = Array.from({ length: 12 }, (_, i) => `Kontrakt!${i + 10}:${i + 10}`);
    const { button, text } = await mount({
      readSelectedContractRows: async () => selection([example1], ["Kontrakt"], hidden),
      writeSheetPlans: async (plans) => ({ sheetNames: plans.map((p) => p.name) }),
    });
    button("Skapa sammanställning").click();
    await settle();
    expect(text('[role="status"]')).toContain(
      "12 dolda rader hoppades över: Kontrakt!10:10, Kontrakt!11:11, Kontrakt!12:12, Kontrakt!13:13, Kontrakt!14:14, Kontrakt!15:15, Kontrakt!16:16, Kontrakt!17:17, Kontrakt!18:18, Kontrakt!19:19 med flera.",
    );
  });

  it("writes nothing when no row can be calculated, and lists every row", async () => {
    const write = jest.fn();
    const { button, text } = await mount({
      readSelectedContractRows: async () => selection([broken, { ...broken, caseId: "Trasig 2" }]),
      writeSheetPlans: write,
    });
    button("Skapa sammanställning").click();
    await settle();
    expect(write).not.toHaveBeenCalled();
    expect(text('[role="alert"] p')).toBe(
      "Ingen av de 2 raderna kunde beräknas; inget blad skrevs:",
    );
    expect(dom.root.querySelectorAll('[role="alert"] li')).toHaveLength(2);
    expect(text('[role="status"]')).toBe("");
  });

  it("says why a selection has no contract rows", async () => {
    const write = jest.fn();
    const { button, text } = await mount({
      readSelectedContractRows: async () => ({
        ok: false,
        address: "A1:C1",
        message:
          "markeringen A1:C1 innehåller inga kontraktsrader; markera raderna (eller hela tabellen) under rubrikraden",
      }),
      writeSheetPlans: write,
    });
    button("Skapa sammanställning").click();
    await settle();
    expect(write).not.toHaveBeenCalled();
    expect(text('[role="alert"]')).toContain("markeringen A1:C1 innehåller inga kontraktsrader");
  });

  it("shows the writer's refusal (a sheet name taken meanwhile) as it is", async () => {
    const { button, text } = await mount({
      readSelectedContractRows: async () => selection([example1]),
      writeSheetPlans: async () => {
        throw new SheetRefusal("bladet «Sammanställning» finns redan i arbetsboken");
      },
    });
    button("Skapa sammanställning").click();
    await settle();
    expect(text('[role="alert"]')).toBe(
      "Inget skrevs: bladet «Sammanställning» finns redan i arbetsboken",
    );
  });
});

// ---------------------------------------------------------------------------------------------------
// Reference rates kept current from the pane.

/** A workbook whose Referensräntor sheet the fakes keep: written whole, or a row appended. */
function workbookWithRates() {
  let rates: WorkbookReferenceRates | null = null;
  const appended: [string, number][] = [];
  const sheets: SheetPlan[][] = [];
  const actions: Partial<ExcelActions> = {
    readWorkbookReferenceRates: async () => rates,
    writeSheetPlans: async (plans) => {
      sheets.push(plans);
      const reference = plans.find((p) => p.name === REFERENCE_SHEET_NAME);
      if (reference) rates = workbookReferenceRates(blockOfPlan(reference));
      return { sheetNames: plans.map((p) => p.name) };
    },
    appendReferenceRate: async (from, percent) => {
      appended.push([from, percent]);
      const row = rates!.lastRow + 1;
      rates = {
        entries: [
          ...rates!.entries,
          { from, percent: String(percent), label: `Referensräntor rad ${row}`, row },
        ],
        lastRow: row,
      };
      return { address: `Referensräntor!A${row}:D${row}` };
    },
  };
  return { actions, appended, sheets, rates: () => rates };
}

describe("Excel mode: reference rates", () => {
  const later = contractIn2026H2();
  const laterRow = (): ActiveRow => ({ ...okRow(later), address: "Kontrakt!A2:AD2" });

  it("a case in 2026-H2 fails until the half-year is added, then calculates; the next one is appended", async () => {
    const book = workbookWithRates();
    const { button, text } = await mount({
      ...book.actions,
      readActiveContractRow: async () => laterRow(),
    });
    button("Förhandsgranska markerad rad").click();
    await settle();
    expect(text('[role="alert"]')).toContain(
      "Referensränta saknas för halvåret 2026-07-01–2026-12-31",
    );
    // Where it is added in Excel, and a button that goes there: the panel opened, its field focused.
    expect(text('[role="alert"]')).toContain(
      "lägg till halvåret på bladet Referensräntor (en rad under den sista) eller i panelen Referensräntor",
    );
    const input = dom.root.querySelector("#next-rate") as HTMLInputElement;
    const focus = jest.spyOn(input, "focus");
    button("Gå till Referensräntor").click();
    expect((dom.root.querySelector("details#rates") as HTMLDetailsElement).open).toBe(true);
    expect(focus).toHaveBeenCalled();

    input.value = "1,75";
    button("Lägg till halvåret").click();
    expect(text('[role="status"]')).toBe("Lägger till halvåret …");
    await settle();
    expect(book.sheets.map((plans) => plans.map((p) => p.name))).toEqual([[REFERENCE_SHEET_NAME]]);
    const plan = book.sheets[0][0];
    const lastRow = plan.cells.filter((c) => c.row === plan.rowCount - 1);
    expect(lastRow.map((c) => c.value ?? c.formula)).toEqual([
      46204, // 2026-07-01
      1.75,
      `EDATE(A${plan.rowCount},6)-1`,
      "Tillagd av användaren (panelen Referensräntor)",
    ]);
    expect(text('[role="status"]')).toBe(
      "Bladet Referensräntor skapat, med halvåret 2026-07-01–2026-12-31 (1,75 %) sist.",
    );
    expect(text(".last-known")).toBe(
      "Senast kända halvår: 2026-07-01–2026-12-31, 1,75 % (bladet Referensräntor).",
    );
    expect(text('label[for="next-rate"]')).toBe("Referensränta för 2027-01-01–2027-06-30 (%)");
    expect(input.value).toBe("");

    button("Förhandsgranska markerad rad").click();
    await settle();
    expect(text('[role="alert"]')).toBe("");
    expect(text(".result")).toContain("Ärende Senare 1");

    input.value = "2";
    button("Lägg till halvåret").click();
    await settle();
    expect(book.appended).toEqual([["2027-01-01", 2]]);
    expect(text('[role="status"]')).toBe(
      "Halvåret 2027-01-01–2027-06-30 (2,00 %) tillagt på Referensräntor!A51:D51.",
    );
    expect(book.sheets).toHaveLength(1); // the sheet was not written again
  });

  it("the summary uses the workbook's rates too", async () => {
    const book = workbookWithRates();
    const { button, text } = await mount({
      ...book.actions,
      readSelectedContractRows: async () => selection([later]),
    });
    button("Skapa sammanställning").click();
    await settle();
    expect(text('[role="alert"]')).toContain("halvåret 2026-07-01–2026-12-31");
    expect(book.sheets).toHaveLength(0);

    (dom.root.querySelector("#next-rate") as HTMLInputElement).value = "1,75";
    button("Lägg till halvåret").click();
    await settle();
    button("Skapa sammanställning").click();
    await settle();
    expect(book.sheets.map((plans) => plans.map((p) => p.name))).toEqual([
      [REFERENCE_SHEET_NAME],
      ["Sammanställning"],
    ]);
    expect(text('[role="status"]')).toContain("skapat med 1 ärende;");
  });

  it.each([
    ["", "Skriv referensräntan i procent, t.ex. 1,75."],
    ["abc", 'Referensräntan måste vara ett tal i procent, t.ex. 1,75 (fick "abc").'],
    ["1,755", 'Referensräntan anges med högst två decimaler (fick "1,755").'],
    ["150", "Referensräntan (150 %) måste ligga mellan −100 och 100 procent."],
  ])(
    "refuses the rate %j with a message beside the field, writing nothing",
    async (typed, message) => {
      const book = workbookWithRates();
      const { button, text } = await mount(book.actions);
      const input = dom.root.querySelector("#next-rate") as HTMLInputElement;
      input.value = typed;
      button("Lägg till halvåret").click();
      await settle();
      expect(text("#next-rate-problem")).toBe(message);
      expect(input.getAttribute("aria-invalid")).toBe("true");
      expect(input.getAttribute("aria-describedby")).toBe("next-rate-problem next-rate-hint");
      expect(text('[role="alert"]')).toBe("");
      expect(book.sheets).toHaveLength(0);

      // Corrected, the problem goes away and the rate is added.
      input.value = "1,75";
      button("Lägg till halvåret").click();
      await settle();
      expect(dom.root.querySelector("#next-rate-problem")?.hasAttribute("hidden")).toBe(true);
      expect(input.getAttribute("aria-invalid")).toBeNull();
      expect(input.getAttribute("aria-describedby")).toBe("next-rate-hint");
    },
  );

  it("names the sheet row of a bad entry on the workbook's Referensräntor sheet", async () => {
    const rates: WorkbookReferenceRates = {
      entries: [{ from: "2026-03-01", percent: "1.5", label: "Referensräntor rad 9", row: 9 }],
      lastRow: 9,
    };
    const { text } = await mount({ readWorkbookReferenceRates: async () => rates });
    expect(text('[role="alert"]')).toMatch(
      /^Bladet Referensräntor kan inte användas: Referensräntor rad 9 .*"2026-03-01".*1 januari eller 1 juli/,
    );
  });

  it("a date Excel cannot have on the sheet (the reader's engine error) is shown the same way", async () => {
    const { text } = await mount({
      readWorkbookReferenceRates: async () => {
        throw new EngineError("notDate", "Referensräntor rad 50", -5);
      },
    });
    expect(text('[role="alert"]')).toMatch(
      /^Bladet Referensräntor kan inte användas: Referensräntor rad 50 /,
    );
  });
});

describe("both methods side by side in the pane", () => {
  test("the difference for the consumer and the plain-language note are shown", async () => {
    const { document } = parseHTML("<!doctype html><html><body></body></html>");
    (globalThis as { document?: unknown }).document = document;
    const { calculationView } = await import("../src/taskpane/ui/statementView");
    const { calculate } = await import("../src/engine");
    const view = calculationView(calculate(parseContract(example2)));
    const text = (view.textContent ?? "").replace(/\u00a0/g, " ");
    // 10 474,48 − 6 123,84 at the notice date (conventions §8 figures to the öre).
    expect(text).toContain("Skillnad för konsumenten (faktisk − 78-regeln)");
    expect(text).toMatch(/Skillnad för konsumenten \(faktisk − 78-regeln\)4 350,65 kr/);
    expect(text).toContain("Lagens ordalydelse");
  });
});
