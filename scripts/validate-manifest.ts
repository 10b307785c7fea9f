/**
 * `npm run validate [-- path] [--base-url=URL]`: checks manifest.xml (or path) offline against our
 * structural rules and Microsoft's XSDs (scripts/manifest/). The base URL defaults to
 * ADDIN_BASE_URL, else the dev origin:
 *   ADDIN_BASE_URL=https://crewrate.example npm run validate -- dist/manifest.xml
 */
import { readFileSync } from "node:fs";
import { basename, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { DEV_BASE_URL, findXsdDir, MAIN_XSD, validateManifest, XSD_DIR } from "./manifest";

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({ options: { "base-url": { type: "string" } }, allowPositionals: true });
  } catch (e) {
    console.error(`validate-manifest: ${e instanceof Error ? e.message : String(e)}`);
    return 2;
  }
  const { values, positionals } = args;
  const baseUrl = values["base-url"] ?? process.env.ADDIN_BASE_URL;
  const file = resolve(
    positionals[0] ?? fileURLToPath(new URL("../manifest.xml", import.meta.url)),
  );
  const shown = relative(process.cwd(), file) || file;
  let xmlText: string;
  try {
    xmlText = readFileSync(file, "utf8");
  } catch (e) {
    console.error(`${shown}: cannot read: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
  const xsdDir = findXsdDir();
  if (!xsdDir) {
    const where = relative(process.cwd(), XSD_DIR) || XSD_DIR;
    console.error(
      [
        "",
        "!!! ============================================================================ !!!",
        `!!! XSD CHECK NOT RUN: Microsoft's manifest schemas are not at ${where}`,
        "!!! Only the structural check ran. Put the schemas there (see ../shared/manifest-xsd/",
        "!!! README.md) for the full check; CI has them and fails without them.",
        "!!! ============================================================================ !!!",
        "",
      ].join("\n"),
    );
    if (process.env.CI === "true") return 1;
  }
  const problems = await validateManifest(xmlText, { baseUrl, xsdDir, fileName: basename(file) });
  for (const p of problems) console.error(`${shown}: ${p}`);
  if (problems.length) {
    console.error(`${shown}: ${problems.length} problem${problems.length === 1 ? "" : "s"}`);
    return 1;
  }
  const base = (baseUrl ?? DEV_BASE_URL).replace(/\/+$/, "");
  const xsd = xsdDir ? `valid against ${MAIN_XSD}` : "XSD check NOT run";
  console.log(`${shown} OK: structural check passed, ${xsd} (base URL ${base})`);
  return 0;
}

process.exitCode = await main();
