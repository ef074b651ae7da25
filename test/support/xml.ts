/**
 * A small strict XML 1.0 parser for tests: it checks well-formedness (one root, matching tags,
 * quoted and unique attributes, only the five predefined entities and valid character references,
 * no "--" in comments, bound namespace prefixes) and returns a namespace-resolved element tree.
 *
 * Why not xml2js (already in node_modules through office-addin-manifest): it accepts duplicate
 * attributes, undefined entities such as &nbsp;, unbound prefixes and a second root element, so it
 * cannot tell a test that a file is well-formed. DTDs are rejected outright; a manifest has none.
 */

interface XmlAttribute {
  /** The name as written, e.g. "xsi:type". */
  qname: string;
  /** Namespace URI; "" for unprefixed attributes, which have no namespace. */
  uri: string;
  local: string;
  value: string;
}

export interface XmlElement {
  qname: string;
  uri: string;
  local: string;
  attributes: XmlAttribute[];
  children: XmlElement[];
  /** The element's own character data (text and CDATA, children excluded), entities decoded. */
  text: string;
  /** 1-based line of the start tag, for messages. */
  line: number;
}

class XmlSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(`${message} (line ${line}, column ${column})`);
    this.name = "XmlSyntaxError";
  }
}

const XML_NAMESPACE = "http://www.w3.org/XML/1998/namespace";
const XMLNS_NAMESPACE = "http://www.w3.org/2000/xmlns/";

// Name and NameChar from XML 1.0 (fifth edition) section 2.3, astral planes left out.
const NAME_START =
  ":A-Z_a-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02FF\\u0370-\\u037D\\u037F-\\u1FFF" +
  "\\u200C-\\u200D\\u2070-\\u218F\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD";
const NAME_CHAR = NAME_START + "\\-.0-9\\u00B7\\u0300-\\u036F\\u203F-\\u2040";
// eslint-disable-next-line no-misleading-character-class -- XML's NameChar ranges include combining marks.
const NAME = new RegExp(`[${NAME_START}][${NAME_CHAR}]*`, "y");
const WHITESPACE = /[ \t\r\n]*/y;
const S = "[ \\t\\r\\n]"; // XML white space, for the declaration below
const XML_DECLARATION = new RegExp(
  `<\\?xml${S}+version${S}*=${S}*(["'])1\\.[0-9]+\\1` +
    `(${S}+encoding${S}*=${S}*(["'])[A-Za-z][A-Za-z0-9._-]*\\3)?` +
    `(${S}+standalone${S}*=${S}*(["'])(yes|no)\\5)?${S}*\\?>`,
  "y",
);
// Characters outside XML 1.0's Char production (lone surrogates are not checked).
// eslint-disable-next-line no-control-regex -- these control characters are exactly what XML forbids.
const FORBIDDEN_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;
const PREDEFINED_ENTITIES: Record<string, string> = {
  lt: "<",
  gt: ">",
  amp: "&",
  apos: "'",
  quot: '"',
};

function isXmlChar(code: number): boolean {
  return (
    code === 0x9 ||
    code === 0xa ||
    code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff)
  );
}

/** Parses `source`, throwing XmlSyntaxError at the first well-formedness error. */
export function parseXml(source: string): XmlElement {
  let pos = source.charCodeAt(0) === 0xfeff ? 1 : 0;

  function fail(message: string, at = pos): never {
    const before = source.slice(0, at).split("\n");
    throw new XmlSyntaxError(message, before.length, before[before.length - 1].length + 1);
  }
  const forbidden = FORBIDDEN_CHAR.exec(source);
  if (forbidden)
    fail(`character U+${forbidden[0].charCodeAt(0).toString(16)} is not allowed`, forbidden.index);

  const startsWith = (s: string) => source.startsWith(s, pos);
  function skipWhitespace(): boolean {
    WHITESPACE.lastIndex = pos;
    WHITESPACE.exec(source);
    const skipped = WHITESPACE.lastIndex > pos;
    pos = WHITESPACE.lastIndex;
    return skipped;
  }
  function expect(s: string): void {
    if (!startsWith(s)) fail(`expected "${s}"`);
    pos += s.length;
  }
  function readName(): string {
    NAME.lastIndex = pos;
    const match = NAME.exec(source);
    if (!match) fail("expected a name");
    pos = NAME.lastIndex;
    return match[0];
  }
  /** Everything up to `end` (consumed); fails at end of input. */
  function readUntil(end: string, what: string): string {
    const at = source.indexOf(end, pos);
    if (at < 0) fail(`unterminated ${what}`);
    const body = source.slice(pos, at);
    pos = at + end.length;
    return body;
  }
  /** Decodes entity and character references in text or attribute values. */
  function decode(raw: string, offset: number): string {
    return raw.replace(/&([^;&<]*);?/g, (whole, body: string, index: number) => {
      if (!whole.endsWith(";")) fail("'&' must start a reference such as &amp;", offset + index);
      if (body in PREDEFINED_ENTITIES) return PREDEFINED_ENTITIES[body];
      const numeric = /^#(?:([0-9]+)|x([0-9a-fA-F]+))$/.exec(body);
      if (!numeric) fail(`undefined entity &${body};`, offset + index);
      const code = numeric[1] !== undefined ? parseInt(numeric[1], 10) : parseInt(numeric[2], 16);
      if (!isXmlChar(code))
        fail(`character reference &${body}; is not an XML character`, offset + index);
      return String.fromCodePoint(code);
    });
  }
  function comment(): void {
    const start = pos;
    pos += 4; // "<!--"
    const body = readUntil("-->", "comment");
    if (body.includes("--") || body.endsWith("-"))
      fail('"--" is not allowed inside a comment', start);
  }
  function processingInstruction(): void {
    const start = pos;
    pos += 2; // "<?"
    const target = readName();
    if (target.toLowerCase() === "xml") fail("the XML declaration must come first", start);
    readUntil("?>", "processing instruction");
  }
  /** Comments, processing instructions and whitespace around the root element. */
  function misc(): void {
    for (;;) {
      skipWhitespace();
      if (startsWith("<!--")) comment();
      else if (startsWith("<?")) processingInstruction();
      else return;
    }
  }

  function element(scope: Map<string, string>): XmlElement {
    const start = pos;
    expect("<");
    const qname = readName();
    const raw: { qname: string; value: string; at: number }[] = [];
    for (;;) {
      const spaced = skipWhitespace();
      if (startsWith("/>") || startsWith(">")) break;
      if (!spaced) fail("attributes must be separated by whitespace");
      const at = pos;
      const name = readName();
      skipWhitespace();
      expect("=");
      skipWhitespace();
      const quote = source[pos];
      if (quote !== '"' && quote !== "'") fail("attribute values must be quoted");
      pos++;
      const valueAt = pos;
      const value = readUntil(quote, "attribute value");
      if (value.includes("<")) fail("'<' is not allowed in an attribute value", valueAt);
      if (raw.some((a) => a.qname === name)) fail(`duplicate attribute ${name}`, at);
      // Attribute-value normalisation (XML 1.0 section 3.3.3) for literal whitespace characters.
      raw.push({ qname: name, value: decode(value, valueAt).replace(/[\t\n\r]/g, " "), at });
    }

    const inScope = new Map(scope);
    for (const a of raw) {
      if (a.qname === "xmlns") inScope.set("", a.value);
      else if (a.qname.startsWith("xmlns:")) {
        if (a.value === "")
          fail(`namespace prefix ${a.qname.slice(6)} bound to an empty URI`, a.at);
        inScope.set(a.qname.slice(6), a.value);
      }
    }
    const resolve = (
      name: string,
      isAttribute: boolean,
      at: number,
    ): { uri: string; local: string } => {
      const colon = name.indexOf(":");
      if (colon < 0) return { uri: isAttribute ? "" : (inScope.get("") ?? ""), local: name };
      const prefix = name.slice(0, colon);
      const local = name.slice(colon + 1);
      if (prefix === "" || local === "" || local.includes(":"))
        fail(`malformed qualified name ${name}`, at);
      if (prefix === "xmlns") return { uri: XMLNS_NAMESPACE, local };
      if (prefix === "xml") return { uri: XML_NAMESPACE, local };
      const uri = inScope.get(prefix);
      if (uri === undefined) fail(`namespace prefix ${prefix} is not declared`, at);
      return { uri, local };
    };

    const attributes = raw.map((a) => ({
      qname: a.qname,
      value: a.value,
      ...resolve(a.qname, true, a.at),
    }));
    const expanded = new Set<string>();
    for (const [i, a] of attributes.entries()) {
      const key = `{${a.uri}}${a.local}`;
      if (expanded.has(key)) fail(`duplicate attribute ${key}`, raw[i].at);
      expanded.add(key);
    }
    const node: XmlElement = {
      qname,
      ...resolve(qname, false, start),
      attributes,
      children: [],
      text: "",
      line: source.slice(0, start).split("\n").length,
    };
    if (startsWith("/>")) {
      pos += 2;
      return node;
    }
    pos++; // ">"

    for (;;) {
      if (pos >= source.length) fail(`<${qname}> is never closed`, start);
      if (startsWith("</")) {
        pos += 2;
        const closing = readName();
        if (closing !== qname) fail(`</${closing}> closes <${qname}> from line ${node.line}`);
        skipWhitespace();
        expect(">");
        return node;
      }
      if (startsWith("<!--")) comment();
      else if (startsWith("<![CDATA[")) {
        pos += 9;
        node.text += readUntil("]]>", "CDATA section");
      } else if (startsWith("<?")) processingInstruction();
      else if (startsWith("<!")) fail("markup declarations are not allowed here");
      else if (startsWith("<")) node.children.push(element(inScope));
      else {
        const at = pos;
        const next = source.indexOf("<", pos);
        const run = source.slice(pos, next < 0 ? source.length : next);
        if (run.includes("]]>")) fail('"]]>" is not allowed in text', at + run.indexOf("]]>"));
        node.text += decode(run, at);
        pos += run.length;
      }
    }
  }

  XML_DECLARATION.lastIndex = pos;
  if (XML_DECLARATION.exec(source)) pos = XML_DECLARATION.lastIndex;
  else if (startsWith("<?xml")) fail("malformed XML declaration");
  misc();
  if (startsWith("<!DOCTYPE")) fail("a DOCTYPE is not allowed in a manifest");
  if (!startsWith("<")) fail("expected the root element");
  const root = element(new Map([["", ""]]));
  misc();
  if (pos < source.length)
    fail(startsWith("<") ? "only one root element is allowed" : "text after the root element");
  return root;
}

/** The value of an attribute by local name and namespace (unprefixed attributes have uri ""). */
export function attribute(element: XmlElement, local: string, uri = ""): string | undefined {
  return element.attributes.find((a) => a.local === local && a.uri === uri)?.value;
}

/** The element and all its descendants, in document order. */
export function descendants(element: XmlElement): XmlElement[] {
  return [element, ...element.children.flatMap(descendants)];
}

/** Direct children with the given namespace and local name. */
export function childrenNamed(element: XmlElement, uri: string, local: string): XmlElement[] {
  return element.children.filter((c) => c.uri === uri && c.local === local);
}
