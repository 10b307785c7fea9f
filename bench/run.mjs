// `npm run bench`: bundles bench/bench.ts with esbuild (so the engine runs as it ships, in one module
// scope), runs it, then adds the production bundle sizes and the task pane's first render in headless
// Chromium. Prints one JSON report on stdout; progress goes to stderr.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, readdirSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { measureFirstRender } from "./firstRender.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const log = (text) => process.stderr.write(`${text}\n`);
mkdirSync(`${root}.tmp`, { recursive: true });

await build({
  entryPoints: [`${root}bench/bench.ts`],
  bundle: true,
  platform: "node",
  format: "esm",
  outfile: `${root}.tmp/bench.mjs`,
  logLevel: "warning",
  banner: {
    js: "import { createRequire } from 'module'; const require = createRequire(import.meta.url);",
  },
});
const run = spawnSync(process.execPath, ["--expose-gc", `${root}.tmp/bench.mjs`], {
  encoding: "utf8",
  stdio: ["ignore", "pipe", "inherit"],
});
if (run.status !== 0) process.exit(run.status ?? 1);
const report = JSON.parse(run.stdout);

log("production build…");
const dist = `${root}.tmp/bench-dist`;
const webpack = spawnSync("npx", ["webpack", "--mode", "production", "--output-path", dist], {
  cwd: root,
  encoding: "utf8",
  stdio: ["ignore", "ignore", "inherit"],
});
if (webpack.status !== 0) process.exit(webpack.status ?? 1);

/** Gzipped bytes of the local scripts an HTML page loads. */
function pageGzipBytes(page) {
  const html = readFileSync(`${dist}/${page}`, "utf8");
  const scripts = [...html.matchAll(/<script[^>]*\ssrc="?([^"\s>]+)"?/g)]
    .map((m) => m[1])
    .filter((s) => !s.startsWith("http"));
  return scripts.reduce(
    (n, s) => n + gzipSync(readFileSync(`${dist}/${s.replace(/^\.?\//, "")}`)).length,
    0,
  );
}
const js = readdirSync(dist).filter((f) => f.endsWith(".js"));
const gz = (file) => (js.includes(file) ? gzipSync(readFileSync(`${dist}/${file}`)).length : 0);
// Each bundle counts every chunk it needs to run: the webpack runtime and the shared card chunk
// (engine, rate card, functions core), which the page loads once for both.
report.bundle = {
  functionsGzipBytes: gz("runtime.js") + gz("card.js") + gz("functions.js"),
  taskpaneGzipBytes: gz("runtime.js") + gz("card.js") + gz("taskpane.js"),
  sharedCardChunkGzipBytes: gz("card.js"),
  taskpanePageGzipBytes: pageGzipBytes("taskpane.html"),
};

const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (existsSync(chromium)) {
  log("first render in headless Chromium…");
  report.taskpaneFirstRenderMs = await measureFirstRender({ dist, chromium, runs: 5 });
} else {
  log(`taskpaneFirstRenderMs skipped: no Chromium at ${chromium}`);
  report.taskpaneFirstRenderMs = null;
}
process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
