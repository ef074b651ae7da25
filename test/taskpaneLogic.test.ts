/**
 * The task pane's logic that needs no browser: the form ⇄ contract JSON mapping, the `#contract=` link,
 * the start-up wait for Office (with a fake script element and a fake ready promise) and the inert
 * CustomFunctions of the functions bundle. The page itself is tested in taskpane.browser.test.ts.
 */
import {
  CONTRACT_FIELDS,
  ContractField,
  ContractInput,
  EngineError,
  parseContract,
} from "../src/engine";
import { HostProbe, hostReady, waitForHost } from "../src/taskpane/boot";
import { WORKED_EXAMPLES, WORKED_EXAMPLE_ROWS } from "../src/taskpane/examples";
import {
  FORM_GROUPS,
  FormValues,
  calculateForm,
  contractToForm,
  formToContract,
} from "../src/taskpane/form/form";
import { fieldProblem, unknownFieldProblems, validateForm } from "../src/taskpane/form/validation";
import {
  LinkError,
  contractFromHash,
  contractLink,
  exampleFromSearch,
} from "../src/taskpane/standaloneMode/link";
import { ensureCustomFunctions, inertCustomFunctions } from "../src/functions/runtimeGuard";
import example1 from "../examples/worked-example-1.json";
import example2 from "../examples/worked-example-2.json";

const PAGE = "https://localhost:3000/taskpane.html";

describe("form groups", () => {
  it("hold every contract field exactly once, in the agreed groups", () => {
    const names = FORM_GROUPS.flatMap((g) => g.fields.map((f) => f.name));
    expect([...names].sort()).toEqual([...CONTRACT_FIELDS].sort());
    expect(new Set(names).size).toBe(names.length);
    expect(FORM_GROUPS.map((g) => g.title)).toEqual([
      "Ärende",
      "Kredit",
      "Avbetalningar",
      "Ränta och avgifter",
      "Datum",
      "Värdering",
    ]);
  });

  it("label fields with the training workbook's Swedish headers", () => {
    const label = (name: string) =>
      FORM_GROUPS.flatMap((g) => g.fields).find((f) => f.name === name)?.label;
    expect(label("installmentsPaid")).toBe("Betalda avbetalningar");
    expect(label("estimatedValue")).toBe("Uppskattat värde");
    expect(label("annualRate")).toBe("Nominell ränta");
  });
});

describe("contract JSON → form → contract JSON", () => {
  it.each([
    ["worked example 1", example1],
    ["worked example 2", example2],
  ])("%s comes back identical, key order included", (_name, example) => {
    const { values, unknownFields } = contractToForm(example);
    expect(unknownFields).toEqual([]);
    expect(JSON.stringify(formToContract(values))).toBe(JSON.stringify(example));
  });

  it("shows rates in percent and numbers with a decimal comma", () => {
    const { values } = contractToForm({
      annualRate: 0.0595,
      lateInterestRate: "0.105",
      installmentAmount: 1903.5,
      cashPrice: 143750,
    });
    expect(values).toEqual({
      annualRate: "5,95",
      lateInterestRate: "10,5",
      installmentAmount: "1903,5",
      cashPrice: "143750",
    });
  });

  it("lists fields the form does not know instead of dropping them silently", () => {
    expect(contractToForm({ caseId: "A", colour: "red" })).toEqual({
      values: { caseId: "A" },
      unknownFields: ["colour"],
    });
  });

  it("refuses a misspelt field of a link as the command line does, nearest field suggested", () => {
    expect(unknownFieldProblems({ caseId: "A", installmentAmout: 1903, colour: "röd" })).toEqual([
      "Okänt fält 'installmentAmout' — menade du installmentAmount (Avbetalning)?",
      "Okänt fält 'colour'; kontrollera stavningen",
    ]);
  });

  it("takes each field's label and hint from the contract schema", () => {
    const fields = new Map(FORM_GROUPS.flatMap((g) => g.fields).map((f) => [f.name, f]));
    expect(fields.get("basicFee")).toEqual({
      name: "basicFee",
      label: "Grundavgift",
      kind: "money",
      hint: "Tomt: 600 kr.",
    });
    expect(fields.get("annualRate")?.kind).toBe("percent");
    expect(fields.get("installmentAmount")?.hint).toBe("Utan aviavgift.");
    expect(fields.get("caseId")?.hint).toBe(
      "Ärendets beteckning; blir namnet på beräkningsbladet.",
    );
  });

  it("keeps a value it cannot read as written, for the engine to name", () => {
    expect(contractToForm({ annualRate: "fem" }).values.annualRate).toBe("fem");
    expect(formToContract({ cashPrice: "mycket" })).toEqual({ cashPrice: "mycket" });
  });
});

describe("form → contract JSON", () => {
  // Each row: the typed text, the JSON value expected, and why.
  const cases: [keyof FormValues, string, unknown, string][] = [
    ["cashPrice", "143 750", 143750, "spaces as thousands separators"],
    ["installmentAmount", "1 903,50", 1903.5, "decimal comma"],
    ["installmentAmount", "1903.50", 1903.5, "decimal point"],
    ["residual", "0", 0, "zero is a value, not an empty field"],
    ["annualRate", "5,95", 0.0595, "percent to fraction, exactly"],
    ["annualRate", "5,95 %", 0.0595, "a trailing percent sign"],
    ["annualRate", "0,1 %", 0.001, "a small rate, with its sign"],
    ["annualRate", "0,1", 0.1, "a bare number below 1 is a fraction"],
    ["lateInterestRate", "10.5", 0.105, "decimal point in percent"],
    [
      "cashPrice",
      "12345678901234567,89",
      "12345678901234567.89",
      "more digits than a double holds stay exact text",
    ],
    ["installments", " 72 ", 72, "surrounding spaces"],
    ["caseId", "  Ö 1 ", "Ö 1", "text trimmed"],
    ["repossessionDate", "2012-12-20", "2012-12-20", "dates stay ISO text"],
    ["method", "rule78", "rule78", "method as chosen"],
  ];
  it.each(cases)("%s %p → %p (%s)", (name, text, expected) => {
    expect(formToContract({ [name]: text })).toEqual({ [name]: expected });
  });

  it("leaves empty fields out, so the engine's defaults apply", () => {
    expect(formToContract({ caseId: "A", basicFee: "", interestFrom: "   " })).toEqual({
      caseId: "A",
    });
  });

  it.each([
    ["150", "rateAsFraction"],
    ["100", "rateAsFraction"],
    ["-1", "negative"],
    ["fem", "notNumber"],
  ])("refuses the rate %p (%s), naming the field and the value as typed", (text, code) => {
    let error: unknown;
    try {
      formToContract({ annualRate: text });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(EngineError);
    expect((error as EngineError).code).toBe(code);
    expect((error as EngineError).field).toBe("annualRate");
    expect((error as EngineError).message).toContain(text);
  });
});

describe("calculateForm", () => {
  const valuesOf = (input: ContractInput) => contractToForm(input).values;

  it("calculates worked example 1 (77 449 / 77 551 kr)", () => {
    const result = calculateForm(valuesOf(example1));
    if (!result.ok) throw new Error(result.message);
    expect(result.calc.statements.map((s) => s.lines.amountInclInterest.toFixed(0))).toEqual([
      "77449",
      "77551",
    ]);
  });

  it("calculates worked example 2 (93 335 / 93 529 kr)", () => {
    const result = calculateForm(valuesOf(example2));
    if (!result.ok) throw new Error(result.message);
    expect(result.calc.statements.map((s) => s.lines.amountInclInterest.toFixed(0))).toEqual([
      "93335",
      "93529",
    ]);
  });

  it("names the field and the value of a bad input, with Swedish labels", () => {
    const result = calculateForm({ ...valuesOf(example1), installmentsPaid: "99" });
    expect(result).toEqual({
      ok: false,
      field: "installmentsPaid",
      message: "Betalda avbetalningar (99) är större än Antal avbetalningar (72)",
    });
  });

  it("names a value that is not a number as typed", () => {
    const result = calculateForm({ ...valuesOf(example1), cashPrice: "mycket" });
    expect(result).toEqual({
      ok: false,
      field: "cashPrice",
      message: 'Kontantpris måste vara ett tal, fick "mycket"',
    });
  });

  it("names a missing required field", () => {
    const result = calculateForm({ ...valuesOf(example1), repossessionDate: "" });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.field).toBe("repossessionDate");
  });

  it("names both fields of a date rule by their Swedish labels", () => {
    const result = calculateForm({ ...valuesOf(example1), noticeDate: "2012-09-01" });
    expect(result).toEqual({
      ok: false,
      field: "noticeDate",
      message: 'Underrättelsedag ("2012-09-01") får inte vara före Ansökningsdag (2012-09-04)',
    });
  });

  it("says a percent beyond 100 with a Swedish range", () => {
    const result = calculateForm({ ...valuesOf(example1), annualRate: "595" });
    expect(result).toEqual({
      ok: false,
      field: "annualRate",
      message:
        'Nominell ränta ("595") är ingen ränta: skriv den med procenttecken (5,95 %) eller som ' +
        "decimalbråk (0,0595); ett tal utan procenttecken under 1 är ett decimalbråk, från 1 till under 100 procent",
    });
  });
});

describe("checking the form field by field (validation.ts)", () => {
  const valuesOf = (input: ContractInput) => contractToForm(input).values;

  // Each row: the field, the text typed, words the message must contain (null: no problem), and why.
  const cases: [ContractField, string, string[] | null, string][] = [
    ["repossessionDate", "2012-02-30", ["Återtagningsdag", '"2012-02-30"'], "no 30 February"],
    ["firstDueDate", "30.9.2009", ["Första förfallodag", '"30.9.2009"'], "not ISO"],
    ["installments", "7,5", ["Antal avbetalningar", '"7,5"'], "not a whole number"],
    ["cashPrice", "-5", ["Kontantpris", '"-5"'], "negative money"],
    ["annualRate", "150", ["Nominell ränta", '"150"'], "a percentage of 100 or more"],
    ["installmentAmount", "1 903,50", null, "a Swedish number"],
    ["installments", "", null, "empty: the engine decides whether it is needed"],
    ["caseId", "<b>", null, "text is text"],
  ];
  it.each(cases)("%s %p (%s)", (name, text, words) => {
    const message = fieldProblem(name, text);
    if (words === null) expect(message).toBeNull();
    else for (const word of words) expect(message).toContain(word);
  });

  it("names every field that is wrong by itself, each at its field", () => {
    const result = validateForm({
      ...valuesOf(example1),
      installments: "7x",
      repossessionDate: "2012-02-30",
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.field)).toEqual(["installments", "repossessionDate"]);
  });

  it("adds the engine's problem with the contract as a whole at the field it names", () => {
    const result = validateForm({ ...valuesOf(example1), installmentsPaid: "99" });
    expect(result).toEqual({
      ok: false,
      problems: [
        {
          field: "installmentsPaid",
          message: "Betalda avbetalningar (99) är större än Antal avbetalningar (72)",
        },
      ],
    });
  });

  it("reads a rate by the contract's one rule: 0,0595, 5,95 and 5,95 % are the same contract", () => {
    const typed = ["0.0595", "0,0595", "5,95", "5,95 %"].map((annualRate) =>
      formToContract({ ...valuesOf(example1), annualRate }),
    );
    for (const input of typed) expect(input.annualRate).toBe(0.0595);
  });

  it("a bare rate below 1 is a fraction; where meant in percent, the rate field is named", () => {
    // The annuity of 115 000 kr over 72 months at 0,5 % a year, rounded up to whole kronor.
    const i = 0.005 / 12;
    const annuity = Math.ceil((115000 * i) / (1 - Math.pow(1 + i, -72)));
    expect(annuity).toBe(1622);
    const low = { ...valuesOf(example1), installmentAmount: String(annuity) };
    expect(validateForm({ ...low, annualRate: "0,5 %" }).ok).toBe(true);
    // Typed "0,5": read as 50 %, which the 1 622 kr instalment cannot repay; 0,5 % fits.
    expect(validateForm({ ...low, annualRate: "0,5" })).toEqual({
      ok: false,
      problems: [
        {
          field: "annualRate",
          message:
            "0,5 läses som 50 % (ett tal under 1 utan procenttecken är ett decimalbråk) — menade du 0,5 %? Skriv då procenttecknet.",
        },
      ],
    });
    // With the 5,95 % instalment neither 50 % nor 0,5 % fits, so the instalment is named.
    const result = validateForm({ ...valuesOf(example1), annualRate: "0,5" });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((p) => p.field)).toEqual(["installmentAmount"]);
  });

  it("refuses a link's unknown fields with the engine's own message for each", () => {
    const { annualRate, ...rest } = example1;
    const misspelt = { ...rest, annualRat: annualRate, colour: "röd" };
    const messages = unknownFieldProblems(misspelt);
    expect(messages).toHaveLength(2);
    expect(messages[0]).toContain("annualRat");
    expect(messages[1]).toContain("colour");
    expect(() => parseContract(misspelt)).toThrow(messages[0]); // the CLI's message, word for word
    expect(unknownFieldProblems(example1)).toEqual([]);
    expect(unknownFieldProblems({ caseId: "" })).toEqual([]); // other problems are not the link's
  });
});

describe("#contract= links", () => {
  it("round-trip both worked examples", () => {
    for (const example of WORKED_EXAMPLE_ROWS) {
      const link = contractLink(PAGE, example);
      expect(link.startsWith(`${PAGE}#contract=`)).toBe(true);
      expect(contractFromHash(new URL(link).hash)).toEqual(example);
    }
  });

  it("carry text with URL-special characters and markup unchanged", () => {
    const input = {
      ...example1,
      debtor: "Anna & Björn #1 100% + <img src=x onerror=alert(1)> ?a=b",
      goods: 'ÅÄÖ\n"citat"',
    };
    const link = contractLink(PAGE, input);
    expect(link).not.toMatch(/[ <>"\n]/);
    expect(contractFromHash(new URL(link).hash)).toEqual(input);
  });

  it("drop the page's query and old fragment", () => {
    const link = contractLink(`${PAGE}?example=1&_host_Info=Excel#contract=%7B%7D`, {
      caseId: "A",
    });
    expect(link).toBe(`${PAGE}#contract=${encodeURIComponent('{"caseId":"A"}')}`);
  });

  it("are found among other fragment parameters, and a plus stays a plus", () => {
    expect(contractFromHash(`#view=1&contract=${encodeURIComponent('{"caseId":"1+1"}')}`)).toEqual({
      caseId: "1+1",
    });
    expect(contractFromHash('#contract={"caseId":"1+1"}')).toEqual({ caseId: "1+1" });
  });

  it("are absent without a contract parameter", () => {
    expect(contractFromHash("")).toBeNull();
    expect(contractFromHash("#")).toBeNull();
    expect(contractFromHash("#other=1")).toBeNull();
  });

  it.each([
    ["#contract=%E0%A4%A", "fel i procentkodningen"],
    ["#contract=%7Bnope", "ogiltig JSON"],
    ["#contract=%5B1%5D", "kontraktet är inget JSON-objekt"],
    ["#contract=null", "kontraktet är inget JSON-objekt"],
    ["#contract=42", "kontraktet är inget JSON-objekt"],
  ])("refuse %p with a Swedish message (%s)", (hash, detail) => {
    expect(() => contractFromHash(hash)).toThrow(LinkError);
    expect(() => contractFromHash(hash)).toThrow(detail);
  });

  it("?example= picks a worked example", () => {
    expect(exampleFromSearch("?example=2")).toBe("2");
    expect(exampleFromSearch("")).toBeNull();
    expect(Object.keys(WORKED_EXAMPLES)).toEqual(["1", "2"]);
    expect(WORKED_EXAMPLES["2"]).toEqual(example2);
  });
});

describe("waiting for Office (boot.ts)", () => {
  const info = { host: "Excel" };
  /** A fake office.js: a script element to fire events at, and a global that appears on load. */
  function fakeHost() {
    const script = new EventTarget();
    let loaded = false;
    const probe: HostProbe = { script, ready: () => (loaded ? Promise.resolve(info) : null) };
    return {
      probe,
      load: () => {
        loaded = true;
        script.dispatchEvent(new Event("load"));
      },
      fail: () => script.dispatchEvent(new Event("error")),
    };
  }

  it("answers at once when Office has already run", async () => {
    await expect(
      waitForHost({ script: null, ready: () => Promise.resolve(info) }, 50),
    ).resolves.toEqual({ info, late: null });
  });

  it("answers null at once without an office.js script", async () => {
    await expect(waitForHost({ script: null, ready: () => null }, 10_000)).resolves.toEqual({
      info: null,
      late: null,
    });
  });

  it("answers null as soon as office.js fails to load", async () => {
    const host = fakeHost();
    const started = Date.now();
    const waiting = waitForHost(host.probe, 10_000);
    host.fail();
    await expect(waiting).resolves.toEqual({ info: null, late: null });
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it("asks Office once office.js has loaded", async () => {
    const host = fakeHost();
    const waiting = waitForHost(host.probe, 10_000);
    host.load();
    await expect(waiting).resolves.toEqual({ info, late: null });
  });

  it("gives up after the timeout when office.js stalls, and reports a late arrival", async () => {
    const host = fakeHost();
    const result = await waitForHost(host.probe, 30);
    expect(result.info).toBeNull();
    expect(result.late).not.toBeNull();
    host.load();
    await expect(result.late).resolves.toEqual(info);
  });

  it("treats a rejected Office.onReady as no host", async () => {
    await expect(
      hostReady({ script: null, ready: () => Promise.reject(new Error("x")) }),
    ).resolves.toBeNull();
  });
});

describe("runtimeGuard (functions bundle)", () => {
  it("installs an inert CustomFunctions only where there is none", () => {
    const empty: { CustomFunctions?: unknown } = {};
    expect(ensureCustomFunctions(empty)).toBe(true);
    expect(typeof (empty.CustomFunctions as typeof CustomFunctions).associate).toBe("function");

    const real = { associate: () => undefined };
    const withOffice: { CustomFunctions?: unknown } = { CustomFunctions: real };
    expect(ensureCustomFunctions(withOffice)).toBe(false);
    expect(withOffice.CustomFunctions).toBe(real);
  });

  it("gives the adapters a working Error and ErrorCode", () => {
    const inert = inertCustomFunctions();
    expect(inert.associate("RULE78", () => 0)).toBeUndefined();
    const error = new inert.Error(inert.ErrorCode.invalidNumber, "för stort");
    expect(error).toBeInstanceOf(inert.Error);
    expect(error.code).toBe("#NUM!");
    expect(error.message).toBe("för stort");
    expect(inert.ErrorCode.invalidValue).toBe("#VALUE!");
  });
});
