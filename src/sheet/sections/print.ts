/**
 * Print set-up of the calculation sheet: A4 landscape (its tables need the width, see COLUMN_WIDTHS)
 * at a fixed scale (src/sheet/page.ts), the case
 * named on every page (header and footer), the schedule on pages of its own with its header row
 * repeated, and each section whole on one page where it fits (a manual break before a section that
 * would not fit what is left of the page).
 */
import { address } from "../grid";
import { CREATED_DATE_FIELD } from "../headerFooter";
import { COLUMN_WIDTHS, LAST_COL } from "../layout";
import { keepTogetherBreaks, scaleToFit } from "../page";
import { PrintSettings } from "../types";
import { ScheduleRows } from "./schedule";

const ORIENTATION = "landscape";

export function planPrint(
  caseId: string,
  rowCount: number,
  schedule: ScheduleRows,
  blockStarts: readonly number[],
  rowHeights: Readonly<Record<number, number>>,
): PrintSettings {
  const scale = scaleToFit(COLUMN_WIDTHS, ORIENTATION);
  return {
    area: `A1:${address(rowCount - 1, LAST_COL)}`,
    orientation: ORIENTATION,
    paperSize: "A4",
    scale,
    titleRows: `$${schedule.headerRow + 1}:$${schedule.headerRow + 1}`,
    header: `&LÅtertagande&C${escapeHeaderText(caseId)}&RSkapad ${CREATED_DATE_FIELD}`,
    footer: `&LÄrende ${escapeHeaderText(caseId)}&RSida &P av &N`,
    pageBreaksBefore: keepTogetherBreaks(
      blockStarts,
      [schedule.titleRow],
      rowCount,
      rowHeights,
      scale,
      ORIENTATION,
    ),
  };
}

/** `&` starts a code in Excel headers and footers; a literal one is written `&&`. */
export function escapeHeaderText(text: string): string {
  return text.replace(/&/g, "&&");
}
