// Builds the add-in (task pane + custom functions sharing one runtime) and the preview host.
// `webpack --mode production` is what ships; ADDIN_BASE_URL sets the origin written into the manifest.
import CustomFunctionsMetadataPlugin from "custom-functions-metadata-plugin";
import CopyWebpackPlugin from "copy-webpack-plugin";
import HtmlWebpackPlugin from "html-webpack-plugin";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL(".", import.meta.url));
const DEV_ORIGIN = "https://localhost:3000";
const OFFICE_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

/** Content-Security-Policy for a page: our own origin, plus Microsoft's office.js CDN inside Office. */
function csp({ officeCdn }) {
  const scripts = ["'self'", ...(officeCdn ? ["https://appsforoffice.microsoft.com"] : [])];
  return [
    "default-src 'self'",
    `script-src ${scripts.join(" ")}`,
    // Fluent UI (Griffel) injects its atomic CSS at run time.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    `connect-src 'self'${officeCdn ? " https://appsforoffice.microsoft.com" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
  ].join("; ");
}

export default (env, argv) => {
  const production = argv.mode === "production";
  const baseUrl = (process.env.ADDIN_BASE_URL ?? DEV_ORIGIN).replace(/\/$/, "");
  if (production && process.env.ADDIN_BASE_URL === undefined) {
    // A production manifest that points at a developer's machine installs nowhere: say so loudly.
    console.warn(
      [
        "",
        "!!! ===================================================================== !!!",
        `!!! ADDIN_BASE_URL is not set: dist/manifest.xml points at ${DEV_ORIGIN}.`,
        "!!! That is right for a local check, wrong for anything you deploy:",
        "!!!   ADDIN_BASE_URL=https://your.host npm run build",
        "!!! ===================================================================== !!!",
        "",
      ].join("\n"),
    );
  }
  return {
    devtool: production ? false : "source-map",
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      functions: "./src/functions/functions.ts",
      preview: "./src/preview/index.tsx",
    },
    output: {
      path: `${root}dist`,
      filename: "[name].js",
      clean: true,
      publicPath: "auto",
    },
    resolve: { extensions: [".ts", ".tsx", ".js", ".json"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: "ts-loader", options: { transpileOnly: true } },
        },
      ],
    },
    optimization: {
      // Pane and functions share one runtime chunk, so they share one engine instance, and one
      // "card" chunk (engine, rate card, functions core), so the page downloads it once.
      runtimeChunk: "single",
      splitChunks: {
        cacheGroups: {
          card: {
            name: "card",
            test: /[\\/]src[\\/](engine|data|functions)[\\/]/,
            chunks: (chunk) => chunk.name === "taskpane" || chunk.name === "functions",
            enforce: true,
          },
        },
      },
    },
    performance: { hints: false },
    plugins: [
      new CustomFunctionsMetadataPlugin({
        output: "functions.json",
        input: "./src/functions/functions.ts",
      }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["runtime", "card", "taskpane", "functions"],
        templateParameters: { officeJs: OFFICE_CDN, csp: csp({ officeCdn: true }) },
      }),
      new HtmlWebpackPlugin({
        filename: "preview.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["runtime", "preview"],
        // No office.js: the preview needs no host, and office.js outside Office reaches for
        // Microsoft's telemetry (blocked by the CSP, but a request the preview must not make).
        templateParameters: { officeJs: "", csp: csp({ officeCdn: false }) },
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "[path][name][ext]" },
          { from: "src/help.html", to: "help.html" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => content.toString().replaceAll(DEV_ORIGIN, baseUrl),
          },
        ],
      }),
    ],
  };
};
