/**
 * Start-up without hanging: wait for the host library (office.js) for a bounded time and never depend
 * on it having loaded. The library comes from a CDN; offline, behind a proxy or in a plain browser it
 * may fail to load (an `error` event), load and report no host, or stall forever (no event at all).
 *
 * The host is described by a {@link HostProbe} that the entry file builds, so no host API is named
 * here: `ready()` is the library's ready promise once its global exists, and `script` is its `<script>`
 * element, whose `load`/`error` tells when to ask again. The page (taskpane.html) lists this bundle
 * as a deferred script BEFORE the deferred office.js, so this code always runs before office.js runs
 * or fires `load`/`error`: no event can be missed (and the timeout covers anything else).
 */

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

/** Waits at most `timeoutMs` for the host (see {@link hostReady}). */
export async function waitForHost(probe: HostProbe, timeoutMs: number): Promise<HostWait> {
  const answer = hostReady(probe);
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
