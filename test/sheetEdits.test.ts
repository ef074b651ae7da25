/**
 * What a user meets after editing the calculation sheet, checked by LibreOffice recalculating the
 * exported workbook with every cached result removed: the sheet must agree with the engine, or show
 * #N/A / an empty column, never a plausible wrong figure. Each case was found in review.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { calculate, excelSerialFromDay, parseContract, parseIsoDate } from "../src/engine";
import { runCli } from "../src/cli/cli";
import { writeXlsxFile } from "../src/export/writeFile";
import { positionOf } from "../src/sheet/grid";
import { planSheet } from "../src/sheet/plan";
import { SheetPlan } from "../src/sheet/types";
import { describeWithSoffice, readCellValues, recalculateXlsx } from "./support/libreoffice";

const example = (n: number) =>
  JSON.parse(
    fs.readFileSync(path.join(__dirname, "..", "examples", `worked-example-${n}.json`), "utf8"),
  );
const serialOf = (iso: string) => excelSerialFromDay(parseIsoDate(iso, "test"));

/** The plan with the named input cells set to new values and all cached results removed. */
function edited(plan: SheetPlan, edits: Record<string, string | number | undefined>): SheetPlan {
  const at = positionOf;
  const targets = new Map(
    Object.entries(edits).map(([name, value]) => [JSON.stringify(at(plan.names[name])), value]),
  );
  return {
    ...plan,
    cells: plan.cells.map((cell) => {
      const key = JSON.stringify({ row: cell.row, col: cell.col });
      if (targets.has(key)) return { ...cell, value: targets.get(key) };
      return cell.formula ? { ...cell, result: undefined } : cell;
    }),
  };
}

/** The planned cell of a public name. */
function cellNamed(plan: SheetPlan, name: string) {
  const { row, col } = positionOf(plan.names[name]);
  return plan.cells.find((c) => c.row === row && c.col === col)!;
}

async function recalculated(plan: SheetPlan): Promise<(name: string) => unknown> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "edits-"));
  const file = path.join(dir, "sheet.xlsx");
  await writeXlsxFile([plan], file);
  const values = await readCellValues(await recalculateXlsx(file), plan.name);
  return (name) => values.get(plan.names[name]);
}

const describeSoffice = describeWithSoffice();

describeSoffice("edited calculation sheets, recalculated by LibreOffice", () => {
  test("a stated unpaid credit claim wins over installmentsPaid, as in the engine", async () => {
    const calc = calculate(parseContract({ ...example(1), unpaidCreditClaim: 80000 }));
    const read = await recalculated(edited(planSheet(calc), {}));
    // 80 000 + 600 − 4 785 = 75 815; interest on 80 000 at 9.5 % for 102 and 107 days.
    expect(read("notice.amountInclInterest")).toBe(
      75815 + Math.round((80000 * 0.095 * 102) / 365) + 487,
    );
    expect(read("repossession.amountInclInterest")).toBe(
      75815 + Math.round((80000 * 0.095 * 107) / 365) + 487,
    );
    expect(read("repossession.amountInclInterest")).toBe(
      calc.statements[1].lines.amountInclInterest.toNumber(),
    );
  });

  test("an unknown method in the method cell is #N/A, not a silent rule of 78", async () => {
    const plan = planSheet(calculate(parseContract(example(2))));
    const read = await recalculated(edited(plan, { methodChoice: "faktisk" }));
    expect(read("repossession.reduction")).toEqual({ error: "#N/A" });
    expect(read("repossession.amountInclInterest")).toEqual({ error: "#N/A" });
  });

  test("rule78 typed on a credit with a residual computes it and warns (conventions §4)", async () => {
    const plan = planSheet(calculate(parseContract(example(2))));
    const read = await recalculated(edited(plan, { methodChoice: "rule78" }));
    // R = 32 · 33 · 30 480 / (72 · 73) = 6 123.84 → 6 124.
    expect(read("repossession.reduction")).toBe(6124);
    expect(read("methodCheck")).toMatch(
      /^Obs: 78-regeln förutsätter lika stora avbetalningar utan restbelopp/,
    );
  });

  test.each([
    ["78-regeln", "rule78", "78-regeln"],
    ["faktisk avräkning", "actual", "Faktisk avräkning"],
    ["Automatiskt", "auto", "Faktisk avräkning"], // a residual: actual settlement (conventions §5)
  ] as const)(
    "the Swedish method name %s typed in the method cell works as the code %s (case ignored)",
    async (typed, code, shown) => {
      const plan = planSheet(calculate(parseContract(example(2))));
      const read = await recalculated(edited(plan, { methodChoice: typed }));
      // The engine, given the code, is the independent reference for the sheet's formulas.
      const engine = calculate(parseContract({ ...example(2), method: code }));
      expect(read("repossession.reduction")).toBe(engine.statements[1].lines.reduction.toNumber());
      expect(read("methodName")).toBe(shown);
    },
  );

  test("a cleared notice date empties the notice column", async () => {
    const plan = planSheet(calculate(parseContract(example(1))));
    const read = await recalculated(edited(plan, { noticeDate: undefined }));
    for (const name of [
      "notice.t",
      "notice.reduction",
      "notice.amountInclInterest",
      "notice.surplus",
    ]) {
      expect([undefined, null, ""]).toContain(read(name));
    }
    expect(read("repossession.amountInclInterest")).toBe(77551);
    // The late-interest table's title loses its date with the date (a formula of the date cell).
    expect(read("notice.interestTitle")).toBe("Till underrättelsedagen");
  });

  test("a repossession date moved past the interest table gives #N/A interest, not a part sum", async () => {
    const plan = planSheet(calculate(parseContract(example(1))));
    const read = await recalculated(edited(plan, { repossessionDate: serialOf("2013-01-10") }));
    expect(read("repossession.lateInterest")).toEqual({ error: "#N/A" });
    expect(read("repossession.amountInclInterest")).toEqual({ error: "#N/A" });
    expect(read("notice.amountInclInterest")).toBe(77449);
  });

  test("the late-interest table titles follow edited dates (a formula, not the old date as text)", async () => {
    const plan = planSheet(calculate(parseContract(example(1))));
    expect(cellNamed(plan, "repossession.interestTitle").result).toBe(
      "Till återtagningsdagen 2012-12-20",
    );
    const read = await recalculated(
      edited(plan, {
        noticeDate: serialOf("2012-11-09"),
        repossessionDate: serialOf("2012-12-03"),
      }),
    );
    expect(read("notice.interestTitle")).toBe("Till underrättelsedagen 2012-11-09");
    expect(read("repossession.interestTitle")).toBe("Till återtagningsdagen 2012-12-03");
  });

  test("a stated interest capital stays fixed when the instalments paid are edited", async () => {
    const calc = calculate(parseContract({ ...example(1), interestCapital: 79048 }));
    const read = await recalculated(edited(planSheet(calc), { paid: 35 }));
    // Unpaid claim now 37 × 1 928 = 71 336; interest still on 79 048: 2 099 at the notice date.
    expect(read("notice.lateInterest")).toBe(2099);
    expect(read("notice.unpaidCreditClaim")).toBe(71336);
  });
});

describe("contracts refused instead of computed wrongly", () => {
  test("an instalment far too small for the credit is refused, naming the field", () => {
    expect(() =>
      parseContract({ ...example(1), installmentAmount: 1000, residual: 50000, method: "actual" }),
    ).toThrow(
      /^Fältet installmentAmount \(1 000\) och fältet residual \(50 000\) går inte ihop .*återstår 27 920,11 kr/,
    );
  });

  test("the workshop's own instalment, 5.12 kr short at the end, is accepted", () => {
    expect(() => parseContract(example(1))).not.toThrow();
  });

  test("all instalments paid with a repossession mid-term: the reduction exceeds the claim", () => {
    expect(() => calculate(parseContract({ ...example(1), installmentsPaid: 72 }))).toThrow(
      /^Fältet installmentsPaid \(72\) stämmer inte: reduceringsbeloppet 4 784,95 kr den 2012-12-15 är större än obetald del av kreditfordran 0,00 kr$/,
    );
  });

  test("interest starting after the repossession date plans a sheet with no interest rows", () => {
    const calc = calculate(
      parseContract({
        ...example(1),
        applicationDate: "2026-07-01",
        interestFrom: "2026-07-20",
        noticeDate: undefined,
        repossessionDate: "2026-07-10",
        firstDueDate: "2025-09-30",
        contractDate: "2025-08-28",
        installmentsPaid: 5,
      }),
    );
    expect(calc.statements[0].lateInterest.total.toFixed(2)).toBe("0.00");
    const plan = planSheet(calc);
    const { row, col } = positionOf(plan.names["repossession.interestTotal"]);
    const total = plan.cells.find((c) => c.row === row && c.col === col);
    expect(total?.result).toBe(0);
    expect(total?.formula).toMatch(/,0,NA\(\)\)$/);
  });
});

describe("the statement text warns about the rule of 78 on a credit with a residual", () => {
  test.each([
    ["example 2 forced to rule78", { ...example(2), method: "rule78" }, true],
    ["example 2 as the workshop computes it (actual)", example(2), false],
    ["example 1 (no residual, rule78)", example(1), false],
  ])("%s", async (_name, contract, warned) => {
    const { statementText } = await import("../src/cli/statementText");
    const text = statementText(calculate(parseContract(contract)));
    expect(
      text.includes("Obs: 78-regeln förutsätter lika stora avbetalningar utan restbelopp"),
    ).toBe(warned);
  });
});

describe("the CLI refuses an unwritable output path with one line, status 2", () => {
  test("--out naming a directory", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "out-dir-"));
    const target = path.join(dir, "a.xlsx");
    fs.mkdirSync(target);
    const err: string[] = [];
    const status = await runCli(
      ["sheet", path.join(__dirname, "..", "examples", "worked-example-1.json"), "--out", target],
      {
        out: () => undefined,
        err: (t) => err.push(t),
      },
    );
    expect(status).toBe(2);
    expect(err).toEqual([
      `Fel: ${target}: kan inte skrivas (en mapp; ange ett filnamn, t.ex. ${path.join(target, "kalkyl.xlsx")})`,
    ]);
  });
});
