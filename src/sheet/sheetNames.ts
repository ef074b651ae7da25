/**
 * Worksheet names as Excel allows them, and a free one next to the sheets a workbook already has.
 *
 * Excel's rules: 1–31 characters; none of `: \ / ? * [ ]`; not starting or ending with an apostrophe;
 * "History" is reserved; names are unique without regard to case (`Övning 1` and `ÖVNING 1` clash).
 * A taken name gets a counter, as Excel itself names copies: `Övning 1`, `Övning 1 (2)`, `Övning 1 (3)`,
 * the stem shortened so that name and counter fit in 31 characters. Writers never reuse a taken name:
 * a new sheet never replaces or changes an existing one.
 */

export const MAX_SHEET_NAME_LENGTH = 31;
/** Characters Excel does not allow in a sheet name, and control characters. */
// eslint-disable-next-line no-control-regex -- Excel refuses control characters in sheet names.
const INVALID_CHARACTERS = /[\\/?*[\]:\u0000-\u001f]/g;
const EDGE_APOSTROPHES = /^'+|'+$/g;
const RESERVED = ["history"];

/** The first `length` UTF-16 units of `text`, without cutting a surrogate pair in half. */
function truncate(text: string, length: number): string {
  if (text.length <= length) return text;
  const cut = text.slice(0, length);
  return /[\ud800-\udbff]$/.test(cut) ? cut.slice(0, -1) : cut;
}

/** A valid sheet name for `wanted` (bad characters become "-"); `fallback` when nothing is left. */
export function validSheetName(wanted: string, fallback = "Beräkning"): string {
  const replaced = wanted.replace(INVALID_CHARACTERS, "-").replace(EDGE_APOSTROPHES, "").trim();
  const cleaned = truncate(replaced, MAX_SHEET_NAME_LENGTH).replace(EDGE_APOSTROPHES, "").trim();
  return cleaned === "" ? fallback : cleaned;
}

/**
 * `name` with each apostrophe as "’", as sheets in files are named: ExcelJS quotes a sheet name in
 * the print-area and title-row names without doubling an apostrophe, which Excel then reports as a
 * damaged file. Planners that link to a sheet by name use it too, so their links match the file.
 */
export function fileSheetName(name: string): string {
  return name.replace(/'/g, "’");
}

/** Case-insensitive key of a sheet name, as Excel compares them. */
function key(name: string): string {
  return name.toLocaleLowerCase("sv");
}

/**
 * A valid name for a new sheet that none of `existing` has: `wanted` itself, else `wanted (2)`,
 * `wanted (3)`, …
 */
export function uniqueSheetName(wanted: string, existing: readonly string[]): string {
  const taken = new Set([...existing.map(key), ...RESERVED]);
  const base = validSheetName(wanted);
  if (!taken.has(key(base))) return base;
  for (let counter = 2; ; counter++) {
    const suffix = ` (${counter})`;
    const stem = truncate(base, MAX_SHEET_NAME_LENGTH - suffix.length).trimEnd();
    const name = stem + suffix;
    if (!taken.has(key(name))) return name;
  }
}

/**
 * The names of one workbook's new sheets, each free among the workbook's `existing` names and the
 * names claimed before it.
 */
export class SheetNameClaims {
  private readonly names: string[];

  constructor(existing: readonly string[]) {
    this.names = [...existing];
  }

  /** A free name for `wanted` ({@link uniqueSheetName}), from now on taken. */
  claim(wanted: string): string {
    const name = uniqueSheetName(wanted, this.names);
    this.names.push(name);
    return name;
  }

  /** Takes names chosen elsewhere (e.g. by a planner given {@link taken}). */
  take(names: readonly string[]): void {
    this.names.push(...names);
  }

  /** Every name taken so far. */
  get taken(): readonly string[] {
    return this.names;
  }
}

/** Whether two sheet names are the same to Excel (case-insensitive). */
export function sameSheetName(a: string, b: string): boolean {
  return key(a) === key(b);
}

/** Why a planned name cannot be written as it is. */
export type NameConflict =
  | { name: string; kind: "invalid" }
  | { name: string; kind: "taken" }
  | { name: string; kind: "twice" };

/**
 * The first of `planned` (new sheets' final names) that cannot be written as it is: a name Excel
 * refuses, one of the `existing` sheets' names, or a name planned twice; null when all are free.
 */
export function plannedNameConflict(
  planned: readonly string[],
  existing: readonly string[],
): NameConflict | null {
  const taken = new Set(existing.map(key));
  const seen = new Set<string>();
  for (const name of planned) {
    if (validSheetName(name) !== name || RESERVED.includes(key(name)))
      return { name, kind: "invalid" };
    if (taken.has(key(name))) return { name, kind: "taken" };
    if (seen.has(key(name))) return { name, kind: "twice" };
    seen.add(key(name));
  }
  return null;
}
