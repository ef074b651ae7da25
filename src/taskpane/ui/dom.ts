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

/** Appends children (text as text nodes). */
function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
  }
}

/** Replaces all children of `parent`. */
export function replace(parent: Node, ...children: Child[]): void {
  while (parent.firstChild) parent.removeChild(parent.firstChild);
  append(parent, ...children);
}
