/**
 * Task pane entry point: the only file in src/taskpane that names Office, and the one that wires the
 * Excel reader and writer (src/excel/) and the .xlsx exporter into the UI. Importing it starts the
 * pane; every other module of the pane imports cleanly without side effects.
 *
 * Office.js may never arrive (offline, a blocked or stalled CDN, a plain browser): the pane waits for
 * it at most {@link HOST_WAIT_MS} and otherwise starts standalone (see boot.ts and taskpane.html).
 */
import { readActiveContractRow, readSelectedContractRows } from "../excel/reader";
import { appendReferenceRate, readWorkbookReferenceRates } from "../excel/referenceRates";
import { insertTrainingWorkbook, writeSheetPlan, writeSheetPlans } from "../excel/writer";
import type { SheetPlan } from "../sheet/types";
import { HOST_WAIT_MS, startTaskPane } from "./app";
import { HostProbe, documentParsed } from "./boot";
import { WORKED_EXAMPLES, WORKED_EXAMPLE_ROWS } from "./examples";

/** The office.js `<script>` element of taskpane.html. */
const OFFICE_SCRIPT_SELECTOR = 'script[src^="https://appsforoffice.microsoft.com/"]';

/** How the pane sees Office: the office.js element's load/error, then `Office.onReady`. */
function officeProbe(): HostProbe {
  return {
    script: document.querySelector(OFFICE_SCRIPT_SELECTOR),
    ready: () =>
      typeof Office === "undefined"
        ? null
        : Office.onReady().then((info) => ({
            host: info.host === null ? null : String(info.host),
          })),
  };
}

/** ExcelJS is large; it is fetched (a separate chunk, same origin) only when a file is built. */
async function buildXlsx(plans: SheetPlan[]): Promise<Uint8Array> {
  const { toXlsxBuffer } = await import(/* webpackChunkName: "xlsx" */ "../export/xlsx");
  return toXlsxBuffer(plans);
}

async function main(): Promise<void> {
  // taskpane.html loads this deferred, so the page is parsed already; waiting keeps it safe if not.
  await documentParsed(document);
  const root = document.getElementById("app");
  if (root === null) return;
  await startTaskPane(root, {
    probe: officeProbe(),
    isExcel: (info) => info.host === String(Office.HostType.Excel),
    excel: {
      readActiveContractRow: () => readActiveContractRow(),
      writeSheetPlan,
      insertTrainingWorkbook,
      readSelectedContractRows: () => readSelectedContractRows(),
      writeSheetPlans,
      readWorkbookReferenceRates,
      appendReferenceRate,
    },
    trainingRows: WORKED_EXAMPLE_ROWS,
    examples: WORKED_EXAMPLES,
    buildXlsx,
    waitMs: HOST_WAIT_MS,
  });
}

void main();
