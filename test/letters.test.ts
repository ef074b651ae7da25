/**
 * The letter sheets (issue 11): which letters a case gets, their names, and their plans — golden
 * files for both worked examples, every figure a reference to the calculation sheet's named cell
 * whose cached result is the engine's figure (checked here against conventions §8's amounts and
 * against sums written out in the test), the small print, and the warning that is empty while the
 * sheet's outcome is the letter's own.
 */
import fs from "fs";
import path from "path";
import { OUTCOME_TEXT, calculate, parseContract, STATEMENT_ROWS } from "../src/engine";
import { planCaseWorkbook } from "../src/sheet/caseWorkbook";
import { positionOf } from "../src/sheet/grid";
import { LETTER_SHEET_PREFIX, letterSheetName, lettersFor } from "../src/sheet/letters";
import { LETTER_COMMON } from "../src/sheet/letters/texts";
import { planSheet } from "../src/sheet/plan";
import { MAX_SHEET_NAME_LENGTH } from "../src/sheet/sheetNames";
import { SheetPlan } from "../src/sheet/types";
import { renderPlan } from "./support/goldenPlan";

const example = (n: number) =>
  JSON.parse(
    fs.readFileSync(path.join(__dirname, "..", "examples", `worked-example-${n}.json`), "utf8"),
  );
const calcOf = (input: Record<string, unknown>) => calculate(parseContract(input));

/** The cell at a plan's public name. */
function cellNamed(plan: SheetPlan, name: string) {
  const a1 = plan.names[name];
  if (a1 === undefined) throw new Error(`${plan.name} has no name ${name}`);
  const { row, col } = positionOf(a1);
  return plan.cells.find((c) => c.row === row && c.col === col)!;
}

/** Rows of the lines of conventions §7 as the test writes them out: the totals from the lines. */
function statement(unpaid: number, reduction: number, interest: number) {
  const exclInterest = unpaid + 600 + 0 - reduction;
  return {
    unpaidCreditClaim: unpaid,
    basicFee: 600,
    applicantCosts: 0,
    reduction: -reduction, // the letters print the subtracted reduction with its sign
    amountExclInterest: exclInterest,
    lateInterest: interest,
    claimedInterest: 487,
    amountInclInterest: exclInterest + interest + 487,
  };
}

describe("which letters a case calls for (conventions §7)", () => {
  test.each([
    ["example 1: value 60 000 below the debt → notice", example(1), ["notice", "protocol"]],
    ["example 2: value 95 000 above 93 529 → demand", example(2), ["demand", "protocol"]],
    [
      "no estimated value: neither letter can be chosen yet",
      { ...example(1), estimatedValue: undefined },
      ["protocol"],
    ],
    [
      "value equal to the debt: no surplus, so the notice",
      { ...example(1), estimatedValue: 77551 },
      ["notice", "protocol"],
    ],
  ])("%s", (_, input, expected) => {
    expect(lettersFor(calcOf(input))).toEqual(expected);
  });

  test("without letters the case workbook is the calculation sheet alone, unchanged", () => {
    const calc = calcOf(example(1));
    expect(planCaseWorkbook(calc, { letters: false })).toEqual([planSheet(calc)]);
  });
});

describe("letter sheet names", () => {
  test("the calculation sheet first, then the letters named by prefix and case id", () => {
    expect(planCaseWorkbook(calcOf(example(1)), { letters: true }).map((p) => p.name)).toEqual([
      "Övning 1",
      "Underrättelse Övning 1",
      "Beräkning vid återtagningen", // 27 characters: the case id does not fit in 31
    ]);
    expect(planCaseWorkbook(calcOf(example(2)), { letters: true }).map((p) => p.name)).toEqual([
      "Övning 2",
      "Mellanskillnad Övning 2",
      "Beräkning vid återtagningen",
    ]);
  });

  test("taken names get a counter (compared without case), and the letters link to the new name", () => {
    const existing = ["övning 1", "Underrättelse Övning 1", "Beräkning vid återtagningen"];
    const plans = planCaseWorkbook(calcOf(example(1)), {
      letters: true,
      existingSheetNames: existing,
    });
    expect(plans.map((p) => p.name)).toEqual([
      "Övning 1 (2)",
      "Underrättelse Övning 1 (2)",
      "Beräkning vid återtagningen (2)",
    ]);
    const formulas = plans[1].cells.flatMap((c) => (c.formula ? [c.formula] : []));
    expect(formulas.length).toBeGreaterThan(10);
    for (const formula of formulas) expect(formula).toContain("'Övning 1 (2)'!$");
  });

  test("twelve cases: every name unique, within 31 characters, and starting with its prefix", () => {
    const taken: string[] = [];
    const letterNames: string[] = [];
    for (let i = 1; i <= 12; i++) {
      const plans = planCaseWorkbook(
        calcOf({ ...example(i % 2 === 1 ? 1 : 2), caseId: `Mål ${i}` }),
        {
          letters: true,
          existingSheetNames: taken,
        },
      );
      taken.push(...plans.map((p) => p.name));
      letterNames.push(...plans.slice(1).map((p) => p.name));
    }
    const keys = taken.map((name) => name.toLocaleLowerCase("sv"));
    expect(new Set(keys).size).toBe(taken.length);
    for (const name of taken) expect(name.length).toBeLessThanOrEqual(MAX_SHEET_NAME_LENGTH);
    const prefixes = Object.values(LETTER_SHEET_PREFIX);
    for (const name of letterNames)
      expect(prefixes.some((prefix) => name.startsWith(prefix))).toBe(true);
    expect(letterNames).toContain("Underrättelse Mål 11");
    expect(letterNames).toContain("Mellanskillnad Mål 12");
    expect(letterNames).toContain("Beräkning vid återtagningen (9)");
    expect(letterNames).toContain("Beräkning vid återtagningen 10"); // "(10)" would make 32
    expect(letterNames).toContain("Beräkning vid återtagningen 12");
  });

  test("a case id too long to follow the prefix: the prefix alone, then a counter", () => {
    const caseId = "Kronofogden 2026-123456-AB"; // "Underrättelse " + 26 characters = 40
    expect(letterSheetName("Underrättelse", caseId, [])).toBe("Underrättelse");
    expect(letterSheetName("Underrättelse", caseId, ["UNDERRÄTTELSE"])).toBe("Underrättelse (2)");
  });

  test("an apostrophe in the case id becomes ’ (as the .xlsx writer names sheets), in the references too", () => {
    const plans = planCaseWorkbook(calcOf({ ...example(1), caseId: "O'Neil 1" }), {
      letters: true,
    });
    expect(plans.map((p) => p.name)).toEqual([
      "O’Neil 1",
      "Underrättelse O’Neil 1",
      "Beräkning vid återtagningen",
    ]);
    expect(cellNamed(plans[1], "amountInclInterest").formula).toMatch(/^'O’Neil 1'!\$B\$\d+$/);
  });
});

describe.each([
  // Example 1 (conventions §8): 41 × 1 928 unpaid, R = 4 785, interest 2 099 to the notice date;
  // to 2012-12-20: 79 048 × 9,5 % × 107 days / 365 = 2 201,45 → 2 201.
  {
    n: 1,
    letters: ["notice", "protocol"],
    first: statement(41 * 1928, 4785, 2099),
    repossession: statement(41 * 1928, 4785, 2201),
  },
  // Example 2: the debt at the repossession 93 529 against the value 95 000 (issue 11).
  { n: 2, letters: ["demand", "protocol"], first: null, repossession: null },
])("the letters of worked example $n", ({ n, letters, first, repossession }) => {
  const calc = calcOf(example(n));
  const [sheet, ...plans] = planCaseWorkbook(calc, { letters: true });

  test.each(letters.map((kind, i) => [kind, i] as const))(
    "%s matches its approved golden file (one line per cell)",
    (kind, i) => {
      const golden = path.join(__dirname, "golden", `worked-example-${n}.${kind}.plan.txt`);
      const actual = renderPlan(plans[i]);
      const approved = fs.existsSync(golden) ? fs.readFileSync(golden, "utf8") : "";
      if (approved.trim() === "") {
        fs.writeFileSync(golden, actual.join("\n") + "\n");
        throw new Error(`golden file written: ${golden}; read it, approve it and commit it`);
      }
      expect(actual).toEqual(approved.replace(/\n$/, "").split("\n"));
    },
  );

  test("every formula is a reference into the calculation sheet, never a figure of its own", () => {
    const named = new Set(Object.values(sheet.names).map((a1) => a1.replace(/\$/g, "")));
    for (const plan of plans) {
      for (const cell of plan.cells.filter((c) => c.formula !== undefined)) {
        const refs = [...cell.formula!.matchAll(/'([^']+)'!\$([A-Z]+)\$(\d+)/g)];
        expect(refs.length).toBeGreaterThan(0);
        for (const [, name, col, row] of refs) {
          expect(name).toBe(sheet.name);
          expect(named.has(`${col}${row}`)).toBe(true);
        }
        expect(cell.formula).not.toMatch(/[{}]/);
        expect(cell.formula!.replace(/'[^']*'!\$[A-Z]+\$\d+|"[^"]*"/g, "")).not.toMatch(/\d/);
      }
    }
  });

  test("the small print says it is a draft, not the authority's form; one A4 page, portrait", () => {
    for (const plan of plans) {
      expect(plan.cells[1].value).toBe(LETTER_COMMON.draft);
      expect(plan.cells[1].style).toBe("note");
      expect(plan.print).toMatchObject({
        orientation: "portrait",
        paperSize: "A4",
        fitToWidth: 1,
        pageBreaksBefore: [],
        area: `A1:D${plan.rowCount}`,
      });
      expect(plan.print.footer).toContain("inte en officiell blankett");
      // Rows at 15 pt unless planned taller: well inside an A4 page's ~720 pt of print height.
      const height = Array.from(
        { length: plan.rowCount },
        (_, row) => plan.rowHeights?.[row] ?? 15,
      ).reduce((a, b) => a + b, 0);
      expect(height).toBeLessThan(650);
    }
  });

  test("the law reference comes from the engine's data through the sheet's Lagrum cell", () => {
    for (const plan of plans) {
      expect(cellNamed(plan, "law").result).toBe(
        `${calc.law.settlement}; dröjsmålsränta enligt ${calc.law.lateInterest}`,
      );
      expect(cellNamed(plan, "law").formula).toBe(
        `'${sheet.name}'!$${sheet.names.law.replace(/(\d)/, "$$$1")}&""`,
      );
    }
  });

  if (first !== null && repossession !== null) {
    test("the notice: the amount to pay at the notice date, line by line, and the protocol's at the repossession", () => {
      const [notice, protocol] = plans;
      for (const key of STATEMENT_ROWS) {
        expect([key, cellNamed(notice, key).result]).toEqual([key, first[key]]);
        expect([key, cellNamed(protocol, key).result]).toEqual([key, repossession[key]]);
      }
      expect(first.amountInclInterest).toBe(77449); // conventions §8
      expect(cellNamed(notice, "asOf").result).toBe(41258); // 2012-12-15
      expect(cellNamed(notice, "asOf").numberFormat).toBe("yyyy-mm-dd");
      expect(cellNamed(protocol, "date").result).toBe(41263); // 2012-12-20
      expect(cellNamed(protocol, "surplus").result).toBe(60000 - repossession.amountInclInterest);
      expect(cellNamed(protocol, "difference").result).toBe(0);
      expect(cellNamed(protocol, "outcome").result).toBe(OUTCOME_TEXT.notice);
    });
    test("the notice's day, time and place: the day follows the sheet but may be typed over; time and place to fill in", () => {
      const notice = plans[0];
      expect(cellNamed(notice, "repossessionDay")).toMatchObject({ result: 41263, style: "input" });
      for (const name of ["time", "place", "officer", "phone"])
        expect(cellNamed(notice, name)).toMatchObject({ style: "input" });
      expect(cellNamed(notice, "place").value).toBeUndefined();
    });
  } else {
    test("the demand: 95 000 − 93 529 = 1 471 kr to pay or deposit", () => {
      const demand = plans[0];
      expect(cellNamed(demand, "value").result).toBe(95000);
      expect(cellNamed(demand, "debt").result).toBe(93529);
      expect(cellNamed(demand, "surplus").result).toBe(95000 - 93529);
      expect(cellNamed(demand, "surplus").result).toBe(1471);
      expect(cellNamed(demand, "asOf").result).toBe(41263);
      expect(cellNamed(plans[1], "amountInclInterest").result).toBe(93529);
      expect(cellNamed(plans[1], "difference").result).toBe(1471);
    });
  }

  test("the warning is empty while the sheet's outcome is the letter's own, and reads the outcome cell", () => {
    const outcomeLetter = plans[0];
    const warning = cellNamed(outcomeLetter, "warning");
    expect(warning.result).toBe("");
    expect(warning.style).toBe("warning");
    const outcomeRef = `'${sheet.name}'!$${sheet.names.outcome.replace(/(\d)/, "$$$1")}`;
    expect(warning.formula).toContain(`IF(${outcomeRef}=`);
    expect(warning.formula).toContain(`&${outcomeRef})`);
  });
});
