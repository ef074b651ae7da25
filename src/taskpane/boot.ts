/**
 * Start-up without hanging, and without office.js where no Office host is.
 *
 * 1. Where the page runs is decided BEFORE the host library (office.js, from a CDN) is requested, from
 *    what Office gives every page it opens ({@link officePlacement}). In a plain browser tab the
 *    library is never requested (offline it could only fail) and the standalone pane starts at once.
 * 2. Inside Office the entry file adds office.js (and then the custom functions' script) to the page
 *    and the pane waits for the host's answer with no time limit, showing the neutral "Startar …":
 *    a slow CDN must not flash the standalone pane inside Excel. The library may still fail to load
 *    (an `error` event: then standalone) or load and report no host.
 * 3. In a frame with no sign of Office (another site embedding the page) the library is loaded and
 *    waited for at most a bounded time, as a guess either way.
 *
 * The host is described by a {@link HostProbe} that the entry file builds, so no host API is named
 * here: `ready()` is the library's ready promise once its global exists, and `script` is its `<script>`
 * element, whose `load`/`error` tells when to ask again. The element is added by this page's own
 * script before it waits, so no event can be missed.
 */

/** What a page can see of its surroundings before any host library runs. */
export interface PageSurroundings {
  /** `location.search`, e.g. `?_host_Info=Excel$Win32$16.01$sv-SE$$$$0`. */
  search: string;
  /** `window.name` (Office's dialogs and pages it navigates put `{"hostInfo": …}` there). */
  windowName: string;
  /** Whether `sessionStorage` holds office.js's `hostInfoValue` (kept across a navigation in the pane). */
  storedHostInfo: boolean;
  /** Whether `window.external.GetHostInfo` exists (the Windows desktop hosts' bridge). */
  externalHostInfo: boolean;
  /**
   * Whether a global `agaveHost` offers `GetHostInfo` (a host that injects its bridge under that name;
   * office.js then copies it to `window.external.GetHostInfo` itself).
   */
  agaveHostInfo: boolean;
  /** Whether the page is in a frame (`window.top !== window`): Office on the web frames it. */
  framed: boolean;
}

/**
 * Where the page runs: `office` when Office has left one of the marks office.js itself reads to find
 * its host (office.debug.js `_retrieveHostInfo`, in its order: `agaveHost.GetHostInfo`,
 * `window.external.GetHostInfo`, the `_host_Info` query parameter (which Office adds on the web,
 * Windows and Mac), `window.name`, the session's stored value); `framed` in a frame without any;
 * `standalone` in a plain browser tab.
 */
export function officePlacement(page: PageSurroundings): "office" | "framed" | "standalone" {
  const query = new URLSearchParams(page.search);
  const bridge = page.agaveHostInfo || page.externalHostInfo;
  if (bridge || query.has("_host_Info") || page.storedHostInfo) return "office";
  try {
    const named = JSON.parse(page.windowName) as { hostInfo?: unknown } | null;
    if (named !== null && typeof named === "object" && named.hostInfo) return "office";
  } catch {
    // not JSON: an ordinary window name
  }
  return page.framed ? "framed" : "standalone";
}

/** The parts of a window {@link readSurroundings} looks at (a stand-in host in tests). */
export interface PageWindow {
  location: { search: string };
  name: string;
  sessionStorage?: Pick<Storage, "getItem">;
  top: unknown;
  self: unknown;
  external?: unknown;
  agaveHost?: unknown;
}

/** Whether `holder` has a `GetHostInfo` member, read defensively (a host object may throw). */
function offersHostInfo(holder: unknown): boolean {
  try {
    return (
      typeof holder === "object" &&
      holder !== null &&
      typeof (holder as { GetHostInfo?: unknown }).GetHostInfo !== "undefined"
    );
  } catch {
    return false;
  }
}

/** What `win` shows of its surroundings, read defensively (storage may be blocked, top cross-origin). */
export function readSurroundings(win: PageWindow): PageSurroundings {
  let storedHostInfo = false;
  try {
    storedHostInfo = (win.sessionStorage?.getItem("hostInfoValue") ?? null) !== null;
  } catch {
    // storage blocked: nothing stored
  }
  let framed = true;
  try {
    framed = win.top !== win.self;
  } catch {
    // a cross-origin top: framed
  }
  return {
    search: win.location.search,
    windowName: win.name,
    storedHostInfo,
    externalHostInfo: offersHostInfo(win.external),
    agaveHostInfo: offersHostInfo(win.agaveHost),
    framed,
  };
}

/** What the host reports when ready; `host` is null outside an Office application. */
export interface HostInfo {
  host: string | null;
}

export interface HostProbe {
  /** The host library's `<script>` element, or null when the page has none. */
  script: EventTarget | null;
  /** The host's ready promise when its library has run (its global exists), else null. */
  ready(): Promise<HostInfo> | null;
}

export interface HostWait {
  /** The host, if it reported within the time allowed; null when it failed, had no library, or was late. */
  info: HostInfo | null;
  /** When the time ran out first: the host's eventual answer (null if it never loads). Else null. */
  late: Promise<HostInfo | null> | null;
}

/**
 * The host's answer with no time limit: its info once ready, or null when its library failed to load,
 * is missing, or its ready promise rejected.
 */
export function hostReady(probe: HostProbe): Promise<HostInfo | null> {
  const settle = (ready: Promise<HostInfo> | null) =>
    ready === null
      ? Promise.resolve(null)
      : ready.then(
          (info) => info,
          () => null,
        );
  const now = probe.ready();
  const script = probe.script;
  if (now !== null || script === null) return settle(now);
  return new Promise((resolve) => {
    const finish = (event: Event) => {
      script.removeEventListener("load", finish);
      script.removeEventListener("error", finish);
      resolve(event.type === "load" ? settle(probe.ready()) : null);
    };
    script.addEventListener("load", finish);
    script.addEventListener("error", finish);
  });
}

const TIMED_OUT = Symbol("timed out");

/** Waits at most `timeoutMs` for the host (see {@link hostReady}); null: as long as it takes. */
export async function waitForHost(probe: HostProbe, timeoutMs: number | null): Promise<HostWait> {
  const answer = hostReady(probe);
  if (timeoutMs === null) return { info: await answer, late: null };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<typeof TIMED_OUT>((resolve) => {
    timer = setTimeout(() => resolve(TIMED_OUT), timeoutMs);
  });
  const first = await Promise.race([answer, timeout]);
  clearTimeout(timer);
  return first === TIMED_OUT ? { info: null, late: answer } : { info: first, late: null };
}

/** Resolves once the document is parsed (readyState "interactive" or "complete"). */
export function documentParsed(doc: Document): Promise<void> {
  // Not DOMContentLoaded: it waits for every deferred script, so a stalled office.js would delay it forever.
  if (doc.readyState !== "loading") return Promise.resolve();
  return new Promise((resolve) => {
    const check = () => {
      if (doc.readyState === "loading") return;
      doc.removeEventListener("readystatechange", check);
      resolve();
    };
    doc.addEventListener("readystatechange", check);
  });
}
