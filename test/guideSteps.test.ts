/**
 * The guided mode's model (src/guide/steps.ts) against the workshop's worked examples (conventions §8)
 * and the edges of §9: each step's results, its "why", the letter, and problems at their fields.
 * Expected figures are worked out in this file from the contract's terms, not read from the engine.
 */
import { CONTRACT_FIELDS, ContractInput } from "../src/engine";
import {
  GUIDE_STEP_IDS,
  GuideStep,
  STEP_FIELDS,
  guide,
  guideSteps,
  stepOfField,
} from "../src/guide/steps";
import example1 from "../examples/worked-example-1.json";
import example2 from "../examples/worked-example-2.json";

/** Whole kronor as the guide writes them: `77 449 kr`, `−17 551 kr`. */
function kr(amount: number): string {
  const digits = String(Math.abs(amount)).replace(/\B(?=(\d{3})+(?!\d))/g, " ");
  return `${amount < 0 ? "−" : ""}${digits} kr`;
}

/** A step's figures as label → value. */
const figures = (step: GuideStep) =>
  Object.fromEntries(step.results.map((f) => [f.label, f.value]));
const stepById = (steps: GuideStep[], id: (typeof GUIDE_STEP_IDS)[number]) =>
  steps.find((s) => s.id === id)!;

// Example 1 (annuity), conventions §8, worked out from the terms.
const N = 72;
const A1 = 1903;
const FEE = 25;
const UNPAID1 = (N - 31) * (A1 + FEE); // 41 × 1 928 = 79 048
const C1 = N * (A1 + FEE) - 115000; // c = C − S = n(A + f) − K = 23 816
const T1 = N - 40; // 40 due dates passed including the next (Sep 2009 … Dec 2012)
const R1_EXACT = (T1 * (T1 + 1) * C1) / (N * (N + 1)); // 4 784,95…
const R1 = Math.round(R1_EXACT); // 4 785
const DUE1_NOTICE = UNPAID1 + 600 - R1 + 2099 + 487; // 77 449
// Example 2 (residual 40 000): unpaid 41 × 1 465 + 40 000; the 93 529 at the repossession.
const UNPAID2 = (N - 31) * (1440 + FEE) + 40000; // 100 065
const DUE2_REPOSSESSION = 93529;

describe("guided steps: the workshop's stages", () => {
  it("has seven steps in the workshop's order, and every contract field in exactly one", () => {
    const steps = guideSteps(example1);
    expect(steps.map((s) => `${s.number}. ${s.title}`)).toEqual([
      "1. Granska ansökan",
      "2. Dag för återtagning",
      "3. Reduceringsbelopp",
      "4. Att betala",
      "5. Värdet av godset",
      "6. Underrättelse eller mellanskillnad",
      "7. Vid återtagningen",
    ]);
    const all = GUIDE_STEP_IDS.flatMap((id) => STEP_FIELDS[id]);
    expect([...all].sort()).toEqual([...CONTRACT_FIELDS].sort());
    expect(new Set(all).size).toBe(all.length);
    expect(stepOfField("estimatedValue")).toBe("valuation");
    expect(stepOfField(null)).toBe("application");
  });

  it("example 1: t = 32 with its reason, R = 4 785, att betala 77 449, a notice", () => {
    const steps = guideSteps(example1);
    expect(steps.every((s) => s.state === "ready" && s.problems.length === 0)).toBe(true);

    const application = stepById(steps, "application");
    expect(figures(application)).toMatchObject({
      "Obetald del av kreditfordran": kr(UNPAID1),
      "Yrkad ränta per ansökningsdagen": kr(487),
      "Räntebärande kapital": kr(UNPAID1),
      "Dröjsmålsränta från": "2012-09-05",
      Ansökningsdag: "2012-09-04",
    });
    expect(application.why).toContain(
      `Obetald del av kreditfordran: 41 obetalda avbetalningar × ${kr(1928)}.`,
    );

    const dates = stepById(steps, "dates");
    expect(figures(dates)).toEqual({
      Underrättelsedag: "2012-12-15",
      Återtagningsdag: "2012-12-20",
      "Nästa förfallodag": "2012-12-30",
    });

    const reduction = stepById(steps, "reduction");
    expect(figures(reduction)).toMatchObject({
      Metod: "78-regeln",
      "Återstående avbetalningar (t)": `${T1} av ${N}`,
      "Kreditkostnad utan uppläggningsavgift (c)": "23 816,00 kr",
      "Reduceringsbelopp (R)": kr(R1),
    });
    expect(reduction.why).toContain(
      "Inget restbelopp: lika stora avbetalningar hela tiden (annuitetslån) → 78-regeln.",
    );
    expect(reduction.why).toContain(
      `40 förfallodagar har passerat inklusive nästa (2009-09-30 … 2012-12-30) → t = ${N} − 40 = ${T1}.`,
    );
    expect(R1_EXACT.toFixed(2)).toBe("4784.95");
    expect(reduction.why).toContain(
      `R = t(t + 1) · c / (n(n + 1)) = 32 · 33 · 23 816,00 kr / (72 · 73) = 4 784,95 kr → ${kr(R1)}.`,
    );
    expect(reduction.summary).toBe(`R = ${kr(R1)}`);

    const amountDue = stepById(steps, "amountDue");
    expect(figures(amountDue)).toMatchObject({
      "Obetald del av kreditfordran": kr(UNPAID1),
      Grundavgift: kr(600),
      Reduceringsbelopp: kr(-R1),
      "Att betala exkl. ränta": kr(UNPAID1 + 600 - R1),
      Dröjsmålsränta: kr(2099),
      "Yrkad ränta per ansökningsdagen": kr(487),
      "Att betala inkl. ränta": kr(DUE1_NOTICE),
    });
    // 2012-09-05 … 2012-12-15, both days counted: September from the 5th, October, November, and
    // December to the 15th.
    const days = 26 + 31 + 30 + 15;
    expect(amountDue.why.join(" ")).toContain(`(${days} dagar, första och sista dagen räknade`);

    const letter = stepById(steps, "letter");
    expect(letter.letter?.kind).toBe("notice");
    expect(figures(letter)).toEqual({
      Brev: "Underrättelse om återtagning",
      Mottagare: "Sökanden och svaranden",
      "Att betala för att undgå återtagning per 2012-12-15": kr(DUE1_NOTICE),
    });

    const repossession = stepById(steps, "repossession");
    expect(repossession.why).toContain(
      `78-regeln: reduceringsbeloppet är detsamma (t = ${T1} båda dagarna).`,
    );
  });

  it("example 2: the residual chooses actual settlement; surplus 1 471 kr → demand; R recomputed", () => {
    const { steps, calc } = guide(example2);
    expect(calc).not.toBeNull();
    expect(figures(stepById(steps, "application"))["Obetald del av kreditfordran"]).toBe(
      kr(UNPAID2),
    );
    const reduction = stepById(steps, "reduction");
    expect(figures(reduction)["Metod"]).toBe("Faktisk avräkning");
    expect(reduction.why).toContain("Restbelopp finns (40 000 kr) → faktisk avräkning.");
    // Due date 39 is 2012-11-30; 2012-12-15 is 15 of the 30 days into the running period.
    expect(reduction.why).toContain(
      "39 förfallodagar har passerat till och med 2012-12-15; räntan efter förfallodag 39 hör till tiden efter återtagandet.",
    );
    expect(reduction.why.join(" ")).toContain("sedan 2012-11-30 (15 av 30 dagar)");

    const valuation = stepById(steps, "valuation");
    expect(figures(valuation)).toEqual({
      "Uppskattat värde": kr(95000),
      "Att betala inkl. ränta per 2012-12-20": kr(DUE2_REPOSSESSION),
      "Överskott per 2012-12-20 (värde − att betala)": kr(95000 - DUE2_REPOSSESSION),
    });

    const letter = stepById(steps, "letter");
    expect(letter.letter?.kind).toBe("payDifference");
    expect(letter.letter?.amount.toFixed(2)).toBe("1471.00");
    expect(figures(letter)).toEqual({
      Brev: "Begäran om mellanskillnad",
      Mottagare: "Sökanden",
      "Mellanskillnad att betala eller deponera per 2012-12-20": kr(1471),
    });

    // Recomputed at the repossession date (docs/functions.md's ACTUALREDUCTION example gives the notice date's).
    const repossession = stepById(steps, "repossession");
    expect(repossession.why.join(" ")).toContain("10 474,48 kr per 2012-12-15 → ");
    expect(figures(repossession)["Att betala inkl. ränta"]).toBe(kr(DUE2_REPOSSESSION));
  });
});

describe("guided steps: edges (conventions §9) and problems", () => {
  it("a date before the first due date: the first counts as passed (t = n − 1), nothing accrued", () => {
    const early: ContractInput = {
      ...example1,
      contractDate: "2012-11-01",
      firstDueDate: "2013-03-31",
      installmentsPaid: 0,
      method: "actual",
    };
    const steps = guideSteps(early);
    const reduction = stepById(steps, "reduction");
    expect(reduction.state).toBe("ready");
    // Due_0 is 2013-02-28, after both dates: no period has started.
    expect(reduction.why).toContain(
      "Dagen ligger före kreditens första period: ingen ränta har upplupit.",
    );
    expect(figures(reduction)["Upplupen ränta sedan förfallodag m"]).toBe("0,00 kr");
    // No due date passed: the fees of all 72 instalments are unearned, 72 × 25 = 1 800.
    expect(N * FEE).toBe(1800);
    expect(figures(reduction)["Aviavgifter för avbetalningar som inte förfallit"]).toBe(
      "1 800,00 kr",
    );
    const rule78 = guideSteps({ ...early, method: "rule78" });
    expect(stepById(rule78, "reduction").why).toContain(
      `Ingen förfallodag har passerat före dagen; den första räknas som passerad → t = ${N} − 1 = ${N - 1}.`,
    );
  });

  it("a value above the debt: the demand for the difference at the repossession date", () => {
    const steps = guideSteps({ ...example1, estimatedValue: 100000 });
    const letter = stepById(steps, "letter");
    expect(letter.letter?.kind).toBe("payDifference");
    expect(figures(letter)["Mellanskillnad att betala eller deponera per 2012-12-20"]).toBe(
      kr(100000 - 77551),
    );
  });

  it("no estimated value: steps 1–4 ready, step 5 asks for it, 6–7 wait for step 5", () => {
    const { estimatedValue: _, ...withoutValue } = example1;
    const steps = guideSteps(withoutValue);
    expect(steps.map((s) => s.state)).toEqual([
      "ready",
      "ready",
      "ready",
      "ready",
      "problems",
      "waiting",
      "waiting",
    ]);
    expect(stepById(steps, "valuation").problems).toEqual([
      {
        field: "estimatedValue",
        message:
          "Ange godsets uppskattade värde: det avgör om underrättelse eller begäran om mellanskillnad ska skickas.",
      },
    ]);
    expect(steps[5].waitingFor).toBe(5);
  });

  it("an engine error is a problem of the step that asks for its field; every step waits for it", () => {
    const steps = guideSteps({ ...example1, installmentsPaid: 99 });
    const application = stepById(steps, "application");
    expect(application.state).toBe("problems");
    expect(application.problems).toEqual([
      {
        field: "installmentsPaid",
        message: "Betalda avbetalningar (99) är större än Antal avbetalningar (72)",
      },
    ]);
    expect(steps.slice(1).every((s) => s.state === "waiting" && s.waitingFor === 1)).toBe(true);
  });

  it("a problem in a later step keeps earlier steps waiting for it (no calculation without it)", () => {
    const steps = guideSteps({ ...example1, annualRate: 0.5 });
    const reduction = stepById(steps, "reduction");
    expect(reduction.state).toBe("problems");
    expect(reduction.problems.map((p) => p.field)).toEqual(["installmentAmount"]);
    expect(steps[0]).toMatchObject({ state: "waiting", waitingFor: 3 });
  });

  it("an empty contract: every required field named at its step, not only the first", () => {
    const steps = guideSteps({});
    const fieldsOf = (id: (typeof GUIDE_STEP_IDS)[number]) =>
      stepById(steps, id).problems.map((p) => p.field);
    expect(fieldsOf("application")).toEqual(["caseId", "installmentsPaid", "applicationDate"]);
    expect(fieldsOf("dates")).toEqual(["repossessionDate"]);
    expect(fieldsOf("reduction")).toEqual([
      "creditAmount",
      "annualRate",
      "installments",
      "firstDueDate",
      "installmentAmount",
    ]);
    expect(stepById(steps, "application").problems[0].message).toBe(
      "Ärende saknas (obligatoriskt fält)",
    );
  });

  it("problems found before the engine (a field's own text) are kept, one per field", () => {
    const steps = guideSteps(example1, {
      problems: [{ field: "noticeDate", message: "Underrättelsedag: fel" }],
    });
    expect(stepById(steps, "dates").problems).toEqual([
      { field: "noticeDate", message: "Underrättelsedag: fel" },
    ]);
    expect(steps[0]).toMatchObject({ state: "waiting", waitingFor: 2 });
  });

  it("costs above the own-work cap and interest from before the application date are flagged", () => {
    const steps = guideSteps({ ...example1, applicantCosts: 500, interestFrom: "2012-09-01" });
    const checks = stepById(steps, "application").checks.join(" ");
    expect(checks).toContain(`Sökandens kostnader ${kr(500)}`);
    expect(checks).toContain(`högst ${kr(310)}`);
    expect(checks).toContain("Dröjsmålsräntan yrkas från 2012-09-01");
  });
});
