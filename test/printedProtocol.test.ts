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
import { writeXlsxFile } from "../src/export/writeFile";
import {
  CALIBRATION,
  PrintedPdf,
  havePoppler,
  missingWords,
  printToPdf,
  smallestTextByPage,
} from "./support/pdf";
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

/** The pages' texts (form feeds apart; the last, empty one dropped). */
const pagesOf = (pdf: PrintedPdf) => pdf.text.split("\f").filter((page) => page.trim() !== "");

/**
 * The fixture's refused row made wrong in four fields at once (a month 13, a negative price, a rate
 * that is no number, 31 September), under a case id of its own: its reason is four sentences long.
 */
function manyFaults(row: string): string {
  const cells = row.split(";");
  Object.assign(cells, { 0: "Trasig 2", 3: "2009-13-28", 4: "-5", 7: "abc", 9: "2009-09-31" });
  return cells.join(";");
}

/** Every fault of {@link manyFaults}, as the summary words it (in the order of the fields). */
const MANY_FAULTS = [
  'D5: Kontraktsdatum ("2009-13-28") är inget giltigt datum',
  'E5: Kontantpris får inte vara negativt, fick "-5"',
  'H5: Nominell ränta måste vara ett tal, fick "abc"',
  'J5: Första förfallodag ("2009-09-31") är inget giltigt datum',
].join("; ");

/** The sections of the calculation sheet by heading and last row: each prints on one page. */
const SECTIONS: [string, string][] = [
  ["Indata från kontraktet", "Metodval"],
  ["Härledda belopp", "Kontroll av metoden"],
  ["Reduceringsbelopp", "Skillnad för konsumenten"],
  ["Att betala för att undgå återtagning", "Att betala inkl. ränta"],
  ["Värdering och utfall", "Mellanskillnad att betala av sökanden"],
  ["Till underrättelsedagen", "Kontroll: tabellen täcker hela"],
  ["Till återtagningsdagen", "Kontroll: tabellen täcker hela"],
];

describePrinted("the printed protocol (LibreOffice → PDF → pdftotext)", () => {
  let dir: string;
  const printed: Record<string, PrintedPdf> = {};
  /** Height of a word's box per point of text size (the font's line box, about 1.3 for DejaVu Sans). */
  let boxPerPoint: number;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "printed-"));
    const files = [1, 2].map((n) => path.join(dir, `worked-example-${n}.xlsx`));
    for (const [i, out] of files.entries()) {
      const file = path.join(ROOT, "examples", `worked-example-${i + 1}.json`);
      expect(await runCli(["sheet", file, "--out", out], silent)).toBe(0);
    }
    const summary = path.join(dir, "summary.xlsx");
    // The fixture (two cases, one refused row) and a row refused for four reasons at once.
    const fixture = fs.readFileSync(path.join(ROOT, "test", "fixtures", "batch.csv"), "utf8");
    const refused = fixture.split(/\r?\n/)[3];
    const csv = path.join(dir, "batch.csv");
    fs.writeFileSync(csv, `${fixture.trimEnd()}\n${manyFaults(refused)}\n`);
    await runCli(["batch", csv, "--out", summary], silent); // status 3: two rows are refused
    const calibration = path.join(dir, "calibration.xlsx");
    await writeXlsxFile([CALIBRATION], calibration);
    let reference: PrintedPdf;
    [printed.example1, printed.example2, printed.summary, reference] = printToPdf(SOFFICE!, [
      ...files,
      summary,
      calibration,
    ]);
    boxPerPoint = reference.words[0][0].height / 11;
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

    test("every page prints its text at 9 pt or more (issue 19: it was about 6 pt)", () => {
      const sizes = smallestTextByPage(pdf(), boxPerPoint);
      expect(sizes).toHaveLength(pdf().pages);
      const small = sizes.map((s, page) => ({ page: page + 1, ...s })).filter((s) => s.size < 9);
      expect(small).toEqual([]);
      // 11-pt text at the plan's 89 %: 9.8 pt, give or take LibreOffice's rounding.
      expect(Math.min(...sizes.map((s) => s.size))).toBeGreaterThan(9.5);
    });

    test("every page names the case, in its header and its footer", () => {
      for (const page of pagesOf(pdf())) {
        const lines = page.split("\n").filter((line) => line.trim() !== "");
        expect(lines[0]).toContain(`Övning ${n}`);
        expect(lines[lines.length - 1]).toContain(`Ärende Övning ${n}`);
      }
    });

    test("each section prints whole on one page", () => {
      const pages = pagesOf(pdf());
      const pageOf = (text: string, from = 0) =>
        pages.findIndex((page, i) => i >= from && page.includes(text));
      const split = SECTIONS.map(([head, last]) => {
        const at = pageOf(head);
        return { head, at, last: pageOf(last, at) };
      }).filter((s) => s.at < 0 || s.at !== s.last);
      expect(split).toEqual([]);
    });

    test("the schedule starts a page of its own, its header row on each of its pages", () => {
      const pages = pagesOf(pdf());
      const first = pages.findIndex((page) => page.includes("Betalningsplan (avbetalningsplan)"));
      expect(first).toBeGreaterThan(0);
      const lines = pages[first].split("\n").filter((line) => line.trim() !== "");
      expect(lines[1]).toContain("Betalningsplan (avbetalningsplan)");
      for (const page of pages.slice(0, first)) expect(page).not.toMatch(/Nr\s+Förfallodag/);
      for (const page of pages.slice(first)) expect(page).toMatch(/Nr\s+Förfallodag\s+Betalning/);
      // All 72 instalments print, the last on the schedule's last page with the sums.
      expect(pages[pages.length - 1]).toMatch(/72\s+2015-08-30/);
      expect(pages[pages.length - 1]).toContain("Summa");
    });
  });

  test("example 1: the statement's total and the outcome print with their labels (conventions §8)", () => {
    const { text } = printed.example1;
    expect(text).toMatch(new RegExp(`Att betala inkl. ränta\\s+${kronor(77, "449").source}`));
    expectWhole(printed.example1, [OUTCOME_TEXT.notice]);
    // Value 60 000 kr is below the debt: nothing to pay back, and the 0 kr says what it is.
    expect(text).toMatch(/Mellanskillnad att betala av sökanden\s+0 kr/);
    // The last period's interest is −5.12 kr (rounded annuity 1 903 kr, conventions §9), explained.
    expect(text).toMatch(/72\s+2015-08-30\s+1[\s,.\u00a0]?903[.,]00\s+-5[.,]12\s/);
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
        `${OUTCOME_TEXT.payDifference} 1 471 kr`,
        "Betalda avbetalningar (99) är större än Antal avbetalningar (72)",
      ]);
    });

    test("a long reason for a refused row prints whole on the first page, wrapped", () => {
      const [first] = pagesOf(pdf());
      expect(missingWords(first, MANY_FAULTS)).toEqual([]);
    });

    test("no contract field name and no method code prints", () => {
      expectNoMachineNames(pdf().text);
    });

    test("the summary's header carries the day in ISO form", () => {
      expectIsoHeaderDate(pdf(), 1); // the reference-rate sheet's header has no date
    });

    test("the summary prints at 9 pt or more, over two pages that both name the cases, the rates after it", () => {
      // Its 13 result columns are wider than a landscape page at a readable scale (they printed at
      // 47 %, about 5 pt, on one page): two page widths, the case ids (column A) repeated on the second.
      const pages = pagesOf(pdf());
      expect(pages).toHaveLength(3);
      const [first, second, rates] = pages;
      expect(first).toMatch(/Sammanställning\s+–\s+återtagande/);
      expect(rates).toContain("Referensräntor");
      for (const page of [first, second]) {
        expect(page).toContain("Övning 1");
        expect(page).toContain("Övning 2");
      }
      // The band's columns in order: the method on the first page, the outcome on the second.
      expect(first).toContain("Metod");
      expect(second).not.toContain("Metod");
      expect(second).toContain("Utfall");
      const sizes = smallestTextByPage(pdf(), boxPerPoint).slice(0, 2);
      // 11-pt text at 85 %: 9.35 pt, give or take LibreOffice's rounding.
      expect(Math.min(...sizes.map((s) => s.size))).toBeGreaterThan(9);
    });
  });
});
