/**
 * The structural check of our own, one function per part of the manifest: element order, every
 * resid defined (and of the right kind), one shared runtime (Runtime = Page = FunctionFile = task
 * pane resid, lifetime long), the CREW namespace, https URLs under our base URL, icons present in
 * assets/ at the size their name and role require, ReadWriteDocument, AppDomains limited to our
 * origin.
 */
import { existsSync } from "node:fs";
import { basename, isAbsolute, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { readPngSize, sizeFromName } from "./png";
import {
  NS,
  XmlSyntaxError,
  attr,
  kid,
  kids,
  parseXml,
  walk,
  xsiType,
  type XmlElement,
} from "./xml";

/** The dev origin written everywhere in manifest.xml; the production build replaces this string. */
export const DEV_BASE_URL = "https://localhost:3000";

/** Top-level elements we require, in the order OfficeAppManifestV1_1.xsd imposes. */
export const TOP_LEVEL_ORDER = [
  "Id",
  "Version",
  "ProviderName",
  "DefaultLocale",
  "DisplayName",
  "Description",
  "IconUrl",
  "HighResolutionIconUrl",
  "SupportUrl",
  "AppDomains",
  "Hosts",
  "Requirements",
  "DefaultSettings",
  "Permissions",
  "VersionOverrides",
];
// The XSD's full sequence for a TaskPaneApp, optional elements included.
const TOP_LEVEL_ALL = [
  "Id",
  "AlternateId",
  ...TOP_LEVEL_ORDER.slice(1, -1),
  "Dictionary",
  "VersionOverrides",
];

const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));

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

type ResourceKind = "image" | "url" | "short" | "long";

interface Resource {
  kind: ResourceKind;
  value: string;
  el: XmlElement;
}

/** What every check reads: the options with their defaults, and the parsed manifest. */
interface Manifest {
  repoRoot: string;
  baseUrl: string;
  namespace: string;
  permissions: string;
  root: XmlElement;
  overrides: XmlElement | null;
  /** <Host xsi:type="Workbook"> in <VersionOverrides>. */
  workbook: XmlElement | null;
  /** Resources by id, from <Resources>. */
  resources: Map<string, Resource>;
}

/** Records one problem, with the line of the element it is about. */
type Report = (el: XmlElement | null, message: string) => void;

const RESOURCE_LISTS: { list: string; item: string; kind: ResourceKind }[] = [
  { list: "Images", item: "Image", kind: "image" },
  { list: "Urls", item: "Url", kind: "url" },
  { list: "ShortStrings", item: "String", kind: "short" },
  { list: "LongStrings", item: "String", kind: "long" },
];
const KIND_LABEL: Record<ResourceKind, string> = {
  image: "bt:Images",
  url: "bt:Urls",
  short: "bt:ShortStrings",
  long: "bt:LongStrings",
};
/** Which resource list a resid must point into, by the referring element. */
const RESID_KIND: Partial<Record<string, ResourceKind>> = {
  Image: "image",
  SourceLocation: "url",
  FunctionFile: "url",
  LearnMoreUrl: "url",
  Runtime: "url",
  Namespace: "short",
  Label: "short",
  Title: "short",
  Description: "long",
};

const isNamespaceDeclaration = (name: string): boolean =>
  name === "xmlns" || name.startsWith("xmlns:");

/** The xsi namespace in particular is http, and one docs page shows it as https. */
function checkNamespaceDeclarations(root: XmlElement, report: Report): void {
  const httpsXsi = NS.xsi.replace("http:", "https:");
  for (const el of walk(root))
    for (const [name, value] of el.attrs)
      if (isNamespaceDeclaration(name) && value === httpsXsi)
        report(el, `${name} must be "${NS.xsi}" (http, not https)`);
}

/** Top-level elements: present once, in the XSD's order, in the right namespace. */
function checkTopLevel(m: Manifest, report: Report): void {
  const { root } = m;
  if (xsiType(root) !== "TaskPaneApp") report(root, `<OfficeApp> must have xsi:type="TaskPaneApp"`);
  let maxIndex = -1;
  let maxName = "";
  for (const c of root.children) {
    if (c.local === "Signature") continue; // reserved for a digital signature (xmldsig)
    const index = TOP_LEVEL_ALL.indexOf(c.local);
    if (index < 0) {
      report(c, `unexpected top-level element <${c.name}>`);
      continue;
    }
    const wantNs = c.local === "VersionOverrides" ? NS.ov : NS.app;
    if (c.ns !== wantNs) report(c, `<${c.name}> must be in namespace ${wantNs}`);
    if (index < maxIndex) {
      report(
        c,
        `<${c.local}> is out of order: it must come before <${maxName}> (order: ${TOP_LEVEL_ORDER.join(", ")})`,
      );
    } else if (index > maxIndex) {
      maxIndex = index;
      maxName = c.local;
    }
  }
  for (const name of TOP_LEVEL_ALL) {
    const found = kids(root, name);
    if (found.length > 1) report(found[1] ?? null, `<${name}> appears ${found.length} times`);
    if (found.length === 0 && TOP_LEVEL_ORDER.includes(name))
      report(null, `missing top-level element <${name}>`);
  }
}

/** Id, Version, Permissions, Hosts, DefaultSettings and Requirements. */
function checkSimpleValues(m: Manifest, report: Report): void {
  const { root } = m;
  const idEl = kid(root, "Id");
  const id = idEl?.text.trim();
  if (
    id !== undefined &&
    !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)
  )
    report(idEl, `<Id> must be a GUID, found "${id}"`);
  const versionEl = kid(root, "Version");
  const version = versionEl?.text.trim();
  if (version !== undefined && !/^\d{1,5}(\.\d{1,5}){0,3}$/.test(version))
    report(versionEl, `<Version> must look like 1.0.0.0, found "${version}"`);
  const permissions = kid(root, "Permissions");
  if (permissions && permissions.text.trim() !== m.permissions)
    report(
      permissions,
      `<Permissions> must be ${m.permissions}, found "${permissions.text.trim()}"`,
    );
  const hosts = kid(root, "Hosts");
  if (hosts && !kids(hosts, "Host").some((h) => attr(h, "Name") === "Workbook"))
    report(hosts, `<Hosts> must contain <Host Name="Workbook"/>`);
  const defaultSettings = kid(root, "DefaultSettings");
  if (defaultSettings && !attr(kid(defaultSettings, "SourceLocation"), "DefaultValue"))
    report(defaultSettings, `<DefaultSettings> needs <SourceLocation DefaultValue="...">`);
  const requirements = kid(root, "Requirements");
  if (requirements) {
    const sets = kids(kid(requirements, "Sets"), "Set").map((s) => attr(s, "Name"));
    for (const needed of ["SharedRuntime", "CustomFunctionsRuntime"])
      if (!sets.includes(needed))
        report(requirements, `<Requirements> must include the ${needed} set`);
  }
}

/** URLs: https, under our base URL; AppDomains limited to our origin. */
function checkUrls(m: Manifest, report: Report): void {
  const { baseUrl } = m;
  let origin = baseUrl;
  try {
    origin = new URL(baseUrl).origin;
  } catch {
    report(null, `base URL "${baseUrl}" is not a URL`);
  }
  const checkUrl = (el: XmlElement, url: string) => {
    if (!/^https:\/\//i.test(url)) report(el, `URL "${url}" must use https`);
    else if (url !== baseUrl && url !== origin && !url.startsWith(`${baseUrl}/`))
      report(el, `URL "${url}" is outside our base URL ${baseUrl}`);
  };
  const isUrl = (text: string) => /^[a-z][a-z0-9+.-]*:\/\//i.test(text);
  for (const el of walk(m.root)) {
    for (const [name, value] of el.attrs)
      if (!isNamespaceDeclaration(name) && isUrl(value.trim())) checkUrl(el, value.trim());
    if (el.children.length === 0 && isUrl(el.text.trim())) checkUrl(el, el.text.trim());
  }
  for (const d of kids(kid(m.root, "AppDomains"), "AppDomain")) {
    const v = d.text.trim();
    if (v !== origin && v !== baseUrl) report(d, `<AppDomain> "${v}" is not our origin ${origin}`);
  }
}

/** The resources by id; reports a missing <Resources>, ids missing or defined twice. */
function readResources(overrides: XmlElement | null, report: Report): Map<string, Resource> {
  const resources = new Map<string, Resource>();
  const resourcesEl = kid(overrides, "Resources", NS.ov);
  if (overrides && !resourcesEl) report(overrides, "<VersionOverrides> has no <Resources>");
  if (overrides && xsiType(overrides) !== "VersionOverridesV1_0")
    report(overrides, `<VersionOverrides> must have xsi:type="VersionOverridesV1_0"`);
  for (const { list, item, kind } of RESOURCE_LISTS) {
    for (const r of kids(kid(resourcesEl, list, NS.bt), item, NS.bt)) {
      const rid = attr(r, "id");
      if (!rid) {
        report(r, `<${r.name}> in bt:${list} has no id`);
        continue;
      }
      const previous = resources.get(rid);
      if (previous)
        report(r, `resource id "${rid}" is defined twice (also line ${previous.el.line})`);
      else resources.set(rid, { kind, value: attr(r, "DefaultValue") ?? "", el: r });
    }
  }
  return resources;
}

/** Every resid is defined, in the list its element needs. */
function checkResids(m: Manifest, report: Report): void {
  for (const el of walk(m.root)) {
    const rid = attr(el, "resid");
    if (rid === null) continue;
    const def = m.resources.get(rid);
    if (!def) {
      report(el, `resid "${rid}" on <${el.name}> is not defined in <Resources>`);
      continue;
    }
    const want = RESID_KIND[el.local];
    if (want && def.kind !== want)
      report(
        el,
        `resid "${rid}" on <${el.name}> must be a ${KIND_LABEL[want]} entry (it is in ${KIND_LABEL[def.kind]})`,
      );
  }
}

/** The Workbook host: one shared runtime for pane, functions and ribbon command. */
function checkSharedRuntime(m: Manifest, report: Report): void {
  const { overrides, workbook } = m;
  if (!workbook) {
    if (overrides) report(overrides, `<VersionOverrides> has no <Host xsi:type="Workbook">`);
    return;
  }
  const runtimes = kid(workbook, "Runtimes", NS.ov);
  const runtime = kid(runtimes, "Runtime", NS.ov);
  if (!runtime)
    report(workbook, "shared runtime: missing <Runtimes><Runtime/></Runtimes> in <Host>");
  else {
    if (workbook.children[0] !== runtimes)
      report(runtimes, "<Runtimes> must be the first child of <Host>");
    if (attr(runtime, "lifetime") !== "long")
      report(runtime, `shared runtime: <Runtime> must have lifetime="long"`);
  }
  const runtimeResid = attr(runtime, "resid");

  const cf = kids(kid(workbook, "AllFormFactors", NS.ov), "ExtensionPoint", NS.ov).find(
    (e) => xsiType(e) === "CustomFunctions",
  );
  if (!cf) report(workbook, `missing <AllFormFactors><ExtensionPoint xsi:type="CustomFunctions">`);
  const cfResid = (name: string) => {
    const el = kid(cf ?? null, name, NS.ov);
    const ref = name === "Namespace" ? el : kid(el, "SourceLocation", NS.ov);
    if (cf && !ref)
      report(
        cf,
        `missing <${name}${name === "Namespace" ? "" : "><SourceLocation"}> in the CustomFunctions extension point`,
      );
    return { el: ref, resid: attr(ref, "resid") };
  };
  cfResid("Script");
  const page = cfResid("Page");
  cfResid("Metadata");
  const namespace = cfResid("Namespace");
  if (namespace.resid) {
    const value = m.resources.get(namespace.resid)?.value;
    if (value !== undefined && value !== m.namespace)
      report(
        namespace.el,
        `custom functions namespace "${namespace.resid}" is "${value}", expected "${m.namespace}"`,
      );
  }

  const desktop = kid(workbook, "DesktopFormFactor", NS.ov);
  const functionFile = kid(desktop, "FunctionFile", NS.ov);
  if (desktop && !functionFile) report(desktop, "missing <FunctionFile> in <DesktopFormFactor>");
  if (!runtimeResid) return;
  const same = (el: XmlElement | null, what: string) => {
    const rid = attr(el, "resid");
    if (el && rid !== runtimeResid)
      report(
        el,
        `shared runtime: ${what} resid "${rid ?? ""}" must equal the <Runtime> resid "${runtimeResid}"`,
      );
  };
  same(page.el, "the CustomFunctions <Page>");
  same(functionFile, "<FunctionFile>");
  for (const action of walk(workbook)) {
    if (action.local !== "Action" || xsiType(action) !== "ShowTaskpane") continue;
    const source = kid(action, "SourceLocation", NS.ov);
    if (!source) report(action, "the ShowTaskpane <Action> has no <SourceLocation>");
    same(source, "the ShowTaskpane <SourceLocation>");
  }
}

/** Ribbon icons: Office requires 16, 32 and 80 px images for every group and control. */
function checkRibbonIcons(m: Manifest, report: Report): void {
  if (!m.workbook) return;
  for (const icon of walk(m.workbook)) {
    if (icon.local !== "Icon" || icon.ns !== NS.ov) continue;
    const sizes = kids(icon, "Image", NS.bt).map((i) => Number(attr(i, "size")));
    const missing = [16, 32, 80].filter((size) => !sizes.includes(size));
    if (missing.length)
      report(
        icon,
        `<Icon> of <${icon.parent?.name ?? ""}> lacks the ${missing.join(", ")} px image`,
      );
  }
}

interface IconUse {
  el: XmlElement;
  url: string;
  sizes: Set<number>;
  role: string;
}

/** Every icon the manifest names, with the sizes its role requires; an image has one size. */
function iconUses(m: Manifest, report: Report): IconUse[] {
  const icons: IconUse[] = [];
  for (const [name, size] of [
    ["IconUrl", 32],
    ["HighResolutionIconUrl", 64],
  ] as const) {
    const el = kid(m.root, name);
    if (!el) continue;
    for (const url of [
      attr(el, "DefaultValue"),
      ...kids(el, "Override").map((o) => attr(o, "Value")),
    ])
      if (url) icons.push({ el, url, sizes: new Set([size]), role: `<${name}>` });
  }
  const imageSizes = new Map<string, Set<number>>(); // image resource id → sizes it is used at
  for (const el of walk(m.root)) {
    const rid = attr(el, "resid");
    if (el.local !== "Image" || rid === null || m.resources.get(rid)?.kind !== "image") continue;
    const sizes = imageSizes.get(rid) ?? new Set();
    imageSizes.set(rid, sizes);
    const size = Number(attr(el, "size"));
    if (Number.isInteger(size) && size > 0) sizes.add(size);
  }
  for (const [rid, def] of m.resources) {
    if (def.kind !== "image") continue;
    const sizes = imageSizes.get(rid) ?? new Set<number>();
    if (sizes.size > 1)
      report(def.el, `image "${rid}" is used at several sizes (${[...sizes].join(", ")})`);
    for (const url of [def.value, ...kids(def.el, "Override", NS.bt).map((o) => attr(o, "Value"))])
      if (url) icons.push({ el: def.el, url, sizes, role: `image "${rid}"` });
  }
  return icons;
}

/** Icons: present in assets/, PNG, at the size their name and role require. */
function checkIconFiles(m: Manifest, report: Report): void {
  const assetsPrefix = `${m.baseUrl}/assets/`;
  const assetsDir = join(m.repoRoot, "assets");
  for (const { el, url, sizes, role } of iconUses(m, report)) {
    if (!url.startsWith(assetsPrefix)) continue;
    const rel = decodeURIComponent(url.slice(assetsPrefix.length).replace(/[?#].*$/, ""));
    const file = resolve(assetsDir, rel);
    const shown = `assets/${rel}`;
    const inside = relative(assetsDir, file);
    if (!inside || inside.startsWith("..") || isAbsolute(inside)) {
      report(el, `icon ${url} points outside assets/`);
      continue;
    }
    if (!existsSync(file)) {
      report(el, `icon ${url}: ${shown} does not exist`);
      continue;
    }
    const png = readPngSize(file);
    if (!png) {
      report(el, `icon ${url}: ${shown} is not a PNG`);
      continue;
    }
    const named = sizeFromName(basename(rel));
    const required = new Set(sizes);
    if (named !== null) required.add(named);
    if (required.size > 1)
      report(
        el,
        `icon ${url}: ${role} needs ${[...sizes].join("/")} px but the file is named for ${named ?? ""} px`,
      );
    for (const size of required)
      if (png.width !== size || png.height !== size)
        report(
          el,
          `icon ${url}: ${shown} is ${png.width}x${png.height}, ${role} needs ${size}x${size}`,
        );
  }
}

/**
 * Checks the manifest's structure and the files it points at. Returns one message per problem
 * (empty when all is well); never throws on bad input.
 */
export function checkStructure(xmlText: string, options: StructureOptions = {}): string[] {
  let root: XmlElement;
  try {
    root = parseXml(xmlText);
  } catch (e) {
    if (e instanceof XmlSyntaxError) return [e.message];
    throw e;
  }
  const problems: string[] = [];
  const report: Report = (el, message) =>
    problems.push(el ? `line ${el.line}: ${message}` : message);

  checkNamespaceDeclarations(root, report);
  if (root.local !== "OfficeApp" || root.ns !== NS.app) {
    report(root, `the root element must be <OfficeApp xmlns="${NS.app}">`);
    return problems;
  }
  const overrides = kid(root, "VersionOverrides", NS.ov);
  const m: Manifest = {
    repoRoot: options.repoRoot ?? REPO_ROOT,
    baseUrl: (options.baseUrl ?? DEV_BASE_URL).replace(/\/+$/, ""),
    namespace: options.namespace ?? "CREW",
    permissions: options.permissions ?? "ReadWriteDocument",
    root,
    overrides,
    workbook:
      kids(kid(overrides, "Hosts", NS.ov), "Host", NS.ov).find((h) => xsiType(h) === "Workbook") ??
      null,
    resources: readResources(overrides, report),
  };
  for (const check of [
    checkTopLevel,
    checkSimpleValues,
    checkUrls,
    checkResids,
    checkSharedRuntime,
    checkRibbonIcons,
    checkIconFiles,
  ])
    check(m, report);
  return problems;
}
