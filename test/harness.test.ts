/**
 * Self-tests for the end-to-end helpers in test/support/.
 *
 * LibreOffice / Chromium tests skip (with one stderr line) when the tool is
 * missing locally, and fail hard when CI=true.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as http from "http";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import type { Browser } from "playwright-core";
import { requireTool } from "./support/requireTool";
import {
  excelSerial,
  findSoffice,
  readCellValues,
  readFormulas,
  recalculateXlsx,
  registryModificationsXcu,
  toExcelSerial,
} from "./support/libreoffice";
import {
  blockOfficeJs,
  CONTENT_TYPES,
  DEFAULT_ALLOWED_HOSTS,
  findChromium,
  launchChromium,
  monitorPage,
  OFFICE_JS_HOST,
  serveDirectory,
} from "./support/browser";

/** Set by test/support/runTmpdir.js (jest globalSetup) to the run's own temporary folder. */
const RUN_TMPDIR = "ATERTAG_TEST_RUN_TMPDIR";

const SOFFICE = findSoffice();
const CHROMIUM = findChromium();
const describeSoffice = requireTool(
  "soffice",
  SOFFICE !== null,
  "apt-get install libreoffice-calc-nogui",
)
  ? describe
  : describe.skip;
const describeChromium = requireTool("chromium", CHROMIUM !== null, "apt-get install chromium")
  ? describe
  : describe.skip;

function tmpDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

// ---------------------------------------------------------------------------
describe("requireTool policy", () => {
  const savedCI = process.env.CI;
  afterEach(() => {
    if (savedCI === undefined) delete process.env.CI;
    else process.env.CI = savedCI;
    jest.restoreAllMocks();
  });

  it("returns true when the tool is present", () => {
    process.env.CI = "true";
    expect(requireTool("anything", true)).toBe(true);
  });

  it("throws when the tool is missing and CI=true", () => {
    process.env.CI = "true";
    expect(() => requireTool("no-such-tool-ci", false)).toThrow(/mandatory in CI/);
  });

  it("prints one skip line and returns false when missing outside CI", () => {
    delete process.env.CI;
    const write = jest.spyOn(process.stderr, "write").mockImplementation(() => true);
    expect(requireTool("no-such-tool-local", false, "apt-get install no-such-tool")).toBe(false);
    expect(requireTool("no-such-tool-local", false, "apt-get install no-such-tool")).toBe(false);
    expect(write).toHaveBeenCalledTimes(1);
    expect(String(write.mock.calls[0][0])).toBe(
      "skipping no-such-tool-local tests: no-such-tool-local not installed (apt-get install no-such-tool)\n",
    );
  });
});

// ---------------------------------------------------------------------------
describe("test isolation: several test runs on one machine do not see each other", () => {
  it("this run works in a temporary folder of its own, which its child processes inherit", () => {
    const runDir = process.env[RUN_TMPDIR];
    expect(runDir).toBeDefined();
    expect(path.basename(runDir!)).toMatch(/^atertag-jest-/);
    expect(fs.statSync(runDir!).isDirectory()).toBe(true);
    expect(os.tmpdir()).toBe(runDir);
    const child = spawnSync(
      process.execPath,
      ["-e", "process.stdout.write(require('os').tmpdir())"],
      {
        encoding: "utf8",
      },
    );
    expect(child.stdout).toBe(runDir);
  });

  it("every soffice command line in test/ runs with a profile of its own", () => {
    const files: string[] = [];
    const walk = (folder: string) => {
      for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
        const full = path.join(folder, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (/\.(ts|js)$/.test(entry.name) && full !== __filename) files.push(full);
      }
    };
    walk(__dirname);
    const launching = files.filter((file) =>
      /["'`]--(convert-to|headless)["'`]/.test(fs.readFileSync(file, "utf8")),
    );
    expect(launching.map((file) => path.relative(__dirname, file))).toContain(
      path.join("support", "libreoffice.ts"),
    );
    const shared = launching.filter(
      (file) => !fs.readFileSync(file, "utf8").includes("-env:UserInstallation="),
    );
    expect(shared).toEqual([]);
  });
});

// ---------------------------------------------------------------------------
// Independent JS reference implementations for the expected values.
const lastDayOfMonth = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate(); // m is 1-based
function edate(y: number, m: number, d: number, months: number): number {
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  return excelSerial(ny, nm, Math.min(d, lastDayOfMonth(ny, nm)));
}
function eomonth(y: number, m: number, months: number): number {
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  return excelSerial(ny, nm, lastDayOfMonth(ny, nm));
}
/** Approximate-match lookup over ascending keys: value of the last key <= x, or undefined. */
function lookupApprox(keys: number[], values: number[], x: number): number | undefined {
  let found: number | undefined;
  keys.forEach((k, i) => {
    if (k <= x) found = values[i];
  });
  return found;
}

describeSoffice("LibreOffice recalculation (test/support/libreoffice.ts)", () => {
  jest.setTimeout(180_000);

  // Table of dates -> rates (D2:E5) and amounts (G2:G5).
  const tableDates: Array<[number, number, number]> = [
    [2024, 1, 1],
    [2024, 4, 1],
    [2024, 7, 1],
    [2024, 10, 1],
  ];
  const tableKeys = tableDates.map(([y, m, d]) => excelSerial(y, m, d));
  const rates = [0.05, 0.06, 0.07, 0.08];
  const amounts = [100, 200, 300, 400];

  const WRONG = 999;
  interface Case {
    addr: string;
    formula: string;
    expected: number | string;
    /** compare with toBeCloseTo(…, digits) instead of toBe */
    digits?: number;
    numFmt?: string;
  }
  const cases: Case[] = [
    { addr: "A3", formula: "A1*A2", expected: 2 * 3 },
    { addr: "B1", formula: "DATE(2024,1,31)", expected: excelSerial(2024, 1, 31) },
    { addr: "B2", formula: "EDATE(B1,1)", expected: edate(2024, 1, 31, 1) }, // 2024-02-29 (leap year)
    { addr: "B3", formula: "EOMONTH(B1,1)", expected: eomonth(2024, 1, 1) },
    { addr: "B4", formula: "EDATE(DATE(2023,1,31),1)", expected: edate(2023, 1, 31, 1) }, // 2023-02-28
    { addr: "B5", formula: "DAY(B2)", expected: 29 },
    // Excel/LibreOffice ROUND is decimal-correct and rounds half away from zero;
    // JS Math.round(2.675*100)/100 === 2.67 and Math.round(-2.5) === -2.
    { addr: "B6", formula: "ROUND(2.675,2)", expected: 2.68 },
    { addr: "B7", formula: "ROUND(-2.5,0)", expected: -3 },
    { addr: "B8", formula: "ROUND(10/3,4)", expected: 3.3333 },
    { addr: "B9", formula: "MIN(E2:E5)", expected: Math.min(...rates) },
    { addr: "B10", formula: "MAX(G2:G5)", expected: Math.max(...amounts) },
    {
      addr: "B11",
      formula: "SUMPRODUCT((D2:D5<DATE(2024,8,1))*G2:G5)",
      expected: amounts
        .filter((_, i) => tableKeys[i] < excelSerial(2024, 8, 1))
        .reduce((a, b) => a + b, 0),
    },
    {
      addr: "B12",
      formula: "SUMPRODUCT(E2:E5,G2:G5)",
      expected: rates.reduce((s, r, i) => s + r * amounts[i], 0),
      digits: 10,
    },
    {
      addr: "B13",
      formula: "INDEX(E2:E5,MATCH(DATE(2024,5,15),D2:D5,1))",
      expected: lookupApprox(tableKeys, rates, excelSerial(2024, 5, 15))!,
    },
    {
      addr: "B14",
      formula: "LOOKUP(DATE(2024,12,31),D2:D5,E2:E5)",
      expected: lookupApprox(tableKeys, rates, excelSerial(2024, 12, 31))!,
    },
    {
      addr: "B15",
      formula: "LOOKUP(DATE(2024,7,1),D2:D5,E2:E5)",
      expected: lookupApprox(tableKeys, rates, excelSerial(2024, 7, 1))!,
    },
    {
      addr: "B16",
      formula: "IFERROR(INDEX(E2:E5,MATCH(DATE(2023,6,1),D2:D5,1)),-1)",
      expected: -1,
    }, // before the table
    { addr: "B17", formula: 'IF(ISNUMBER(A1),"num","text")', expected: "num" },
    { addr: "B18", formula: "IF(ISNUMBER(C1),1,0)", expected: 0 }, // C1 holds text
    { addr: "B19", formula: "POWER(1.01,12)", expected: Math.pow(1.01, 12), digits: 12 },
    // DAYS is an Excel 2013 function: the file must say _xlfn.DAYS, plain DAYS gives #NAME? in LibreOffice.
    {
      addr: "B20",
      formula: "_xlfn.DAYS(B2,B1)",
      expected: edate(2024, 1, 31, 1) - excelSerial(2024, 1, 31),
    },
    // date - date: with an explicit number format the result reads back as a number …
    { addr: "B21", formula: "B2-B1", expected: 29, numFmt: "0" },
    // … without one LibreOffice infers a date format and exceljs returns a Date (normalised by toExcelSerial).
    { addr: "B22", formula: "DATE(2024,3,1)-DATE(2024,2,1)", expected: 29 },
    {
      addr: "B23",
      formula: 'COUNTIF(D2:D5,"<"&DATE(2024,7,1))',
      expected: tableKeys.filter((k) => k < excelSerial(2024, 7, 1)).length,
    },
  ];

  let dir: string;
  let input: string;

  async function writeWorkbook(file: string, a1 = 2): Promise<void> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Calc");
    ws.getCell("A1").value = a1;
    ws.getCell("A2").value = 3;
    ws.getCell("C1").value = "label";
    ws.getCell("D1").value = "From";
    ws.getCell("E1").value = "Rate";
    ws.getCell("G1").value = "Amount";
    tableDates.forEach(([y, m, d], i) => {
      const c = ws.getCell(`D${i + 2}`);
      c.value = new Date(Date.UTC(y, m - 1, d)); // exceljs writes UTC dates as serials (numFmt 14)
      c.numFmt = "yyyy-mm-dd";
      ws.getCell(`E${i + 2}`).value = rates[i];
      ws.getCell(`G${i + 2}`).value = amounts[i];
    });
    for (const c of cases) {
      const cell = ws.getCell(c.addr);
      // Deliberately wrong cached result: only a real recalculation can fix it.
      cell.value = { formula: c.formula, result: WRONG } as ExcelJS.CellFormulaValue;
      if (c.numFmt) cell.numFmt = c.numFmt;
    }
    await wb.xlsx.writeFile(file);
  }

  beforeAll(async () => {
    dir = tmpDir("harness-lo-");
    input = path.join(dir, "input.xlsx");
    await writeWorkbook(input);
  });
  afterAll(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it("writes a valid registrymodifications.xcu forcing recalculation on load", () => {
    const xcu = registryModificationsXcu();
    expect(xcu).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>/);
    expect(xcu).toContain('<oor:items xmlns:oor="http://openoffice.org/2001/registry"');
    expect(xcu).toContain(
      '<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>',
    );
    expect(xcu).toContain(
      '<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>',
    );
    expect(xcu.trim().endsWith("</oor:items>")).toBe(true);
  });

  it("the input really carries wrong cached results", async () => {
    const before = await readCellValues(input, "Calc");
    for (const c of cases) expect(before.get(c.addr)).toBe(WRONG);
  });

  it("recalculates every formula with correct values", async () => {
    const t0 = Date.now();
    const out = await recalculateXlsx(input);
    const ms = Date.now() - t0;
    expect(out).toBe(path.join(dir, "input.recalc.xlsx"));
    expect(fs.existsSync(out)).toBe(true);
    process.stdout.write(`LibreOffice recalculation took ${ms} ms\n`);

    const values = await readCellValues(out, "Calc");
    expect(values.get("A3")).toBe(6);
    for (const c of cases) {
      const got = toExcelSerial(values.get(c.addr));
      if (typeof c.expected === "number" && c.digits !== undefined) {
        expect({ addr: c.addr, got: typeof got }).toEqual({ addr: c.addr, got: "number" });
        expect(got as number).toBeCloseTo(c.expected, c.digits);
      } else {
        expect({ addr: c.addr, formula: c.formula, got }).toEqual({
          addr: c.addr,
          formula: c.formula,
          got: c.expected,
        });
      }
    }
    // Plain inputs survive the round trip.
    expect(values.get("C1")).toBe("label");
    expect(toExcelSerial(values.get("D3"))).toBe(tableKeys[1]);
    // Formulas survive the round trip (LibreOffice keeps the _xlfn. prefix).
    const formulas = await readFormulas(out, "Calc");
    expect(formulas.get("A3")).toBe("A1*A2");
    expect(formulas.get("B20")).toBe("_xlfn.DAYS(B2,B1)");
  });

  it("negative control: with OOXMLRecalcMode=1 (never) the wrong cached value is kept", async () => {
    const out = await recalculateXlsx(input, {
      recalcMode: 1,
      outputPath: path.join(dir, "never.xlsx"),
    });
    const values = await readCellValues(out, "Calc");
    expect(values.get("A3")).toBe(WRONG);
  });

  it("supports concurrent calls and cleans up its temp dirs, whatever else uses LibreOffice meanwhile", async () => {
    // Hermetic: the calls work in a folder only this test uses, and only that folder is checked.
    // Another LibreOffice user's scratch folder appearing in the shared temporary folder meanwhile
    // (simulated here) is none of this test's business.
    const scratch = tmpDir("harness-lo-scratch-");
    const otherUser = path.join(os.tmpdir(), `lo-recalc-other-run-${process.pid}`);
    try {
      const inputs = await Promise.all(
        [10, 20, 30].map(async (a1) => {
          const f = path.join(dir, `concurrent-${a1}.xlsx`);
          await writeWorkbook(f, a1);
          return f;
        }),
      );
      const running = Promise.all(inputs.map((f) => recalculateXlsx(f, { tmpDir: scratch })));
      fs.mkdirSync(otherUser);
      const outs = await running;
      const a3 = await Promise.all(
        outs.map(async (o) => (await readCellValues(o, "Calc")).get("A3")),
      );
      expect(a3).toEqual([30, 60, 90]);
      expect(fs.readdirSync(scratch)).toEqual([]);
    } finally {
      fs.rmSync(otherUser, { recursive: true, force: true });
      fs.rmSync(scratch, { recursive: true, force: true });
    }
  });

  it("rejects a file that is not an xlsx (LibreOffice would happily 'convert' it)", async () => {
    const bogus = path.join(dir, "bogus.xlsx");
    fs.writeFileSync(bogus, "not a zip");
    await expect(recalculateXlsx(bogus)).rejects.toThrow(/is not an xlsx \(zip\) file/);
  });

  it("reports exit code and stderr when soffice fails", async () => {
    const fake = path.join(dir, "fake-soffice.sh");
    fs.writeFileSync(fake, "#!/bin/sh\necho 'simulated failure' >&2\nexit 3\n", { mode: 0o755 });
    await expect(
      recalculateXlsx(input, { soffice: fake, outputPath: path.join(dir, "x.xlsx") }),
    ).rejects.toThrow(
      /soffice failed to convert[\s\S]*exit code: 3[\s\S]*stderr: simulated failure/,
    );
  });

  it("kills soffice and reports a timeout", async () => {
    await expect(
      recalculateXlsx(input, { timeoutMs: 300, outputPath: path.join(dir, "t.xlsx") }),
    ).rejects.toThrow(/soffice timed out after 300 ms[\s\S]*-env:UserInstallation=file:\/\//);
    expect(fs.existsSync(path.join(dir, "t.xlsx"))).toBe(false);
  });

  it("throws for an unknown sheet name", async () => {
    await expect(readCellValues(input, "Nope")).rejects.toThrow(/no sheet "Nope".*sheets: Calc/);
  });
});

// ---------------------------------------------------------------------------
function rawGet(
  url: string,
  rawPath: string,
): Promise<{ status: number; type: string; body: Buffer }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    http
      .get({ hostname, port, path: rawPath }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            type: String(res.headers["content-type"] ?? ""),
            body: Buffer.concat(chunks),
          }),
        );
      })
      .on("error", reject);
  });
}

const PAGE_HTML = `<!doctype html>
<html><head><meta charset="utf-8"><title>harness</title>
<link rel="stylesheet" href="style.css"></head>
<body>
<button id="go">Go</button>
<div id="out"></div>
<script src="app.js"></script>
</body></html>`;

const APP_JS = `document.getElementById("go").addEventListener("click", function () {
  document.getElementById("out").textContent = "Hello from the button";
});`;

const OFFLINE_HTML = `<!doctype html>
<html><head><meta charset="utf-8"><title>offline</title></head>
<body>
<div id="status">loading</div>
<button id="boom">boom</button>
<script>
  function officeLoaded() { document.getElementById("status").textContent = typeof Office === "undefined" ? "no-office" : "office"; }
  function officeFailed() { document.getElementById("status").textContent = "offline"; console.error("Office.js could not load"); }
  document.getElementById("boom").addEventListener("click", function () { throw new Error("boom clicked"); });
</script>
<script src="https://${OFFICE_JS_HOST}/lib/1/hosted/office.js" onload="officeLoaded()" onerror="officeFailed()"></script>
</body></html>`;

describe("static server (test/support/browser.ts serveDirectory)", () => {
  let dir: string;
  let server: Awaited<ReturnType<typeof serveDirectory>>;
  beforeAll(async () => {
    dir = tmpDir("harness-srv-");
    fs.writeFileSync(path.join(dir, "index.html"), PAGE_HTML);
    fs.writeFileSync(path.join(dir, "app.js"), APP_JS);
    fs.writeFileSync(path.join(dir, "app.js.map"), "{}");
    fs.writeFileSync(path.join(dir, "data.json"), '{"a":1}');
    fs.writeFileSync(path.join(dir, "style.css"), "body{font-family:sans-serif}");
    fs.writeFileSync(path.join(dir, "img.png"), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    fs.writeFileSync(path.join(dir, "book.xlsx"), Buffer.from("PK"));
    server = await serveDirectory(dir);
  });
  afterAll(async () => {
    await server?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it("listens on 127.0.0.1 with an ephemeral port", () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(server.port).toBeGreaterThan(0);
  });

  it.each([
    ["/", ".html"],
    ["/index.html", ".html"],
    ["/app.js", ".js"],
    ["/app.js.map", ".map"],
    ["/data.json", ".json"],
    ["/style.css", ".css"],
    ["/img.png", ".png"],
    ["/book.xlsx", ".xlsx"],
  ])("serves %s with the %s content type", async (p, ext) => {
    const r = await rawGet(server.url, p);
    expect(r.status).toBe(200);
    expect(r.type).toBe(CONTENT_TYPES[ext]);
  });

  it("returns 404 for missing files and refuses path traversal", async () => {
    expect((await rawGet(server.url, "/missing.js")).status).toBe(404);
    const trav = await rawGet(server.url, "/../../../../etc/passwd");
    expect([403, 404]).toContain(trav.status);
    expect(trav.body.toString()).not.toContain("root:");
    expect((await rawGet(server.url, "/%2e%2e/%2e%2e/etc/passwd")).body.toString()).not.toContain(
      "root:",
    );
  });
});

describeChromium("Chromium via playwright-core (test/support/browser.ts)", () => {
  jest.setTimeout(120_000);
  let browser: Browser;
  let dir: string;
  let server: Awaited<ReturnType<typeof serveDirectory>>;

  beforeAll(async () => {
    dir = tmpDir("harness-web-");
    fs.writeFileSync(path.join(dir, "index.html"), PAGE_HTML);
    fs.writeFileSync(path.join(dir, "app.js"), APP_JS);
    fs.writeFileSync(path.join(dir, "style.css"), "body{font-family:sans-serif}");
    fs.writeFileSync(path.join(dir, "offline.html"), OFFLINE_HTML);
    server = await serveDirectory(dir);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it("opens a served page, clicks a button, and takes a screenshot", async () => {
    const context = await browser.newContext();
    const monitor = monitorPage(context);
    const page = await context.newPage();
    try {
      await page.goto(server.url, { waitUntil: "load" });
      await page.click("#go");
      await expect(page.textContent("#out")).resolves.toBe("Hello from the button");
      const png = path.join(dir, "shot.png");
      await page.screenshot({ path: png });
      const bytes = fs.readFileSync(png);
      expect(bytes.length).toBeGreaterThan(100);
      expect(bytes.subarray(0, 8)).toEqual(
        Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      );
      expect(monitor.errors()).toEqual([]);
      expect(monitor.badResponses).toEqual([]);
      expect(monitor.failedRequests).toEqual([]);
      expect(monitor.hosts()).toEqual(["127.0.0.1"]);
      expect(monitor.unexpectedHosts()).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("simulates offline Office.js and records hosts and errors", async () => {
    const context = await browser.newContext();
    const monitor = monitorPage(context);
    await blockOfficeJs(context);
    const page = await context.newPage();
    try {
      await page.goto(server.url + "offline.html", { waitUntil: "load" });
      await page.waitForFunction(
        () => document.getElementById("status")!.textContent !== "loading",
      );
      await expect(page.textContent("#status")).resolves.toBe("offline");
      await page.click("#boom");
      await page.waitForTimeout(100);

      expect(monitor.hosts()).toEqual(["127.0.0.1", OFFICE_JS_HOST].sort());
      expect(monitor.unexpectedHosts()).toEqual([]);
      expect(monitor.unexpectedHosts(["127.0.0.1"])).toEqual([OFFICE_JS_HOST]);
      expect(DEFAULT_ALLOWED_HOSTS).toEqual(["127.0.0.1", OFFICE_JS_HOST]);
      expect(monitor.failedRequests.some((r) => r.includes(OFFICE_JS_HOST))).toBe(true);
      expect(monitor.consoleErrors).toContain("Office.js could not load");
      expect(monitor.pageErrors.some((e) => e.includes("boom clicked"))).toBe(true);
    } finally {
      await context.close();
    }
  });
});
