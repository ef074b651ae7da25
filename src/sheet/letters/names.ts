/**
 * Letter sheet names: the letter's prefix ("Underrättelse", "Mellanskillnad", "Beräkning vid
 * återtagningen"), then the case id where the whole id fits in Excel's 31 characters
 * ("Underrättelse Övning 1"), so a workbook with many cases shows whose letter each is. A name taken
 * already gets a counter, and the prefix is never cut: "Underrättelse Övning 1 (2)", or
 * "Beräkning vid återtagningen (2)" … "(9)", then "Beräkning vid återtagningen 10" … where the
 * parentheses no longer fit (a batch has up to 500 cases; the prefixes are at most 27 characters).
 */
import { MAX_SHEET_NAME_LENGTH, fileSheetName, sameSheetName, validSheetName } from "../sheetNames";

/** A free name for a letter sheet of case `caseId` beside the `taken` names. */
export function letterSheetName(prefix: string, caseId: string, taken: readonly string[]): string {
  const free = (name: string) => !taken.some((other) => sameSheetName(name, other));
  const id = fileSheetName(validSheetName(caseId, ""));
  const withId = `${prefix} ${id}`;
  const stem = id !== "" && withId.length <= MAX_SHEET_NAME_LENGTH ? withId : prefix;
  if (free(stem)) return stem;
  for (let counter = 2; ; counter++) {
    // "(k)" where it fits; else a plain " k" on the stem, or on the prefix alone.
    const candidate = [`${stem} (${counter})`, `${stem} ${counter}`, `${prefix} ${counter}`].find(
      (name) => name.length <= MAX_SHEET_NAME_LENGTH,
    )!;
    if (free(candidate)) return candidate;
  }
}
