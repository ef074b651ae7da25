/**
 * The help pages (scripts/helpPages.js), built once for this file by `node scripts/helpPages.js DIR`
 * (the same function webpack's HelpPagesPlugin calls, without webpack: about 2 s):
 * help.html, the target of every custom function's @helpurl (help.html#ID), of the manifest's
 * SupportUrl and of its LearnMoreUrl, whose function reference is generated from functions.json and
 * the JSDoc of src/functions/functions.ts; and conventions.html, docs/conventions.md rendered.
 *
 * (a) On the built text: the reference lists every function of functions.json with every parameter
 *     and its description; each worked example's formula, run through the function itself, gives
 *     the answer the page states, and the figures are those of conventions §8; each section of
 *     conventions.md has its anchor (`avsnitt-N` for "## N. …"); every link of both pages resolves;
 *     both have a strict Content-Security-Policy with no script.
 * (b) In Debian's Chromium (skips with one stderr line where it is missing; mandatory with CI=true):
 *     the built pages served on 127.0.0.1, zero axe-core violations on both, help.html#ID and
 *     conventions.html#avsnitt-N open at their heading, styled, with no console error, no failed
 *     request and no other host; no sideways scrolling at task-pane width. Screenshots:
 *     /tmp/help-LATEINTEREST.png (1000×900), /tmp/help-360.png, /tmp/conventions-360.png.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import {
  PageMonitor,
  StaticServer,
  findChromium,
  launchChromium,
  monitorPage,
  serveDirectory,
} from "./support/browser";
import { requireTool } from "./support/requireTool";
import { loadCustomFunctions } from "./testkit/customFunctions";
import referenceRates from "../src/engine/data/reference-rates.json";

const ROOT = path.resolve(__dirname, "..");
const read = (file: string) => fs.readFileSync(path.join(ROOT, file), "utf8");

/** The pages, built once into the run's temporary folder. */
const BUILT = fs.mkdtempSync(path.join(os.tmpdir(), "help-pages-"));
execFileSync(process.execPath, [path.join(ROOT, "scripts/helpPages.js"), BUILT]);
const built = (file: string) => fs.readFileSync(path.join(BUILT, file), "utf8");

interface FunctionMetadata {
  id: string;
  name: string;
  description: string;
  helpUrl: string;
  parameters: { name: string; description?: string; optional?: boolean }[];
}
const METADATA: FunctionMetadata[] = JSON.parse(built("functions.json")).functions;
const FUNCTION_IDS = METADATA.map((f) => f.id);

const FUNCTIONS_TS = read("src/functions/functions.ts");
const TEMPLATE = read("src/help/help.template.html");
const CONVENTIONS_MD = read("docs/conventions.md");
const MANIFEST = read("manifest.xml");

/** A page without its comments (they may mention what the page must not contain). */
const markup = (html: string) => html.replace(/<!--[\s\S]*?-->/g, "");
const PAGES: Record<string, string> = {
  "help.html": markup(built("help.html")),
  "conventions.html": markup(built("conventions.html")),
};
const HELP = PAGES["help.html"];
const CONVENTIONS = PAGES["conventions.html"];

/** Top-level <section id="…"> … </section> blocks (the page does not nest sections). */
function sections(html: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const m of html.matchAll(/<section\b[^>]*\bid="([^"]+)"[^>]*>([\s\S]*?)<\/section>/g))
    found.set(m[1], m[2]);
  return found;
}
const SECTIONS = sections(HELP);

/** Visible text: tags removed, entities decoded, no-break spaces as spaces, whitespace collapsed. */
function text(html: string): string {
  return html
    .replace(/<[^>]+>/g, "")
    .replace(/&nbsp;|\u00a0/g, " ")
    .replace(/&gt;/g, ">")
    .replace(/&lt;/g, "<")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");
}

/** The Content-Security-Policy of the page's meta tag, directive → sources. */
function contentSecurityPolicy(html: string): Map<string, string[]> | null {
  const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"\s*\/?>/i.exec(
    html,
  );
  if (!meta) return null;
  const policy = new Map<string, string[]>();
  for (const directive of meta[1].split(";")) {
    const [name, ...sources] = directive.trim().split(/\s+/);
    if (name) policy.set(name.toLowerCase(), sources);
  }
  return policy;
}

/** The formulas shown in `<span class="formula">` that call ATERTAG functions, as typed. */
function shownFormulas(html: string): string[] {
  return [...html.matchAll(/<span class="formula">([\s\S]*?)<\/span>/g)]
    .map((m) => text(m[1]).trim())
    .filter((formula) => formula.startsWith("=ATERTAG."));
}

const links = (html: string) => [...html.matchAll(/\s(?:href|src)="([^"]*)"/g)].map((m) => m[1]);
const ids = (html: string) => [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);

describe("help.html: the function reference, generated from functions.json and the JSDoc", () => {
  test("functions.json declares the six custom functions", () => {
    expect(FUNCTION_IDS).toEqual([
      "RULE78",
      "ACTUALREDUCTION",
      "REDEMPTION",
      "REMAININGINSTALLMENTS",
      "LATEINTEREST",
      "REFERENCERATE",
    ]);
  });

  test("every helpUrl is the manifest's help URL + #ID", () => {
    const helpUrl = /<bt:Url id="Help\.Url" DefaultValue="([^"]+)"/.exec(MANIFEST)?.[1];
    expect(helpUrl).toBeDefined();
    for (const { id, helpUrl: url } of METADATA) {
      expect({ id, url }).toEqual({ id, url: `${helpUrl}#${id}` });
      expect(new URL(url).pathname).toBe("/help.html");
    }
  });

  test("the template writes no function's section: the reference has one source", () => {
    for (const id of FUNCTION_IDS) expect(TEMPLATE).not.toContain(`id="${id}"`);
    expect(TEMPLATE).not.toContain('class="args"');
  });

  test("is Swedish and has each id once", () => {
    expect(HELP).toMatch(/<html lang="sv">/);
    const all = ids(HELP);
    expect(all.filter((id, i) => all.indexOf(id) !== i)).toEqual([]);
  });

  test.each(FUNCTION_IDS)(
    "section #%s: heading, description, every parameter of functions.json with its description, errors, example",
    (id) => {
      const fn = METADATA.find((f) => f.id === id)!;
      const body = SECTIONS.get(id);
      expect(body).toBeDefined();
      expect(text(/<h2>([\s\S]*?)<\/h2>/.exec(body!)![1])).toBe(`ATERTAG.${id}`);
      expect(text(/<p class="summary">([\s\S]*?)<\/p>/.exec(body!)![1])).toBe(fn.description);
      expect(fn.parameters.length).toBeGreaterThan(0);
      const rows = [
        ...body!.matchAll(/<tr><td><code>([^<]+)<\/code><\/td><td>([\s\S]*?)<\/td><\/tr>/g),
      ];
      expect(rows.map((r) => [r[1], text(r[2])])).toEqual(
        fn.parameters.map((p) => [p.optional ? `[${p.name}]` : p.name, p.description]),
      );
      const syntax = `=ATERTAG.${id}(${rows.map((r) => r[1]).join(";")})`;
      expect(text(/<p class="syntax">([\s\S]*?)<\/p>/.exec(body!)![1])).toContain(syntax);
      expect(text(body!)).toMatch(/#VÄRDEFEL! \(#VALUE!\)/);
      expect(body).toContain('class="example"');
      expect(shownFormulas(body!).some((f) => f.startsWith(`=ATERTAG.${id}(`))).toBe(true);
    },
  );

  test("the table of contents lists every function", () => {
    const nav = /<nav class="contents"[\s\S]*?<\/nav>/.exec(HELP)![0];
    for (const id of FUNCTION_IDS) expect(nav).toContain(`<a href="#${id}">ATERTAG.${id}</a>`);
  });

  test("formulas are typed as in Swedish Excel: semicolons between arguments, decimal comma", () => {
    const formulas = shownFormulas(HELP);
    expect(formulas.length).toBeGreaterThanOrEqual(FUNCTION_IDS.length);
    for (const formula of formulas) {
      // Quoted text (dates, sheet names) and decimal commas (0,0595) aside, no comma may remain.
      const rest = formula
        .replace(/"[^"]*"/g, '""')
        .replace(/'[^']*'/g, "''")
        .replace(/\d,\d/g, "");
      expect({ formula, comma: rest.includes(",") }).toEqual({ formula, comma: false });
      expect(formula).not.toMatch(/\d\.\d/);
    }
  });

  test("the worked examples show the figures of conventions §8", () => {
    const shows = (id: string, formula: string, ...results: string[]) => {
      const body = SECTIONS.get(id)!;
      expect(shownFormulas(body)).toContain(formula);
      for (const result of results) expect(text(body)).toContain(result);
    };
    shows("RULE78", "=ATERTAG.RULE78(32;72;23816)", "4 784,95", "4 785 kr");
    shows(
      "REMAININGINSTALLMENTS",
      '=ATERTAG.REMAININGINSTALLMENTS("2009-09-30";72;"2012-12-15")',
      "Svar: 32",
    );
    shows(
      "ACTUALREDUCTION",
      '=ATERTAG.ACTUALREDUCTION(115000;0,0595;72;"2009-09-30";"2012-12-15";1440;40000;25)',
      "10 474,48",
      "10 410,29",
    );
    shows(
      "LATEINTEREST",
      '=ATERTAG.LATEINTEREST(79048;"2012-09-05";"2012-12-15")',
      "2 098,56",
      "2 099 kr",
      "102",
    );
    shows("REFERENCERATE", '=ATERTAG.REFERENCERATE("2012-12-15")', "Svar: 1,5");
    shows("REDEMPTION", "=ATERTAG.REDEMPTION(79048;4785;600;0;2099;487)", "77 449 kr");
  });

  describe("each example's formula, run through the function, gives the answer the page states", () => {
    const functions = loadCustomFunctions() as unknown as Record<
      string,
      (...a: unknown[]) => number
    >;
    /** @customfunction ID → the exported TypeScript function declared under it. */
    const declared = new Map(
      [
        ...FUNCTIONS_TS.matchAll(
          /^\s*\* @customfunction (\w+)[\s\S]*?\*\/\s*export function (\w+)/gm,
        ),
      ].map((m) => [m[1], m[2]]),
    );
    /** A Swedish Excel argument: "text", 0,0595, or empty (an omitted optional argument). */
    const argument = (typed: string): unknown =>
      typed === ""
        ? null
        : typed.startsWith('"')
          ? typed.slice(1, -1)
          : Number(typed.replace(",", "."));
    const examples = [...HELP.matchAll(/<div class="example">([\s\S]*?)<\/div>/g)].flatMap((m) => {
      const formula = shownFormulas(m[1])[0];
      const answer = /<p class="result">Svar: ([\d\s\u00a0]+(?:,\d+)?)/.exec(m[1]);
      // A range of the workbook (a sheet reference) cannot be called outside Excel.
      if (!formula || !answer || formula.includes("!")) return [];
      return [[formula, answer[1].replace(/\s/g, "").replace(",", ".")] as [string, string]];
    });

    test("there is one per function at least", () => {
      const called = new Set(examples.map(([f]) => /^=ATERTAG\.(\w+)/.exec(f)![1]));
      expect([...called].sort()).toEqual([...FUNCTION_IDS].sort());
    });

    test.each(examples)("%s → %s", (formula, answer) => {
      const [, id, args] = /^=ATERTAG\.(\w+)\((.*)\)$/.exec(formula)!;
      const result = functions[declared.get(id)!](...args.split(";").map(argument));
      const decimals = answer.includes(".") ? answer.split(".")[1].length : 0;
      expect(result.toFixed(decimals)).toBe(Number(answer).toFixed(decimals));
    });
  });

  test("the stated coverage of the built-in reference-rate table is the shipped table's", () => {
    const body = text(SECTIONS.get("REFERENCERATE")!);
    expect(body).toContain(`börjar ${referenceRates.rates[0].from}`);
    expect(body).toContain(`till och med ${referenceRates.knownThrough}`);
  });

  test("has the conventions, the legal references and the task pane with the Referensräntor sheet", () => {
    for (const id of ["SKRIVSATT", "EXEMPEL", "KONVENTIONER", "LAGRUM", "AATGARDSFONSTER"])
      expect(SECTIONS.has(id)).toBe(true);
    for (const id of ["FORFALLODAGAR", "T78", "FAKTISK", "RANTA", "AVRUNDNING", "METODER"])
      expect(ids(HELP)).toContain(id);
    expect(ids(HELP)).toContain("REFERENSRANTOR");
    const law = text(SECTIONS.get("LAGRUM")!);
    for (const ref of [
      "40 § konsumentkreditlagen (2010:1846)",
      "27 § konsumentkreditlagen (1992:830)",
      "17–18 §§ konsumentkreditlagen (1977:981)",
      "6 § räntelagen (1975:635)",
      "9 § räntelagen",
    ]) {
      expect(law).toContain(ref);
    }
    expect(text(SECTIONS.get("AATGARDSFONSTER")!)).toContain("'Referensräntor'!A2:B60");
  });
});

/** Headings of conventions.md: level, text, and the section number of "## N. Title". */
const MD_HEADINGS = [...CONVENTIONS_MD.matchAll(/^(#{1,6}) (.+)$/gm)].map((m) => ({
  depth: m[1].length,
  title: m[2].replace(/[*_`]/g, ""),
  section: m[1].length === 2 ? /^(\d+)\. /.exec(m[2])?.[1] : undefined,
}));

describe("conventions.html: docs/conventions.md with an anchor per section", () => {
  test("every heading of conventions.md is a heading with an id; ## N. Title has id avsnitt-N", () => {
    const rendered = [...CONVENTIONS.matchAll(/<h(\d) id="([^"]+)">([\s\S]*?)<\/h\1>/g)].map(
      (m) => ({ depth: Number(m[1]), id: m[2], title: text(m[3]) }),
    );
    expect(rendered.map(({ depth, title }) => ({ depth, title }))).toEqual(
      MD_HEADINGS.map(({ depth, title }) => ({ depth, title })),
    );
    const numbered = MD_HEADINGS.filter((h) => h.section !== undefined).map((h) => h.section);
    expect(numbered).toEqual(["1", "2", "3", "4", "5", "6", "7", "8", "9"]);
    MD_HEADINGS.forEach((heading, i) => {
      const expected = heading.section
        ? `avsnitt-${heading.section}`
        : heading.title
            .toLowerCase()
            .replace(/[^\p{L}\p{N}\s-]/gu, "")
            .replace(/\s/g, "-");
      expect({ title: heading.title, id: rendered[i].id }).toEqual({
        title: heading.title,
        id: expected,
      });
    });
  });

  test("is a Swedish page around an English article; the Swedish terms are marked Swedish", () => {
    expect(CONVENTIONS).toMatch(/<html lang="sv">/);
    expect(CONVENTIONS).toMatch(/<article lang="en">/);
    expect(CONVENTIONS).toContain('<em lang="sv">reduceringsbelopp</em>');
    expect(CONVENTIONS).toContain('<em lang="sv">78-regeln</em>');
  });

  test("the file's own table of contents points at the section anchors", () => {
    const contents = /<p>Contents:([\s\S]*?)<\/p>/.exec(CONVENTIONS)![1];
    expect(links(contents)).toEqual([
      ...["1", "2", "3", "4", "5", "6", "7", "8", "9"].map((n) => `#avsnitt-${n}`),
      "#sources",
    ]);
  });

  test("help.html links to conventions.html and to its sections, and back", () => {
    const toConventions = links(HELP).filter((link) => link.startsWith("conventions.html"));
    expect(toConventions).toEqual(
      expect.arrayContaining(["conventions.html", "conventions.html#avsnitt-4"]),
    );
    expect(links(CONVENTIONS)).toContain("help.html");
  });
});

describe.each(Object.keys(PAGES))("%s", (page) => {
  const html = PAGES[page];

  test("has a strict Content-Security-Policy: no script, nothing from another host", () => {
    const policy = contentSecurityPolicy(html);
    expect(policy).not.toBeNull();
    expect(policy!.get("default-src")).toEqual(["'none'"]);
    expect(policy!.get("script-src")).toEqual(["'none'"]);
    expect(policy!.get("object-src")).toEqual(["'none'"]);
    expect(policy!.has("base-uri")).toBe(true);
    for (const [directive, sources] of policy!) {
      for (const source of sources)
        expect({ directive, source }).toEqual({
          directive,
          source: expect.stringMatching(/^'(none|self)'$/),
        });
    }
  });

  test("has no script, no event handler attribute and no inline style (the policy would block them)", () => {
    expect(html).not.toMatch(/<script\b/i);
    expect(html).not.toMatch(/\son[a-z]+\s*=/i);
    expect(html).not.toMatch(/<style\b/i);
    expect(html).not.toMatch(/\sstyle\s*=/i);
    expect(html).not.toMatch(/javascript:/i);
  });

  test("every link resolves: an id of this page, or a built file (and an id in it)", () => {
    for (const link of links(html)) {
      expect(link).not.toMatch(/^[a-z][a-z0-9+.-]*:|^\/\//i);
      const [file, fragment] = link.split("#");
      const target = file === "" ? page : file;
      const exists = fs.existsSync(path.join(BUILT, target));
      const anchored = fragment === undefined || (exists && ids(built(target)).includes(fragment));
      expect({ link, exists, anchored }).toEqual({ link, exists: true, anchored: true });
    }
    expect(links(html)).toContain("help.css");
  });
});

test("webpack.config.js emits the pages (HelpPagesPlugin) and copies help.css beside them", async () => {
  const config = await require(path.join(ROOT, "webpack.config.js"))({});
  const plugins: { constructor: { name: string }; patterns?: unknown }[] = config.plugins;
  expect(plugins.map((plugin) => plugin.constructor.name)).toContain("HelpPagesPlugin");
  const patterns = plugins.flatMap((plugin) =>
    Array.isArray(plugin.patterns) ? (plugin.patterns as { from: string; to?: string }[]) : [],
  );
  expect(patterns).toContainEqual({ from: "src/help/help.css", to: "help.css" });
});

const CHROMIUM = findChromium();
const describeChromium = requireTool("chromium", CHROMIUM !== null, "apt-get install chromium")
  ? describe
  : describe.skip;

describeChromium("the help pages in Chromium (served on 127.0.0.1)", () => {
  let server: StaticServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    server = await serveDirectory(BUILT);
    browser = await launchChromium(CHROMIUM);
  });

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await server?.close();
    fs.rmSync(BUILT, { recursive: true, force: true });
  });

  async function open(
    address: string,
    viewport: { width: number; height: number },
  ): Promise<{ page: Page; monitor: PageMonitor }> {
    const context = await browser.newContext({ viewport, javaScriptEnabled: true });
    contexts.push(context);
    const monitor = monitorPage(context);
    const page = await context.newPage();
    await page.goto(`${server.url}${address}`, { waitUntil: "load" });
    return { page, monitor };
  }

  function expectClean(monitor: PageMonitor) {
    expect(monitor.errors()).toEqual([]);
    expect(monitor.failedRequests).toEqual([]);
    expect(monitor.badResponses).toEqual([]);
    expect(monitor.unexpectedHosts(["127.0.0.1"])).toEqual([]);
  }

  /** The element's box relative to the viewport. */
  const box = (page: Page, selector: string) =>
    page.locator(selector).evaluate((h) => {
      const r = h.getBoundingClientRect();
      return { top: r.top, bottom: r.bottom, height: window.innerHeight };
    });

  const expectInView = async (page: Page, selector: string) => {
    const b = await box(page, selector);
    expect(b.top).toBeGreaterThanOrEqual(0);
    expect(b.bottom).toBeLessThanOrEqual(b.height);
  };

  test("help.html#LATEINTEREST opens at the section, styled, without errors or other hosts", async () => {
    const { page, monitor } = await open("help.html#LATEINTEREST", { width: 1000, height: 900 });
    const section = page.locator("#LATEINTEREST");
    await expect(section.isVisible()).resolves.toBe(true);
    await expect(section.locator("h2").textContent()).resolves.toBe("ATERTAG.LATEINTEREST");
    await expectInView(page, "#LATEINTEREST > h2");
    // help.css loaded and applied (the page's only style source).
    expect(monitor.requests.some((url) => new URL(url).pathname === "/help.css")).toBe(true);
    const style = await page.locator("main").evaluate((main) => ({
      maxWidth: getComputedStyle(main).maxWidth,
      sheets: document.styleSheets.length,
      scripts: document.scripts.length,
    }));
    expect(style).toEqual({ maxWidth: "768px", sheets: 1, scripts: 0 });
    await page.screenshot({ path: "/tmp/help-LATEINTEREST.png" });
    expectClean(monitor);
  });

  test("help.html#ID shows each function's section in view", async () => {
    const { page, monitor } = await open("help.html", { width: 1000, height: 900 });
    for (const id of FUNCTION_IDS) {
      await page.goto(`${server.url}help.html#${id}`);
      await expect(page.locator(`#${id}`).isVisible()).resolves.toBe(true);
      await expectInView(page, `#${id} > h2`);
    }
    expectClean(monitor);
  });

  test("conventions.html#avsnitt-4 opens at §4, styled, without errors or other hosts", async () => {
    const { page, monitor } = await open("conventions.html#avsnitt-4", {
      width: 1000,
      height: 900,
    });
    await expect(page.locator("#avsnitt-4").textContent()).resolves.toMatch(
      /^4\. Reduction by the rule of 78/,
    );
    await expectInView(page, "#avsnitt-4");
    expect(await page.evaluate(() => document.styleSheets.length)).toBe(1);
    expectClean(monitor);
  });

  test.each([
    ["help.html#ACTUALREDUCTION", "/tmp/help-360.png"],
    ["conventions.html#avsnitt-5", "/tmp/conventions-360.png"],
  ])("%s at task-pane width (360 px): nothing scrolls sideways", async (address, shot) => {
    const { page, monitor } = await open(address, { width: 360, height: 740 });
    const widths = await page
      .locator("html")
      .evaluate((html) => ({ scroll: html.scrollWidth, client: html.clientWidth }));
    expect(widths.scroll).toBeLessThanOrEqual(widths.client);
    await page.screenshot({ path: shot });
    expectClean(monitor);
  });

  /** axe-core's violations on a page: rule id and the first offending elements. */
  async function axeViolations(page: Page): Promise<{ id: string; nodes: string[] }[]> {
    // Evaluated through the DevTools protocol, which the page's script-src 'none' does not govern.
    if (!(await page.evaluate(() => "axe" in window)))
      await page.evaluate(fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8"));
    const results = await page.evaluate(() =>
      (window as unknown as { axe: { run: () => Promise<unknown> } }).axe.run(),
    );
    const { violations } = results as {
      violations: { id: string; nodes: { target: string[] }[] }[];
    };
    return violations.map((v) => ({
      id: v.id,
      nodes: v.nodes.slice(0, 3).map((n) => n.target.join(" ")),
    }));
  }

  test.each(["help.html", "conventions.html"])(
    "%s: no axe-core violations, at 1000 px and at task-pane width (360 px)",
    async (address) => {
      const { page } = await open(address, { width: 1000, height: 900 });
      expect(await axeViolations(page)).toEqual([]);
      await page.setViewportSize({ width: 360, height: 740 });
      expect(await axeViolations(page)).toEqual([]);
    },
  );
});
