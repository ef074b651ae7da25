/**
 * Offline checks of manifest.xml: the rules Office applies when it loads the add-in (resource ids,
 * requirement sets, the shared runtime) and this project's own (every URL on the dev server, icons
 * that exist at the size their name claims). Each check returns a list of problems; the second half
 * of the file breaks the manifest on purpose and shows that every check notices.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import type { ManifestInfo } from "office-addin-manifest";
import { readPng } from "./support/png";
import { XmlElement, attribute, childrenNamed, descendants, parseXml } from "./support/xml";

const ROOT = path.resolve(__dirname, "..");
const MANIFEST_PATH = path.join(ROOT, "manifest.xml");
const MANIFEST = fs.readFileSync(MANIFEST_PATH, "utf8");

const NS = {
  app: "http://schemas.microsoft.com/office/appforoffice/1.1",
  overrides: "http://schemas.microsoft.com/office/taskpaneappversionoverrides",
  bt: "http://schemas.microsoft.com/office/officeappbasictypes/1.0",
  xsi: "http://www.w3.org/2001/XMLSchema-instance",
  xmlns: "http://www.w3.org/2000/xmlns/",
};
const ORIGIN = "https://localhost:3000/";
const FUNCTIONS_NAMESPACE = "ATERTAG";
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A random (version 4, RFC 4122 variant) GUID, as `crypto.randomUUID()` makes: not typed by hand. */
const RANDOM_GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
/** The provider is the project itself, named as package.json names it. */
const PROVIDER = `Återtagande (${JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")).name})`;
/** Ribbon icon sizes: 16, 32 and 80 required, the others for high-DPI screens (manifest <Icon> reference). */
const RIBBON_ICON_SIZES = [16, 20, 24, 32, 40, 48, 64, 80];

// Limits from the add-in only manifest reference (Resources, bt:String, resid).
const MAX_RESID_LENGTH = 32;
const MAX_SHORT_STRING = 125;
const MAX_LONG_STRING = 250;

/** The minimum versions this add-in needs; the VersionOverrides may only be stricter. */
const REQUIRED_SETS = {
  base: { SharedRuntime: "1.1", CustomFunctionsRuntime: "1.3", ExcelApi: "1.9" },
  overrides: { SharedRuntime: "1.1", CustomFunctionsRuntime: "1.3", ExcelApi: "1.9" },
};

/** Which resource list the resid of each referencing element must point into. */
const RESID_KIND: Record<string, ResourceKind> = {
  Image: "Images",
  SourceLocation: "Urls",
  Runtime: "Urls",
  FunctionFile: "Urls",
  LearnMoreUrl: "Urls",
  Label: "ShortStrings",
  Title: "ShortStrings",
  Namespace: "ShortStrings",
  Description: "LongStrings",
};

type ResourceKind = "Images" | "Urls" | "ShortStrings" | "LongStrings";
const RESOURCE_KINDS: readonly string[] = ["Images", "Urls", "ShortStrings", "LongStrings"];

interface Resource {
  id: string;
  kind: string;
  value: string;
  overrides: string[];
  line: number;
}

/** What the checks read from disk, so the tests below can substitute broken files. */
interface Env {
  readAsset(name: string): Buffer | undefined;
}

const REAL_ENV: Env = {
  readAsset(name) {
    const file = path.join(ROOT, "assets", name);
    return fs.existsSync(file) ? fs.readFileSync(file) : undefined;
  },
};

// ---- Reading the manifest ----

function all(root: XmlElement, uri: string, local: string): XmlElement[] {
  return descendants(root).filter((e) => e.uri === uri && e.local === local);
}

function xsiType(element: XmlElement): string | undefined {
  return attribute(element, "type", NS.xsi);
}

function resources(root: XmlElement): Resource[] {
  return all(root, NS.overrides, "Resources").flatMap((list) =>
    list.children.flatMap((group) =>
      group.children.map((item) => ({
        id: attribute(item, "id") ?? "",
        kind: group.uri === NS.bt ? group.local : `{${group.uri}}${group.local}`,
        value: attribute(item, "DefaultValue") ?? "",
        overrides: childrenNamed(item, NS.bt, "Override").map((o) => attribute(o, "Value") ?? ""),
        line: item.line,
      })),
    ),
  );
}

/** The value of the one resource with this id and kind, or undefined. */
function lookup(root: XmlElement, kind: ResourceKind, id: string | undefined): string | undefined {
  const found = resources(root).filter((r) => r.kind === kind && r.id === id);
  return found.length === 1 ? found[0].value : undefined;
}

/** Elements carrying a resid reference (resource definitions carry id instead). */
function references(root: XmlElement): { element: XmlElement; resid: string }[] {
  return descendants(root).flatMap((element) => {
    const resid = attribute(element, "resid");
    return resid === undefined ? [] : [{ element, resid }];
  });
}

/** Every attribute value or text in the document that looks like an absolute URL. */
function urls(root: XmlElement): { url: string; where: string }[] {
  const isUrl = (s: string) => /^[a-z][a-z0-9+.-]*:\/\//i.test(s);
  return descendants(root).flatMap((e) => [
    ...e.attributes
      .filter((a) => a.uri !== NS.xmlns && a.qname !== "xmlns" && isUrl(a.value))
      .map((a) => ({ url: a.value, where: `<${e.qname} ${a.qname}> line ${e.line}` })),
    ...(isUrl(e.text.trim()) ? [{ url: e.text.trim(), where: `<${e.qname}> line ${e.line}` }] : []),
  ]);
}

function compareVersions(a: string, b: string): number {
  const x = a.split(".").map(Number);
  const y = b.split(".").map(Number);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** Requirement set name -> minimum version, from a <Sets> or <bt:Sets> element. */
function requirementSets(sets: XmlElement | undefined, setNamespace: string): Map<string, string> {
  const result = new Map<string, string>();
  if (!sets) return result;
  const defaultVersion = attribute(sets, "DefaultMinVersion") ?? "1.1";
  for (const set of childrenNamed(sets, setNamespace, "Set")) {
    result.set(attribute(set, "Name") ?? "", attribute(set, "MinVersion") ?? defaultVersion);
  }
  return result;
}

function customFunctionsExtensionPoints(root: XmlElement): XmlElement[] {
  return all(root, NS.overrides, "ExtensionPoint").filter((e) => xsiType(e) === "CustomFunctions");
}

/** The resid of <Child><SourceLocation resid/></Child> under an extension point. */
function sourceResid(parent: XmlElement | undefined, child: string): string | undefined {
  const holder = parent && childrenNamed(parent, NS.overrides, child)[0];
  const location = holder && childrenNamed(holder, NS.overrides, "SourceLocation")[0];
  return location && attribute(location, "resid");
}

// ---- The checks: each returns its problems, [] when the manifest is right ----

type Check = (root: XmlElement, env: Env) => string[];

const CHECKS = {
  "is a task pane add-in for Excel workbooks": (root) => {
    const problems: string[] = [];
    if (root.uri !== NS.app || root.local !== "OfficeApp")
      problems.push(`root is {${root.uri}}${root.local}`);
    if (xsiType(root) !== "TaskPaneApp") problems.push(`OfficeApp xsi:type is ${xsiType(root)}`);
    const hosts = all(root, NS.app, "Host").map((h) => attribute(h, "Name"));
    if (hosts.join() !== "Workbook") problems.push(`base hosts are [${hosts.join(", ")}]`);
    const overrides = childrenNamed(root, NS.overrides, "VersionOverrides");
    const types = overrides.map(xsiType);
    if (types.join() !== "VersionOverridesV1_0")
      problems.push(`VersionOverrides types are [${types.join(", ")}]`);
    const overrideHosts = all(root, NS.overrides, "Host").map(xsiType);
    if (overrideHosts.join() !== "Workbook")
      problems.push(`VersionOverrides hosts are [${overrideHosts.join(", ")}]`);
    return problems;
  },

  "has a GUID for its Id": (root) => {
    const ids = childrenNamed(root, NS.app, "Id").map((e) => e.text.trim());
    if (ids.length !== 1 || !GUID.test(ids[0]))
      return [`Id is [${ids.join(", ")}], expected one GUID`];
    return RANDOM_GUID.test(ids[0]) ? [] : [`Id ${ids[0]} is not a random (version 4) GUID`];
  },

  "names the project as its provider": (root) => {
    const names = childrenNamed(root, NS.app, "ProviderName").map((e) => e.text.trim());
    return names.join() === PROVIDER
      ? []
      : [`ProviderName is [${names.join(", ")}], expected ${PROVIDER}`];
  },

  "gives every ribbon icon all sizes, high-DPI included": (root) =>
    all(root, NS.overrides, "Icon").flatMap((icon) => {
      const sizes = childrenNamed(icon, NS.bt, "Image").map((i) => Number(attribute(i, "size")));
      return sizes.join() === RIBBON_ICON_SIZES.join()
        ? []
        : [
            `<Icon> line ${icon.line} has sizes [${sizes.join(", ")}], expected [${RIBBON_ICON_SIZES.join(", ")}]`,
          ];
    }),

  "asks for ReadWriteDocument and nothing more": (root) => {
    const permissions = descendants(root)
      .filter((e) => e.local === "Permissions")
      .map((e) => e.text.trim());
    return permissions.join() === "ReadWriteDocument"
      ? []
      : [`Permissions are [${permissions.join(", ")}]`];
  },

  "defines every resid exactly once, in the list its element needs": (root) => {
    const problems: string[] = [];
    const defined = resources(root);
    for (const r of defined) {
      if (!RESOURCE_KINDS.includes(r.kind))
        problems.push(`unknown resource list ${r.kind} (line ${r.line})`);
      if (r.id === "") problems.push(`resource without an id (line ${r.line})`);
      if (r.id.length > MAX_RESID_LENGTH)
        problems.push(`resource id ${r.id} is longer than ${MAX_RESID_LENGTH} characters`);
      const count = defined.filter((d) => d.id === r.id).length;
      if (count > 1 && defined.findIndex((d) => d.id === r.id) === defined.indexOf(r)) {
        problems.push(`resource id ${r.id} is defined ${count} times`);
      }
    }
    const used = new Set<string>();
    for (const { element, resid } of references(root)) {
      used.add(resid);
      const kind = RESID_KIND[element.local];
      const where = `<${element.qname} resid="${resid}"> line ${element.line}`;
      const targets = defined.filter((d) => d.id === resid);
      if (kind === undefined)
        problems.push(`${where}: no rule for which resource list <${element.local}> refers to`);
      else if (targets.length === 0) problems.push(`${where}: resid is not defined`);
      else if (!targets.some((t) => t.kind === kind))
        problems.push(`${where}: needs a ${kind} resource, found ${targets[0].kind}`);
    }
    for (const r of defined)
      if (!used.has(r.id)) problems.push(`resource ${r.id} is never used (line ${r.line})`);
    return problems;
  },

  "maps the custom functions namespace to ATERTAG": (root) => {
    const points = customFunctionsExtensionPoints(root);
    if (points.length !== 1) return [`${points.length} CustomFunctions extension points`];
    const resid = childrenNamed(points[0], NS.overrides, "Namespace").map((n) =>
      attribute(n, "resid"),
    );
    const strings = resources(root).filter((r) => r.kind === "ShortStrings" && r.id === resid[0]);
    if (resid.length !== 1 || strings.length !== 1)
      return [`namespace resid [${resid.join(", ")}] does not resolve to one short string`];
    const problems: string[] = [];
    if (strings[0].value !== FUNCTIONS_NAMESPACE)
      problems.push(`namespace is ${strings[0].value}, expected ${FUNCTIONS_NAMESPACE}`);
    // A localised namespace would change every formula's name with Excel's language.
    if (strings[0].overrides.length > 0)
      problems.push(`namespace has locale overrides [${strings[0].overrides.join(", ")}]`);
    return problems;
  },

  "serves every URL from https://localhost:3000": (root) =>
    urls(root)
      .filter(({ url }) => !url.startsWith(ORIGIN))
      .map(({ url, where }) => `${where}: ${url} is not under ${ORIGIN}`),

  "runs the task pane and the custom functions in one shared runtime": (root) => {
    const problems: string[] = [];
    const runtimes = all(root, NS.overrides, "Runtime");
    if (runtimes.length !== 1) return [`${runtimes.length} Runtime elements, expected 1`];
    const runtime = attribute(runtimes[0], "resid");
    if (attribute(runtimes[0], "lifetime") !== "long")
      problems.push(`runtime lifetime is ${attribute(runtimes[0], "lifetime")}, expected long`);

    // Office loads the shared runtime only when these use the very same resid, not just the same
    // URL.
    const points = customFunctionsExtensionPoints(root);
    const actions = all(root, NS.overrides, "Action").filter((a) => xsiType(a) === "ShowTaskpane");
    const sharers: [string, string | undefined][] = [
      ["custom functions Page", sourceResid(points[0], "Page")],
      ...actions.map((a): [string, string | undefined] => [
        `ShowTaskpane action (line ${a.line})`,
        childrenNamed(a, NS.overrides, "SourceLocation").map((s) => attribute(s, "resid"))[0],
      ]),
      ...all(root, NS.overrides, "FunctionFile").map((f): [string, string | undefined] => [
        "FunctionFile",
        attribute(f, "resid"),
      ]),
    ];
    if (actions.length === 0) problems.push("no ShowTaskpane action");
    for (const [what, resid] of sharers) {
      if (resid !== runtime)
        problems.push(`${what} uses resid ${resid}, the runtime uses ${runtime}`);
    }
    const runtimeUrl = lookup(root, "Urls", runtime);
    const defaultPage = all(root, NS.app, "DefaultSettings").flatMap((d) =>
      childrenNamed(d, NS.app, "SourceLocation").map((s) => attribute(s, "DefaultValue")),
    );
    if (runtimeUrl === undefined || defaultPage.join() !== runtimeUrl) {
      problems.push(
        `DefaultSettings page [${defaultPage.join(", ")}] differs from the runtime page ${runtimeUrl}`,
      );
    }
    // The names webpack emits (webpack.config.js: output.filename "[name].js", metadata plugin
    // output "functions.json").
    const script = lookup(root, "Urls", sourceResid(points[0], "Script"));
    const metadata = lookup(root, "Urls", sourceResid(points[0], "Metadata"));
    if (script !== `${ORIGIN}functions.js`) problems.push(`custom functions Script is ${script}`);
    if (metadata !== `${ORIGIN}functions.json`)
      problems.push(`custom functions Metadata is ${metadata}`);
    return problems;
  },

  "requires SharedRuntime 1.1, CustomFunctionsRuntime 1.3 and ExcelApi": (root) => {
    const problems: string[] = [];
    const base = requirementSets(
      childrenNamed(root, NS.app, "Requirements").flatMap((r) =>
        childrenNamed(r, NS.app, "Sets"),
      )[0],
      NS.app,
    );
    const overrides = requirementSets(
      childrenNamed(root, NS.overrides, "VersionOverrides")
        .flatMap((v) => childrenNamed(v, NS.overrides, "Requirements"))
        .flatMap((r) => childrenNamed(r, NS.bt, "Sets"))[0],
      NS.bt,
    );
    for (const [where, sets, required] of [
      ["base", base, REQUIRED_SETS.base],
      ["VersionOverrides", overrides, REQUIRED_SETS.overrides],
    ] as const) {
      for (const [name, minimum] of Object.entries(required)) {
        const declared = sets.get(name);
        if (declared === undefined) problems.push(`${where} requirements lack ${name}`);
        else if (compareVersions(declared, minimum) < 0)
          problems.push(`${where} requires ${name} ${declared}, needs ${minimum}`);
      }
    }
    for (const [name, version] of base) {
      const stricter = overrides.get(name);
      if (stricter === undefined || compareVersions(stricter, version) < 0) {
        problems.push(
          `VersionOverrides must require at least the base ${name} ${version}, has ${stricter}`,
        );
      }
    }
    return problems;
  },

  "uses icons from assets/ whose size matches their name": (root, env) => {
    const problems: string[] = [];
    const sizeOf = (url: string | undefined): number | undefined => {
      const match = url === undefined ? null : /\/assets\/icon-(\d+)\.png$/.exec(url);
      return match ? Number(match[1]) : undefined;
    };
    for (const { url, where } of urls(root).filter(({ url }) => url.includes("/assets/"))) {
      const name = url.slice(url.lastIndexOf("/") + 1);
      const expected = sizeOf(url);
      const bytes = env.readAsset(name);
      if (!url.startsWith(`${ORIGIN}assets/`) || expected === undefined) {
        problems.push(`${where}: ${url} is not ${ORIGIN}assets/icon-<size>.png`);
      } else if (bytes === undefined) {
        problems.push(`${where}: assets/${name} does not exist`);
      } else {
        try {
          const png = readPng(bytes);
          if (png.width !== expected || png.height !== expected) {
            problems.push(`${where}: assets/${name} is ${png.width}x${png.height}`);
          }
        } catch (error) {
          problems.push(`${where}: assets/${name} is not a valid PNG: ${(error as Error).message}`);
        }
      }
    }
    // <bt:Image size="16" resid=...> in an <Icon> must point at the 16-pixel file, and so on.
    for (const { element, resid } of references(root).filter(
      (r) => r.element.uri === NS.bt && r.element.local === "Image",
    )) {
      const size = Number(attribute(element, "size"));
      const actual = sizeOf(lookup(root, "Images", resid));
      if (actual !== size)
        problems.push(
          `<bt:Image size="${size}" resid="${resid}"> line ${element.line} points at a ${actual}-pixel icon`,
        );
    }
    for (const [local, size] of [
      ["IconUrl", 32],
      ["HighResolutionIconUrl", 64],
    ] as const) {
      const actual = childrenNamed(root, NS.app, local).map((e) =>
        sizeOf(attribute(e, "DefaultValue")),
      );
      if (actual.join() !== String(size))
        problems.push(`${local} must be a ${size}-pixel icon, is [${actual.join(", ")}]`);
    }
    return problems;
  },

  "keeps resource strings within Office's length limits": (root) =>
    resources(root).flatMap((r) => {
      const limit =
        r.kind === "ShortStrings"
          ? MAX_SHORT_STRING
          : r.kind === "LongStrings"
            ? MAX_LONG_STRING
            : Infinity;
      return [r.value, ...r.overrides]
        .filter((s) => s.length > limit)
        .map((s) => `${r.kind} ${r.id} has ${s.length} characters, the limit is ${limit}`);
    }),
} satisfies Record<string, Check>;

type CheckName = keyof typeof CHECKS;

/** Runs one check on manifest text; text that does not parse is itself the problem. */
function run(name: CheckName, xml: string, env: Env = REAL_ENV): string[] {
  let root: XmlElement;
  try {
    root = parseXml(xml);
  } catch (error) {
    return [`not well-formed: ${(error as Error).message}`];
  }
  return CHECKS[name](root, env);
}

/**
 * office-addin-manifest's own reading of a manifest (XML parsed locally, nothing validated
 * online). It runs in a child node process: the package requires ES-module-only dependencies
 * (uuid 14) that jest's CommonJS runtime cannot load, while node itself can (require of ES modules,
 * Node 20.19 and later).
 */
function readWithOfficeTooling(file: string): ManifestInfo {
  const script =
    'require("office-addin-manifest").OfficeAddinManifest.readManifestFile(process.argv[1])' +
    ".then((info) => process.stdout.write(JSON.stringify(info)))";
  return JSON.parse(
    execFileSync(process.execPath, ["-e", script, file], { cwd: ROOT, encoding: "utf8" }),
  ) as ManifestInfo;
}

// ---- The tests ----

describe("manifest.xml", () => {
  it("is well-formed XML", () => {
    expect(() => parseXml(MANIFEST)).not.toThrow();
  });

  it.each(Object.keys(CHECKS) as CheckName[])("%s", (name) => {
    expect(run(name, MANIFEST)).toEqual([]);
  });

  it("reads the same through office-addin-manifest", () => {
    const info = readWithOfficeTooling(MANIFEST_PATH);
    const root = parseXml(MANIFEST);
    expect({
      id: info.id,
      officeAppType: info.officeAppType,
      hosts: info.hosts,
      permissions: info.permissions,
      displayName: info.displayName,
      defaultLocale: info.defaultLocale,
      sourceLocation: info.defaultSettings?.sourceLocation,
    }).toEqual({
      id: childrenNamed(root, NS.app, "Id")[0].text.trim(),
      officeAppType: "TaskPaneApp",
      hosts: ["Workbook"],
      permissions: "ReadWriteDocument",
      displayName: "Återtagande",
      defaultLocale: "sv-SE",
      sourceLocation: `${ORIGIN}taskpane.html`,
    });
  });
});

/** Replaces the first occurrence of `from` (which must occur) in the manifest. */
function edit(from: string | RegExp, to: string): (xml: string) => string {
  return (xml) => xml.replace(from, to);
}

const ICON_32 = REAL_ENV.readAsset("icon-32.png");

interface Breakage {
  check: CheckName;
  change: string;
  mutate?: (xml: string) => string;
  env?: Env;
  problem: RegExp;
}

const BREAKAGES: Breakage[] = [
  {
    check: "is a task pane add-in for Excel workbooks",
    change: "host Document",
    mutate: edit('<Host Name="Workbook"/>', '<Host Name="Document"/>'),
    problem: /base hosts are \[Document\]/,
  },
  {
    check: "is a task pane add-in for Excel workbooks",
    change: "content app",
    mutate: edit('xsi:type="TaskPaneApp"', 'xsi:type="ContentApp"'),
    problem: /xsi:type is ContentApp/,
  },
  {
    check: "has a GUID for its Id",
    change: "Id not a GUID",
    mutate: edit(/<Id>[^<]*<\/Id>/, "<Id>atertag-addin</Id>"),
    problem: /Id is \[atertag-addin\]/,
  },
  {
    check: "has a GUID for its Id",
    change: "a GUID typed by hand",
    mutate: edit(/<Id>[^<]*<\/Id>/, "<Id>12345678-1234-1234-1234-123456789abc</Id>"),
    problem: /not a random \(version 4\) GUID/,
  },
  {
    check: "names the project as its provider",
    change: "a placeholder provider",
    mutate: edit(/<ProviderName>[^<]*<\/ProviderName>/, "<ProviderName>Contoso</ProviderName>"),
    problem: /ProviderName is \[Contoso\]/,
  },
  {
    check: "gives every ribbon icon all sizes, high-DPI included",
    change: "no 40-pixel image on the button",
    mutate: edit(/\s*<bt:Image size="40" resid="Icon.40x40"\/>/, ""),
    problem: /has sizes \[16, 20, 24, 32, 48, 64, 80\]/,
  },
  {
    check: "asks for ReadWriteDocument and nothing more",
    change: "broader permission",
    mutate: edit("<Permissions>ReadWriteDocument<", "<Permissions>ReadAllDocument<"),
    problem: /ReadAllDocument/,
  },
  {
    check: "defines every resid exactly once, in the list its element needs",
    change: "undefined resid",
    mutate: edit('<bt:Url id="Help.Url"', '<bt:Url id="Help.Link"'),
    problem: /resid="Help.Url".*not defined/,
  },
  {
    check: "defines every resid exactly once, in the list its element needs",
    change: "unused resource",
    mutate: edit('<bt:Url id="Help.Url"', '<bt:Url id="Help.Link"'),
    problem: /Help.Link is never used/,
  },
  {
    check: "defines every resid exactly once, in the list its element needs",
    change: "resid defined twice",
    mutate: edit(
      "</bt:Urls>",
      `  <bt:Url id="Help.Url" DefaultValue="${ORIGIN}help.html"/>\n      </bt:Urls>`,
    ),
    problem: /Help.Url is defined 2 times/,
  },
  {
    check: "defines every resid exactly once, in the list its element needs",
    change: "URL element pointing at a string",
    mutate: edit('<LearnMoreUrl resid="Help.Url"/>', '<LearnMoreUrl resid="Group.Label"/>'),
    problem: /needs a Urls resource, found ShortStrings/,
  },
  {
    check: "defines every resid exactly once, in the list its element needs",
    change: "resid over 32 characters",
    mutate: (xml) => xml.split('"Help.Url"').join('"Help.Url.For.The.Getting.Started.Callout"'),
    problem: /longer than 32/,
  },
  {
    check: "maps the custom functions namespace to ATERTAG",
    change: "other namespace",
    mutate: edit('DefaultValue="ATERTAG"', 'DefaultValue="CONTOSO"'),
    problem: /namespace is CONTOSO/,
  },
  {
    check: "maps the custom functions namespace to ATERTAG",
    change: "localised namespace",
    mutate: edit(
      'DefaultValue="ATERTAG"/>',
      'DefaultValue="ATERTAG"><bt:Override Locale="en-US" Value="REPOSSESS"/></bt:String>',
    ),
    problem: /locale overrides \[REPOSSESS\]/,
  },
  {
    check: "serves every URL from https://localhost:3000",
    change: "plain http",
    mutate: edit(
      `"${ORIGIN}help.html"/>\n      </bt:Urls>`,
      `"http://localhost:3000/help.html"/>\n      </bt:Urls>`,
    ),
    problem: /http:\/\/localhost:3000\/help.html is not under/,
  },
  {
    check: "serves every URL from https://localhost:3000",
    change: "other host in text",
    mutate: edit(
      "<Hosts>\n    <Host Name",
      "<AppDomains><AppDomain>https://example.com</AppDomain></AppDomains>\n  <Hosts>\n    <Host Name",
    ),
    problem: /<AppDomain>.*https:\/\/example.com is not under/,
  },
  {
    check: "runs the task pane and the custom functions in one shared runtime",
    change: "short lifetime",
    mutate: edit('lifetime="long"', 'lifetime="short"'),
    problem: /lifetime is short/,
  },
  {
    check: "runs the task pane and the custom functions in one shared runtime",
    change: "runtime on another page",
    mutate: edit('<Runtime resid="Taskpane.Url"', '<Runtime resid="Help.Url"'),
    problem: /custom functions Page uses resid Taskpane.Url, the runtime uses Help.Url/,
  },
  {
    check: "runs the task pane and the custom functions in one shared runtime",
    change: "functions page apart",
    mutate: edit(
      /<Page>\s*<SourceLocation resid="Taskpane.Url"\/>/,
      '<Page><SourceLocation resid="Help.Url"/>',
    ),
    problem: /custom functions Page uses resid Help.Url/,
  },
  {
    check: "runs the task pane and the custom functions in one shared runtime",
    change: "metadata renamed",
    mutate: edit(`${ORIGIN}functions.json`, `${ORIGIN}metadata.json`),
    problem: /Metadata is https:\/\/localhost:3000\/metadata.json/,
  },
  {
    check: "requires SharedRuntime 1.1, CustomFunctionsRuntime 1.3 and ExcelApi",
    change: "CustomFunctionsRuntime 1.2 (ErrorCode.invalidValue is 1.3)",
    mutate: edit(
      '<Set Name="CustomFunctionsRuntime" MinVersion="1.3"/>',
      '<Set Name="CustomFunctionsRuntime" MinVersion="1.2"/>',
    ),
    problem: /base requires CustomFunctionsRuntime 1.2, needs 1.3/,
  },
  {
    check: "requires SharedRuntime 1.1, CustomFunctionsRuntime 1.3 and ExcelApi",
    change: "no SharedRuntime in the overrides",
    mutate: edit(/\s*<bt:Set Name="SharedRuntime" MinVersion="1.1"\/>/, ""),
    problem: /VersionOverrides requirements lack SharedRuntime/,
  },
  {
    check: "requires SharedRuntime 1.1, CustomFunctionsRuntime 1.3 and ExcelApi",
    change: "overrides laxer than base",
    mutate: edit(
      '<Set Name="ExcelApi" MinVersion="1.9"/>',
      '<Set Name="ExcelApi" MinVersion="1.10"/>',
    ),
    problem: /at least the base ExcelApi 1.10, has 1.9/,
  },
  {
    check: "requires SharedRuntime 1.1, CustomFunctionsRuntime 1.3 and ExcelApi",
    change: "base ExcelApi below what src/excel calls",
    mutate: edit(
      '<Set Name="ExcelApi" MinVersion="1.9"/>',
      '<Set Name="ExcelApi" MinVersion="1.4"/>',
    ),
    problem: /base requires ExcelApi 1.4, needs 1.9/,
  },
  {
    check: "uses icons from assets/ whose size matches their name",
    change: "missing file",
    mutate: edit("assets/icon-80.png", "assets/icon-81.png"),
    problem: /assets\/icon-81.png does not exist/,
  },
  {
    check: "uses icons from assets/ whose size matches their name",
    change: "file of the wrong size",
    env: { readAsset: (name) => (name === "icon-16.png" ? ICON_32 : REAL_ENV.readAsset(name)) },
    problem: /assets\/icon-16.png is 32x32/,
  },
  {
    check: "uses icons from assets/ whose size matches their name",
    change: "corrupt file",
    env: {
      readAsset: (name) =>
        name === "icon-64.png" ? Buffer.from("not a png") : REAL_ENV.readAsset(name),
    },
    problem: /icon-64.png is not a valid PNG/,
  },
  {
    check: "uses icons from assets/ whose size matches their name",
    change: "16-pixel slot, 32-pixel icon",
    mutate: edit(
      '<bt:Image size="16" resid="Icon.16x16"/>',
      '<bt:Image size="16" resid="Icon.32x32"/>',
    ),
    problem: /size="16" resid="Icon.32x32".*32-pixel/,
  },
  {
    check: "uses icons from assets/ whose size matches their name",
    change: "IconUrl at 64 pixels",
    mutate: edit(
      '<IconUrl DefaultValue="https://localhost:3000/assets/icon-32.png"/>',
      '<IconUrl DefaultValue="https://localhost:3000/assets/icon-64.png"/>',
    ),
    problem: /IconUrl must be a 32-pixel icon/,
  },
  {
    check: "keeps resource strings within Office's length limits",
    change: "long tooltip",
    mutate: edit(
      /(<bt:String id="TaskpaneButton.Tooltip" DefaultValue=")/,
      `$1${"x".repeat(MAX_LONG_STRING)}`,
    ),
    problem: /LongStrings TaskpaneButton.Tooltip has \d+ characters, the limit is 250/,
  },
  {
    check: "keeps resource strings within Office's length limits",
    change: "long label",
    mutate: edit(
      /(<bt:String id="Group.Label" DefaultValue=")/,
      `$1${"x".repeat(MAX_SHORT_STRING)}`,
    ),
    problem: /ShortStrings Group.Label has \d+ characters, the limit is 125/,
  },
];

describe("each check notices a broken manifest", () => {
  it("covers every check", () => {
    const covered = new Set(BREAKAGES.map((b) => b.check));
    expect(Object.keys(CHECKS).filter((name) => !covered.has(name as CheckName))).toEqual([]);
  });

  it.each(BREAKAGES)("$check: $change", ({ check, mutate, env, problem }) => {
    const xml = mutate ? mutate(MANIFEST) : MANIFEST;
    if (mutate) expect(xml).not.toEqual(MANIFEST); // the edit found its target
    expect(() => parseXml(xml)).not.toThrow(); // so the check itself, not the parser, must object
    expect(run(check, xml, env)).toEqual(expect.arrayContaining([expect.stringMatching(problem)]));
  });
});

describe("parseXml rejects what is not well-formed", () => {
  it.each([
    ["mismatched end tag", "<a><b></a></b>", /<\/a> closes <b>/],
    ["unclosed element", "<a><b/>", /<a> is never closed/],
    ["duplicate attribute", '<a x="1" x="2"/>', /duplicate attribute x/],
    [
      "duplicate expanded attribute",
      '<a xmlns:p="urn:u" xmlns:q="urn:u" p:x="1" q:x="2"/>',
      /duplicate attribute \{urn:u\}x/,
    ],
    ["unquoted attribute", "<a x=1/>", /must be quoted/],
    ["undefined entity", "<a>&nbsp;</a>", /undefined entity &nbsp;/],
    ["bare ampersand", "<a>fish & chips</a>", /must start a reference/],
    ["bad character reference", "<a>&#0;</a>", /not an XML character/],
    ["unbound prefix", "<bt:a/>", /prefix bt is not declared/],
    ["two root elements", "<a/><b/>", /only one root element/],
    ["text after the root", "<a/>x", /text after the root/],
    ["double hyphen in a comment", "<a><!-- a -- b --></a>", /"--" is not allowed/],
    ["late XML declaration", '<a/>\n<?xml version="1.0"?>', /XML declaration must come first/],
    ["DOCTYPE", "<!DOCTYPE a><a/>", /DOCTYPE is not allowed/],
    ["control character", "<a>\u0001</a>", /U\+1 is not allowed/],
  ])("%s", (_, xml, message) => {
    expect(() => parseXml(xml)).toThrow(message);
  });

  it("rejects manifest.xml with an end tag missing", () => {
    expect(() => parseXml(MANIFEST.replace("</bt:Urls>", ""))).toThrow(/closes <bt:Urls>/);
  });

  it("accepts and resolves namespaces, references, CDATA and comments", () => {
    const root = parseXml(
      '<?xml version="1.0" encoding="UTF-8"?>\n<!-- c --><r xmlns="urn:r" xmlns:p="urn:p" p:a="&lt;&#65;&#x42;"><p:c><![CDATA[<x>]]>&amp;</p:c></r>',
    );
    expect({
      uri: root.uri,
      child: root.children[0].uri,
      local: root.children[0].local,
      text: root.children[0].text,
    }).toEqual({
      uri: "urn:r",
      child: "urn:p",
      local: "c",
      text: "<x>&",
    });
    expect(attribute(root, "a", "urn:p")).toBe("<AB");
  });
});

describe("readPng rejects broken files", () => {
  const good = ICON_32 as Buffer;
  const flip = (at: number) => {
    const copy = Buffer.from(good);
    copy[at] ^= 0xff;
    return copy;
  };
  it("reads a committed icon", () => {
    expect(readPng(good)).toEqual({ width: 32, height: 32, bitDepth: 8, colourType: 6 });
  });
  it.each([
    ["bad signature", () => flip(1), /signature/],
    ["bad CRC", () => flip(20), /bad CRC in chunk IHDR/],
    ["truncated", () => good.subarray(0, good.length - 20), /overruns|truncated/],
  ])("%s", (_, bytes, message) => {
    expect(() => readPng(bytes())).toThrow(message);
  });
});
