/**
 * The streaming batch's summary recalculated by LibreOffice to the figures of `calc --json`
 * (integration: needs soffice; the rest of the streaming batch is test/batchStream.test.ts).
 */
import * as fs from "fs";
import * as path from "path";
import { CalculationReport } from "../src/engine";
import { SummaryRows } from "../src/sheet/summary";
import { describeWithSoffice, readCellValues, recalculateXlsx } from "./support/libreoffice";
import { contractsCsv as writeContractsCsv, runAtertagWith, variedContracts } from "./testkit/cli";
import { scratchFolder } from "./testkit/fixtures";

const scratch = scratchFolder("atertag-stream-");
afterEach(() => jest.restoreAllMocks());

const run = runAtertagWith;
const contractsCsv = (name: string, rows: Record<string, unknown>[]) =>
  writeContractsCsv(scratch(), name, rows);

const describeSoffice = describeWithSoffice();

describeSoffice("the streamed summary recalculated by LibreOffice", () => {
  jest.setTimeout(240_000);

  test("every sampled row comes out at calc --json's figures; the refused row is listed", async () => {
    const contracts = variedContracts(9);
    contracts.splice(4, 0, { ...contracts[0], caseId: "Trasig", installmentsPaid: 99 });
    const file = contractsCsv("lo.csv", contracts);
    // Each good contract also as a JSON file, for calc --json.
    const good = contracts.filter((c) => c.caseId !== "Trasig");
    const jsonFiles = good.map((c, i) => {
      const f = path.join(scratch(), `lo-${i}.json`);
      fs.writeFileSync(f, JSON.stringify(c));
      return f;
    });
    const calc = await run(["calc", ...jsonFiles, "--json"]);
    const reports = JSON.parse(calc.out.join("\n")) as CalculationReport[];

    // Streamed with no cached results at all, so only LibreOffice's own evaluation can fill a cell.
    const original = SummaryRows.prototype.row;
    jest.spyOn(SummaryRows.prototype, "row").mockImplementation(function (this: SummaryRows, c) {
      return original
        .call(this, c)
        .map((cell) => (cell.formula ? { ...cell, result: undefined } : cell));
    });
    const target = path.join(scratch(), "lo.xlsx");
    const result = await run(["batch", file, "--out", target]);
    expect(result.status).toBe(3);
    const values = await readCellValues(await recalculateXlsx(target), "Sammanställning");

    const headerRow = 4;
    const headers = new Map<string, string>();
    for (const [a1, v] of values) {
      const m = /^([A-Z]+)(\d+)$/.exec(a1)!;
      if (Number(m[2]) === headerRow) headers.set(String(v), m[1]);
    }
    const at = (title: string, i: number) =>
      values.get(`${headers.get(title)}${headerRow + 1 + i}`);
    const sample = [0, 3, 5, 8];
    for (const i of sample) {
      const report = reports[i];
      const [notice, repossession] = report.statements;
      expect(at("Ärende", i)).toBe(report.caseId);
      expect(at("t vid återtagning", i)).toBe(repossession.remainingInstallments);
      expect(at("Att betala inkl. ränta, underrättelse", i)).toBe(notice.lines.amountInclInterest);
      expect(at("Att betala inkl. ränta, återtagning", i)).toBe(
        repossession.lines.amountInclInterest,
      );
      expect((at("R 78-regeln, återtagning", i) as number).toFixed(2)).toBe(
        Number(repossession.reductionRule78).toFixed(2),
      );
      expect((at("R faktisk, återtagning", i) as number).toFixed(2)).toBe(
        Number(repossession.reductionActual).toFixed(2),
      );
      expect((at("Överskott", i) as number).toFixed(2)).toBe(
        Number(repossession.surplus).toFixed(2),
      );
    }
    const texts = [...values.values()].map(String);
    expect(texts).toContain("Rader som inte kunde beräknas (1)");
    expect(texts).toContain("Summa (9 ärenden)");
  });
});
