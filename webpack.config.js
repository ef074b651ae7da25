/**
 * Webpack configuration for the add-in, after the Office Yeoman templates (Office-Addin-TaskPane
 * and "Excel Custom Functions using a Shared Runtime").
 *
 * One page, dist/taskpane.html, loads both bundles: the task pane and the custom functions share
 * one JavaScript runtime (manifest.xml: <Runtime resid="Taskpane.Url">).
 * CustomFunctionsMetadataPlugin writes dist/functions.json from the JSDoc and TypeScript types in
 * src/functions/functions.ts, and appends `CustomFunctions.associate(id, fn)` for each
 * @customfunction to that file's source as webpack loads it.
 *
 * `npm run build` works offline: the dev-server certificates are only requested by `webpack serve`.
 */
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");

const DEV_SERVER_PORT = 3000; // every URL in manifest.xml is https://localhost:3000/...
const FUNCTIONS_SOURCE = path.resolve(__dirname, "src/functions/functions.ts");

/** Dev-server https options: office-addin-dev-certs creates and trusts a localhost certificate. */
async function httpsServerOptions() {
  const devCerts = require("office-addin-dev-certs");
  return devCerts.getHttpsServerOptions();
}

module.exports = async (env) => {
  const serving = Boolean(env.WEBPACK_SERVE);
  return {
    context: __dirname,
    // Not an eval-based devtool: the task pane's Content-Security-Policy has no 'unsafe-eval'.
    devtool: "source-map",
    entry: {
      taskpane: "./src/taskpane/taskpane.ts",
      functions: FUNCTIONS_SOURCE,
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      // Fixed names: manifest.xml points at functions.js and functions.json.
      filename: "[name].js",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".js"],
    },
    module: {
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
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane", "functions"],
        // Deferred, at the end of <head>: after the (deferred) office.js tag, so they run after it.
        inject: "head",
        scriptLoading: "defer",
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "manifest.xml", to: "[name][ext]" },
          { from: "src/help/help.html", to: "help.html" },
        ],
      }),
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
