/**
 * Shareable links and the page's start parameters. A link carries the whole contract in the URL
 * fragment, `#contract=<encodeURIComponent(JSON)>`: the fragment never reaches a server, so a link can
 * be mailed without the contract landing in any web server's log. `?example=1` / `?example=2` start
 * the page on a worked example. No DOM here: the functions take and return strings.
 */
import { ContractInput } from "../../engine";
import { UI_TEXT } from "../ui/messages";

const CONTRACT_PARAM = "contract";
const EXAMPLE_PARAM = "example";

/** A link that cannot be read, with a Swedish message for the user. */
export class LinkError extends Error {
  constructor(detail: string) {
    super(UI_TEXT.badLink(detail));
    this.name = "LinkError";
  }
}

/** The link to a contract: the page's address (without query or fragment) and `#contract=…`. */
export function contractLink(pageUrl: string, input: ContractInput): string {
  const page = pageUrl.replace(/[?#].*$/s, "");
  return `${page}#${CONTRACT_PARAM}=${encodeURIComponent(JSON.stringify(input))}`;
}

/**
 * The contract in a URL fragment (`#contract=…`, possibly among other `&`-separated parameters), or
 * null when the fragment has none. Throws a {@link LinkError} when it is there but unreadable.
 * Only `%` escapes are decoded (a `+` stays a plus), the inverse of `encodeURIComponent`.
 */
export function contractFromHash(hash: string): ContractInput | null {
  const prefix = `${CONTRACT_PARAM}=`;
  const part = hash
    .replace(/^#/, "")
    .split("&")
    .find((p) => p.startsWith(prefix));
  if (part === undefined) return null;
  let json: string;
  try {
    json = decodeURIComponent(part.slice(prefix.length));
  } catch {
    throw new LinkError(UI_TEXT.badLinkEncoding);
  }
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw new LinkError(UI_TEXT.badLinkJson);
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new LinkError(UI_TEXT.badLinkNotObject);
  }
  return value as ContractInput;
}

/** The `?example=` value of a query string ("1", "2", …), or null. */
export function exampleFromSearch(search: string): string | null {
  return new URLSearchParams(search).get(EXAMPLE_PARAM);
}
