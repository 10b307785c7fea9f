// `npm start`: builds in development mode and serves the add-in on https://localhost:3000 (Office's
// dev certificate where installed, otherwise webpack-dev-server's own self-signed one), and the
// preview over plain http on http://localhost:3001/preview.html, which needs no certificate.
import { existsSync, readFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import webpack from "webpack";
import WebpackDevServer from "webpack-dev-server";
import makeConfig from "../webpack.config.js";
import { serveStatic } from "./serve.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const ADDIN_PORT = Number(process.env.ADDIN_PORT ?? 3000);
const PREVIEW_PORT = Number(process.env.PREVIEW_PORT ?? 3001);

function httpsOptions() {
  const dir = join(homedir(), ".office-addin-dev-certs");
  const files = { key: "localhost.key", cert: "localhost.crt", ca: "ca.crt" };
  if (Object.values(files).every((f) => existsSync(join(dir, f)))) {
    const read = (f) => readFileSync(join(dir, f));
    return {
      type: "https",
      options: { key: read(files.key), cert: read(files.cert), ca: read(files.ca) },
      office: true,
    };
  }
  return { type: "https", office: false };
}

const config = makeConfig({}, { mode: "development" });
const { office, ...server } = httpsOptions();
const compiler = webpack({ ...config, mode: "development" });
const devServer = new WebpackDevServer(
  {
    host: "localhost",
    port: ADDIN_PORT,
    server,
    hot: false,
    liveReload: true,
    headers: { "Access-Control-Allow-Origin": "*" },
    devMiddleware: { writeToDisk: true },
    client: { overlay: { warnings: false, errors: true } },
  },
  compiler,
);
const firstBuild = new Promise((resolve) => compiler.hooks.done.tap("crewrate-start", resolve));
await devServer.start();
const stats = await firstBuild;
if (stats.hasErrors())
  console.error("The first build has errors (see above); the pages may not load.");
const preview = await serveStatic({ port: PREVIEW_PORT });

console.log(`
CrewRate is running.

  Preview (no Excel needed):  ${preview.url}/preview.html
  Add-in (for Excel):         https://localhost:${ADDIN_PORT}/taskpane.html
  Functions metadata:         https://localhost:${ADDIN_PORT}/functions.json
  Manifest:                   ${join(root, "manifest.xml")}
  Certificate:                ${office ? "Office dev certificate (~/.office-addin-dev-certs)" : "webpack-dev-server's self-signed certificate (Excel will not trust it: run `npx office-addin-dev-certs install` on Windows/Mac first)"}

To load it in Excel:
  Windows/Mac desktop:  npm run start:desktop
  Excel on the web:     npm run start:web -- --document <workbook URL>
  By hand:              Excel → Home → Add-ins → More Settings → Upload My Add-in → manifest.xml

Press Ctrl+C to stop.`);

const stop = async () => {
  await Promise.all([devServer.stop(), preview.close()]);
  process.exit(0);
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
