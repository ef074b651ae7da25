/**
 * The production build for a deployment URL (issue 10 item 7): `npm run build -- --env
 * url=https://their.host/path/` must give a dist/ that names that host everywhere and nothing on the
 * dev server, ready to copy to a web server or a SharePoint app catalog. The build is the shared one
 * of test/support/build.ts (made for SAMPLE_URL, once per run).
 */
import * as fs from "fs";
import * as path from "path";
import { SAMPLE_URL, filesIn, productionBuild } from "./support/build";
import { descendants, parseXml } from "./support/xml";

const ROOT = path.resolve(__dirname, "..");
const DEV_ORIGIN = "https://localhost:3000/";

let dist: string;
beforeAll(async () => {
  dist = await productionBuild();
}, 300_000);

// webpack.config.js: the add-in id it gives a deployed manifest.
const { deploymentId } = require("../webpack.config.js") as {
  deploymentId: (devId: string, url: string) => string;
};

const read = (name: string) => fs.readFileSync(path.join(dist, name), "utf8");

/** Every absolute URL in a manifest's attributes and texts. */
function manifestUrls(xml: string): string[] {
  const isUrl = (s: string) => /^[a-z][a-z0-9+.-]*:\/\//i.test(s);
  return descendants(parseXml(xml)).flatMap((e) => [
    ...e.attributes
      .filter((a) => a.qname !== "xmlns" && !a.qname.startsWith("xmlns:") && isUrl(a.value))
      .map((a) => a.value),
    ...(isUrl(e.text.trim()) ? [e.text.trim()] : []),
  ]);
}

describe(`dist/ built with --env url=${SAMPLE_URL}`, () => {
  test("holds the manifest, the functions' metadata, the pages, scripts, styles and icons", () => {
    const files = filesIn(dist);
    for (const name of [
      "manifest.xml",
      "functions.json",
      "functions.js",
      "taskpane.html",
      "taskpane.js",
      "taskpane.css",
      "help.html",
      "conventions.html",
      "help.css",
    ])
      expect(files).toContain(name);
  });

  test("no file names localhost (the dev server) anywhere, source maps included", () => {
    const naming = filesIn(dist).filter((name) =>
      fs.readFileSync(path.join(dist, name)).toString("latin1").includes("localhost"),
    );
    expect(naming).toEqual([]);
  });

  test("manifest.xml is the repository's with the deployment URL in place of the dev server's", () => {
    const source = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
    const deployed = read("manifest.xml");
    const devId = /<Id>([^<]+)<\/Id>/.exec(source)![1];
    const ownId = deploymentId(devId, SAMPLE_URL);
    expect(deployed).toBe(
      source.split(DEV_ORIGIN).join(SAMPLE_URL).replace(`<Id>${devId}</Id>`, `<Id>${ownId}</Id>`),
    );
    const urls = manifestUrls(deployed);
    expect(urls.length).toBe(manifestUrls(source).length);
    expect(urls.filter((url) => !url.startsWith(SAMPLE_URL))).toEqual([]);
  });

  test("every file the manifest points at is in dist/", () => {
    const missing = manifestUrls(read("manifest.xml"))
      .map((url) => url.slice(SAMPLE_URL.length).replace(/#.*$/, ""))
      .filter((file) => !fs.existsSync(path.join(dist, file)));
    expect(missing).toEqual([]);
  });

  test("functions.json: data-type values for `any` parameters turned off (issue 20 point 3)", () => {
    const metadata = JSON.parse(read("functions.json")) as Record<string, unknown>;
    expect(metadata.allowCustomDataForDataTypeAny).toBe(false);
  });

  test("functions.json: each function's help link is help.html#ID on the deployment URL", () => {
    const metadata = JSON.parse(read("functions.json")) as {
      functions: { id: string; helpUrl?: string }[];
    };
    expect(metadata.functions.length).toBeGreaterThan(0);
    const help = read("help.html");
    for (const fn of metadata.functions) {
      expect([fn.id, fn.helpUrl]).toEqual([fn.id, `${SAMPLE_URL}help.html#${fn.id}`]);
      expect([fn.id, help.includes(`id="${fn.id}"`)]).toEqual([fn.id, true]);
    }
  });

  test("the pages load their scripts and styles relative to themselves", () => {
    const html = read("taskpane.html");
    const local = [...html.matchAll(/\b(?:src|href)="([^"]+)"/g)]
      .map((m) => m[1])
      .filter((ref) => !ref.startsWith("https://appsforoffice.microsoft.com/"));
    expect(local.filter((ref) => /^[a-z]+:|^\//i.test(ref))).toEqual([]);
    for (const ref of local)
      expect([ref, fs.existsSync(path.join(dist, ref))]).toEqual([ref, true]);
  });
});

describe("the deployed manifest's add-in id", () => {
  test("is RFC 4122's name-based (version 5) UUID: the published DNS-namespace example", () => {
    // Python's uuid.uuid5(uuid.NAMESPACE_DNS, "www.example.com"), the usual reference value.
    expect(deploymentId("6ba7b810-9dad-11d1-80b4-00c04fd430c8", "www.example.com")).toBe(
      "2ed6657d-e927-568b-95e1-2665a8aea6a2",
    );
  });

  test("differs from the dev manifest's and between URLs, and is the same on every build", () => {
    const devId = /<Id>([^<]+)<\/Id>/.exec(
      fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8"),
    )![1];
    const ids = [SAMPLE_URL, "https://other.example.se/atertag/", SAMPLE_URL].map((url) =>
      deploymentId(devId, url),
    );
    expect(new Set([devId, ...ids]).size).toBe(3);
    expect(ids[0]).toBe(ids[2]);
    expect(ids[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe("the build's --env url", () => {
  // webpack.config.js exports an async function of webpack's env; called here without building.
  const config = require("../webpack.config.js") as (env: Record<string, unknown>) => Promise<{
    plugins: { constructor: { name: string }; url?: string }[];
  }>;
  const urlOf = async (env: Record<string, unknown>) =>
    (await config(env)).plugins.find((p) => p.constructor.name === "DeploymentUrlPlugin")?.url;

  test.each`
    given                                | used
    ${undefined}                         | ${DEV_ORIGIN}
    ${"https://their.host/path/"}        | ${"https://their.host/path/"}
    ${"https://their.host/path"}         | ${"https://their.host/path/"}
    ${"https://contoso.sharepoint.com/"} | ${"https://contoso.sharepoint.com/"}
  `("url=$given → $used", async ({ given, used }) => {
    await expect(urlOf(given === undefined ? {} : { url: given })).resolves.toBe(used);
  });

  test.each`
    given                        | reason
    ${"http://their.host/path/"} | ${/only over https/}
    ${"their.host/path"}         | ${/not a URL/}
    ${"https://h/p/?x=1"}        | ${/no \?query or #fragment/}
  `("refuses url=$given, naming it", async ({ given, reason }) => {
    await expect(urlOf({ url: given })).rejects.toThrow(reason);
    await expect(urlOf({ url: given })).rejects.toThrow(given);
  });
});
