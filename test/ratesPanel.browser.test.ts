/**
 * The standalone page's Referensräntor panel in Chromium (issue 18): a case past the built-in table
 * is refused naming the half-year and the panel, its button goes to the panel with the half-year
 * filled in; a bad date or rate is refused at its field; the rate added (keyboard only) is used by
 * the calculation, remembered after a reload, carried into the download's Referensräntor sheet with
 * its source, and the page has no axe-core violations at 350 px.
 *
 * The case: worked example 1 (docs/conventions.md §8) moved to 2026, with no first day of interest
 * stated, so interest runs from the day after the application date 2026-06-30, all in the half-year
 * 2026-07-01–2026-12-31 that the built-in table lacks.
 */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import type { Page } from "playwright-core";
import { blockOfficeJs, describeWithChromium, paneSession } from "./support/browser";
import { CASE_2026 } from "./testkit/fixtures";

const describeChromium = describeWithChromium();

/** Page text with non-breaking and narrow spaces made plain. */
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, " ");

/** Whole kronor, Swedish grouping, half away from zero (conventions §7). */
function kronor(value: number): string {
  return `${String(Math.round(value)).replace(/\B(?=(\d{3})+(?!\d))/g, " ")} kr`;
}

/**
 * Late interest computed here, not by the engine: unpaid claim 41 × 1 928 = 79 048 kr at reference
 * 1,75 % + 8 = 9,75 % from 2026-07-01, both days counted, / 365 (conventions §6).
 */
const interestTo = (days: number) => kronor((79048 * 9.75 * days) / 36500);

describeChromium("the standalone Referensräntor panel in Chromium", () => {
  const pane = paneSession("rates-panel");

  async function open(page: Page, query: string): Promise<void> {
    await page.goto(`${pane.url}taskpane.html${query}`, { waitUntil: "commit" });
    await page.waitForSelector('main[data-mode="standalone"]', { timeout: 10_000 });
  }

  it("refuses the case naming the half-year, adds the rate at the panel, and remembers it", async () => {
    const context = await pane.newContext({
      viewport: { width: 350, height: 900 },
      acceptDownloads: true,
      locale: "sv-SE",
      bypassCSP: true, // only so that axe-core can be injected below
    });
    await blockOfficeJs(context);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    await open(page, `#contract=${encodeURIComponent(JSON.stringify(CASE_2026))}`);

    const problem = page.locator(".problem-summary li").first();
    expect(plain(await problem.innerText())).toContain(
      'Referensränta saknas för halvåret 2026-07-01–2026-12-31 (Ansökningsdag "2026-06-30"); lägg till den i panelen Referensräntor',
    );
    // The button goes to the panel, the half-year filled in and the rate's field focused.
    await problem.getByRole("button", { name: "Gå till Referensräntor" }).click();
    expect(await page.inputValue("#rate-from")).toBe("2026-07-01");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("rate-percent");

    // A bad rate and a date that starts no half-year: each refused at its own field.
    await page.fill("#rate-from", "2026-08-01");
    await page.fill("#rate-percent", "abc");
    await page.press("#rate-percent", "Enter");
    expect(plain(await page.innerText("#rate-from-problem"))).toContain(
      "2026-08-01 är inte början på ett halvår",
    );
    expect(await page.getAttribute("#rate-from", "aria-invalid")).toBe("true");
    expect(plain(await page.innerText("#rate-percent-problem"))).toBe(
      'Referensräntan måste vara ett tal i procent, t.ex. 1,75 (fick "abc").',
    );
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("rate-from");

    // Keyboard only: the right date, Tab to the rate, Enter.
    await page.keyboard.press("Control+A"); // focus went to the first field refused
    await page.keyboard.type("2026-07-01");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Control+A");
    await page.keyboard.type("1,75");
    await page.keyboard.press("Enter");
    await page.waitForSelector("table.statement");
    expect(await page.locator("#rate-from-problem").isHidden()).toBe(true);
    expect(plain(await page.innerText(".added-rates"))).toContain("2026-07-01–2026-12-31: 1,75 %");

    const interestRow = page.locator("table.statement tbody tr", { hasText: "Dröjsmålsränta" });
    const cells = (await interestRow.locator("td").allInnerTexts()).map(plain);
    expect(cells).toEqual([interestTo(46), interestTo(51)]); // to 2026-08-15 and 2026-08-20

    // The download carries the rate on its Referensräntor sheet, with where it comes from.
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Ladda ner .xlsx" }).click(),
    ]);
    const file = path.join(pane.dir, "rates-download.xlsx");
    await download.saveAs(file);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(fs.readFileSync(file) as unknown as ExcelJS.Buffer);
    const sheet = book.getWorksheet("Referensräntor")!;
    const last = sheet.getRow(sheet.actualRowCount);
    expect(last.getCell(2).value).toBe(1.75);
    expect(last.getCell(4).value).toBe("Tillagd av användaren (panelen Referensräntor)");
    expect(sheet.getRow(2).getCell(4).value).toBe("Riksbankens besked (bekräftad)");

    // Zero axe-core violations at 350 px, the panel filled in.
    await page.addScriptTag({ path: require.resolve("axe-core/axe.min.js") });
    const violations = await page.evaluate(async () => {
      const axe = (
        window as unknown as { axe: { run(): Promise<{ violations: { id: string }[] }> } }
      ).axe;
      return (await axe.run()).violations.map((v) => v.id);
    });
    expect(violations).toEqual([]);

    // Remembered in the browser: a new visit computes the case at once.
    await open(page, `#contract=${encodeURIComponent(JSON.stringify(CASE_2026))}`);
    await page.reload();
    await page.waitForSelector("table.statement");
    expect(plain(await page.innerText(".last-known"))).toBe(
      "Senast kända halvår: 2026-07-01–2026-12-31, 1,75 % (tillagt här).",
    );
    // Taken away again: the case is refused as before.
    await page.getByRole("button", { name: "Ta bort halvåret 2026-07-01–2026-12-31" }).click();
    await page.waitForSelector(".problem-summary");
    expect(errors).toEqual([]);
  }, 120_000);
});
