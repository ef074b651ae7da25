/**
 * The printed protocol: both worked examples' calculation sheets and a batch summary, printed to PDF
 * by LibreOffice as an officer would print them, read back with pdftotext. Every word of the notes
 * and labels must print (text clipped at a cell or page edge is missing from the PDF), no contract
 * field name or method code may print, every printed amount has its label, the page header carries
 * the day in ISO form, and the page counts are what the print set-up promises.
 *
 * Needs `soffice` and poppler-utils (`pdftotext`, `pdfinfo`): skips with one line where they are
 * missing, mandatory when CI=true (requireTool).
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { runCli } from "../src/cli/cli";
import { CONTRACT_FIELDS, OUTCOME_TEXT } from "../src/engine";
import { RESULT_COLUMNS } from "../src/sheet/summaryColumns";
import { LAST_PERIOD_NOTE, METHOD_CHOICE_NAMES, METHOD_NOTE } from "../src/sheet/texts";
import { findSoffice } from "./support/libreoffice";
import { PrintedPdf, havePoppler, missingWords, printToPdf } from "./support/pdf";
import { requireTool } from "./support/requireTool";

const SOFFICE = findSoffice();
const READY =
  requireTool("soffice", SOFFICE !== null) &&
  requireTool("pdftotext", havePoppler(), "apt-get install poppler-utils");
const describePrinted = READY ? describe : describe.skip;

const ROOT = path.resolve(__dirname, "..");
const silent = { out: () => undefined, err: () => undefined };

/** Today as the writers print it in the header: the local calendar date, ISO. */
function todayIso(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** An amount as LibreOffice prints `#,##0 "kr"` in any locale's digit grouping. */
const kronor = (thousands: number, rest: string) =>
  new RegExp(`${thousands}[\\s,.\\u00a0\\u202f]?${rest} kr`);

/** Texts every calculation sheet prints whole, whatever the example. */
const SHEET_TEXTS = [
  METHOD_NOTE,
  "Kontroll: betalningar + avgifter + uppläggningsavgift = kreditfordran",
  "Kontroll: tabellen täcker hela ränteperioden",
  "Kontroll av metoden",
  "Lagrummet bestäms av kontraktsdatum.",
  "planen har n rader: ändras n, skapa bladet på nytt",
  `${METHOD_CHOICE_NAMES.auto}, ${METHOD_CHOICE_NAMES.rule78} eller ${METHOD_CHOICE_NAMES.actual}`,
  "Mellanskillnad att betala av sökanden",
];

/** No contract field name (caseId, installments, …) nor method code prints anywhere. */
function expectNoMachineNames(text: string): void {
  const machine = [...CONTRACT_FIELDS, "auto", "rule78", "actual"];
  const printed = machine.filter((name) => new RegExp(`\\b${name}\\b`).test(text));
  expect(printed).toEqual([]);
}

/** The page header's date on the first `pages` pages: ISO, never a locale's 11/27/2026. */
function expectIsoHeaderDate(pdf: PrintedPdf, pages = pdf.pages): void {
  const texts = pdf.text.split("\f").filter((page) => page.trim() !== "");
  expect(texts).toHaveLength(pdf.pages);
  for (const page of texts.slice(0, pages)) {
    const header = page.split("\n").find((line) => line.trim() !== "");
    expect(header).toContain(`Skapad ${todayIso()}`);
  }
  expect(pdf.text).not.toMatch(/\b\d{1,2}\/\d{1,2}\/\d{2,4}\b/);
}

function expectWhole(pdf: PrintedPdf, texts: string[]): void {
  const missing = texts
    .map((text) => ({ text, missing: missingWords(pdf.text, text) }))
    .filter((t) => t.missing.length > 0);
  expect(missing).toEqual([]);
}

describePrinted("the printed protocol (LibreOffice → PDF → pdftotext)", () => {
  let dir: string;
  const printed: Record<string, PrintedPdf> = {};

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "printed-"));
    const files = [1, 2].map((n) => path.join(dir, `worked-example-${n}.xlsx`));
    for (const [i, out] of files.entries()) {
      const file = path.join(ROOT, "examples", `worked-example-${i + 1}.json`);
      expect(await runCli(["sheet", file, "--out", out], silent)).toBe(0);
    }
    const summary = path.join(dir, "summary.xlsx");
    const csv = path.join(ROOT, "test", "fixtures", "batch.csv");
    await runCli(["batch", csv, "--out", summary], silent); // status 3: one row is refused
    [printed.example1, printed.example2, printed.summary] = printToPdf(SOFFICE!, [
      ...files,
      summary,
    ]);
  }, 600_000);

  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  describe.each([1, 2])("worked example %i", (n) => {
    const pdf = () => printed[`example${n}`];

    test("every word of the notes, checks and labels prints", () => {
      expectWhole(pdf(), SHEET_TEXTS);
    });

    test("no contract field name and no method code prints", () => {
      expectNoMachineNames(pdf().text);
    });

    test("the header carries the day in ISO form on every page", () => {
      expectIsoHeaderDate(pdf());
    });

    test("two pages: the calculation, then the schedule on its own page", () => {
      // 72 instalments fit one A4 page; the schedule starts a page of its own (its title follows
      // the page break), so the sheet is exactly two pages.
      expect(pdf().pages).toBe(2);
      const [first, second] = pdf().text.split("\f");
      expect(first).not.toContain("Betalningsplan");
      expect(second).toContain("Betalningsplan (avbetalningsplan)");
    });
  });

  test("example 1: the statement's total and the outcome print with their labels (conventions §8)", () => {
    const { text } = printed.example1;
    expect(text).toMatch(new RegExp(`Att betala inkl. ränta\\s+${kronor(77, "449").source}`));
    expectWhole(printed.example1, [OUTCOME_TEXT.notice]);
    // Value 60 000 kr is below the debt: nothing to pay back, and the 0 kr says what it is.
    expect(text).toMatch(/Mellanskillnad att betala av sökanden\s+0 kr/);
    // The last period's interest is −5.12 kr (rounded annuity 1 903 kr, conventions §9), explained.
    expect(text).toMatch(/72\s+2015-08-30\s+\S+ kr\s+-5[.,]12 kr/);
    expectWhole(printed.example1, [LAST_PERIOD_NOTE]);
  });

  test("example 2: the difference the creditor pays prints with its label", () => {
    const { text } = printed.example2;
    expectWhole(printed.example2, [OUTCOME_TEXT.payDifference]);
    // 95 000 − 93 529 = 1 471 kr at the repossession date (conventions §7).
    expect(text).toMatch(
      new RegExp(`Mellanskillnad att betala av sökanden\\s+${kronor(1, "471").source}`),
    );
    // The last interest is positive here (residual 40 000 kr): the last-period note stays away.
    expect(text).not.toContain(LAST_PERIOD_NOTE.split(":")[0]);
  });

  describe("the batch summary", () => {
    const pdf = () => printed.summary;

    test("every word of the note, the column headers, the outcomes and the refusal prints", () => {
      expectWhole(pdf(), [
        METHOD_NOTE,
        ...RESULT_COLUMNS.map((col) => col.header),
        OUTCOME_TEXT.notice,
        `${OUTCOME_TEXT.payDifference} 1471 kr`,
        "Betalda avbetalningar (99) är större än Antal avbetalningar (72)",
      ]);
    });

    test("no contract field name and no method code prints", () => {
      expectNoMachineNames(pdf().text);
    });

    test("the summary's header carries the day in ISO form", () => {
      expectIsoHeaderDate(pdf(), 1); // the reference-rate sheet's header has no date
    });

    test("the summary on one landscape page, the reference rates after it", () => {
      expect(pdf().pages).toBe(2);
      const [summary, rates] = pdf().text.split("\f");
      expect(summary).toMatch(/Sammanställning\s+–\s+återtagande/);
      expect(rates).toContain("Referensräntor");
    });
  });
});
