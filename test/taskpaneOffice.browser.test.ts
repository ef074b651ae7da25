/**
 * Where the task pane page loads office.js, in Chromium (issue 9 item 15, issue 10 item 8), from the
 * shared production build (test/support/build.ts) served on 127.0.0.1:
 * - in a plain browser tab it never requests office.js or the custom functions' script (offline it
 *   used to log three network errors), and it has a favicon;
 * - opened as Office opens it (`?_host_Info=…`), it loads office.js and then functions.js, whose
 *   functions register with Office (a stand-in office.js here), and starts in Excel mode;
 * - opened by Office with the CDN unreachable, it starts standalone once office.js has failed, and the
 *   functions' script still runs, on the inert CustomFunctions.
 *
 * Skips (one stderr line) where Chromium is missing; mandatory with CI=true.
 */
import type { Page } from "playwright-core";
import {
  EXCEL_HOST_INFO,
  OFFICE_JS_HOST,
  PageMonitor,
  blockOfficeJs,
  describeWithChromium,
  monitorPage,
  paneSession,
  recordCspViolations,
  cspViolations,
} from "./support/browser";
import { readPng } from "./support/png";
import { plain } from "./testkit/text";

const describeChromium = describeWithChromium();

const OFFICE_JS_URL = `https://${OFFICE_JS_HOST}/lib/1/hosted/office.js`;
/** What Excel on Windows appends to the page's URL (office.js reads it to find its host). */
/** The custom functions' ids (src/functions/functions.ts @customfunction). */
const FUNCTION_IDS = [
  "RULE78",
  "ACTUALREDUCTION",
  "REDEMPTION",
  "REMAININGINSTALLMENTS",
  "LATEINTEREST",
  "REFERENCERATE",
];

/** A stand-in office.js that reports Excel and records the functions registered with it. */
const OFFICE_STUB = `
  window.__associated = [];
  window.Office = { HostType: { Excel: "Excel" }, onReady: function () { return Promise.resolve({ host: "Excel", platform: "PC" }); } };
  window.CustomFunctions = { associate: function (id) { window.__associated.push(id); } };
  window.Excel = { run: function () { return Promise.reject(new Error("stub: ingen arbetsbok")); } };
`;

describeChromium("where the task pane loads office.js (Chromium)", () => {
  const pane = paneSession("taskpane-office");

  /** A new page; `office` decides what a request to the Office CDN gets. */
  async function newPage(
    office: "stub" | "offline" | "record",
  ): Promise<{ page: Page; monitor: PageMonitor; cdn: string[] }> {
    const context = await pane.newContext({ viewport: { width: 360, height: 900 } });
    const monitor = monitorPage(context);
    const cdn: string[] = [];
    if (office === "offline") await blockOfficeJs(context);
    else
      await context.route(
        (url) => url.hostname === OFFICE_JS_HOST,
        async (route) => {
          cdn.push(route.request().url());
          if (office === "stub")
            await route.fulfill({ status: 200, contentType: "text/javascript", body: OFFICE_STUB });
          else await route.abort("internetdisconnected");
        },
      );
    const page = await context.newPage();
    await recordCspViolations(page);
    return { page, monitor, cdn };
  }

  const csp = cspViolations;

  it("a plain tab requests neither office.js nor functions.js, and starts standalone at once", async () => {
    const { page, monitor, cdn } = await newPage("record");
    const consoleErrors: string[] = [];
    page.on("console", (m) => (m.type() === "error" ? consoleErrors.push(m.text()) : undefined));
    await page.goto(`${pane.url}taskpane.html?example=1`, { waitUntil: "commit" });
    await page.waitForSelector('main[data-mode="standalone"]', { timeout: 15_000 });
    await page.waitForLoadState("load");
    // Mounted without waiting for any host (src/taskpane/app.ts marks it; the old wait was 3 s).
    const readyAt = await page.evaluate(
      () => performance.getEntriesByName("atertag:ready")[0]?.startTime ?? Number.NaN,
    );
    expect(readyAt).toBeLessThan(2500);
    expect(plain(await page.locator("main").innerText())).toContain("77 449");
    expect(cdn).toEqual([]);
    expect(monitor.requests.filter((u) => /office\.js|\/functions\.js$/.test(u))).toEqual([]);
    expect(monitor.pageErrors).toEqual([]);
    expect(monitor.failedRequests).toEqual([]);
    expect(consoleErrors).toEqual([]);
    expect(await csp(page)).toEqual([]);
  });

  it("has a favicon: PNG icons from the add-in's assets, served at their stated size", async () => {
    const { page } = await newPage("record");
    await page.goto(`${pane.url}taskpane.html`);
    const icons = await page.$$eval('link[rel="icon"]', (links) =>
      links.map((l) => ({ href: (l as HTMLLinkElement).href, sizes: l.getAttribute("sizes") })),
    );
    expect(icons.map((i) => i.sizes)).toEqual(["32x32", "16x16"]);
    for (const icon of icons) {
      const response = await page.request.get(icon.href);
      expect(response.status()).toBe(200);
      expect(response.headers()["content-type"]).toBe("image/png");
      const png = readPng(await response.body());
      expect(`${png.width}x${png.height}`).toBe(icon.sizes);
    }
  });

  it("opened by Office: office.js, then functions.js, whose functions register; Excel mode", async () => {
    const { page, monitor, cdn } = await newPage("stub");
    await page.goto(`${pane.url}taskpane.html?${EXCEL_HOST_INFO}`, { waitUntil: "commit" });
    await page.waitForSelector('main[data-mode="excel"]', { timeout: 15_000 });
    await page.waitForFunction(
      (count) => (window as unknown as { __associated: string[] }).__associated.length >= count,
      FUNCTION_IDS.length,
    );
    const associated = await page.evaluate(
      () => (window as unknown as { __associated: string[] }).__associated,
    );
    expect([...associated].sort()).toEqual([...FUNCTION_IDS].sort());
    expect(cdn).toEqual([OFFICE_JS_URL]);
    const order = monitor.requests.filter(
      (u) => u === OFFICE_JS_URL || u.endsWith("/functions.js"),
    );
    expect(order).toEqual([OFFICE_JS_URL, `${pane.url}functions.js`]);
    expect(monitor.pageErrors).toEqual([]);
    expect(await csp(page)).toEqual([]);
  });

  it("a host whose only signal is agaveHost.GetHostInfo (no _host_Info): office.js, Excel mode", async () => {
    const { page, cdn } = await newPage("stub");
    await page.addInitScript(() => {
      (window as unknown as { agaveHost: object }).agaveHost = {
        GetHostInfo: () => "Excel|Win32|16.01|sv-SE|x|0",
      };
    });
    await page.goto(`${pane.url}taskpane.html`, { waitUntil: "commit" });
    await page.waitForSelector('main[data-mode="excel"]', { timeout: 15_000 });
    expect(cdn).toEqual([OFFICE_JS_URL]);
  });

  it("opened by Office with the CDN unreachable: standalone once office.js fails, functions inert", async () => {
    const { page, monitor } = await newPage("offline");
    await page.goto(`${pane.url}taskpane.html?${EXCEL_HOST_INFO}&example=2`, {
      waitUntil: "commit",
    });
    await page.waitForSelector('main[data-mode="standalone"]', { timeout: 15_000 });
    expect(plain(await page.locator("main").innerText())).toContain("10 474");
    await page.waitForFunction(
      () =>
        typeof (window as unknown as { CustomFunctions?: { associate?: unknown } }).CustomFunctions
          ?.associate === "function",
    );
    expect(monitor.requests).toContain(OFFICE_JS_URL);
    expect(monitor.pageErrors).toEqual([]);
    expect(await csp(page)).toEqual([]);
  });
});
