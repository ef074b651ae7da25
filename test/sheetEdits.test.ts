/**
 * Contracts the calculation sheet would get wrong are refused, the rule-of-78 warning, and the CLI's
 * unwritable output path. The edited sheets recalculated by LibreOffice:
 * test/sheetEdits.libreoffice.test.ts. Each case was found in review.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { calculate, parseContract } from "../src/engine";
import { runCli } from "../src/cli/cli";
import { positionOf } from "../src/sheet/grid";
import { planSheet } from "../src/sheet/plan";

const example = (n: number) =>
  JSON.parse(
    fs.readFileSync(path.join(__dirname, "..", "examples", `worked-example-${n}.json`), "utf8"),
  );

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
