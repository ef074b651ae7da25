/**
 * Task pane entry point: the only file in src/taskpane that names Office, and the one that hands the
 * workbook's actions (workbookActions.ts) and the .xlsx exporter to the UI. Importing it starts the
 * pane; every other module of the pane imports cleanly without side effects.
 *
 * The page lists only this script. It decides first where it runs (boot.ts `officePlacement`): in a
 * plain browser tab it never requests office.js and starts standalone at once; inside Office it adds
 * office.js and then the custom functions' script (functions.js, which must run after office.js) to
 * the page and waits for Office as long as it takes, showing "Startar …"; in a frame with no sign of
 * Office it loads them too but waits at most {@link HOST_WAIT_MS}.
 */
import type { SheetPlan } from "../sheet/types";
import { HOST_WAIT_MS, startTaskPane } from "./app";
import { HostProbe, documentParsed, officePlacement, readSurroundings } from "./boot";
import { WORKED_EXAMPLES, WORKED_EXAMPLE_ROWS } from "./examples";
import { WORKBOOK_ACTIONS } from "./workbookActions";

/** Office's JavaScript library (the page's Content-Security-Policy allows this origin). */
const OFFICE_JS_URL = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
/** The custom functions' bundle, beside this page (webpack.config.js). */
const FUNCTIONS_JS_URL = "functions.js";

/**
 * Adds scripts to the page to run in the given order (dynamic scripts are async unless told not to
 * be); returns the first's element, whose load/error the probe hears.
 */
function addScripts(urls: readonly string[]): HTMLScriptElement {
  const elements = urls.map((url) => {
    const script = document.createElement("script");
    script.src = url;
    script.async = false;
    return script;
  });
  for (const script of elements) document.head.appendChild(script);
  return elements[0];
}

/** How the pane sees Office: the office.js element's load/error (null: none), then `Office.onReady`. */
function officeProbe(script: HTMLScriptElement | null): HostProbe {
  return {
    script,
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
  const placement = officePlacement(readSurroundings(window));
  const script = placement === "standalone" ? null : addScripts([OFFICE_JS_URL, FUNCTIONS_JS_URL]);
  await startTaskPane(root, {
    probe: officeProbe(script),
    isExcel: (info) => info.host === String(Office.HostType.Excel),
    excel: WORKBOOK_ACTIONS,
    trainingRows: WORKED_EXAMPLE_ROWS,
    examples: WORKED_EXAMPLES,
    buildXlsx,
    waitMs: placement === "office" ? null : HOST_WAIT_MS,
  });
}

void main();
