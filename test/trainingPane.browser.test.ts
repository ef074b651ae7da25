/**
 * The "Träning" panel in a real browser (issue 12, item 4): the standalone page from the production
 * build in Chromium at 350 px, opened on a practice case by link (`?ovning=1.47`). Right and wrong
 * answers are typed; each is marked in words ("Rätt", "Fel") with aria-invalid on the wrong ones, one
 * hint names the convention missed, nothing overflows the narrow pane, and "Visa lösning" opens the
 * guided steps. The right figures are computed here from the contract by the conventions
 * (docs/conventions.md §3, §4, §6, §7), not taken from the engine.
 *
 * Skips (one stderr line) where Chromium is missing; mandatory with CI=true.
 */
import * as os from "os";
import * as path from "path";
import type { Page } from "playwright-core";
import {
  OFFICE_JS_HOST,
  describeWithChromium,
  openStandalonePane,
  paneSession,
} from "./support/browser";
import { practiceCase } from "../src/training/practiceCase";
import rateTable from "../src/engine/data/reference-rates.json";

const describeChromium = describeWithChromium();

const OFFICE_JS_URL = `https://${OFFICE_JS_HOST}/lib/1/hosted/office.js`;
const WIDTH = 350;

/** Page text with non-breaking and narrow spaces made plain. */
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, " ");

// ----- The case's figures by hand -------------------------------------------------------------

const DAY_MS = 86_400_000;
const day = (iso: string) => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10));

/** Due date k (1-based): the first due date's day of the month, the month's last day if shorter (§3). */
function dueDate(first: string, k: number): number {
  const y = +first.slice(0, 4);
  const m = +first.slice(5, 7) - 1 + (k - 1);
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return Date.UTC(y, m, Math.min(+first.slice(8, 10), lastDay));
}

/** t = n − 1 − due dates strictly before the date, at least 0 (§4). */
function remaining(first: string, n: number, date: string): number {
  let before = 0;
  while (before < n && dueDate(first, before + 1) < day(date)) before++;
  return Math.max(0, n - 1 - before);
}

/** Whole kronor, half away from zero (amounts here are positive). */
const krona = (x: number) => Math.floor(x + 0.5);

/** The reference rate of the half-year of a date, in percent, from the Riksbank table. */
function referencePercent(iso: string): number {
  const start = `${iso.slice(0, 4)}-${+iso.slice(5, 7) <= 6 ? "01" : "07"}-01`;
  const entry = rateTable.rates.find((r) => r.from === start);
  if (!entry) throw new Error(`no reference rate for ${start}`);
  return Number(entry.percent);
}

const practice = practiceCase(1, 47);
const k = practice.contract;
const n = k.installments;
const c = n * (k.installmentAmount + k.monthlyFee) - k.creditAmount; // C − S (no residual at level 1)
const unpaid = (n - k.installmentsPaid) * (k.installmentAmount + k.monthlyFee);
const interestFrom = new Date(day(k.applicationDate) + DAY_MS).toISOString().slice(0, 10);

/** The statement at a date by hand (§4, §6, §7): t, R and the totals. */
function statementAt(date: string) {
  const t = remaining(k.firstDueDate, n, date);
  const reduction = krona((t * (t + 1) * c) / (n * (n + 1)));
  const days = (day(date) - day(interestFrom)) / DAY_MS + 1; // both ends counted
  // Level 1 keeps the late interest inside one half-year: one rate.
  expect(referencePercent(date)).toBe(referencePercent(interestFrom));
  const late = krona((unpaid * (referencePercent(date) + 8) * days) / 36500);
  const exkl = unpaid + k.basicFee + k.applicantCosts - reduction;
  return { t, reduction, exkl, inkl: exkl + late + k.claimedInterest };
}

const atNotice = statementAt(k.noticeDate);
const atRepossession = statementAt(k.repossessionDate);
const surplus = k.estimatedValue - atRepossession.inkl;

// ----- The browser -----------------------------------------------------------------------------

describeChromium(`the Träning panel in Chromium at ${WIDTH} px (standalone)`, () => {
  const pane = paneSession("training");

  const answer = (page: Page, id: string) => page.locator(`#training-${id.replace(/\./g, "-")}`);
  const mark = async (page: Page, id: string) =>
    plain(await page.locator(`#training-${id.replace(/\./g, "-")}-mark`).innerText()).trim();

  it("marks right and wrong answers in words, with aria and a hint, and opens the solution", async () => {
    expect(practice.name).toBe("Övning 1.47");
    expect(surplus).toBeLessThan(0); // level 1 ends in a notice
    const { page, monitor } = await openStandalonePane(pane, "?ovning=1.47", {
      context: { viewport: { width: WIDTH, height: 900 } },
    });

    // The link opened the panel on the case, with its inputs.
    await page.waitForSelector(".training[open] .training-name");
    expect(await page.locator(".training-name").innerText()).toBe("Övning 1.47");
    const inputs = plain(await page.locator(".training-inputs").innerText());
    expect(inputs).toContain(k.repossessionDate);
    expect(inputs).toContain(`${k.installments}`);

    // Right: the unpaid claim, t and R at the repossession, att betala inkl. ränta, the surplus and
    // the outcome. Wrong: t at the notice date counting the next due date as not passed (t + 1),
    // and att betala exkl. ränta without the basic fee. The rest is left blank.
    const group = (x: number) => String(x).replace(/\B(?=(\d{3})+(?!\d))/g, " ");
    await answer(page, "unpaidCreditClaim").fill(`${group(unpaid)} kr`);
    await answer(page, "repossession.t").fill(String(atRepossession.t));
    await answer(page, "repossession.reduction").fill(group(atRepossession.reduction));
    await answer(page, "repossession.amountInclInterest").fill(`${atRepossession.inkl},00`);
    await answer(page, "repossession.surplus").fill(`−${group(-surplus)}`);
    await answer(page, "repossession.outcome").selectOption("notice");
    await answer(page, "notice.t").fill(String(atNotice.t + 1));
    await answer(page, "repossession.amountExclInterest").fill(
      group(atRepossession.exkl - k.basicFee),
    );
    const check = page.getByRole("button", { name: "Rätta" });
    await check.click();

    for (const id of [
      "unpaidCreditClaim",
      "repossession.t",
      "repossession.reduction",
      "repossession.amountInclInterest",
      "repossession.surplus",
      "repossession.outcome",
    ]) {
      expect([id, await mark(page, id)]).toEqual([id, "✓ Rätt"]);
      expect(await answer(page, id).getAttribute("aria-invalid")).toBeNull();
    }
    for (const id of ["notice.t", "repossession.amountExclInterest"]) {
      expect([id, await mark(page, id)]).toEqual([id, "✗ Fel"]);
      expect(await answer(page, id).getAttribute("aria-invalid")).toBe("true");
    }
    expect(await mark(page, "notice.reduction")).toBe("Inte besvarad");
    expect(plain(await page.locator(".training-score").innerText())).toBe("6 av 11 rätt.");
    // Focus stays on the pressed button.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Rätta");

    // One hint: the wrong t names the convention, and a screen reader hears it with the field.
    const hint = page.locator("#training-notice-t-hint");
    expect(await hint.isVisible()).toBe(true);
    const hintText = plain(await hint.innerText());
    expect(hintText).toContain("nästa förfallodag som inte passerad");
    expect(hintText).toContain("Se konventionerna, avsnitt 4.");
    // The citation opens the section in the built help page, beside the pane.
    expect(await hint.locator("a.citation").getAttribute("href")).toBe(
      "conventions.html#avsnitt-4",
    );
    expect(await answer(page, "notice.t").getAttribute("aria-describedby")).toBe(
      "training-notice-t-mark training-notice-t-hint",
    );
    expect(
      plain(await page.locator("#training-repossession-amountExclInterest-hint").innerText()),
    ).toContain("grundavgiften");

    // 350 px: nothing sticks out sideways; each mark is inside the pane.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      WIDTH,
    );
    for (const id of ["notice.t", "repossession.t"]) {
      const box = await page.locator(`#training-${id.replace(/\./g, "-")}-mark`).boundingBox();
      expect(box).not.toBeNull();
      expect(box!.x + box!.width).toBeLessThanOrEqual(WIDTH);
    }
    await page.screenshot({ path: path.join(os.tmpdir(), "training-350.png"), fullPage: true });

    // The worked solution as the guided steps.
    const solve = page.locator(".training-answers button[aria-expanded]");
    expect(await solve.innerText()).toBe("Visa lösning");
    await solve.click();
    await page.waitForSelector(".training-solution .guide");
    expect(await solve.getAttribute("aria-expanded")).toBe("true");
    expect(await solve.innerText()).toBe("Dölj lösning");
    expect(plain(await page.locator(".training-solution").innerText())).toContain(
      "Lösning: Övning 1.47",
    );
    // Its ids are its own, apart from the page's "Steg för steg" guide.
    expect(await page.locator(".training-solution #training-guide-heading").count()).toBe(1);
    expect(await page.locator(".training-solution [id^='guide-']").count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      WIDTH,
    );

    const errors = monitor
      .errors()
      .filter((e) => !e.includes("ERR_INTERNET_DISCONNECTED"))
      .concat(monitor.failedRequests.filter((f) => !f.startsWith(`${OFFICE_JS_URL} -> `)));
    expect(errors).toEqual([]);
  }, 120_000);
});
