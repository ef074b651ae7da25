/**
 * Where a reader opens a convention: the built help page `conventions.html` (docs/conventions.md
 * rendered by the build beside help.html), one anchor per numbered section ("## 4. …" → `#avsnitt-4`).
 * The one place this URL scheme is written: the pane links relatively (it is served beside the page);
 * a workbook needs an absolute URL, from the base the add-in is deployed at — the base of the
 * functions' help links (`@helpurl` in src/functions/functions.ts, rewritten by webpack.config.js's
 * DeploymentUrlPlugin for a deployment), in the pane the folder the pane itself was loaded from.
 */

/** The built page holding docs/conventions.md. */
const CONVENTIONS_PAGE = "conventions.html";

/**
 * The link to a section of the conventions: relative (`conventions.html#avsnitt-4`) without a base,
 * absolute against `base` (the deployment's folder URL, e.g. `https://their.host/atertag/`).
 */
export function conventionHref(section: number, base?: string): string {
  const relative = `${CONVENTIONS_PAGE}#avsnitt-${section}`;
  return base === undefined ? relative : new URL(relative, base).href;
}

/** How a hint names a section of the conventions: "Se konventionerna, avsnitt 4." */
export function conventionCitation(section: number): string {
  return `Se konventionerna, avsnitt ${section}.`;
}
