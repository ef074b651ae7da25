/**
 * The task pane in a real browser (Debian's Chromium through playwright-core), from the shared
 * production build (test/support/build.ts, copied to a temporary directory) served on 127.0.0.1. In
 * a plain tab the page never requests Office.js (test/taskpaneOffice.browser.test.ts checks that, and
 * the start inside Office); the CDN is aborted (offline) or left hanging anyway, and the page must
 * start in standalone mode either way, under its Content-Security-Policy, with no page or console
 * errors and no request to any host but 127.0.0.1 and the Office.js CDN.
 *
 * Skips (one stderr line) where Chromium is missing; mandatory with CI=true (test/support/requireTool.ts).
 * Screenshots: /tmp/taskpane-360.png and /tmp/taskpane-1280.png.
 */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import type { BrowserContext, ConsoleMessage, Page } from "playwright-core";
import {
  ContractInput,
  STATEMENT_LABELS,
  STATEMENT_ROWS,
  calculate,
  outcomeOf,
  outcomeSentence,
  parseContract,
} from "../src/engine";
import { planSheet } from "../src/sheet/plan";
import {
  DEFAULT_ALLOWED_HOSTS,
  EXCEL_HOST_INFO,
  OFFICE_JS_HOST,
  PageMonitor,
  cspViolations,
  describeWithChromium,
  monitorPage,
  openStandalonePane,
  paneSession,
  recordCspViolations,
} from "./support/browser";
import example1 from "../examples/worked-example-1.json";
import example2 from "../examples/worked-example-2.json";
import { plain } from "./testkit/text";

const describeChromium = describeWithChromium();

const OFFICE_JS_URL = `https://${OFFICE_JS_HOST}/lib/1/hosted/office.js`;
/** The console line Chromium prints for the aborted office.js request (the only error allowed). */
const OFFICE_JS_FAILURE = "Failed to load resource: net::ERR_INTERNET_DISCONNECTED";
/** The pane waits 3 s for Office (src/taskpane/app.ts HOST_WAIT_MS). */
const HOST_WAIT_MS = 3000;

/** The engine's outcome sentence for a contract (the wording is the engine's, not this test's). */
const sentenceFor = (input: ContractInput) =>
  plain(outcomeSentence(outcomeOf(calculate(parseContract(input)))));

/** Page text with non-breaking and narrow spaces made plain. */

interface Opened {
  context: BrowserContext;
  page: Page;
  monitor: PageMonitor;
  consoleMessages: { type: string; text: string; url: string }[];
}

describeChromium("task pane in Chromium, standalone (Office.js unavailable)", () => {
  const pane = paneSession("taskpane");

  /** Opens the pane with office.js aborted ("offline") or hanging, and waits for standalone mode. */
  async function open(
    query: string,
    office: "offline" | "hanging" = "offline",
    viewport = { width: 1280, height: 900 },
  ): Promise<Opened> {
    const consoleMessages: Opened["consoleMessages"] = [];
    const { context, page, monitor } = await openStandalonePane(pane, query, {
      context: { viewport, acceptDownloads: true },
      office,
      timeoutMs: HOST_WAIT_MS + 5000,
      beforeLoad: async (page) => {
        page.on("console", (msg: ConsoleMessage) =>
          consoleMessages.push({ type: msg.type(), text: msg.text(), url: msg.location().url }),
        );
        await recordCspViolations(page);
      },
    });
    return { context, page, monitor, consoleMessages };
  }

  /** Everything that went wrong in the page, except the aborted office.js request itself. */
  async function problems({ page, monitor, consoleMessages }: Opened): Promise<string[]> {
    const errors = consoleMessages
      .filter((m) => m.type === "error")
      .filter((m) => !(m.text === OFFICE_JS_FAILURE && m.url === OFFICE_JS_URL))
      .map((m) => `console: ${m.text} (${m.url})`);
    const failed = monitor.failedRequests.filter((f) => !f.startsWith(`${OFFICE_JS_URL} -> `));
    const csp = await cspViolations(page);
    return [
      ...monitor.pageErrors.map((e) => `pageerror: ${e}`),
      ...errors,
      ...failed.map((f) => `failed request: ${f}`),
      ...monitor.badResponses.map((r) => `bad response: ${r}`),
      ...csp.map((v) => `CSP violation: ${v}`),
      ...monitor.unexpectedHosts(DEFAULT_ALLOWED_HOSTS).map((h) => `unexpected host: ${h}`),
    ];
  }

  const mainText = async (page: Page) => plain(await page.locator("main").innerText());
  /** When the pane mounted, in ms since navigation start (performance.mark in src/taskpane/app.ts). */
  const readyAt = (page: Page) =>
    page.evaluate(() => performance.getEntriesByName("atertag:ready")[0]?.startTime ?? Number.NaN);

  it("offline: starts standalone at once and shows worked example 1", async () => {
    const opened = await open("?example=1");
    const { page } = opened;
    // It did not sit out the wait for Office: a plain tab never asks for office.js (checked at the end)
    // and mounts without it. Wall-clock timing is not asserted: a loaded CI machine makes it flaky.
    expect(await readyAt(page)).toBeGreaterThan(0);

    const text = await mainText(page);
    for (const figure of ["4 785", "77 449", "77 551"]) expect(text).toContain(figure);
    expect(text).toContain("77 449 kr");
    expect(text).toContain("4 784,95 kr"); // 78-regeln to the öre
    expect(text).toContain("5 669,69 kr"); // faktisk avräkning to the öre
    expect(text).toContain("78-regeln (används)");
    expect(text).toContain("−17 551 kr"); // surplus at the repossession date
    expect(text).toContain(sentenceFor(example1));

    // The statement's rows and columns, labelled exactly.
    const statement = page.locator("table.statement");
    expect((await statement.locator("tbody th").allInnerTexts()).map(plain)).toEqual(
      STATEMENT_ROWS.map((key) => STATEMENT_LABELS[key]),
    );
    const columns = (await statement.locator("thead th").allInnerTexts()).map(plain);
    expect(columns[0]).toMatch(/^Underrättelse\s+2012-12-15$/);
    expect(columns[1]).toMatch(/^Återtagning\s+2012-12-20$/);
    const total = (await statement.locator("tbody tr").last().locator("td").allInnerTexts()).map(
      plain,
    );
    expect(total).toEqual(["77 449 kr", "77 551 kr"]);

    expect(await problems(opened)).toEqual([]);
    // A plain tab is no Office host: neither office.js nor the custom functions are requested.
    expect(opened.monitor.requests.filter((u) => /office\.js$|\/functions\.js$/.test(u))).toEqual(
      [],
    );
  });

  it("Office.js hanging: a plain tab does not wait for it, with worked example 2", async () => {
    const opened = await open("?example=2", "hanging");
    const { page } = opened;
    expect(await readyAt(page)).toBeGreaterThan(0);
    // Never waited: the hanging office.js was not even requested by a plain tab.
    expect(opened.monitor.requests.filter((u) => /office\.js$/.test(u))).toEqual([]);
    const text = await mainText(page);
    for (const figure of ["10 474", "10 410", "93 529"]) expect(text).toContain(figure);
    expect(text).toContain("Faktisk avräkning (används)");
    expect(text).toContain(sentenceFor(example2));
    expect(text).toContain("1 471 kr"); // the difference the creditor pays
    expect(await problems(opened)).toEqual([]);
  });

  it("renders contract text from a #contract= link as text, never as markup", async () => {
    const debtor = "<img src=x onerror=window.__pwned=1>";
    const hostile: ContractInput = {
      ...example1,
      debtor,
      goods: "<script>window.__pwned=2</script>",
      caseId: "<b>Mål 1</b>",
    };
    const opened = await open(`#contract=${encodeURIComponent(JSON.stringify(hostile))}`);
    const { page } = opened;
    const text = await mainText(page);
    expect(text).toContain(debtor);
    expect(text).toContain("<script>window.__pwned=2</script>");
    expect(text).toContain("Ärende <b>Mål 1</b>");
    expect(text).toContain("77 551"); // and it still calculates
    expect(
      await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned),
    ).toBeUndefined();
    expect(await page.locator("img").count()).toBe(0);
    expect(await page.locator("main b").count()).toBe(0);
    expect(await page.locator("body script").count()).toBe(0);

    // A bad value with markup in it is shown beside its field as text too.
    await page.fill("#field-installments", "<i>72</i>");
    await page.press("#field-installments", "Tab");
    await expect(page.locator("#field-installments-problem").innerText()).resolves.toContain(
      '"<i>72</i>"',
    );
    expect(await page.locator("main i").count()).toBe(0);
    expect(
      await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned),
    ).toBeUndefined();
    expect(await problems(opened)).toEqual([]);
  });

  it("downloads the calculation sheet as .xlsx with the statement formulas", async () => {
    const opened = await open("?example=1");
    const { page } = opened;
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.click("text=Ladda ner .xlsx"),
    ]);
    expect(download.suggestedFilename()).toBe("Övning 1.xlsx");
    const file = path.join(pane.dir, "download.xlsx");
    await download.saveAs(file);
    await page.waitForSelector('[role="status"]:has-text("Övning 1.xlsx")');

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const plan = planSheet(calculate(parseContract(example1)));
    const sheet = workbook.getWorksheet(plan.name);
    expect(sheet).toBeDefined();
    for (const [name, expected] of [
      ["repossession.amountInclInterest", 77551],
      ["notice.amountInclInterest", 77449],
    ] as const) {
      const cell = sheet!.getCell(plan.names[name]);
      const value = cell.value as ExcelJS.CellFormulaValue;
      expect(typeof value.formula).toBe("string");
      expect(value.formula.length).toBeGreaterThan(0);
      expect(value.result).toBe(expected);
    }
    // "Med brev" is ticked by default: the letters follow the calculation sheet (issue 11), and
    // the sender sheet they refer to.
    expect(workbook.worksheets.map((ws) => ws.name)).toEqual([
      "Övning 1",
      "Underrättelse Övning 1",
      "Beräkning vid återtagningen",
      "Avsändare",
    ]);
    expect(await problems(opened)).toEqual([]);
  });

  it("recomputes when a field is left and names a bad field and its value beside it", async () => {
    const opened = await open("?example=1");
    const { page } = opened;
    const outcome = page.locator(".outcome");
    await expect(outcome.getAttribute("data-outcome")).resolves.toBe("notice");

    await page.fill("#field-estimatedValue", "80 000");
    await page.press("#field-estimatedValue", "Tab");
    await page.waitForSelector('.outcome[data-outcome="payDifference"]');
    expect(plain(await outcome.innerText())).toBe(
      sentenceFor({ ...example1, estimatedValue: 80000 }),
    );
    expect(plain(await outcome.innerText())).toContain("2 449 kr");

    await page.fill("#field-installmentsPaid", "99");
    await page.press("#field-installmentsPaid", "Tab");
    const problem = page.locator("#field-installmentsPaid-problem");
    await page.waitForSelector("#field-installmentsPaid-problem:visible");
    expect(plain(await problem.innerText())).toContain(
      "Betalda avbetalningar (99) är större än Antal avbetalningar (72)",
    );
    expect(await page.getAttribute("#field-installmentsPaid", "aria-invalid")).toBe("true");
    expect(await page.locator("text=Ladda ner .xlsx").isDisabled()).toBe(true);
    expect(await page.locator("table.statement").count()).toBe(0);
    expect(await page.locator('[role="alert"]').count()).toBe(1); // one alert region, and
    expect(await page.locator('[role="alert"]').innerText()).toBe(""); // the problem is not there

    // Where the result would be, the problem is listed with a way to its field.
    await page.click(".problem-summary >> text=Gå till fältet");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("field-installmentsPaid");

    await page.fill("#field-installmentsPaid", "31");
    await page.press("#field-installmentsPaid", "Tab");
    await page.waitForSelector("table.statement");
    expect(await problem.isHidden()).toBe(true);
    expect(await page.getAttribute("#field-installmentsPaid", "aria-invalid")).toBeNull();
    expect(await problems(opened)).toEqual([]);
  });

  describe("at task-pane width (350 px)", () => {
    const PANE = { width: 350, height: 700 };

    /** The describedby ids of an input, and where it and its problem are on the page. */
    async function fieldAndProblem(page: Page, name: string) {
      const input = page.locator(`#field-${name}`);
      const problem = page.locator(`#field-${name}-problem`);
      return {
        invalid: await input.getAttribute("aria-invalid"),
        describedBy: ((await input.getAttribute("aria-describedby")) ?? "").split(" "),
        text: plain(await problem.innerText()),
        inputBox: (await input.boundingBox())!,
        problemBox: (await problem.boundingBox())!,
      };
    }

    it("an impossible date: after leaving the field, the message is right under it", async () => {
      const opened = await open("?example=1", "offline", PANE);
      const { page } = opened;
      await page.fill("#field-repossessionDate", "2012-02-30");
      await page.press("#field-repossessionDate", "Tab");
      await page.waitForSelector("#field-repossessionDate-problem:visible");
      const f = await fieldAndProblem(page, "repossessionDate");
      expect(f.invalid).toBe("true");
      expect(f.describedBy).toContain("field-repossessionDate-problem");
      expect(f.text).toContain('"2012-02-30"');
      expect(f.text).toContain("inget giltigt datum");
      // Beside the field: starts within 12 px under the input, in the same column, on screen.
      const gap = f.problemBox.y - (f.inputBox.y + f.inputBox.height);
      expect(gap).toBeGreaterThanOrEqual(0);
      expect(gap).toBeLessThan(12);
      expect(Math.abs(f.problemBox.x - f.inputBox.x)).toBeLessThan(20);
      expect(f.problemBox.x + f.problemBox.width).toBeLessThanOrEqual(PANE.width);
      // Scrolled to the field, the user sees both.
      await page.locator("#field-repossessionDate").scrollIntoViewIfNeeded();
      expect(await page.locator("#field-repossessionDate-problem").isVisible()).toBe(true);
      expect(await page.locator('[role="alert"]').innerText()).toBe("");
      expect(await problems(opened)).toEqual([]);
    });

    it("while a field is typed: no check at each key, the last statement kept and marked stale", async () => {
      const opened = await open("?example=1", "offline", PANE);
      const { page } = opened;
      // Typing (an input event, no pause yet): read the page in the same turn, before any timer.
      const typing = await page.evaluate(() => {
        const input = document.querySelector<HTMLInputElement>("#field-installments")!;
        input.focus();
        input.value = "7x";
        input.dispatchEvent(new Event("input", { bubbles: true }));
        const download = [...document.querySelectorAll("button")].find((b) =>
          b.textContent?.includes("Ladda ner"),
        )!;
        return {
          invalid: input.getAttribute("aria-invalid"),
          stale: document.querySelector(".result-area")!.classList.contains("stale"),
          statement: document.querySelectorAll("table.statement").length,
          note: document.querySelector(".stale-note")?.textContent ?? "",
          downloadDisabled: (download as HTMLButtonElement).disabled,
        };
      });
      expect(typing).toEqual({
        invalid: null,
        stale: true,
        statement: 1,
        note: expect.stringContaining("räknas om när du har skrivit klart"),
        downloadDisabled: true,
      });
      expect(plain(await page.locator("table.statement").innerText())).toContain("77 449 kr");
      // The pause, still in the field: now it is checked.
      await page.waitForSelector('#field-installments[aria-invalid="true"]');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe("field-installments");
      const f = await fieldAndProblem(page, "installments");
      expect(f.text).toContain('"7x"');
      expect(await page.locator(".stale-note").count()).toBe(0);
      expect(await page.locator("table.statement").count()).toBe(0);

      await page.fill("#field-installments", "72");
      await page.waitForSelector("table.statement");
      expect(await page.locator(".result-area.stale").count()).toBe(0);
      expect(await page.locator("text=Ladda ner .xlsx").isEnabled()).toBe(true);
      expect(await problems(opened)).toEqual([]);
    });

    it("a rate below 1 % typed without its sign is named at the rate field, not the instalment", async () => {
      const opened = await open("?example=1", "offline", PANE);
      const { page } = opened;
      // 1 622 kr is the annuity at 0,5 % (test/taskpaneLogic.test.ts); typed "0,5" reads as 50 %.
      await page.fill("#field-installmentAmount", "1622");
      await page.fill("#field-annualRate", "0,5");
      await page.press("#field-annualRate", "Tab");
      await page.waitForSelector("#field-annualRate-problem:visible");
      const f = await fieldAndProblem(page, "annualRate");
      expect(f.text).toContain(
        "0,5 läses som 50 % (ett tal under 1 utan procenttecken är ett decimalbråk) — menade du 0,5 %?",
      );
      expect(f.describedBy[0]).toBe("field-annualRate-problem");
      expect(f.describedBy).toContain("field-annualRate-hint");
      expect(await page.getAttribute("#field-installmentAmount", "aria-invalid")).toBeNull();
      expect(await page.locator("#field-installmentAmount-problem").isHidden()).toBe(true);

      // Back to worked example 1's own terms: its figure returns.
      await page.fill("#field-installmentAmount", "1903");
      await page.fill("#field-annualRate", "5,95");
      await page.press("#field-annualRate", "Tab");
      await page.waitForSelector("table.statement");
      expect(plain(await page.locator("table.statement").innerText())).toContain("77 449 kr");
      expect(await problems(opened)).toEqual([]);
    });

    it("a #contract= link with a misspelt field is refused beside the form, as the CLI refuses it", async () => {
      const { annualRate, ...rest } = example1;
      const misspelt: ContractInput = { ...rest, annualRat: annualRate };
      // The engine's own refusal of the same contract (what the CLI prints).
      let engineMessage = "";
      try {
        parseContract(misspelt);
      } catch (error) {
        engineMessage = (error as Error).message;
      }
      expect(engineMessage).toContain("annualRat");

      const opened = await open(`#contract=${encodeURIComponent(JSON.stringify(misspelt))}`);
      const { page } = opened;
      const box = page.locator(".form-problem");
      await page.waitForSelector(".form-problem:visible");
      expect(plain(await box.innerText())).toContain(engineMessage);
      expect(await page.locator('[role="status"]').innerText()).toBe(""); // no green notice
      expect(await page.locator("table.statement").count()).toBe(0);
      expect(await page.locator("text=Ladda ner .xlsx").isDisabled()).toBe(true);
      expect(await page.getAttribute("form.contract", "aria-describedby")).toBe("form-problem");
      // Beside the form: right above its first field group.
      const boxBottom = (await box.boundingBox())!;
      const formTop = (await page.locator("form.contract").boundingBox())!;
      const gap = formTop.y - (boxBottom.y + boxBottom.height);
      expect(gap).toBeGreaterThanOrEqual(0);
      expect(gap).toBeLessThan(20);
      // The known fields are in the form, to be corrected.
      expect(await page.inputValue("#field-caseId")).toBe("Övning 1");

      await page.click("text=Räkna utan de okända fälten");
      expect(await box.isHidden()).toBe(true);
      await page.waitForSelector('#field-annualRate[aria-invalid="true"]'); // now simply missing
      await page.fill("#field-annualRate", "5,95");
      await page.press("#field-annualRate", "Tab");
      await page.waitForSelector("table.statement");
      expect(await problems(opened)).toEqual([]);
    });
  });

  it("builds a shareable link that opens the same contract", async () => {
    const opened = await open("?example=2");
    const { page } = opened;
    await page.fill("#field-debtor", "Anna & Björn #1 100%");
    await page.click("text=Kopiera länk");
    const link = await page.inputValue("input.link");
    expect(link.startsWith(`${pane.url}taskpane.html#contract=`)).toBe(true);
    expect(link).not.toContain("?example");
    expect(await problems(opened)).toEqual([]);

    const shared = await open(link.slice(`${pane.url}taskpane.html`.length));
    const text = await mainText(shared.page);
    expect(text).toContain("Anna & Björn #1 100%");
    for (const figure of ["10 474", "10 410", "93 529"]) expect(text).toContain(figure);
    expect(await shared.page.inputValue("#field-annualRate")).toBe("5,95");
    expect(await problems(shared)).toEqual([]);
  });

  it("the built page keeps a strict Content-Security-Policy and no inline script", () => {
    const html = fs.readFileSync(path.join(pane.dir, "taskpane.html"), "utf8");
    const csp = /http-equiv="?Content-Security-Policy"?\s+content="([^"]+)"/.exec(html)?.[1] ?? "";
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self' https://appsforoffice.microsoft.com");
    expect(csp).not.toMatch(/unsafe-(eval|inline)/);
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    // Only the pane's script: it adds office.js and functions.js itself, inside Office only.
    expect(scripts.map((m) => /src="?([^"\s>]+)/.exec(m[1])?.[1])).toEqual(["taskpane.js"]);
    for (const m of scripts) expect(m[2].trim()).toBe("");
    expect(html).not.toMatch(/\son[a-z]+=/i);
  });

  it("lays out at task-pane width (360 px) and in a full window (1280 px)", async () => {
    for (const width of [360, 1280]) {
      const opened = await open("?example=1", "offline", { width, height: 900 });
      const { page } = opened;
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow).toBeLessThanOrEqual(0); // nothing wider than the pane
      await page.screenshot({ path: `/tmp/taskpane-${width}.png` });
      expect(await problems(opened)).toEqual([]);
    }
  });

  /**
   * A stand-in for office.js that reports Excel as the host; its `Excel.run` fails after a moment
   * (no workbook here). It checks the start-up path and the Excel mode's feedback, not Excel itself
   * (the reader and writer are tested with office-addin-mock).
   */
  const OFFICE_STUB = `
    window.Office = { HostType: { Excel: "Excel" }, onReady: function () { return Promise.resolve({ host: "Excel", platform: "OfficeOnline" }); } };
    window.CustomFunctions = { associate: function () {} };
    window.Excel = { run: function () { return new Promise(function (_, reject) { setTimeout(function () { reject(new Error("stub: ingen arbetsbok")); }, 400); }); } };
  `;

  async function openWithStub(delayMs: number): Promise<Opened> {
    const context = await pane.newContext({ viewport: { width: 360, height: 900 } });
    const monitor = monitorPage(context);
    await context.route(OFFICE_JS_URL, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      await route.fulfill({ status: 200, contentType: "text/javascript", body: OFFICE_STUB });
    });
    const page = await context.newPage();
    const consoleMessages: Opened["consoleMessages"] = [];
    page.on("console", (msg: ConsoleMessage) =>
      consoleMessages.push({ type: msg.type(), text: msg.text(), url: msg.location().url }),
    );
    await page.addInitScript(() => {
      (window as unknown as { __csp: string[] }).__csp = [];
    });
    // As Office opens the page: with its host information (boot.ts decides to load office.js).
    await page.goto(`${pane.url}taskpane.html?${EXCEL_HOST_INFO}`, { waitUntil: "commit" });
    return { context, page, monitor, consoleMessages };
  }

  it("starts in Excel mode when Office reports Excel, with feedback while a sheet is written", async () => {
    const opened = await openWithStub(0);
    const { page } = opened;
    await page.waitForSelector('main[data-mode="excel"]', { timeout: HOST_WAIT_MS });
    // Every button, the folded panels' too (test/excelPane.browser.test.ts checks what is visible).
    const buttons = (await page.locator("main button").allTextContents()).map(plain);
    expect(buttons).toEqual([
      "Steg för steg", // the mode switch, and the guided mode's start (shown in that mode)
      "Snabbt",
      "Gå igenom markerad rad",
      "Skapa beräkningsblad",
      "Förhandsgranska markerad rad",
      "Infoga tom kontraktstabell",
      "Infoga övningsarbetsbok",
      "Skapa sammanställning",
      "Lägg till halvåret",
      "Infoga övningsblad och facit",
      "Infoga övningarna som kontraktsrader",
      "Hämta övningen", // the Träning panel (folded)
      "Använd markerad rad",
    ]);
    // The whole-table and reference-rate controls fit the 360 px pane.
    await page.click("summary:has-text('Referensräntor')"); // folded away until opened
    expect(plain(await page.locator(".last-known").innerText())).toBe(
      "Senast kända halvår: 2026-01-01–2026-06-30, 2,00 % (inbyggd tabell).",
    );
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);

    await page.click("text=Skapa beräkningsblad");
    expect(await page.locator("text=Skapa beräkningsblad").isDisabled()).toBe(true);
    expect(plain(await page.locator('[role="status"]').innerText())).toBe("Skriver bladet …");
    await page.waitForSelector('[role="alert"]:has-text("stub: ingen arbetsbok")');
    expect(plain(await page.locator('[role="alert"]').innerText())).toBe(
      "Excel kunde inte slutföra åtgärden: stub: ingen arbetsbok",
    );
    expect(await page.locator("text=Skapa beräkningsblad").isEnabled()).toBe(true);
    await page.screenshot({ path: "/tmp/taskpane-excel-360.png", fullPage: true });
    expect(await problems(opened)).toEqual([]);
  });

  it("inside Office, a slow Office shows 'Startar …' past the wait, never the standalone form", async () => {
    const opened = await openWithStub(HOST_WAIT_MS + 1500);
    const { page } = opened;
    await page.waitForTimeout(HOST_WAIT_MS + 500);
    expect(await page.getAttribute("main", "data-mode")).toBe("starting");
    expect(plain(await page.locator("main").innerText())).toContain("Startar …");
    // (The standalone pane would have replaced "Startar …" at HOST_WAIT_MS.)
    await page.waitForSelector('main[data-mode="excel"]', { timeout: 5000 });
    expect(await problems(opened)).toEqual([]);
  });

  it("reports an unknown ?example= in the alert region", async () => {
    const opened = await open("?example=9");
    expect(plain(await opened.page.locator('[role="alert"]').innerText())).toContain(
      "Det finns inget exempel 9",
    );
    expect(await problems(opened)).toEqual([]);
  });
});
