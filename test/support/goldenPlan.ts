/**
 * A sheet plan as text a person can review: one line per cell, so a diff of an approved plan reads as
 * a change to a named cell, e.g.
 *
 *   B33  =ROUND($B$24,0)  → 79048  #,##0 "kr"  derived
 *
 * (address, then a constant as JSON or `=formula  → cached result`, the number format, the style and
 * a link, wrap and alignment, each only when present), after the plan's own settings: sheet name
 * and size, column widths, hidden columns, row heights, conditional formats, merges, print set-up and the public names (sorted by name). Every field of the plan is written, so
 * comparing the text compares the whole plan.
 */
import { address } from "../../src/sheet/grid";
import type { PlannedCell, SheetPlan } from "../../src/sheet/types";

const SEP = "  ";

/** The lines of a plan's golden file. */
export function renderPlan(plan: SheetPlan): string[] {
  const lines = [
    `sheet ${JSON.stringify(plan.name)}  ${plan.rowCount} rows × ${plan.colCount} columns`,
    `columns ${plan.columnWidths.join(" ")}`,
    ...(plan.hiddenColumns ?? []).map((col) => `hidden column ${col}`),
    ...Object.entries(plan.rowHeights ?? {}).map(
      ([row, h]) => `row height ${Number(row) + 1} ${h}`,
    ),
    ...(plan.conditionalFormats ?? []).map(
      (f) => `conditional ${f.range}  =${f.formula}  ${f.style}`,
    ),
    ...plan.merges.map((range) => `merge ${range}`),
    ...Object.entries(plan.print).map(([key, value]) => `print.${key} ${JSON.stringify(value)}`),
    ...Object.keys(plan.names)
      .sort()
      .map((name) => `name ${name} = ${plan.names[name]}`),
    "",
  ];
  return [...lines, ...plan.cells.map(renderCell)];
}

/** One cell's line. */
function renderCell(cell: PlannedCell): string {
  const parts = [address(cell.row, cell.col)];
  if (cell.value !== undefined) parts.push(JSON.stringify(cell.value));
  if (cell.formula !== undefined) parts.push(`=${cell.formula}`);
  if (cell.result !== undefined) parts.push(`→ ${JSON.stringify(cell.result)}`);
  if (cell.numberFormat !== undefined) parts.push(cell.numberFormat);
  if (cell.style !== undefined) parts.push(cell.style);
  if (cell.link !== undefined) parts.push(`link ${JSON.stringify(cell.link)}`);
  if (cell.wrap) parts.push("wrap");
  if (cell.align !== undefined) parts.push(`align ${cell.align}`);
  const known = new Set([
    "row",
    "col",
    "value",
    "formula",
    "result",
    "numberFormat",
    "style",
    "link",
    "wrap",
    "align",
  ]);
  const unknown = Object.keys(cell).filter((key) => !known.has(key));
  // A field this renderer does not know would otherwise escape the comparison.
  if (unknown.length) throw new Error(`renderCell: unknown field(s) ${unknown.join(", ")}`);
  return parts.join(SEP);
}
