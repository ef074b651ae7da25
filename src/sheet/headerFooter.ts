/**
 * The date in printed page headers. Excel's own code `&D` prints the day of printing in the reader's
 * locale (11/27/2026 in an English LibreOffice or Excel); Swedish officers file under ISO dates. So
 * the plans carry {@link CREATED_DATE_FIELD} and every writer puts in the day it writes the sheet, as
 * text: the header reads "Skapad 2026-11-27" whatever the locale of whoever prints it.
 */

/** In a page header or footer: the day the sheet is written, as ISO text (see `headerFooterText`). */
export const CREATED_DATE_FIELD = "{skapad}";

/**
 * A header or footer of the plan as written on `day`: {@link CREATED_DATE_FIELD} becomes the local
 * calendar date in ISO form (2026-11-27), the form Swedish officers file under.
 */
export function headerFooterText(text: string, day: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  const iso = `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}`;
  return text.split(CREATED_DATE_FIELD).join(iso);
}
