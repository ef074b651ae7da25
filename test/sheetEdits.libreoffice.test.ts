/**
 * What a user meets after editing the calculation sheet, checked by LibreOffice recalculating the
 * exported workbook with every cached result removed (integration: needs soffice; the refusals and
 * warnings without LibreOffice are test/sheetEdits.test.ts): the sheet must agree with the engine, or show
 * #N/A / an empty column, never a plausible wrong figure. Each case was found in review.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { calculate, excelSerialFromDay, parseContract, parseIsoDate } from "../src/engine";
import { positionOf } from "../src/sheet/grid";
import { planSheet } from "../src/sheet/plan";
import { SheetPlan } from "../src/sheet/types";
import {
  describeWithSoffice,
  recalculatedPlans,
  withoutCachedResults,
} from "./support/libreoffice";

const example = (n: number) =>
  JSON.parse(
    fs.readFileSync(path.join(__dirname, "..", "examples", `worked-example-${n}.json`), "utf8"),
  );
const serialOf = (iso: string) => excelSerialFromDay(parseIsoDate(iso, "test"));

/** The planned cell of a public name. */
function cellNamed(plan: SheetPlan, name: string) {
  const { row, col } = positionOf(plan.names[name]);
  return plan.cells.find((c) => c.row === row && c.col === col)!;
}

async function recalculated(plan: SheetPlan): Promise<(name: string) => unknown> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "edits-"));
  const book = await recalculatedPlans([plan], path.join(dir, "sheet.xlsx"));
  return (name) => book.named(0, name);
}

const describeSoffice = describeWithSoffice();

describeSoffice("edited calculation sheets, recalculated by LibreOffice", () => {
  test("a stated unpaid credit claim wins over installmentsPaid, as in the engine", async () => {
    const calc = calculate(parseContract({ ...example(1), unpaidCreditClaim: 80000 }));
    const read = await recalculated(withoutCachedResults(planSheet(calc), {}));
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
    const read = await recalculated(withoutCachedResults(plan, { methodChoice: "faktisk" }));
    expect(read("repossession.reduction")).toEqual({ error: "#N/A" });
    expect(read("repossession.amountInclInterest")).toEqual({ error: "#N/A" });
  });

  test("rule78 typed on a credit with a residual computes it and warns (conventions §4)", async () => {
    const plan = planSheet(calculate(parseContract(example(2))));
    const read = await recalculated(withoutCachedResults(plan, { methodChoice: "rule78" }));
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
      const read = await recalculated(withoutCachedResults(plan, { methodChoice: typed }));
      // The engine, given the code, is the independent reference for the sheet's formulas.
      const engine = calculate(parseContract({ ...example(2), method: code }));
      expect(read("repossession.reduction")).toBe(engine.statements[1].lines.reduction.toNumber());
      expect(read("methodName")).toBe(shown);
    },
  );

  test("a cleared notice date empties the notice column", async () => {
    const plan = planSheet(calculate(parseContract(example(1))));
    const read = await recalculated(withoutCachedResults(plan, { noticeDate: undefined }));
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
    const read = await recalculated(
      withoutCachedResults(plan, { repossessionDate: serialOf("2013-01-10") }),
    );
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
      withoutCachedResults(plan, {
        noticeDate: serialOf("2012-11-09"),
        repossessionDate: serialOf("2012-12-03"),
      }),
    );
    expect(read("notice.interestTitle")).toBe("Till underrättelsedagen 2012-11-09");
    expect(read("repossession.interestTitle")).toBe("Till återtagningsdagen 2012-12-03");
  });

  test("a stated interest capital stays fixed when the instalments paid are edited", async () => {
    const calc = calculate(parseContract({ ...example(1), interestCapital: 79048 }));
    const read = await recalculated(withoutCachedResults(planSheet(calc), { paid: 35 }));
    // Unpaid claim now 37 × 1 928 = 71 336; interest still on 79 048: 2 099 at the notice date.
    expect(read("notice.lateInterest")).toBe(2099);
    expect(read("notice.unpaidCreditClaim")).toBe(71336);
  });
});
