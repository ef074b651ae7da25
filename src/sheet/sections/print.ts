/** Print set-up of the calculation sheet: A4 portrait, one page wide, the schedule on its own pages. */
import { address } from "../grid";
import { CREATED_DATE_FIELD } from "../headerFooter";
import { LAST_COL } from "../layout";
import { PrintSettings } from "../types";
import { ScheduleRows } from "./schedule";

export function planPrint(caseId: string, rowCount: number, schedule: ScheduleRows): PrintSettings {
  return {
    area: `A1:${address(rowCount - 1, LAST_COL)}`,
    orientation: "portrait",
    paperSize: "A4",
    fitToWidth: 1,
    titleRows: `$${schedule.headerRow + 1}:$${schedule.headerRow + 1}`,
    header: `&LÅtertagande&C${escapeHeaderText(caseId)}&RSkapad ${CREATED_DATE_FIELD}`,
    footer: `&LÄrende ${escapeHeaderText(caseId)}&RSida &P av &N`,
    pageBreaksBefore: [schedule.titleRow + 1],
  };
}

/** `&` starts a code in Excel headers and footers; a literal one is written `&&`. */
export function escapeHeaderText(text: string): string {
  return text.replace(/&/g, "&&");
}
