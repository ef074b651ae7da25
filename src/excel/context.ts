/**
 * Small helpers shared by the Excel reader and writer: a counted `context.sync()` (each sync is a round
 * trip to Excel, slow on the web, so the writers promise a fixed number whatever the sheet's size) and
 * the one way a batch starts ({@link runExcel}).
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

/** The options every batch of this add-in runs with (see {@link runExcel}). */
const RUN_OPTIONS: Excel.RunOptions = { delayForCellEdit: true };

/**
 * `Excel.run` with {@link RUN_OPTIONS}: a button pressed while the user is still editing a cell
 * waits until the edit ends instead of failing ("Delay execution while cell is being edited",
 * learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-delay-in-cell-edit). Every batch of
 * the add-in goes through here; a host too old to know the option ignores it.
 */
export function runExcel<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
  return Excel.run(RUN_OPTIONS, batch);
}

/**
 * A batch on the request context of an earlier batch, without {@link RUN_OPTIONS}: an event
 * handler must be removed in a batch on the context it was added with (Office's documented
 * pattern, learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-events).
 */
export function runExcelOn<T>(
  context: OfficeExtension.ClientRequestContext,
  batch: (context: Excel.RequestContext) => Promise<T>,
): Promise<T> {
  return Excel.run(context, batch);
}

/** `Sheet!A1` → `A1`: addresses in messages are local to the sheet named beside them. */
export function localAddress(address: string): string {
  return address.slice(address.lastIndexOf("!") + 1);
}

/** A sheet name as it must be quoted in an address (`'Övning 1'!A1`). */
export function sheetReference(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}
