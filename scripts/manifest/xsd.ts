/**
 * XSD validation with xmllint-wasm against Microsoft's schemas. They are data for checking kept
 * beside the repository, not in it (../shared/manifest-xsd, with its README): a clone without them
 * gets the structural check only, and says so loudly (CI, which always has them, fails instead).
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { validateXML } from "xmllint-wasm";
import { NS } from "./xml";

export const MAIN_XSD = "OfficeAppManifestV1_1.xsd";

/** Where the schemas are looked for: ../shared/manifest-xsd beside the repository. */
export const XSD_DIR = fileURLToPath(new URL("../../../shared/manifest-xsd/", import.meta.url));

/** The schema folder beside a checkout (../shared/manifest-xsd), or null when it is not there. */
export function findXsdDir(repoRoot?: string): string | null {
  const dir = repoRoot ? join(repoRoot, "..", "shared", "manifest-xsd") : XSD_DIR;
  return existsSync(join(dir, MAIN_XSD)) ? dir : null;
}

const NS_SHORT: [string, string][] = [
  [`{${NS.app}}`, ""],
  [`{${NS.ov}}`, "ov:"],
  [`{${NS.bt}}`, "bt:"],
];

const shorten = (message: string): string =>
  NS_SHORT.reduce(
    (s, [long, short]) => s.replaceAll(long, short),
    message.replace(/^Schemas validity error\s*:\s*/, ""),
  );

/** Validates against OfficeAppManifestV1_1.xsd in xsdDir, the other .xsd files preloaded. */
export async function checkXsd(
  xmlText: string,
  xsdDir: string,
  fileName = "manifest.xml",
): Promise<string[]> {
  if (!existsSync(join(xsdDir, MAIN_XSD))) return [`XSD: ${MAIN_XSD} not found in ${xsdDir}`];
  const load = (f: string) => ({ fileName: f, contents: readFileSync(join(xsdDir, f), "utf8") });
  const others = readdirSync(xsdDir).filter((f) => f.endsWith(".xsd") && f !== MAIN_XSD);
  const result = await validateXML({
    xml: [{ fileName, contents: xmlText }],
    schema: [load(MAIN_XSD)],
    preload: others.sort().map(load),
  });
  if (result.valid) return [];
  const problems = result.errors.map(
    (e) => `${e.loc ? `line ${e.loc.lineNumber}: ` : ""}XSD: ${shorten(e.message.trim())}`,
  );
  return problems.length ? problems : [`XSD: ${result.rawOutput.trim() || "invalid"}`];
}
