// Types for validate-manifest.mjs (plain Node ESM, so it runs without a build step).

export const DEV_BASE_URL: string;
export const MAIN_XSD: string;
export const NS: {
  readonly app: string;
  readonly bt: string;
  readonly ov: string;
  readonly xsi: string;
  readonly xml: string;
};
export const TOP_LEVEL_ORDER: readonly string[];

export class XmlSyntaxError extends Error {}

export interface XmlElement {
  name: string;
  prefix: string;
  local: string;
  ns: string;
  attrs: Map<string, string>;
  scope: Map<string, string>;
  children: XmlElement[];
  text: string;
  line: number;
  parent: XmlElement | null;
}

export function parseXml(text: string): XmlElement;

export function readPngSize(file: string): { width: number; height: number } | null;

export interface StructureOptions {
  /** Where assets/ lives; default: this repo. */
  repoRoot?: string;
  /** The origin (or base URL) every URL must start with; default https://localhost:3000. */
  baseUrl?: string;
  /** Expected custom functions namespace; default CREW. */
  namespace?: string;
  /** Expected <Permissions>; default ReadWriteDocument. */
  permissions?: string;
}

export interface ValidateOptions extends StructureOptions {
  /** Folder of Microsoft's .xsd files; XSD validation runs only when given. */
  xsdDir?: string | null;
  /** File name shown in xmllint's messages; default manifest.xml. */
  fileName?: string;
}

export function checkStructure(xmlText: string, options?: StructureOptions): string[];
export function findXsdDir(repoRoot?: string): string | null;
export function checkXsd(xmlText: string, xsdDir: string, fileName?: string): Promise<string[]>;
export function validateManifest(xmlText: string, options?: ValidateOptions): Promise<string[]>;
