/**
 * Offline validation of the add-in-only XML manifest: our structural check (checks.ts), then
 * Microsoft's XSDs (xsd.ts). `npm run validate` runs it from scripts/validate-manifest.ts.
 * No network: `npm run validate:online` posts the manifest to a Microsoft service and is the
 * online complement.
 */
import { checkStructure, type StructureOptions } from "./checks";
import { checkXsd } from "./xsd";

export { DEV_BASE_URL, TOP_LEVEL_ORDER, checkStructure, type StructureOptions } from "./checks";
export { readPngSize } from "./png";
export { MAIN_XSD, XSD_DIR, checkXsd, findXsdDir } from "./xsd";
export { NS, XmlSyntaxError, parseXml, type XmlElement } from "./xml";

export interface ValidateOptions extends StructureOptions {
  /** Folder of Microsoft's .xsd files; XSD validation runs only when given. */
  xsdDir?: string | null;
  /** File name shown in xmllint's messages; default manifest.xml. */
  fileName?: string;
}

/** Both checks: structure always, XSD when xsdDir is given. One message per problem. */
export async function validateManifest(
  xmlText: string,
  options: ValidateOptions = {},
): Promise<string[]> {
  const problems = checkStructure(xmlText, options);
  if (options.xsdDir) problems.push(...(await checkXsd(xmlText, options.xsdDir, options.fileName)));
  return problems;
}
