/**
 * The one way the task pane builds DOM: `createElement`, `setAttribute` and text nodes. Contract text
 * (a debtor's name, a case id, an error naming a value) is data and only ever becomes a text node, never
 * markup; nothing here takes HTML. Event handlers are attached with `addEventListener` by the caller
 * (inline `on…` attributes are refused: the Content-Security-Policy forbids them anyway).
 */

/** A child: an element, text (made a text node), or nothing (skipped, for conditional children). */
export type Child = Node | string | null | undefined | false;

/** Attribute values; `true` sets an empty attribute, `false`/`undefined` leaves it out. */
export type Attributes = Record<string, string | number | boolean | undefined>;

/** An element with attributes and children. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Attributes = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (/^on/i.test(name)) throw new Error(`inline handler ${name} refused; use addEventListener`);
    if (value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? "" : String(value));
  }
  append(element, ...children);
  return element;
}

/**
 * A digit and the space after it, between digit groups (`77 449`) or before a unit (`449 kr`,
 * `5,95 %`). The digit is matched and written back rather than looked behind for: older Office
 * webviews have no lookbehind (test/shippedScripts.test.ts).
 */
const BREAKABLE_IN_FIGURE = /(\d)[ \u202f](?=\d{3}(?!\d)|kr\b|%)/g;

/**
 * The pane's text with every figure kept on one line: the spaces inside a number and before "kr"
 * or "%" become no-break spaces (U+00A0), so a narrow pane (350 px) never breaks an amount inside
 * itself ("1 / 471 kr"). The engine writes plain spaces (the CLI, the sheets and every message
 * share them); this is the one place the pane makes them unbreakable.
 */
function keepFiguresWhole(text: string): string {
  return text.replace(BREAKABLE_IN_FIGURE, "$1\u00a0");
}

/** Appends children (text as text nodes, its figures kept whole). */
function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(
      typeof child === "string" ? document.createTextNode(keepFiguresWhole(child)) : child,
    );
  }
}

/** Replaces all children of `parent`. */
export function replace(parent: Node, ...children: Child[]): void {
  while (parent.firstChild) parent.removeChild(parent.firstChild);
  append(parent, ...children);
}
