// A small static file server for built pages: the preview over plain http (no certificate warning),
// `npm run serve:dist`, and the end-to-end tests. Binds to localhost only.
import { createReadStream, statSync } from "node:fs";
import { createServer } from "node:http";
import { extname, join, normalize, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".png": "image/png",
  ".css": "text/css; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
};

/** Resolves a URL path inside one of the mounted folders, refusing anything that escapes it. */
function locate(mounts, urlPath) {
  const path = decodeURIComponent(urlPath.split("?")[0] ?? "/");
  for (const [prefix, dir] of mounts) {
    if (!path.startsWith(prefix)) continue;
    const rel = path.slice(prefix.length) || "index.html";
    const full = resolve(dir, normalize(rel).replace(/^(\.\.(\/|\\|$))+/, ""));
    if (!full.startsWith(resolve(dir))) return undefined;
    try {
      if (statSync(full).isFile()) return full;
    } catch {
      // Not in this mount: try the next one.
    }
  }
  return undefined;
}

/**
 * Serves `dir` (default dist/) on http://localhost:PORT (0 = any free port).
 * @returns {Promise<{ url: string, close: () => Promise<void> }>}
 */
export function serveStatic({ dir = join(root, "dist"), port = 0, host = "localhost" } = {}) {
  const mounts = [["/", dir]];
  const server = createServer((req, res) => {
    const file = locate(mounts, req.url ?? "/");
    if (!file) {
      res.writeHead(404, { "content-type": "text/plain" }).end("Not found");
      return;
    }
    res.writeHead(200, {
      "content-type": TYPES[extname(file)] ?? "application/octet-stream",
      "cache-control": "no-store",
    });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolvePromise, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      const address = server.address();
      const actual = typeof address === "object" && address ? address.port : port;
      resolvePromise({
        url: `http://${host}:${actual}`,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  const port = Number(process.env.PORT ?? 3001);
  const { url } = await serveStatic({ port });
  console.log(
    `Serving dist/ on ${url}  (preview: ${url}/preview.html, manifest: ${url}/manifest.xml)`,
  );
}
