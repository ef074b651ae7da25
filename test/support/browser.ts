/**
 * Browser helpers for end-to-end tests: launch the system Chromium through
 * playwright-core, serve a built directory over http on 127.0.0.1, record
 * page errors / console errors / requested hosts, and block hosts (e.g. to
 * simulate "offline: Office.js from appsforoffice.microsoft.com cannot load").
 */
import * as fs from "fs";
import * as http from "http";
import type { AddressInfo } from "net";
import * as path from "path";
import {
  chromium,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  type Page,
  type Request,
} from "playwright-core";
import * as os from "os";
import { productionBuild } from "./build";
import { requireTool } from "./requireTool";
import { isExecutableFile, whichSync } from "./which";

export const OFFICE_JS_HOST = "appsforoffice.microsoft.com";

/** Path of a Chromium binary: $CHROMIUM_PATH, /usr/bin/chromium, or chromium/chromium-browser on PATH; else null. */
export function findChromium(): string | null {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium"];
  for (const c of candidates) {
    if (c && isExecutableFile(c)) return c;
  }
  for (const name of ["chromium", "chromium-browser"]) {
    const found = whichSync(name);
    if (found) return found;
  }
  return null;
}

const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

/** Launch the system Chromium headless. Remember to `await browser.close()`. */
export async function launchChromium(
  executablePath: string | null = findChromium(),
): Promise<Browser> {
  if (!executablePath)
    throw new Error("launchChromium: chromium not found (apt-get install chromium)");
  return chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS, timeout: 60_000 });
}

export const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".htm": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
  ".xml": "application/xml; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

export interface StaticServer {
  /** Base URL with trailing slash, e.g. http://127.0.0.1:41234/ */
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Serve `dir` read-only over http://127.0.0.1:<ephemeral port>/ (directory -> index.html). */
export async function serveDirectory(dir: string): Promise<StaticServer> {
  const root = fs.realpathSync(path.resolve(dir));
  const server = http.createServer((req, res) => {
    const send = (status: number, body: string) => {
      res.writeHead(status, {
        "Content-Type": "text/plain; charset=utf-8",
        "Cache-Control": "no-store",
      });
      res.end(body);
    };
    if (req.method !== "GET" && req.method !== "HEAD") return send(405, "method not allowed");
    let rel: string;
    try {
      rel = decodeURIComponent(new URL(req.url ?? "/", "http://127.0.0.1").pathname);
    } catch {
      return send(400, "bad request");
    }
    let file = path.resolve(root, "." + rel);
    if (file !== root && !file.startsWith(root + path.sep)) return send(403, "forbidden");
    try {
      if (fs.statSync(file).isDirectory()) file = path.join(file, "index.html");
      const real = fs.realpathSync(file);
      if (real !== root && !real.startsWith(root + path.sep)) return send(403, "forbidden");
      const body = fs.readFileSync(real);
      res.writeHead(200, {
        "Content-Type":
          CONTENT_TYPES[path.extname(real).toLowerCase()] ?? "application/octet-stream",
        "Content-Length": body.length,
        "Cache-Control": "no-store",
      });
      res.end(req.method === "HEAD" ? undefined : body);
    } catch {
      // Browsers always ask for /favicon.ico; answer "no content" instead of a
      // 404 that would show up as a console error in every test.
      if (rel === "/favicon.ico") {
        res.writeHead(204, { "Cache-Control": "no-store" });
        return res.end();
      }
      send(404, "not found");
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}

export interface PageMonitor {
  /** Uncaught exceptions in the page (pageerror). */
  pageErrors: string[];
  /** console.error(...) messages (includes e.g. "Failed to load resource"). */
  consoleErrors: string[];
  /** Every request URL seen (including ones later aborted or failed). */
  requests: string[];
  /** Requests that failed or were aborted: "url -> errorText". */
  failedRequests: string[];
  /** Responses with HTTP status >= 400: "status url". */
  badResponses: string[];
  /** Distinct hostnames requested (http/https/ws only; data:, blob: etc. ignored). */
  hosts(): string[];
  /** Hosts requested that are not in `allowed` (default 127.0.0.1 and appsforoffice.microsoft.com). */
  unexpectedHosts(allowed?: string[]): string[];
  /** All errors as one list (page errors + console errors). */
  errors(): string[];
}

export const DEFAULT_ALLOWED_HOSTS = ["127.0.0.1", OFFICE_JS_HOST];

/**
 * Start recording errors and requests. Pass a BrowserContext to see requests
 * of every page in it (attach before opening pages); pass a Page to watch one.
 */
export function monitorPage(target: Page | BrowserContext): PageMonitor {
  const m = {
    pageErrors: [] as string[],
    consoleErrors: [] as string[],
    requests: [] as string[],
    failedRequests: [] as string[],
    badResponses: [] as string[],
  };
  const watchPage = (page: Page) => {
    page.on("pageerror", (err) => m.pageErrors.push(String(err?.stack ?? err)));
    page.on("console", (msg) => {
      if (msg.type() === "error") m.consoleErrors.push(msg.text());
    });
    page.on("websocket", (ws) => m.requests.push(ws.url()));
  };
  const onRequest = (req: Request) => m.requests.push(req.url());
  const onFailed = (req: Request) =>
    m.failedRequests.push(`${req.url()} -> ${req.failure()?.errorText ?? "failed"}`);
  if (isContext(target)) {
    target.pages().forEach(watchPage);
    target.on("page", watchPage);
  } else {
    watchPage(target);
  }
  target.on("request", onRequest);
  target.on("requestfailed", onFailed);
  target.on("response", (res) => {
    if (res.status() >= 400) m.badResponses.push(`${res.status()} ${res.url()}`);
  });

  const hosts = () => {
    const set = new Set<string>();
    for (const u of m.requests) {
      try {
        const url = new URL(u);
        if (/^(https?|wss?):$/.test(url.protocol)) set.add(url.hostname);
      } catch {
        /* ignore unparsable */
      }
    }
    return [...set].sort();
  };
  return {
    ...m,
    hosts,
    unexpectedHosts: (allowed = DEFAULT_ALLOWED_HOSTS) =>
      hosts().filter((h) => !allowed.includes(h)),
    errors: () => [...m.pageErrors, ...m.consoleErrors],
  };
}

function isContext(t: Page | BrowserContext): t is BrowserContext {
  return (
    typeof (t as BrowserContext).newPage === "function" && typeof (t as Page).goto !== "function"
  );
}

function hostMatches(hostname: string, host: string): boolean {
  return hostname === host || hostname.endsWith("." + host);
}

/** Abort every request to the given hosts (and their subdomains) as if the network were down. */
async function blockHosts(target: Page | BrowserContext, hosts: string[]): Promise<void> {
  await target.route(
    (url) => hosts.some((h) => hostMatches(url.hostname, h)),
    (route) => route.abort("internetdisconnected"),
  );
}

/** Simulate "offline, Office.js cannot load": abort requests to appsforoffice.microsoft.com. */
export async function blockOfficeJs(target: Page | BrowserContext): Promise<void> {
  await blockHosts(target, [OFFICE_JS_HOST]);
}

/**
 * `describe` where Chromium is installed; elsewhere `describe.skip` after one line saying how to
 * install it (with CI=true a missing Chromium fails instead: see requireTool).
 */
export function describeWithChromium(): jest.Describe {
  return requireTool("chromium", findChromium() !== null, "apt-get install chromium")
    ? describe
    : describe.skip;
}

/** The task pane page served to one Chromium, for the tests of one describe block. */
export interface PaneSession {
  /** The served folder's base URL, with the final "/". */
  readonly url: string;
  /** The served folder: a private copy of the production build, where a test may save downloads. */
  readonly dir: string;
  /** A new browser context, closed with the session. */
  newContext(options?: BrowserContextOptions): Promise<BrowserContext>;
}

/**
 * A private copy of the production build (test/support/build.ts) served on 127.0.0.1, and one
 * Chromium: started in `beforeAll` and closed, with every context it made, in `afterAll` — so call it
 * inside a describe block. `name` names the temporary folder.
 */
export function paneSession(name: string): PaneSession {
  let dir = "";
  let server: StaticServer | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), `${name}-dist-`));
    fs.cpSync(await productionBuild(), dir, { recursive: true });
    server = await serveDirectory(dir);
    browser = await launchChromium();
  }, 300_000);
  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await server?.close();
    if (dir !== "") fs.rmSync(dir, { recursive: true, force: true });
  });
  return {
    get url() {
      return server!.url;
    },
    get dir() {
      return dir;
    },
    async newContext(options) {
      const context = await browser!.newContext(options);
      contexts.push(context);
      return context;
    },
  };
}

/** Starts recording the page's Content-Security-Policy violations, from its first script on. */
export async function recordCspViolations(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener("securitypolicyviolation", (e) =>
      w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
}

/** The violations recorded since {@link recordCspViolations}: "directive blocked-URI" each. */
export function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
}

/** A task pane page opened in a context of its own, with what went wrong in it recorded. */
export interface OpenedPane {
  context: BrowserContext;
  page: Page;
  monitor: PageMonitor;
}

/**
 * Opens the pane standalone: a new context of `pane` (closed with the session) whose request for
 * office.js is aborted as if offline (`office: "hanging"`: never answered), `taskpane.html` + `query`,
 * until the standalone mode shows. `beforeLoad` runs on the page before it loads (listeners,
 * init scripts).
 */
export async function openStandalonePane(
  pane: PaneSession,
  query: string,
  options: {
    context?: BrowserContextOptions;
    office?: "offline" | "hanging";
    beforeLoad?: (page: Page) => Promise<void> | void;
    timeoutMs?: number;
  } = {},
): Promise<OpenedPane> {
  const context = await pane.newContext({ locale: "sv-SE", ...options.context });
  const monitor = monitorPage(context);
  if (options.office === "hanging")
    await context.route(
      (url) => url.hostname === OFFICE_JS_HOST,
      () => undefined,
    );
  else await blockOfficeJs(context);
  const page = await context.newPage();
  await options.beforeLoad?.(page);
  await page.goto(`${pane.url}taskpane.html${query}`, { waitUntil: "commit" });
  await page.waitForSelector('main[data-mode="standalone"]', {
    timeout: options.timeoutMs ?? 10_000,
  });
  return { context, page, monitor };
}

/** What Excel on Windows adds to the pane's address: the sign of Office the page reads first. */
export const EXCEL_HOST_INFO = "_host_Info=Excel$Win32$16.01$sv-SE$$$$0";

const FAKE_EXCEL_HOST = fs.readFileSync(path.join(__dirname, "fakeExcelHost.js"), "utf8");

/**
 * Opens the pane as Excel opens it, over an in-memory workbook: office.js is answered by the stand-in
 * host (test/support/fakeExcelHost.js) made from `setup` (`window.__fakeExcelSetup`: its sheets, the
 * active cell, the latency), and the page waits until the Excel mode shows.
 */
export async function openExcelPane(
  pane: PaneSession,
  setup: unknown,
  context: BrowserContextOptions = {},
): Promise<OpenedPane> {
  const opened = await pane.newContext({ locale: "sv-SE", ...context });
  const monitor = monitorPage(opened);
  const body = `window.__fakeExcelSetup = ${JSON.stringify(setup)};\n${FAKE_EXCEL_HOST}`;
  await opened.route(
    (url) => url.hostname === OFFICE_JS_HOST,
    (route) => route.fulfill({ status: 200, contentType: "text/javascript", body }),
  );
  const page = await opened.newPage();
  await page.goto(`${pane.url}taskpane.html?${EXCEL_HOST_INFO}`, { waitUntil: "commit" });
  await page.waitForSelector('main[data-mode="excel"]', { timeout: 15_000 });
  return { context: opened, page, monitor };
}
