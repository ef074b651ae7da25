/**
 * The browser's localStorage where the page may use it, else null: a browser (or an Office host's
 * webview) that blocks storage throws on the mere access, and the pane then keeps what it would
 * have stored for this page only.
 */
export function browserStorage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null; // storage blocked
  }
}
