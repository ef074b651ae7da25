/**
 * The handout workbook (issue "Training mode", items 3 and 4): one exercise sheet per practice case
 * with its facts and empty answer cells, a facit with every answer as a live formula, the reference
 * rates. As plans: names, answer cells, print settings, the facit's cached results against the
 * engine's answers. Through LibreOffice: the facit recalculated from the exercise sheets' facts (no
 * cached results written) finds the engine's answers for cases of every level, and follows an edited
 * fact. Printed to PDF: each exercise sheet on one page, the facit of 20 cases on one.
 */
import ExcelJS from "exceljs";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { CONTRACT_SCHEMA, ContractField, calculate, parseContract, toReport } from "../src/engine";
import { writeXlsxFile } from "../src/export/writeFile";
import { positionOf } from "../src/sheet/grid";
import type { SheetPlan } from "../src/sheet/types";
import { ANSWER_FIELDS, OUTCOME_ANSWERS } from "../src/training/answerFields";
import { planExerciseSheet } from "../src/training/exerciseSheet";
import { FACIT_ANSWER_COLUMNS, FACIT_SHEET_NAME } from "../src/training/facitSheet";
import { PracticeCase, practiceCase, practiceCases } from "../src/training/practiceCase";
import { planExerciseWorkbook } from "../src/training/workbook";
import { EXERCISE_TEXT } from "../src/training/messages";
import {
  describeWithSoffice,
  findSoffice,
  recalculateXlsx,
  toExcelSerial,
} from "./support/libreoffice";
import { PrintedPdf, havePoppler, missingWords, printToPdf } from "./support/pdf";
import { requireTool } from "./support/requireTool";
import { excelSerialOfIso } from "./testkit/oracles";

/** The answers of a case from `calc --json`'s report, by answer id (what the facit must show). */
function reportAnswers(pc: PracticeCase): Record<string, number | string> {
  const report = toReport(calculate(parseContract(pc.contract)));
  const [notice, repossession] = report.statements;
  const out: Record<string, number | string> = {
    unpaidCreditClaim: repossession.lines.unpaidCreditClaim,
    "repossession.surplus": Number(repossession.surplus),
    "repossession.outcome": Number(repossession.surplus) > 0 ? "Mellanskillnad" : "Underrättelse",
  };
  for (const s of [notice, repossession]) {
    out[`${s.label}.t`] = s.remainingInstallments;
    out[`${s.label}.reduction`] = s.lines.reduction;
    out[`${s.label}.amountExclInterest`] = s.lines.amountExclInterest;
    out[`${s.label}.amountInclInterest`] = s.lines.amountInclInterest;
  }
  return out;
}

/** The facit column of each answer id. */
const FACIT_KEY_OF: Record<string, string> = {
  unpaidCreditClaim: "unpaidLine",
  "repossession.surplus": "surplus",
  "repossession.outcome": "outcomeWord",
  ...Object.fromEntries(
    (["notice", "repossession"] as const).flatMap((d) => [
      [`${d}.t`, `${d}.t`],
      [`${d}.reduction`, `${d}.reductionLine`],
      [`${d}.amountExclInterest`, `${d}.amountExcl`],
      [`${d}.amountInclInterest`, `${d}.amount`],
    ]),
  ),
};

const cellAt = (plan: SheetPlan, a1: string) => {
  const { row, col } = positionOf(a1);
  return plan.cells.find((c) => c.row === row && c.col === col);
};

describe("the workbook as plans", () => {
  const cases = practiceCases(2, 47, 3);
  const plans = planExerciseWorkbook(cases);

  test("one exercise sheet per case, then the facit and the reference rates", () => {
    expect(plans.map((p) => p.name)).toEqual([
      "Övning 2.47",
      "Övning 2.48",
      "Övning 2.49",
      "Facit",
      "Referensräntor",
    ]);
  });

  test("the trainees' set holds no answer: the exercise sheets and the rates, no facit, no formula", () => {
    const handout = planExerciseWorkbook(cases, { facit: false });
    expect(handout.map((p) => p.name)).toEqual([
      "Övning 2.47",
      "Övning 2.48",
      "Övning 2.49",
      "Referensräntor",
    ]);
    for (const plan of handout.slice(0, 3)) {
      expect(plan.cells.filter((c) => c.formula !== undefined)).toEqual([]);
      const text = plan.cells.map((c) => String(c.value ?? "")).join("\n");
      expect(text).not.toMatch(/facit/i);
    }
  });

  test("the notes beside t and Utfall say what they are", () => {
    const notes = (plans[0].cells ?? []).filter((c) => c.col === 3).map((c) => String(c.value));
    // t: remaining instalments, the next due date counted as passed (conventions §4).
    expect(notes).toContain(
      "avbetalningar som återstår vid dagen; nästa förfallodag räknas som passerad",
    );
    expect(notes).toContain("vad som följer vid återtagningen: Underrättelse eller Mellanskillnad");
  });

  test("with the add-in's folder, each note links to its convention in the built help page", () => {
    const base = "https://addin.example.se/atertag/";
    const [sheet] = planExerciseWorkbook(cases, { helpBase: base, facit: false });
    const notes = sheet.cells.filter((c) => c.col === 3 && c.formula !== undefined);
    const byText = Object.fromEntries(notes.map((c) => [String(c.result), c.formula]));
    // t and the reduction: conventions §4 (the rule of 78's count); the amounts to pay: §7.
    expect(
      byText["avbetalningar som återstår vid dagen; nästa förfallodag räknas som passerad"],
    ).toBe(
      `HYPERLINK("${base}conventions.html#avsnitt-4","avbetalningar som återstår vid dagen; nästa förfallodag räknas som passerad")`,
    );
    expect(
      Object.values(byText).every((f) =>
        f!.startsWith(`HYPERLINK("${base}conventions.html#avsnitt-`),
      ),
    ).toBe(true);
    expect(notes.length).toBe(7);
  });

  test("a taken name gets a counter, and the facit links to the sheet actually written", () => {
    const named = planExerciseWorkbook(cases, { existingSheetNames: ["Övning 2.48", "Facit"] });
    expect(named.map((p) => p.name)).toEqual([
      "Övning 2.47",
      "Övning 2.48 (2)",
      "Övning 2.49",
      "Facit (2)",
      "Referensräntor",
    ]);
    const facit = named[3];
    expect(facit.cells.some((c) => c.link === "Övning 2.48 (2)")).toBe(true);
    expect(facit.cells.some((c) => c.formula?.includes("'Övning 2.48 (2)'!$B$"))).toBe(true);
  });

  test.each(cases.map((pc, i) => [pc.name, i] as const))(
    "%s: every answer has an empty input cell; the facts are the contract's",
    (_, index) => {
      const plan = plans[index];
      const pc = cases[index];
      for (const field of ANSWER_FIELDS) {
        const cell = cellAt(plan, plan.names[`answer.${field.id}`]);
        expect(cell).toMatchObject({ style: "input" });
        expect(cell?.value).toBeUndefined();
        expect(cell?.formula).toBeUndefined();
      }
      expect(cellAt(plan, plan.names["input.creditAmount"])?.value).toBe(pc.contract.creditAmount);
      expect(cellAt(plan, plan.names["input.repossessionDate"])?.value).toBe(
        excelSerialOfIso(pc.contract.repossessionDate),
      );
      expect(cellAt(plan, plan.names["input.annualRate"])?.value).toBe(pc.contract.annualRate);
    },
  );

  test.each([
    [1, 1],
    [2, 3],
    [3, 5],
    [4, 2],
  ] as const)(
    "Övning %i.%i: the sheet shows each field the case carries, labelled as the schema says, and no other",
    (level, number) => {
      const pc = practiceCase(level, number);
      const plan = planExerciseSheet(pc, pc.name);
      const shown = Object.keys(plan.names)
        .filter((name) => name.startsWith("input."))
        .map((name) => name.slice("input.".length));
      // The case id is the title and the method is always automatic: every other key is a fact.
      const carried = Object.keys(pc.contract).filter((key) => !["caseId", "method"].includes(key));
      expect(shown).toEqual(carried);
      for (const field of shown) {
        const { row } = positionOf(plan.names[`input.${field}`]);
        const label = plan.cells.find((c) => c.row === row && c.col === 0)?.value;
        expect(label).toBe(CONTRACT_SCHEMA[field as ContractField].label);
      }
      expect(plan.cells[0].value).toBe(pc.name);
    },
  );

  test("an exercise prints on one A4 page: portrait, at a fixed scale, few rows", () => {
    for (const plan of plans.slice(0, 3)) {
      expect(plan.print).toMatchObject({ orientation: "portrait", paperSize: "A4" });
      expect(plan.print.scale).toBeGreaterThanOrEqual(50);
      expect(plan.print.area).toBe(`A1:D${plan.rowCount}`);
      // 15 pt rows plus the wrapped ones: within A4's printable height at 100 % (about 750 pt)
      const extra = Object.values(plan.rowHeights ?? {}).reduce((sum, h) => sum + h - 15, 0);
      expect(plan.rowCount * 15 + extra).toBeLessThan(720);
    }
  });

  test("the facit's cached results are calc --json's answers", () => {
    const facit = plans[3];
    const header = facit.cells.find((c) => c.value === "Övning" && c.style === "tableHeader")!;
    cases.forEach((pc, index) => {
      const row = header.row + 1 + index;
      const want = reportAnswers(pc);
      for (const [id, value] of Object.entries(want)) {
        const col = FACIT_ANSWER_COLUMNS.findIndex((c) => c.key === FACIT_KEY_OF[id]);
        const cell = facit.cells.find((c) => c.row === row && c.col === col);
        expect({ id, result: cell?.result }).toEqual({ id, result: value });
        expect(cell?.formula).toBeDefined();
      }
    });
  });
});

// ------------------------------------------------------------------ LibreOffice recalculates the facit

const describeSoffice = describeWithSoffice();

describeSoffice("LibreOffice recalculates the facit from the exercise sheets", () => {
  /** Cases of every level, level 4 with each of its edge cases. */
  const cases = [
    ...practiceCases(1, 1, 8),
    ...practiceCases(2, 47, 8),
    ...practiceCases(3, 10, 8),
    ...practiceCases(4, 1, 9),
  ];
  /** The case whose estimated value is edited on its exercise sheet before recalculation. */
  const edited = cases[0];
  const EDITED_VALUE = 400000;
  let dir = "";
  let facit = new Map<string, unknown>();
  let facitPlan: SheetPlan;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "exercises-"));
    const plans = planExerciseWorkbook(cases).map((plan): SheetPlan => {
      // No cached results: every value read back is LibreOffice's own.
      let cells = plan.cells.map((c) => (c.formula ? { ...c, result: undefined } : c));
      if (plan.name === edited.name) {
        const at = positionOf(plan.names["input.estimatedValue"]);
        cells = cells.map((c) =>
          c.row === at.row && c.col === at.col ? { ...c, value: EDITED_VALUE } : c,
        );
      }
      return { ...plan, cells };
    });
    facitPlan = plans.find((p) => p.name === FACIT_SHEET_NAME)!;
    const file = path.join(dir, "övningar.xlsx");
    await writeXlsxFile(plans, file, { created: new Date(Date.UTC(2026, 10, 27)) });
    const out = await recalculateXlsx(file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    wb.getWorksheet(FACIT_SHEET_NAME)!.eachRow((row) =>
      row.eachCell((cell) => {
        const v = cell.type === ExcelJS.ValueType.Formula ? cell.result : cell.value;
        facit.set(cell.address, toExcelSerial(v));
      }),
    );
  }, 180_000);
  afterAll(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
    facit = new Map();
  });

  const valueAt = (index: number, key: string) => {
    const header = facitPlan.cells.find((c) => c.value === "Övning" && c.style === "tableHeader")!;
    const col = FACIT_ANSWER_COLUMNS.findIndex((c) => c.key === key);
    const letter = String.fromCharCode(65 + col);
    return facit.get(`${letter}${header.row + 2 + index}`);
  };

  test.each(cases.slice(1).map((pc, i) => [pc.name, i + 1] as const))(
    "%s: every answer in the facit is the engine's",
    (_, index) => {
      const want = reportAnswers(cases[index]);
      for (const [id, value] of Object.entries(want)) {
        const got = valueAt(index, FACIT_KEY_OF[id]);
        if (typeof value === "number") {
          // whole-krona lines and t exactly; the surplus to the öre
          expect({ id, got: Math.round((got as number) * 100) / 100 }).toEqual({ id, got: value });
        } else expect({ id, got }).toEqual({ id, got: value });
      }
    },
  );

  test("an edited fact on the exercise sheet changes the facit (live formulas)", () => {
    const contract = { ...edited.contract, estimatedValue: EDITED_VALUE };
    const report = toReport(calculate(parseContract(contract)));
    const surplus = Number(report.statements[1].surplus);
    expect(surplus).toBeGreaterThan(0);
    expect(valueAt(0, "surplus")).toBeCloseTo(surplus, 6);
    expect(valueAt(0, "outcomeWord")).toBe(OUTCOME_ANSWERS.payDifference);
    // the same case as generated ends in a notice
    expect(reportAnswers(practiceCase(edited.level, edited.number))["repossession.outcome"]).toBe(
      "Underrättelse",
    );
  });
});

// ------------------------------------------------------------------ printed: one page per exercise

const SOFFICE = findSoffice();
const PRINTABLE =
  requireTool("soffice", SOFFICE !== null) &&
  requireTool("pdftotext", havePoppler(), "apt-get install poppler-utils");
const describePrinted = PRINTABLE ? describe : describe.skip;

describePrinted("the handout prints", () => {
  let exercisesPdf: PrintedPdf;
  let facitPdf: PrintedPdf;
  const exerciseCases = [...practiceCases(4, 1, 3), practiceCase(3, 7)];
  const facitCases = practiceCases(2, 47, 20);

  beforeAll(async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "exercises-pdf-"));
    try {
      const exercisesOnly = planExerciseWorkbook(exerciseCases).slice(0, exerciseCases.length);
      const a = path.join(dir, "exercises.xlsx");
      const b = path.join(dir, "facit.xlsx");
      await writeXlsxFile(exercisesOnly, a);
      // The whole handout (the facit's formulas need its exercise sheets); its pages are picked out.
      await writeXlsxFile(planExerciseWorkbook(facitCases), b);
      [exercisesPdf, facitPdf] = printToPdf(SOFFICE!, [a, b]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);

  test("each exercise on exactly one A4 page, with its name, facts and answer rows", () => {
    expect(exercisesPdf.pages).toBe(exerciseCases.length);
    const pages = exercisesPdf.text.split("\f").filter((page) => page.trim() !== "");
    pages.forEach((page, index) => {
      const pc = exerciseCases[index];
      expect(page).toContain(pc.name);
      expect(page).toContain(pc.contract.goods);
      for (const label of ["Reduceringsbelopp", "Att betala inkl. ränta", "Utfall"])
        expect(page).toContain(label);
      expect(missingWords(page, EXERCISE_TEXT.task)).toEqual([]);
    });
  });

  test("the facit of 20 cases on one landscape page, every case and its amount to pay", () => {
    // each printed page starts with its page header: "Facit" on the facit's pages
    const pages = facitPdf.text.split("\f").filter((page) => page.trim() !== "");
    const facitPages = pages.filter((page) => /^\s*Facit\b/.test(page));
    expect(facitPages).toHaveLength(1);
    const [facit] = facitPages;
    expect(facit).toContain("Facit – Övning 2.47 till Övning 2.66");
    for (const pc of facitCases) {
      expect(facit).toContain(pc.name);
      const amount = reportAnswers(pc)["repossession.amountInclInterest"] as number;
      const [thousands, rest] = [Math.floor(amount / 1000), String(amount % 1000).padStart(3, "0")];
      expect(facit).toMatch(new RegExp(`${thousands}[\\s,.\\u00a0\\u202f]?${rest} kr`));
    }
  });
});
