/**
 * Small helpers shared by the Excel reader and writer: a counted `context.sync()` (each sync is a round
 * trip to Excel, slow on the web, so the writers promise a fixed number whatever the sheet's size) and
 * the requirement-set test.
 */

/** `context.sync()` with a count of the calls made. */
export interface CountedSync {
  (): Promise<void>;
  readonly count: number;
}

export function countedSync(context: Excel.RequestContext): CountedSync {
  let count = 0;
  const sync = async () => {
    count++;
    await context.sync();
  };
  Object.defineProperty(sync, "count", { get: () => count });
  return sync as CountedSync;
}

/**
 * Whether the host supports ExcelApi `version`. Outside Office (tests with a mocked `Excel`, no
 * `Office` global) every version counts as supported.
 */
export function excelApiSupported(version: string): boolean {
  if (typeof Office === "undefined" || !Office.context?.requirements) return true;
  return Office.context.requirements.isSetSupported("ExcelApi", version);
}

/** `Sheet!A1` → `A1`: addresses in messages are local to the sheet named beside them. */
export function localAddress(address: string): string {
  return address.slice(address.lastIndexOf("!") + 1);
}

/** A sheet name as it must be quoted in an address (`'Övning 1'!A1`). */
export function sheetReference(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}
