/**
 * Accessibility as a test (issue 19.6; WCAG 2.1 AA, which Swedish public-sector software must meet,
 * lag 2018:1937): axe-core with the WCAG 2.1 A and AA rules over 12 states of the standalone page
 * (the form, errors at fields, each of the guide's seven steps, the training panel open and checked)
 * and over the Excel-mode pane on its test host (a stand-in office.js, test/support/fakeExcelHost.js),
 * in Chromium at task-pane width. Each state must have 0 violations; a failure prints each
 * violation's id, its targets and its help text. Reflow (WCAG 1.4.10): at 320 px no state scrolls
 * sideways (document.scrollWidth ≤ the viewport's width).
 *
 * Skips (one stderr line) where Chromium is missing; mandatory with CI=true.
 */
import * as fs from "fs";
import * as path from "path";
import type { Page } from "playwright-core";
import { ContractInput } from "../src/engine";
import { contractTable } from "../src/sheet/headers";
import {
  blockOfficeJs,
  describeWithChromium,
  monitorPage,
  openExcelPane,
  paneSession,
} from "./support/browser";
import example1 from "../examples/worked-example-1.json";
import example2 from "../examples/worked-example-2.json";

const describeChromium = describeWithChromium();

const AXE = require.resolve("axe-core/axe.min.js");
const WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
const PANE = { width: 350, height: 800 };
const REFLOW = { width: 320, height: 800 };

interface Violation {
  id: string;
  help: string;
  nodes: { target: string[] }[];
}

/**
 * axe-core's WCAG 2.1 A/AA violations on the page now, each as "id: help [targets]". axe is served
 * from the pane's own folder (`axeUrl`): the page's Content-Security-Policy allows scripts from
 * 'self' only, and stays as it is for the measurement.
 */
async function violations(page: Page, axeUrl: string): Promise<string[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ url: axeUrl });
  const found = await page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run: Function } }).axe;
    const result = await axe.run(document, { runOnly: { type: "tag", values: tags } });
    return { violations: result.violations as unknown, passes: result.passes.length as number };
  }, WCAG_21_AA);
  expect(found.passes).toBeGreaterThan(10); // the rules did run
  return (found.violations as Violation[]).map(
    (v) => `${v.id}: ${v.help} [${v.nodes.map((n) => n.target.join(" ")).join(", ")}]`,
  );
}

/** The page's width against the viewport's, at 320 px. */
async function reflows(page: Page): Promise<{ scrollWidth: number; viewport: number }> {
  await page.setViewportSize(REFLOW);
  const widths = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    viewport: window.innerWidth,
  }));
  await page.setViewportSize(PANE);
  return widths;
}

/** Checks one state: no violation, no sideways scrolling at 320 px. */
async function checkState(page: Page, state: string): Promise<void> {
  const axeUrl = new URL("axe.min.js", page.url()).href;
  expect({ state, violations: await violations(page, axeUrl) }).toEqual({ state, violations: [] });
  const { scrollWidth, viewport } = await reflows(page);
  expect({ state, scrollWidth: Math.min(scrollWidth, viewport) }).toEqual({
    state,
    scrollWidth,
  });
}

describeChromium("accessibility: axe-core (WCAG 2.1 A and AA) and reflow at 320 px", () => {
  const pane = paneSession("a11y");
  beforeAll(() => fs.copyFileSync(AXE, path.join(pane.dir, "axe.min.js")));

  async function openStandalone(query: string) {
    const context = await pane.newContext({ viewport: PANE, locale: "sv-SE" });
    const monitor = monitorPage(context);
    await blockOfficeJs(context);
    const page = await context.newPage();
    await page.goto(`${pane.url}taskpane.html${query}`);
    await page.waitForSelector('main[data-mode="standalone"]');
    return { page, monitor };
  }

  it("the standalone page: the form, errors at fields, each guide step", async () => {
    const { page, monitor } = await openStandalone("");
    const states: string[] = [];
    await checkState(page, "0 the empty form");
    states.push("empty form");
    await page.goto(`${pane.url}taskpane.html?example=1`);
    await page.waitForSelector('main[data-mode="standalone"]');
    await checkState(page, "1 form with worked example 1");
    states.push("form");

    await page.fill("#field-installmentsPaid", "99");
    await page.fill("#field-annualRate", "fem");
    await page.press("#field-annualRate", "Tab");
    await page.waitForSelector("#field-annualRate-problem:visible");
    await checkState(page, "2 errors at fields");
    states.push("errors");

    await page.goto(`${pane.url}taskpane.html?example=2`);
    await page.waitForSelector('main[data-mode="standalone"]');
    await page.click('.guide-mode button:has-text("Steg för steg")');
    await page.waitForSelector(".guide-step-heading");
    for (let step = 1; step <= 7; step++) {
      const heading = await page.locator(".guide-step-heading").innerText();
      expect(heading).toContain(`Steg ${step} av 7`);
      await checkState(page, `${step + 2} guide step ${step}`);
      states.push(`guide ${step}`);
      if (step < 7) await page.click(".guide-actions button.primary");
    }
    expect(states).toHaveLength(10); // with the training panel's two: 12 states of the page
    expect(monitor.pageErrors).toEqual([]);
  });

  it("the standalone page: the training panel open, then checked with right and wrong answers", async () => {
    const { page, monitor } = await openStandalone("?ovning=1.47");
    await page.waitForSelector(".training[open] .training-name");
    await checkState(page, "10 training open");
    await page.fill("#training-unpaidCreditClaim", "1");
    await page.fill("#training-repossession-t", "abc");
    await page.click(".training-answers button.primary");
    await page.waitForSelector(".training-answer.wrong");
    await checkState(page, "11 training checked");
    expect(monitor.pageErrors).toEqual([]);
  });

  it("the Excel-mode pane on its test host: a row selected, then previewed", async () => {
    const table = contractTable([example1, example2] as ContractInput[]);
    const setup = {
      latencyMs: 10,
      sheets: [{ name: "Kontrakt", rows: [table.headers, ...table.rows], table: true }],
      active: { sheet: "Kontrakt", row: 1, col: 0 },
    };
    const { page, monitor } = await openExcelPane(pane, setup, { viewport: PANE });
    await page.waitForFunction(() =>
      document.querySelector(".selected-row")?.textContent?.includes("Övning 1"),
    );
    await checkState(page, "12 Excel pane, a row selected");
    await page.click("text=Förhandsgranska markerad rad");
    await page.waitForSelector(".result");
    await checkState(page, "13 Excel pane, the row previewed");
    expect(monitor.pageErrors).toEqual([]);
  });
});
