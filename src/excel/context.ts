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

/** One read of a {@link jointReads} batch: queues loads, awaits `sync()`, reads, as if alone. */
export type JointRead<T> = (sync: CountedSync) => Promise<T>;

/**
 * Runs several reads in ONE batch with their round trips shared: each read is written as if it were
 * alone (queue loads, `await sync()`, read what came back, maybe queue more), and a `context.sync()`
 * happens only once every read still running waits for one. So reads of two syncs each cost two
 * syncs together, not four (each sync is a network round trip on the web: "Minimize the number of
 * sync() calls", learn.microsoft.com/office/dev/add-ins/concepts/correlated-objects-pattern).
 * Resolves to the reads' results in order and the number of syncs made; a read that throws ends the
 * batch with its error once the others have settled.
 */
export async function jointReads<T extends unknown[]>(
  context: Excel.RequestContext,
  reads: { [K in keyof T]: JointRead<T[K]> },
): Promise<{ results: T; syncs: number }> {
  let running = reads.length; // all counted before any starts, so the first sync waits for all
  let waiting: { resolve(): void; reject(error: unknown): void }[] = [];
  let count = 0;
  const flush = () => {
    if (waiting.length === 0 || waiting.length < running) return;
    const released = waiting;
    waiting = [];
    count++;
    context.sync().then(
      () => released.forEach((w) => w.resolve()),
      (error: unknown) => released.forEach((w) => w.reject(error)),
    );
  };
  const sync = (() =>
    new Promise<void>((resolve, reject) => {
      waiting.push({ resolve, reject });
      flush();
    })) as CountedSync;
  Object.defineProperty(sync, "count", { get: () => count });
  const settled = await Promise.allSettled(
    (reads as JointRead<unknown>[]).map(async (read) => {
      try {
        return await read(sync);
      } finally {
        running--;
        flush();
      }
    }),
  );
  const failed = settled.find((s): s is PromiseRejectedResult => s.status === "rejected");
  if (failed) throw failed.reason;
  return {
    results: settled.map((s) => (s as PromiseFulfilledResult<unknown>).value) as T,
    syncs: count,
  };
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
