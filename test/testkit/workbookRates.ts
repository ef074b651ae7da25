/**
 * Fixtures for the workbook's reference rates: a contract whose interest runs in 2026-H2 (a
 * half-year the built-in table does not have), and the cells a Referensräntor sheet plan writes, as
 * the Excel reader would read them back.
 */
import { ContractInput } from "../../src/engine";
import { CellBlock } from "../../src/sheet/referenceSheet";
import { SheetPlan } from "../../src/sheet/types";
import { exampleRow } from "./fixtures";

/** Worked example 1 moved 14 years on: interest from 2026-09-05, repossession 2026-12-20. */
export function contractIn2026H2(): ContractInput {
  const row = exampleRow(1);
  const later = (iso: unknown) => `${Number(String(iso).slice(0, 4)) + 14}${String(iso).slice(4)}`;
  for (const field of [
    "contractDate",
    "firstDueDate",
    "applicationDate",
    "interestFrom",
    "noticeDate",
    "repossessionDate",
  ])
    row[field] = later(row[field]);
  return { ...row, caseId: "Senare 1" } as ContractInput;
}

/** The values a sheet plan puts in its cells (formulas as their results), as a block from A1. */
export function blockOfPlan(plan: SheetPlan): CellBlock {
  const values: unknown[][] = Array.from({ length: plan.rowCount }, () =>
    Array(plan.colCount).fill(""),
  );
  for (const cell of plan.cells)
    values[cell.row][cell.col] = cell.formula ? cell.result : cell.value;
  return { values, row: 0, col: 0 };
}
