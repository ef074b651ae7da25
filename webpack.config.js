/**
 * Webpack configuration for the add-in, after the Office Yeoman templates (Office-Addin-TaskPane
 * and "Excel Custom Functions using a Shared Runtime").
 *
 * One page, dist/taskpane.html, loads both bundles: the task pane and the custom functions share
 * one JavaScript runtime (manifest.xml: <Runtime resid="Taskpane.Url">). The page lists only
 * taskpane.js (HtmlWebpackPlugin `inject: false`); that script adds office.js and then functions.js
 * when, and only when, the page runs inside Office: see src/taskpane/boot.ts and taskpane.html.
 * The `functions` entry starts with src/functions/runtimeGuard.ts, which stands in an inert
 * `CustomFunctions` when office.js did not load, so the appended `associate` calls do not throw.
 * ExcelJS (the .xlsx download) is a separate chunk, loaded on first use; its browser build
 * (package.json "browser": dist/exceljs.min.js) is self-contained and runs without eval under the
 * page's Content-Security-Policy (test/taskpane.browser.test.ts downloads a file to prove it).
 * CustomFunctionsMetadataPlugin writes dist/functions.json from the JSDoc and TypeScript types in
 * src/functions/functions.ts, and appends `CustomFunctions.associate(id, fn)` for each
 * @customfunction to that file's source as webpack loads it. {@link HelpPagesPlugin} writes the help
 * pages, help.html (its function reference from that functions.json) and conventions.html.
 *
 * `npm run build` works offline: the dev-server certificates are only requested by `webpack serve`.
 *
 * Deployment: `npm run build -- --env url=https://their.host/path/` writes a dist/ in which every
 * address of the dev server (https://localhost:3000/) names that URL instead: the manifest, the help
 * links in functions.json, the pages and the source maps ({@link DeploymentUrlPlugin}). Without
 * `--env url` the build points at the dev server, for sideloading during development.
 */
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const MinimizerPlugin = require("minimizer-webpack-plugin");
const { helpPages, helpSources } = require("./scripts/helpPages");

const DEV_SERVER_PORT = 3000; // every URL in manifest.xml is https://localhost:3000/...
const DEV_ORIGIN = `https://localhost:${DEV_SERVER_PORT}/`;
const FUNCTIONS_SOURCE = path.resolve(__dirname, "src/functions/functions.ts");

/**
 * The URL the add-in is served from: `--env url=…` (https, the folder holding taskpane.html, with
 * or without the final "/"), else the dev server. Office loads add-ins only over https.
 */
function deploymentUrl(env) {
  if (env.url === undefined || env.url === true) return DEV_ORIGIN;
  let url;
  try {
    url = new URL(String(env.url));
  } catch {
    throw new Error(`--env url=${env.url}: not a URL; expected e.g. https://their.host/path/`);
  }
  if (url.protocol !== "https:")
    throw new Error(`--env url=${env.url}: Office loads add-ins only over https`);
  if (url.search !== "" || url.hash !== "")
    throw new Error(`--env url=${env.url}: a folder URL has no ?query or #fragment`);
  return url.href.endsWith("/") ? url.href : `${url.href}/`;
}

/**
 * The add-in id of a deployment: a name-based UUID (RFC 4122 version 5, SHA-1) of the deployment URL
 * in the namespace of manifest.xml's own (development) id. Office tells add-ins apart by this id, so a
 * deployed build must not share the dev manifest's id (sideloading both would collide), and every
 * build for the same URL must keep the same id (each release replaces the last).
 */
function deploymentId(devId, url) {
  const hex = devId.replace(/-/g, "");
  const hash = require("crypto")
    .createHash("sha1")
    .update(Buffer.concat([Buffer.from(hex, "hex"), Buffer.from(url, "utf8")]))
    .digest();
  hash[6] = (hash[6] & 0x0f) | 0x50; // version 5
  hash[8] = (hash[8] & 0x3f) | 0x80; // RFC 4122 variant
  const h = hash.subarray(0, 16).toString("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** manifest.xml's text with its add-in id replaced by the deployment's ({@link deploymentId}). */
function withDeploymentId(manifest, url) {
  return manifest.replace(
    /<Id>([0-9a-fA-F-]{36})<\/Id>/,
    (_, devId) => `<Id>${deploymentId(devId, url)}</Id>`,
  );
}

/**
 * Rewrites the dev server's address to the deployment URL in every emitted text asset that names it
 * (manifest.xml, functions.json's help URLs from the @helpurl tags, the pages, the source maps), and
 * gives the deployed manifest its own id ({@link deploymentId}).
 * Scripts are left alone: no code names the dev server.
 */
class DeploymentUrlPlugin {
  constructor(url) {
    this.url = url;
  }

  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap("DeploymentUrlPlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "DeploymentUrlPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_REPORT },
        (assets) => {
          if (this.url === DEV_ORIGIN) return;
          for (const name of Object.keys(assets).filter((n) => /\.(xml|json|html|map)$/.test(n))) {
            const text = assets[name].source().toString();
            let deployed = text.split(DEV_ORIGIN).join(this.url);
            if (name === "manifest.xml") deployed = withDeploymentId(deployed, this.url);
            if (deployed !== text) compilation.updateAsset(name, new sources.RawSource(deployed));
          }
        },
      );
    });
  }
}

/**
 * Emits help.html and conventions.html (scripts/helpPages.js): the function reference is made from
 * the functions.json this very build emits, so the page and what Excel shows never differ. Runs
 * before {@link DeploymentUrlPlugin}; the pages' sources are watched, so the dev server rebuilds
 * them when the template or docs/conventions.md changes.
 */
class HelpPagesPlugin {
  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap("HelpPagesPlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "HelpPagesPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        (assets) => {
          for (const file of helpSources()) compilation.fileDependencies.add(file);
          // Missing only when the metadata failed, which CustomFunctionsMetadataPlugin reports.
          if (!assets["functions.json"]) return;
          const metadata = JSON.parse(assets["functions.json"].source().toString());
          for (const [name, html] of Object.entries(helpPages(metadata)))
            compilation.emitAsset(name, new sources.RawSource(html));
        },
      );
    });
  }
}

/**
 * The functions' metadata as the add-in ships it: the generator's JSON with
 * `allowCustomDataForDataTypeAny` false. custom-functions-metadata writes it as true for every
 * add-in (no tag or option turns it off, generate.js); with it, Excel passes data-type values
 * (entity cards, linked data types: "Custom functions and data types", CustomFunctionsRuntime 1.4)
 * to parameters typed `any`, which src/functions/coerce.ts does not handle. Off, such a cell arrives
 * as its plain value, as on hosts before 1.4.
 */
function shippedFunctionsMetadata(json) {
  const metadata = JSON.parse(json);
  return JSON.stringify({ ...metadata, allowCustomDataForDataTypeAny: false }, null, 4);
}

/** Applies {@link shippedFunctionsMetadata} to the emitted functions.json. */
class FunctionsMetadataPlugin {
  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap("FunctionsMetadataPlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "FunctionsMetadataPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONS },
        (assets) => {
          const asset = assets["functions.json"];
          if (asset === undefined) return;
          const json = shippedFunctionsMetadata(asset.source().toString());
          compilation.updateAsset("functions.json", new sources.RawSource(json));
        },
      );
    });
  }
}

/** Dev-server https options: office-addin-dev-certs creates and trusts a localhost certificate. */
async function httpsServerOptions() {
  const devCerts = require("office-addin-dev-certs");
  return devCerts.getHttpsServerOptions();
}

module.exports = async (env = {}) => {
  const serving = Boolean(env.WEBPACK_SERVE);
  const url = deploymentUrl(env);
  return {
    context: __dirname,
    // Not an eval-based devtool: the task pane's Content-Security-Policy has no 'unsafe-eval'.
    devtool: "source-map",
    entry: {
      taskpane: "./src/taskpane/taskpane.ts",
      functions: ["./src/functions/runtimeGuard.ts", FUNCTIONS_SOURCE],
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      // Fixed names: manifest.xml points at functions.js and functions.json.
      filename: "[name].js",
      // Chunks loaded on demand (ExcelJS): content-hashed, so a cached old copy is never used.
      chunkFilename: "[name].[contenthash:8].js",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".js"],
    },
    optimization: {
      // One lazy chunk for the .xlsx export (ExcelJS with its writer), not a separate vendor chunk.
      splitChunks: false,
      // That chunk is ExcelJS's own minified browser build; minifying it again takes ~30 s and saves
      // nothing, so the minimizer (webpack's default: terser, two passes) skips it.
      minimizer: [
        new MinimizerPlugin({
          test: /\.js$/,
          exclude: /^xlsx\./,
          minify: MinimizerPlugin.terserMinify,
          minimizerOptions: { compress: { passes: 2 } },
        }),
      ],
    },
    performance: {
      // ExcelJS alone is ~1 MB minified; it is loaded only when a file is built, never at start-up.
      assetFilter: (file) => file.endsWith(".js") && !file.startsWith("xlsx."),
    },
    module: {
      // Pre-built and self-contained (browserify): nothing in it for webpack to resolve.
      noParse: /exceljs[\\/]dist[\\/]exceljs(\.bare)?(\.min)?\.js$/,
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            // Type checking is `npm run typecheck`; ES modules let webpack drop unused engine code.
            options: { transpileOnly: true, compilerOptions: { module: "es2020" } },
          },
        },
      ],
    },
    plugins: [
      new CustomFunctionsMetadataPlugin({
        output: "functions.json",
        input: FUNCTIONS_SOURCE,
      }),
      new FunctionsMetadataPlugin(),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        // The template lists taskpane.js itself; taskpane.js adds office.js and functions.js in Office.
        inject: false,
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "manifest.xml", to: "[name][ext]" },
          { from: "src/help/help.css", to: "help.css" },
          { from: "src/taskpane/taskpane.css", to: "taskpane.css" },
        ],
      }),
      new HelpPagesPlugin(),
      new DeploymentUrlPlugin(url),
    ],
    devServer: serving
      ? {
          port: DEV_SERVER_PORT,
          server: { type: "https", options: await httpsServerOptions() },
          // Excel on the web fetches functions.json from its own origin.
          headers: { "Access-Control-Allow-Origin": "*" },
        }
      : undefined,
  };
};

// For test/deployment.test.ts.
module.exports.deploymentId = deploymentId;
module.exports.shippedFunctionsMetadata = shippedFunctionsMetadata;
