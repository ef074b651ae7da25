#!/usr/bin/env node
/**
 * The help pages, built from their one source each (issue 17 item 5):
 *
 * - help.html: the hand-written Swedish introduction and chapters of src/help/help.template.html,
 *   with the function reference generated where the template says `<!-- @function-contents -->`
 *   (the list in the table of contents) and `<!-- @function-reference -->` (one <section id="ID">
 *   per custom function, the target of its @helpurl). The reference comes from functions.json (id,
 *   name, description, parameters, optional flags: what Excel itself shows) and from the JSDoc tags
 *   Excel ignores in src/functions/functions.ts (@formula, @remarks, @returns, @throws, @example;
 *   that file's header says how to write them).
 * - conventions.html: docs/conventions.md rendered with marked. A numbered section "## N. Title"
 *   gets the id `avsnitt-N` (the pane and the training hints link there, so the scheme is fixed);
 *   every other heading gets GitHub's slug, and the file's own links to GitHub slugs are pointed at
 *   those ids. The page is Swedish around an English article (lang="en"); the Swedish terms the file
 *   sets in italics are marked lang="sv"; B_m and B_(k−1) in the prose become subscripts.
 *
 * webpack.config.js emits both pages from the functions.json of the same build (HelpPagesPlugin).
 * `node scripts/helpPages.js DIR` writes them, with help.css, into DIR from a freshly generated
 * functions.json, without webpack: test/help.test.ts does so. (marked is an ES module, which
 * node's require loads but jest's does not; hence a process of its own for the tests.)
 */
"use strict";

const fs = require("fs");
const path = require("path");

const ROOT = path.resolve(__dirname, "..");

/** The files the pages are made from, relative to the repository. */
const SOURCES = {
  template: "src/help/help.template.html",
  functions: "src/functions/functions.ts",
  conventions: "docs/conventions.md",
  rates: "src/engine/data/reference-rates.json",
  css: "src/help/help.css",
};

/** The Content-Security-Policy of both pages (the template states it too): no script at all. */
const POLICY =
  "default-src 'none'; style-src 'self'; img-src 'self'; script-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'";

/** Absolute paths of every source file, for webpack's watch. */
function helpSources(root = ROOT) {
  return Object.values(SOURCES).map((file) => path.join(root, file));
}

const read = (root, key) => fs.readFileSync(path.join(root, SOURCES[key]), "utf8");

/** `{ "help.html": …, "conventions.html": … }` for a parsed functions.json. */
function helpPages(metadata, root = ROOT) {
  const { Marked } = require("marked");
  const rates = JSON.parse(read(root, "rates"));
  const values = { "rates.from": rates.rates[0].from, "rates.through": rates.knownThrough };
  const docs = functionDocs(read(root, "functions"));
  const reference = new FunctionReference(metadata.functions, docs, new Marked(), values);
  return {
    "help.html": fill(read(root, "template"), {
      "function-contents": reference.contents(),
      "function-reference": reference.sections(),
    }),
    "conventions.html": conventionsPage(read(root, "conventions"), new Marked()),
  };
}

/** The template with each `<!-- @name -->` replaced by its part; a missing one is an error. */
function fill(template, parts) {
  let html = template;
  for (const [name, part] of Object.entries(parts)) {
    const marker = `<!-- @${name} -->`;
    if (!html.includes(marker)) throw new Error(`${SOURCES.template}: ${marker} saknas`);
    html = html.replace(marker, () => part);
  }
  return html;
}

// ---------------------------------------------------------------------------------------------
// The JSDoc tags Excel ignores

/**
 * id → { formula, remarks, returns, throws: [], examples: [] } from each `@customfunction ID`
 * declaration of functions.ts, read with the TypeScript parser (as custom-functions-metadata does).
 */
function functionDocs(source) {
  const ts = require("typescript");
  const file = ts.createSourceFile("functions.ts", source, ts.ScriptTarget.ES2020, true);
  const docs = new Map();
  for (const statement of file.statements.filter(ts.isFunctionDeclaration)) {
    const tags = ts.getJSDocTags(statement).map((tag) => ({
      name: tag.tagName.text.toLowerCase(),
      text: (ts.getTextOfJSDocComment(tag.comment) ?? "").trim(),
    }));
    const id = tags.find((tag) => tag.name === "customfunction")?.text;
    if (!id) continue;
    const one = (name) => tags.find((tag) => tag.name === name)?.text ?? "";
    const all = (name) => tags.filter((tag) => tag.name === name).map((tag) => tag.text);
    docs.set(id, {
      formula: one("formula"),
      remarks: one("remarks"),
      returns: one("returns"),
      throws: all("throws"),
      examples: all("example"),
    });
  }
  return docs;
}

// ---------------------------------------------------------------------------------------------
// The function reference of help.html

const escapeHtml = (text) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const escapeAttribute = (text) => escapeHtml(text).replace(/"/g, "&quot;");
const lowerFirst = (text) => text.charAt(0).toLowerCase() + text.slice(1);

/** Thousands in Swedish figures (77 449, 10 474,48) never break across lines. */
const keepFiguresTogether = (text) => text.replace(/(\d) (?=\d{3}(?!\d))/g, "$1\u00a0");

/** X_k and X_(k+1) in a formula written as text become subscripts (in escaped HTML). */
const subscripts = (html) =>
  html.replace(/([A-Za-zΣ])_(?:\(([^()\s]+)\)|([a-z0-9]+))/g, "$1<sub>$2$3</sub>");

/**
 * One custom function's description split at its first colon: the title (the table of contents,
 * the summary's bold start) and the rest. functions.ts writes each as "Title: what it computes."
 */
function titleAndRest(description) {
  const colon = description.indexOf(":");
  if (colon < 0) return [description.replace(/\.$/, ""), ""];
  return [description.slice(0, colon), description.slice(colon + 1).trim()];
}

class FunctionReference {
  constructor(functions, docs, marked, values) {
    this.functions = functions;
    this.docs = docs;
    this.marked = marked;
    this.values = values;
    const missing = functions.filter((fn) => !docs.has(fn.id)).map((fn) => fn.id);
    if (missing.length > 0) throw new Error(`${SOURCES.functions}: ingen JSDoc för ${missing}`);
  }

  /** `{{rates.from}}` and the like replaced by the shipped data's values, figures kept together. */
  prose(text) {
    const filled = text.replace(/\{\{([\w.]+)\}\}/g, (whole, key) => {
      if (!(key in this.values)) throw new Error(`${SOURCES.functions}: okänt värde ${whole}`);
      return this.values[key];
    });
    return keepFiguresTogether(filled);
  }

  markdown(text) {
    return subscripts(this.marked.parse(this.prose(text)).trim());
  }

  inline(text) {
    return subscripts(this.marked.parseInline(this.prose(text)));
  }

  /** Plain text as Excel shows it (descriptions, parameters), with ATERTAG.ID linked to its section. */
  plain(text) {
    return escapeHtml(this.prose(text)).replace(/\bATERTAG\.([A-Z0-9]+)\b/g, (whole, id) =>
      this.docs.has(id) ? `<a href="#${id}">${whole}</a>` : whole,
    );
  }

  contents() {
    return this.functions
      .map((fn) => {
        const [title] = titleAndRest(fn.description);
        return `<li><a href="#${fn.id}">ATERTAG.${fn.name}</a> – ${escapeHtml(lowerFirst(title))}</li>`;
      })
      .join("\n          ");
  }

  sections() {
    return this.functions.map((fn) => this.section(fn, this.docs.get(fn.id))).join("\n\n");
  }

  section(fn, doc) {
    const [title, rest] = titleAndRest(fn.description);
    const parts = [
      `<h2>ATERTAG.<wbr />${fn.name}</h2>`,
      `<p class="summary"><strong>${this.plain(title)}</strong>${rest ? `: ${this.plain(rest)}` : ""}</p>`,
      doc.formula &&
        `<span class="formula">${subscripts(escapeHtml(this.prose(doc.formula)))}</span>`,
      doc.remarks && this.markdown(doc.remarks),
      "<h3>Argument</h3>",
      this.arguments(fn),
      doc.returns && `<p>Svar: ${this.plain(lowerFirst(doc.returns))}</p>`,
      doc.throws.length > 0 && "<h3>Fel</h3>",
      doc.throws.length > 0 &&
        `<ul class="errors">\n${doc.throws.map((t) => `<li>${this.inline(t)}</li>`).join("\n")}\n</ul>`,
      ...doc.examples.map((example) => this.example(example)),
    ];
    return `<section id="${fn.id}">\n${parts.filter(Boolean).join("\n")}\n</section>`;
  }

  /** The call as typed in Swedish Excel (semicolons), then one row per parameter. */
  arguments(fn) {
    const shown = (p) => (p.optional ? `[${p.name}]` : p.name);
    const call = `=ATERTAG.${fn.name}(${fn.parameters.map(shown).join(";")})`;
    const rows = fn.parameters.map(
      (p) =>
        `<tr><td><code>${shown(p)}</code></td><td>${this.plain(p.description ?? "")}</td></tr>`,
    );
    return [
      `<p class="syntax">Skrivs <code>${escapeHtml(call)}</code>; argument inom hakparentes kan utelämnas.</p>`,
      '<div class="table-wrap">',
      '<table class="args">',
      "<thead><tr><th>Argument</th><th>Betydelse, enhet och format</th></tr></thead>",
      `<tbody>\n${rows.join("\n")}\n</tbody>`,
      "</table>",
      "</div>",
    ].join("\n");
  }

  /**
   * An @example: its first line is the title; a line starting with "=ATERTAG." is the formula; a
   * paragraph starting with "Svar:" is the result; the rest is Markdown.
   */
  example(text) {
    const [title, ...lines] = text.split("\n");
    const blocks = [];
    let paragraph = [];
    const flush = () => {
      if (paragraph.length > 0) blocks.push(this.exampleParagraph(paragraph.join("\n")));
      paragraph = [];
    };
    for (const line of lines) {
      if (line.trim().startsWith("=ATERTAG.")) {
        flush();
        blocks.push(`<span class="formula">${escapeHtml(line.trim())}</span>`);
      } else if (line.trim() === "") flush();
      else paragraph.push(line);
    }
    flush();
    const heading = `<h3>Exempel: ${escapeHtml(title.trim())}</h3>`;
    return `<div class="example">\n${heading}\n${blocks.join("\n")}\n</div>`;
  }

  exampleParagraph(text) {
    if (text.startsWith("Svar:")) return `<p class="result">${this.inline(text)}</p>`;
    return this.markdown(text);
  }
}

// ---------------------------------------------------------------------------------------------
// conventions.html

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
function githubSlug(text) {
  return text
    .replace(/[*_`]/g, "")
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s-]/gu, "")
    .replace(/\s/g, "-");
}

/** Each heading token's id: `avsnitt-N` for "## N. Title", else its GitHub slug (made unique). */
function headingIds(tokens) {
  const ids = new Map(); // heading token → id
  const fromGithub = new Map(); // GitHub slug → id, for the file's own links
  const seen = new Map();
  for (const token of tokens.filter((t) => t.type === "heading")) {
    const slug = githubSlug(token.text);
    const count = seen.get(slug) ?? 0;
    seen.set(slug, count + 1);
    const unique = count === 0 ? slug : `${slug}-${count}`;
    const numbered = token.depth === 2 ? /^(\d+)\.\s/.exec(token.text) : null;
    const id = numbered ? `avsnitt-${numbered[1]}` : unique;
    ids.set(token, id);
    fromGithub.set(unique, id);
  }
  return { ids, fromGithub };
}

/** Italics in conventions.md are Swedish terms, except where the file names the convention itself. */
const NOT_SWEDISH = new Set(["italics"]);

/** The Markdown of docs/conventions.md as an HTML article with stable section ids. */
function conventionsArticle(markdown, marked) {
  const tokens = marked.lexer(markdown);
  const { ids, fromGithub } = headingIds(tokens);
  marked.use({
    renderer: {
      heading(token) {
        const inner = this.parser.parseInline(token.tokens);
        return `<h${token.depth} id="${ids.get(token)}">${inner}</h${token.depth}>\n`;
      },
      // Prose only, not code: B_m and B_(k−1) as subscripts, as on the help page.
      text(token) {
        if (token.tokens) return this.parser.parseInline(token.tokens);
        return subscripts(token.escaped ? token.text : escapeHtml(token.text));
      },
      em(token) {
        const inner = this.parser.parseInline(token.tokens);
        return NOT_SWEDISH.has(token.text) ? `<em>${inner}</em>` : `<em lang="sv">${inner}</em>`;
      },
      link(token) {
        const inner = this.parser.parseInline(token.tokens);
        // Another page of docs/ is not built beside this one: its name stands, as text.
        if (/^[^:#]+\.md(#|$)/.test(token.href)) return inner;
        const fragment = token.href.startsWith("#")
          ? decodeURIComponent(token.href.slice(1))
          : null;
        const href =
          fragment !== null && fromGithub.has(fragment)
            ? `#${fromGithub.get(fragment)}`
            : token.href;
        return `<a href="${escapeAttribute(href)}">${inner}</a>`;
      },
    },
  });
  // The heading renderer looks tokens up by identity, so the same tokens are parsed.
  return marked.parser(tokens);
}

function conventionsPage(markdown, marked) {
  const article = conventionsArticle(markdown, marked);
  return `<!doctype html>
<html lang="sv">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta http-equiv="Content-Security-Policy" content="${POLICY}" />
    <title>Beräkningskonventioner – Återtagande</title>
    <link rel="stylesheet" href="help.css" />
  </head>
  <body>
    <main>
      <nav class="pages" aria-label="Hjälpsidor">
        <a href="help.html">Återtagande – hjälp</a> › Beräkningskonventioner
      </nav>
      <p class="muted">
        Projektets beskrivning av vad tillägget räknar och varför, avsnitt för avsnitt. Texten är på
        engelska med de svenska termerna i kursiv stil; en sammanfattning på svenska finns under
        <a href="help.html#KONVENTIONER">Konventioner</a> på hjälpsidan.
      </p>
      <article lang="en">
${article}
      </article>
    </main>
  </body>
</html>
`;
}

// ---------------------------------------------------------------------------------------------
// node scripts/helpPages.js DIR

async function main(outDir) {
  if (!outDir) throw new Error("användning: node scripts/helpPages.js MAPP");
  const { generateCustomFunctionsMetadata } = require("custom-functions-metadata");
  const result = await generateCustomFunctionsMetadata([path.join(ROOT, SOURCES.functions)]);
  if (result.errors.length > 0) throw new Error(result.errors.join("\n"));
  const metadata = JSON.parse(result.metadataJson);
  fs.mkdirSync(outDir, { recursive: true });
  const files = { ...helpPages(metadata), "functions.json": result.metadataJson };
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(outDir, name), text);
  fs.copyFileSync(path.join(ROOT, SOURCES.css), path.join(outDir, "help.css"));
}

if (require.main === module) {
  main(process.argv[2]).catch((error) => {
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  });
}

module.exports = { helpPages, helpSources };
