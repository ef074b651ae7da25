/**
 * The help page src/help/help.html, the target of every custom function's @helpurl (help.html#ID),
 * of the manifest's SupportUrl and of its LearnMoreUrl.
 *
 * (a) Without a browser, on the source text: every `@customfunction ID` in src/functions/functions.ts
 *     has a <section id="ID"> that names ATERTAG.ID, shows a formula typed as in Swedish Excel, and
 *     lists its errors; every @helpurl is the manifest's help URL + #ID; the page has a strict
 *     Content-Security-Policy with no script and no other host, no <script>, no inline style or event
 *     handler; every link is a fragment on the page or a file next to it that webpack ships.
 * (b) In Debian's Chromium (skips with one stderr line where it is missing; mandatory with CI=true):
 *     src/help/ served on 127.0.0.1, help.html#ID opens at the section, styled, with no console
 *     error, no failed request and no request to another host; no horizontal scrolling at task-pane
 *     width. Screenshots: /tmp/help-LATEINTEREST.png (1000×900) and /tmp/help-360.png.
 */
import * as fs from "fs";
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
import referenceRates from "../src/engine/data/reference-rates.json";

const ROOT = path.resolve(__dirname, "..");
const HELP_DIR = path.join(ROOT, "src/help");
const HELP_HTML = fs.readFileSync(path.join(HELP_DIR, "help.html"), "utf8");
const FUNCTIONS_TS = fs.readFileSync(path.join(ROOT, "src/functions/functions.ts"), "utf8");
const MANIFEST = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");

interface CustomFunctionDoc {
  id: string;
  helpUrl: string | undefined;
}

/** Each JSDoc block with `@customfunction ID`, with its `@helpurl`. */
function customFunctionDocs(source: string): CustomFunctionDoc[] {
  const docs: CustomFunctionDoc[] = [];
  for (const block of source.match(/\/\*\*[\s\S]*?\*\//g) ?? []) {
    const id = /^\s*\*\s*@customfunction\s+(\S+)/m.exec(block)?.[1];
    if (id) docs.push({ id, helpUrl: /^\s*\*\s*@helpurl\s+(\S+)/m.exec(block)?.[1] });
  }
  return docs;
}

const FUNCTIONS = customFunctionDocs(FUNCTIONS_TS);
const FUNCTION_IDS = FUNCTIONS.map((f) => f.id);

/** The page without its comments (they may mention what the page must not contain). */
const MARKUP = HELP_HTML.replace(/<!--[\s\S]*?-->/g, "");

/** Top-level <section id="…"> … </section> blocks (the page does not nest sections). */
function sections(html: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const m of html.matchAll(/<section\b[^>]*\bid="([^"]+)"[^>]*>([\s\S]*?)<\/section>/g))
    found.set(m[1], m[2]);
  return found;
}

const SECTIONS = sections(MARKUP);

/** Visible text: tags removed, entities that the page uses decoded, whitespace collapsed. */
function text(html: string): string {
  return html
    .replace(/<[^>]+>/g, "")
    .replace(/&nbsp;/g, " ")
    .replace(/&gt;/g, ">")
    .replace(/&lt;/g, "<")
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

/** Every href and src of the page. */
function links(html: string): string[] {
  return [...html.matchAll(/\s(?:href|src)="([^"]*)"/g)].map((m) => m[1]);
}

const ALL_IDS = [...MARKUP.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
const LOCAL_FILES = links(MARKUP).filter((link) => !link.startsWith("#"));

describe("help page source (src/help/help.html)", () => {
  test("functions.ts declares the six custom functions", () => {
    expect(FUNCTION_IDS).toEqual([
      "RULE78",
      "ACTUALREDUCTION",
      "REDEMPTION",
      "REMAININGINSTALLMENTS",
      "LATEINTEREST",
      "REFERENCERATE",
    ]);
  });

  test("every @helpurl is the manifest's help URL + #ID", () => {
    const helpUrl = /<bt:Url id="Help\.Url" DefaultValue="([^"]+)"/.exec(MANIFEST)?.[1];
    expect(helpUrl).toBeDefined();
    for (const { id, helpUrl: url } of FUNCTIONS) {
      expect({ id, url }).toEqual({ id, url: `${helpUrl}#${id}` });
      expect(new URL(url!).pathname).toBe("/help.html");
    }
  });

  test("is Swedish and has each id once", () => {
    expect(MARKUP).toMatch(/<html lang="sv">/);
    expect(ALL_IDS.filter((id, i) => ALL_IDS.indexOf(id) !== i)).toEqual([]);
  });

  test.each(FUNCTION_IDS)(
    "section #%s: names ATERTAG.%s, shows its formula, arguments, errors and an example",
    (id) => {
      const body = SECTIONS.get(id);
      expect(body).toBeDefined();
      const words = text(body!);
      expect(words).toContain(`ATERTAG.${id}`);
      expect(text(/<h2>([\s\S]*?)<\/h2>/.exec(body!)?.[1] ?? "")).toBe(`ATERTAG.${id}`);
      expect(body).toContain('class="formula"');
      expect(body).toContain("<h3>Argument</h3>");
      expect(words).toMatch(/#VÄRDEFEL! \(#VALUE!\)/);
      expect(shownFormulas(body!).some((formula) => formula.startsWith(`=ATERTAG.${id}(`))).toBe(
        true,
      );
      expect(body).toContain('class="example"');
    },
  );

  test.each(FUNCTION_IDS)(
    "section #%s lists every parameter of the function, optional ones in brackets",
    (id) => {
      const fn = FUNCTIONS_TS.split("/**").find((block) =>
        new RegExp(`^\\s*\\*\\s*@customfunction\\s+${id}\\b`, "m").test(block),
      )!;
      const params = [...fn.matchAll(/^\s*\*\s*@param\s+(\[?)(\w+)\]?/gm)].map((m) =>
        m[1] ? `[${m[2]}]` : m[2],
      );
      expect(params.length).toBeGreaterThan(0);
      const body = SECTIONS.get(id)!;
      for (const param of params) expect(body).toContain(`<td><code>${param}</code></td>`);
    },
  );

  test("formulas are typed as in Swedish Excel: semicolons between arguments, decimal comma", () => {
    const formulas = shownFormulas(MARKUP);
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

  test("the stated coverage of the built-in reference-rate table is the shipped table's", () => {
    const body = text(SECTIONS.get("REFERENCERATE")!);
    expect(body).toContain(referenceRates.rates[0].from);
    expect(body).toContain(referenceRates.knownThrough);
  });

  test("has the conventions, the legal references and the task pane with the Referensräntor sheet", () => {
    for (const id of ["KONVENTIONER", "LAGRUM", "AATGARDSFONSTER"])
      expect(SECTIONS.has(id)).toBe(true);
    for (const id of [
      "FORFALLODAGAR",
      "T78",
      "FAKTISK",
      "RANTA",
      "AVRUNDNING",
      "METODER",
      "REFERENSRANTOR",
    ]) {
      expect(ALL_IDS).toContain(id);
    }
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

  test("has a strict Content-Security-Policy: no script, nothing from another host", () => {
    const policy = contentSecurityPolicy(MARKUP);
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
    expect(MARKUP).not.toMatch(/<script\b/i);
    expect(MARKUP).not.toMatch(/\son[a-z]+\s*=/i);
    expect(MARKUP).not.toMatch(/<style\b/i);
    expect(MARKUP).not.toMatch(/\sstyle\s*=/i);
    expect(MARKUP).not.toMatch(/javascript:/i);
  });

  test("every link is a fragment of this page or a file next to it", () => {
    for (const link of links(MARKUP)) {
      if (link.startsWith("#")) {
        expect({ link, target: ALL_IDS.includes(link.slice(1)) }).toEqual({ link, target: true });
      } else {
        expect(link).not.toMatch(/^[a-z][a-z0-9+.-]*:|^\/\//i);
        expect({ link, exists: fs.existsSync(path.join(HELP_DIR, link)) }).toEqual({
          link,
          exists: true,
        });
      }
    }
    expect(LOCAL_FILES).toContain("help.css");
  });

  test("webpack.config.js copies help.html and every file it links into dist/ beside it", async () => {
    const config = await require(path.join(ROOT, "webpack.config.js"))({});
    const patterns: { from: string; to?: string }[] = config.plugins
      .flatMap((plugin: { patterns?: unknown }) =>
        Array.isArray(plugin.patterns) ? plugin.patterns : [],
      )
      .map((p: string | { from: string; to?: string }) =>
        typeof p === "string" ? { from: p } : p,
      );
    const copied = (file: string) =>
      patterns.some(
        (p) =>
          path.posix.normalize(p.from) === `src/help/${file}` &&
          (p.to === file || p.to === "[name][ext]"),
      );
    // Lists the CopyWebpackPlugin patterns webpack.config.js lacks.
    const missing = ["help.html", ...LOCAL_FILES]
      .filter((file) => !copied(file))
      .map((file) => `{ from: "src/help/${file}", to: "${file}" }`);
    expect(missing).toEqual([]);
  });
});

const CHROMIUM = findChromium();
const describeChromium = requireTool("chromium", CHROMIUM !== null, "apt-get install chromium")
  ? describe
  : describe.skip;

describeChromium("help page in Chromium (src/help/ served on 127.0.0.1)", () => {
  let server: StaticServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    server = await serveDirectory(HELP_DIR);
    browser = await launchChromium(CHROMIUM);
  });

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await server?.close();
  });

  async function open(
    fragment: string,
    viewport: { width: number; height: number },
  ): Promise<{ page: Page; monitor: PageMonitor }> {
    const context = await browser.newContext({ viewport, javaScriptEnabled: true });
    contexts.push(context);
    const monitor = monitorPage(context);
    const page = await context.newPage();
    await page.goto(`${server.url}help.html${fragment}`, { waitUntil: "load" });
    return { page, monitor };
  }

  function expectClean(monitor: PageMonitor) {
    expect(monitor.errors()).toEqual([]);
    expect(monitor.failedRequests).toEqual([]);
    expect(monitor.badResponses).toEqual([]);
    expect(monitor.unexpectedHosts(["127.0.0.1"])).toEqual([]);
  }

  /** The heading's box relative to the viewport. */
  const headingBox = (page: Page, id: string) =>
    page.locator(`#${id} > h2`).evaluate((h) => {
      const r = h.getBoundingClientRect();
      return { top: r.top, bottom: r.bottom, height: window.innerHeight };
    });

  test("help.html#LATEINTEREST opens at the section, styled, without errors or other hosts", async () => {
    const { page, monitor } = await open("#LATEINTEREST", { width: 1000, height: 900 });
    const section = page.locator("#LATEINTEREST");
    await expect(section.isVisible()).resolves.toBe(true);
    await expect(section.locator("h2").textContent()).resolves.toBe("ATERTAG.LATEINTEREST");
    const box = await headingBox(page, "LATEINTEREST");
    expect(box.top).toBeGreaterThanOrEqual(0);
    expect(box.bottom).toBeLessThanOrEqual(box.height);
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

  test.each(FUNCTION_IDS)("help.html#%s shows that function's section in view", async (id) => {
    const { page, monitor } = await open(`#${id}`, { width: 1000, height: 900 });
    await expect(page.locator(`#${id}`).isVisible()).resolves.toBe(true);
    const box = await headingBox(page, id);
    expect(box.top).toBeGreaterThanOrEqual(0);
    expect(box.bottom).toBeLessThanOrEqual(box.height);
    expectClean(monitor);
  });

  test("at task-pane width (360 px) nothing scrolls sideways", async () => {
    const { page, monitor } = await open("#ACTUALREDUCTION", { width: 360, height: 740 });
    const widths = await page
      .locator("html")
      .evaluate((html) => ({ scroll: html.scrollWidth, client: html.clientWidth }));
    expect(widths.scroll).toBeLessThanOrEqual(widths.client);
    await page.screenshot({ path: "/tmp/help-360.png" });
    expectClean(monitor);
  });
});
