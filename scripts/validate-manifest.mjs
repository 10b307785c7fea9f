// Offline validation of the add-in-only XML manifest.
//
//   node scripts/validate-manifest.mjs [path]          (default: manifest.xml at the repo root)
//   ADDIN_BASE_URL=https://crewrate.example node scripts/validate-manifest.mjs dist/manifest.xml
//
// 1. A structural check of our own, which works in any clone: element order, every resid defined
//    (and of the right kind), one shared runtime (Runtime = Page = FunctionFile = task pane resid,
//    lifetime long), the CREW namespace, https URLs under our base URL, icons present in assets/ at
//    the size their name and role require, ReadWriteDocument, AppDomains limited to our origin.
// 2. XSD validation with xmllint-wasm against ../shared/manifest-xsd/ (Microsoft's schemas, patched
//    for the shared runtime), only when that folder exists beside the repo.
// No network: `npx office-addin-manifest validate manifest.xml` posts the manifest to a Microsoft
// service and is the online complement.
import {
  existsSync,
  openSync,
  readFileSync,
  readSync,
  closeSync,
  readdirSync,
  realpathSync,
} from "node:fs";
import { dirname, join, resolve, relative, isAbsolute, basename } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

/** The dev origin written everywhere in manifest.xml; the production build replaces this string. */
export const DEV_BASE_URL = "https://localhost:3000";
export const MAIN_XSD = "OfficeAppManifestV1_1.xsd";

export const NS = {
  app: "http://schemas.microsoft.com/office/appforoffice/1.1",
  bt: "http://schemas.microsoft.com/office/officeappbasictypes/1.0",
  ov: "http://schemas.microsoft.com/office/taskpaneappversionoverrides",
  xsi: "http://www.w3.org/2001/XMLSchema-instance",
  xml: "http://www.w3.org/XML/1998/namespace",
};

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

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");

// ------------------------------------------------------------------ a small XML parser

export class XmlSyntaxError extends Error {}

const NAME = String.raw`[A-Za-z_][\w.\-]*(?::[A-Za-z_][\w.\-]*)?`;
const START_RE = new RegExp(`<(${NAME})`, "y");
const ATTR_RE = new RegExp(`\\s+(${NAME})\\s*=\\s*(?:"([^"<]*)"|'([^'<]*)')`, "y");
const TAG_END_RE = /\s*(\/?)>/y;
const END_TAG_RE = new RegExp(`</(${NAME})\\s*>`, "y");
const ENTITIES = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/**
 * Parses XML into elements with resolved namespaces: { name, prefix, local, ns, attrs (Map of
 * qualified name → value), scope (Map prefix → namespace URI), children, text, line, parent }.
 * Tolerant of what manifests contain (declaration, comments, CDATA), strict about
 * well-formedness; DOCTYPEs are refused. Throws XmlSyntaxError with a line number.
 */
export function parseXml(text) {
  const src = text.replace(/^\uFEFF/, "");
  let counted = 0;
  let line = 1;
  const lineAt = (pos) => {
    if (pos < counted) {
      counted = 0;
      line = 1;
    }
    for (; counted < pos; counted++) if (src.charCodeAt(counted) === 10) line++;
    return line;
  };
  const fail = (message, pos) => {
    throw new XmlSyntaxError(`line ${lineAt(pos)}: XML: ${message}`);
  };
  const decode = (raw, pos) => {
    const bad = /&(?!(?:#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);)/.exec(raw);
    if (bad) fail("a bare '&' or an unknown entity", pos + bad.index);
    return raw.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (_, e) =>
      e[0] === "#"
        ? String.fromCodePoint(e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10))
        : ENTITIES[e],
    );
  };

  const stack = [];
  let root = null;
  let i = 0;
  while (i < src.length) {
    const lt = src.indexOf("<", i);
    const textEnd = lt === -1 ? src.length : lt;
    if (textEnd > i) {
      const raw = src.slice(i, textEnd);
      const top = stack.at(-1);
      if (top) top.text += decode(raw, i);
      else if (raw.trim()) fail("text outside the root element", i);
    }
    if (lt === -1) break;
    i = lt;
    if (src.startsWith("<!--", i)) {
      const end = src.indexOf("-->", i + 4);
      if (end < 0) fail("unterminated comment", i);
      i = end + 3;
    } else if (src.startsWith("<![CDATA[", i)) {
      const end = src.indexOf("]]>", i);
      if (end < 0) fail("unterminated CDATA section", i);
      const top = stack.at(-1);
      if (!top) fail("CDATA outside the root element", i);
      top.text += src.slice(i + 9, end);
      i = end + 3;
    } else if (src.startsWith("<?", i)) {
      const end = src.indexOf("?>", i);
      if (end < 0) fail("unterminated processing instruction", i);
      i = end + 2;
    } else if (src.startsWith("<!", i)) {
      fail("DOCTYPE and other declarations are not allowed in a manifest", i);
    } else if (src.startsWith("</", i)) {
      END_TAG_RE.lastIndex = i;
      const m = END_TAG_RE.exec(src);
      if (!m) fail("malformed end tag", i);
      const open = stack.pop();
      if (!open) fail(`</${m[1]}> without a start tag`, i);
      if (open.name !== m[1]) fail(`</${m[1]}> closes <${open.name}> (line ${open.line})`, i);
      i = END_TAG_RE.lastIndex;
    } else {
      START_RE.lastIndex = i;
      const m = START_RE.exec(src);
      if (!m) fail("malformed tag", i);
      if (root && stack.length === 0) fail("content after the root element", i);
      const el = {
        name: m[1],
        prefix: "",
        local: m[1],
        ns: "",
        attrs: new Map(),
        scope: new Map(),
        children: [],
        text: "",
        line: lineAt(i),
        parent: stack.at(-1) ?? null,
      };
      let pos = START_RE.lastIndex;
      for (;;) {
        ATTR_RE.lastIndex = pos;
        const a = ATTR_RE.exec(src);
        if (!a) break;
        if (el.attrs.has(a[1])) fail(`duplicate attribute ${a[1]} on <${el.name}>`, pos);
        el.attrs.set(a[1], decode(a[2] ?? a[3], pos));
        pos = ATTR_RE.lastIndex;
      }
      TAG_END_RE.lastIndex = pos;
      const end = TAG_END_RE.exec(src);
      if (!end) fail(`malformed attributes in <${el.name}>`, pos);
      i = TAG_END_RE.lastIndex;

      el.scope = new Map(el.parent ? el.parent.scope : [["xml", NS.xml]]);
      for (const [k, v] of el.attrs) {
        if (k === "xmlns") el.scope.set("", v);
        else if (k.startsWith("xmlns:")) el.scope.set(k.slice(6), v);
      }
      const colon = el.name.indexOf(":");
      el.prefix = colon < 0 ? "" : el.name.slice(0, colon);
      el.local = colon < 0 ? el.name : el.name.slice(colon + 1);
      const ns = el.scope.get(el.prefix);
      if (ns === undefined && el.prefix) fail(`unbound namespace prefix "${el.prefix}"`, lt);
      el.ns = ns ?? "";
      for (const k of el.attrs.keys()) {
        const p = k.includes(":") ? k.slice(0, k.indexOf(":")) : "";
        if (p && p !== "xmlns" && !el.scope.has(p)) fail(`unbound namespace prefix "${p}"`, lt);
      }

      if (el.parent) el.parent.children.push(el);
      else root = el;
      if (!end[1]) stack.push(el);
    }
  }
  if (stack.length) fail(`<${stack.at(-1).name}> (line ${stack.at(-1).line}) is never closed`, i);
  if (!root) fail("no root element", 0);
  return root;
}

// ------------------------------------------------------------------ tree helpers

const kids = (el, local, ns) =>
  el ? el.children.filter((c) => c.local === local && (ns === undefined || c.ns === ns)) : [];
const kid = (el, local, ns) => kids(el, local, ns)[0] ?? null;

/** An attribute by local name: unprefixed when ns is omitted, else in namespace ns. */
function attr(el, local, ns) {
  if (!el) return null;
  if (ns === undefined) return el.attrs.get(local) ?? null;
  for (const [k, v] of el.attrs) {
    const colon = k.indexOf(":");
    if (colon > 0 && k.slice(colon + 1) === local && el.scope.get(k.slice(0, colon)) === ns)
      return v;
  }
  return null;
}
const xsiType = (el) => attr(el, "type", NS.xsi)?.replace(/^.*:/, "") ?? null;

function* walk(el) {
  yield el;
  for (const c of el.children) yield* walk(c);
}

// ------------------------------------------------------------------ PNG

/** Width and height from a PNG's IHDR, or null when the file is not a PNG. */
export function readPngSize(file) {
  const head = Buffer.alloc(24);
  const fd = openSync(file, "r");
  let n;
  try {
    n = readSync(fd, head, 0, 24, 0);
  } finally {
    closeSync(fd);
  }
  const signature = "89504e470d0a1a0a";
  if (
    n < 24 ||
    head.toString("hex", 0, 8) !== signature ||
    head.toString("latin1", 12, 16) !== "IHDR"
  )
    return null;
  return { width: head.readUInt32BE(16), height: head.readUInt32BE(20) };
}

/** The square size an icon file name promises (icon-16.png, logo-80x80.png), or null. */
function sizeFromName(name) {
  const m = /(?:^|[-_.])(\d{2,3})(?:x(\d{2,3}))?\.png$/i.exec(name);
  if (!m || (m[2] && m[2] !== m[1])) return null;
  return Number(m[1]);
}

// ------------------------------------------------------------------ structural check

const RESOURCE_KINDS = {
  Images: { kind: "image", item: "Image", label: "bt:Images" },
  Urls: { kind: "url", item: "Url", label: "bt:Urls" },
  ShortStrings: { kind: "short", item: "String", label: "bt:ShortStrings" },
  LongStrings: { kind: "long", item: "String", label: "bt:LongStrings" },
};
const KIND_LABEL = {
  image: "bt:Images",
  url: "bt:Urls",
  short: "bt:ShortStrings",
  long: "bt:LongStrings",
};
/** Which resource list a resid must point into, by the referring element. */
const RESID_KIND = {
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

/**
 * Checks the manifest's structure and the files it points at. Returns one message per problem
 * (empty when all is well); never throws on bad input.
 *
 * @param {string} xmlText
 * @param {{ repoRoot?: string, baseUrl?: string, namespace?: string, permissions?: string }} [options]
 * @returns {string[]}
 */
export function checkStructure(xmlText, options = {}) {
  const repoRoot = options.repoRoot ?? REPO_ROOT;
  const baseUrl = (options.baseUrl ?? DEV_BASE_URL).replace(/\/+$/, "");
  const expectedNamespace = options.namespace ?? "CREW";
  const expectedPermissions = options.permissions ?? "ReadWriteDocument";
  const problems = [];
  const at = (el, message) => problems.push(el ? `line ${el.line}: ${message}` : message);

  let root;
  try {
    root = parseXml(xmlText);
  } catch (e) {
    if (e instanceof XmlSyntaxError) return [e.message];
    throw e;
  }

  // Namespaces: the xsi one in particular is http, and one docs page shows it as https.
  for (const el of walk(root)) {
    for (const [k, v] of el.attrs) {
      if ((k === "xmlns" || k.startsWith("xmlns:")) && v === NS.xsi.replace("http:", "https:"))
        at(el, `${k} must be "${NS.xsi}" (http, not https)`);
    }
  }
  if (root.local !== "OfficeApp" || root.ns !== NS.app)
    return [
      ...problems,
      `line ${root.line}: the root element must be <OfficeApp xmlns="${NS.app}">`,
    ];
  if (xsiType(root) !== "TaskPaneApp") at(root, `<OfficeApp> must have xsi:type="TaskPaneApp"`);

  // ---- top-level elements: present once, in the XSD's order, in the right namespace
  let maxIndex = -1;
  let maxName = "";
  for (const c of root.children) {
    if (c.local === "Signature") continue; // reserved for a digital signature (xmldsig)
    const index = TOP_LEVEL_ALL.indexOf(c.local);
    if (index < 0) {
      at(c, `unexpected top-level element <${c.name}>`);
      continue;
    }
    const wantNs = c.local === "VersionOverrides" ? NS.ov : NS.app;
    if (c.ns !== wantNs) at(c, `<${c.name}> must be in namespace ${wantNs}`);
    if (index < maxIndex) {
      at(
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
    if (found.length > 1) at(found[1], `<${name}> appears ${found.length} times`);
    if (found.length === 0 && TOP_LEVEL_ORDER.includes(name))
      at(null, `missing top-level element <${name}>`);
  }

  // ---- simple values
  const id = kid(root, "Id")?.text.trim();
  if (
    id !== undefined &&
    !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)
  )
    at(kid(root, "Id"), `<Id> must be a GUID, found "${id}"`);
  const version = kid(root, "Version")?.text.trim();
  if (version !== undefined && !/^\d{1,5}(\.\d{1,5}){0,3}$/.test(version))
    at(kid(root, "Version"), `<Version> must look like 1.0.0.0, found "${version}"`);
  const permissions = kid(root, "Permissions");
  if (permissions && permissions.text.trim() !== expectedPermissions)
    at(
      permissions,
      `<Permissions> must be ${expectedPermissions}, found "${permissions.text.trim()}"`,
    );
  const hosts = kid(root, "Hosts");
  if (hosts && !kids(hosts, "Host").some((h) => attr(h, "Name") === "Workbook"))
    at(hosts, `<Hosts> must contain <Host Name="Workbook"/>`);
  const defaultSettings = kid(root, "DefaultSettings");
  if (defaultSettings && !attr(kid(defaultSettings, "SourceLocation"), "DefaultValue"))
    at(defaultSettings, `<DefaultSettings> needs <SourceLocation DefaultValue="...">`);
  const requirements = kid(root, "Requirements");
  if (requirements) {
    const sets = kids(kid(requirements, "Sets"), "Set").map((s) => attr(s, "Name"));
    for (const needed of ["SharedRuntime", "CustomFunctionsRuntime"])
      if (!sets.includes(needed)) at(requirements, `<Requirements> must include the ${needed} set`);
  }

  // ---- URLs: https, under our base URL; AppDomains limited to our origin
  let origin = baseUrl;
  try {
    origin = new URL(baseUrl).origin;
  } catch {
    at(null, `base URL "${baseUrl}" is not a URL`);
  }
  const checkUrl = (el, url) => {
    if (!/^https:\/\//i.test(url)) {
      at(el, `URL "${url}" must use https`);
      return;
    }
    if (url !== baseUrl && url !== origin && !url.startsWith(`${baseUrl}/`))
      at(el, `URL "${url}" is outside our base URL ${baseUrl}`);
  };
  for (const el of walk(root)) {
    for (const [k, v] of el.attrs) {
      if (k === "xmlns" || k.startsWith("xmlns:")) continue;
      if (/^[a-z][a-z0-9+.-]*:\/\//i.test(v.trim())) checkUrl(el, v.trim());
    }
    if (el.children.length === 0 && /^[a-z][a-z0-9+.-]*:\/\//i.test(el.text.trim()))
      checkUrl(el, el.text.trim());
  }
  for (const d of kids(kid(root, "AppDomains"), "AppDomain")) {
    const v = d.text.trim();
    if (v !== origin && v !== baseUrl) at(d, `<AppDomain> "${v}" is not our origin ${origin}`);
  }

  // ---- resources
  const overrides = kid(root, "VersionOverrides", NS.ov);
  const resources = new Map(); // id → { kind, value, el }
  const resourcesEl = kid(overrides, "Resources", NS.ov);
  if (overrides && !resourcesEl) at(overrides, "<VersionOverrides> has no <Resources>");
  if (overrides && xsiType(overrides) !== "VersionOverridesV1_0")
    at(overrides, `<VersionOverrides> must have xsi:type="VersionOverridesV1_0"`);
  for (const [listName, { kind, item }] of Object.entries(RESOURCE_KINDS)) {
    for (const r of kids(kid(resourcesEl, listName, NS.bt), item, NS.bt)) {
      const rid = attr(r, "id");
      if (!rid) {
        at(r, `<${r.name}> in bt:${listName} has no id`);
        continue;
      }
      const previous = resources.get(rid);
      if (previous) at(r, `resource id "${rid}" is defined twice (also line ${previous.el.line})`);
      else resources.set(rid, { kind, value: attr(r, "DefaultValue") ?? "", el: r });
    }
  }
  const imageSizes = new Map(); // image resource id → sizes it is used at
  for (const el of walk(root)) {
    const rid = attr(el, "resid");
    if (rid === null) continue;
    const def = resources.get(rid);
    if (!def) {
      at(el, `resid "${rid}" on <${el.name}> is not defined in <Resources>`);
      continue;
    }
    const want = RESID_KIND[el.local];
    if (want && def.kind !== want)
      at(
        el,
        `resid "${rid}" on <${el.name}> must be a ${KIND_LABEL[want]} entry (it is in ${KIND_LABEL[def.kind]})`,
      );
    if (el.local === "Image" && def.kind === "image") {
      const size = Number(attr(el, "size"));
      if (!imageSizes.has(rid)) imageSizes.set(rid, new Set());
      if (Number.isInteger(size) && size > 0) imageSizes.get(rid).add(size);
    }
  }

  // ---- the Workbook host: one shared runtime for pane, functions and ribbon command
  const workbook = kids(kid(overrides, "Hosts", NS.ov), "Host", NS.ov).find(
    (h) => xsiType(h) === "Workbook",
  );
  if (overrides && !workbook) at(overrides, `<VersionOverrides> has no <Host xsi:type="Workbook">`);
  if (workbook) {
    const runtimes = kid(workbook, "Runtimes", NS.ov);
    const runtime = kid(runtimes, "Runtime", NS.ov);
    if (!runtime) at(workbook, "shared runtime: missing <Runtimes><Runtime/></Runtimes> in <Host>");
    else {
      if (workbook.children[0] !== runtimes)
        at(runtimes, "<Runtimes> must be the first child of <Host>");
      if (attr(runtime, "lifetime") !== "long")
        at(runtime, `shared runtime: <Runtime> must have lifetime="long"`);
    }
    const runtimeResid = attr(runtime, "resid");

    const cf = kids(kid(workbook, "AllFormFactors", NS.ov), "ExtensionPoint", NS.ov).find(
      (e) => xsiType(e) === "CustomFunctions",
    );
    if (!cf) at(workbook, `missing <AllFormFactors><ExtensionPoint xsi:type="CustomFunctions">`);
    const cfResid = (name) => {
      const el = kid(cf, name, NS.ov);
      const ref = name === "Namespace" ? el : kid(el, "SourceLocation", NS.ov);
      if (cf && !ref)
        at(
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
      const value = resources.get(namespace.resid)?.value;
      if (value !== undefined && value !== expectedNamespace)
        at(
          namespace.el,
          `custom functions namespace "${namespace.resid}" is "${value}", expected "${expectedNamespace}"`,
        );
    }

    const desktop = kid(workbook, "DesktopFormFactor", NS.ov);
    const functionFile = kid(desktop, "FunctionFile", NS.ov);
    if (desktop && !functionFile) at(desktop, "missing <FunctionFile> in <DesktopFormFactor>");
    if (runtimeResid) {
      const same = (el, what) => {
        const rid = attr(el, "resid");
        if (el && rid !== runtimeResid)
          at(
            el,
            `shared runtime: ${what} resid "${rid}" must equal the <Runtime> resid "${runtimeResid}"`,
          );
      };
      same(page.el, "the CustomFunctions <Page>");
      same(functionFile, "<FunctionFile>");
      for (const action of walk(workbook)) {
        if (action.local !== "Action" || xsiType(action) !== "ShowTaskpane") continue;
        const source = kid(action, "SourceLocation", NS.ov);
        if (!source) at(action, "the ShowTaskpane <Action> has no <SourceLocation>");
        same(source, "the ShowTaskpane <SourceLocation>");
      }
    }

    // Ribbon icons: Office requires 16, 32 and 80 px images for every group and control.
    for (const icon of walk(workbook)) {
      if (icon.local !== "Icon" || icon.ns !== NS.ov) continue;
      const sizes = kids(icon, "Image", NS.bt).map((i) => Number(attr(i, "size")));
      const missing = [16, 32, 80].filter((size) => !sizes.includes(size));
      if (missing.length)
        at(icon, `<Icon> of <${icon.parent?.name}> lacks the ${missing.join(", ")} px image`);
    }
  }

  // ---- icons: present in assets/, PNG, at the size their name and role require
  const icons = []; // { el, url, sizes }
  for (const [name, size] of [
    ["IconUrl", 32],
    ["HighResolutionIconUrl", 64],
  ]) {
    const el = kid(root, name);
    if (!el) continue;
    for (const url of [
      attr(el, "DefaultValue"),
      ...kids(el, "Override").map((o) => attr(o, "Value")),
    ])
      if (url) icons.push({ el, url, sizes: new Set([size]), role: `<${name}>` });
  }
  for (const [rid, def] of resources) {
    if (def.kind !== "image") continue;
    const sizes = imageSizes.get(rid) ?? new Set();
    if (sizes.size > 1)
      at(def.el, `image "${rid}" is used at several sizes (${[...sizes].join(", ")})`);
    for (const url of [def.value, ...kids(def.el, "Override", NS.bt).map((o) => attr(o, "Value"))])
      if (url) icons.push({ el: def.el, url, sizes, role: `image "${rid}"` });
  }
  const assetsPrefix = `${baseUrl}/assets/`;
  const assetsDir = join(repoRoot, "assets");
  for (const { el, url, sizes, role } of icons) {
    if (!url.startsWith(assetsPrefix)) continue;
    const rel = decodeURIComponent(url.slice(assetsPrefix.length).replace(/[?#].*$/, ""));
    const file = resolve(assetsDir, rel);
    const shown = `assets/${rel}`;
    const inside = relative(assetsDir, file);
    if (!inside || inside.startsWith("..") || isAbsolute(inside)) {
      at(el, `icon ${url} points outside assets/`);
      continue;
    }
    if (!existsSync(file)) {
      at(el, `icon ${url}: ${shown} does not exist`);
      continue;
    }
    const png = readPngSize(file);
    if (!png) {
      at(el, `icon ${url}: ${shown} is not a PNG`);
      continue;
    }
    const named = sizeFromName(basename(rel));
    const required = new Set(sizes);
    if (named !== null) required.add(named);
    if (required.size > 1)
      at(
        el,
        `icon ${url}: ${role} needs ${[...sizes].join("/")} px but the file is named for ${named} px`,
      );
    for (const size of required) {
      if (png.width !== size || png.height !== size)
        at(
          el,
          `icon ${url}: ${shown} is ${png.width}x${png.height}, ${role} needs ${size}x${size}`,
        );
    }
  }
  return problems;
}

// ------------------------------------------------------------------ XSD validation

/** ../shared/manifest-xsd beside the repo, or null when this clone has none. */
export function findXsdDir(repoRoot = REPO_ROOT) {
  const dir = resolve(repoRoot, "..", "shared", "manifest-xsd");
  return existsSync(join(dir, MAIN_XSD)) ? dir : null;
}

const NS_SHORT = [
  [`{${NS.app}}`, ""],
  [`{${NS.ov}}`, "ov:"],
  [`{${NS.bt}}`, "bt:"],
];

/**
 * Validates against OfficeAppManifestV1_1.xsd in xsdDir, the other .xsd files preloaded.
 * @returns {Promise<string[]>} one message per schema error
 */
export async function checkXsd(xmlText, xsdDir, fileName = "manifest.xml") {
  if (!existsSync(join(xsdDir, MAIN_XSD))) return [`XSD: ${MAIN_XSD} not found in ${xsdDir}`];
  const { validateXML } = await import("xmllint-wasm");
  const load = (f) => ({ fileName: f, contents: readFileSync(join(xsdDir, f), "utf8") });
  const others = readdirSync(xsdDir).filter((f) => f.endsWith(".xsd") && f !== MAIN_XSD);
  const result = await validateXML({
    xml: [{ fileName, contents: xmlText }],
    schema: [load(MAIN_XSD)],
    preload: others.sort().map(load),
  });
  if (result.valid) return [];
  const shorten = (m) =>
    NS_SHORT.reduce(
      (s, [long, short]) => s.replaceAll(long, short),
      m.replace(/^Schemas validity error\s*:\s*/, ""),
    );
  const problems = result.errors.map(
    (e) => `${e.loc ? `line ${e.loc.lineNumber}: ` : ""}XSD: ${shorten(e.message.trim())}`,
  );
  return problems.length ? problems : [`XSD: ${result.rawOutput.trim() || "invalid"}`];
}

/**
 * Both checks: structure always, XSD when xsdDir is given (the CLI passes findXsdDir()).
 * @param {string} xmlText
 * @param {{ repoRoot?: string, xsdDir?: string | null, baseUrl?: string, namespace?: string,
 *   permissions?: string, fileName?: string }} [options]
 * @returns {Promise<string[]>}
 */
export async function validateManifest(xmlText, options = {}) {
  const problems = checkStructure(xmlText, options);
  if (options.xsdDir) problems.push(...(await checkXsd(xmlText, options.xsdDir, options.fileName)));
  return problems;
}

// ------------------------------------------------------------------ CLI

async function main(argv) {
  const args = argv.filter((a) => !a.startsWith("--"));
  const baseFlag = argv.find((a) => a.startsWith("--base-url="));
  const baseUrl = baseFlag ? baseFlag.slice("--base-url=".length) : process.env.ADDIN_BASE_URL;
  const file = resolve(args[0] ?? join(REPO_ROOT, "manifest.xml"));
  const shown = relative(process.cwd(), file) || file;
  let xmlText;
  try {
    xmlText = readFileSync(file, "utf8");
  } catch (e) {
    console.error(`${shown}: cannot read: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
  const xsdDir = findXsdDir(REPO_ROOT);
  if (!xsdDir) console.log("XSD validation skipped: ../shared/manifest-xsd not found");
  const problems = await validateManifest(xmlText, {
    repoRoot: REPO_ROOT,
    xsdDir,
    baseUrl,
    fileName: basename(file),
  });
  for (const p of problems) console.error(`${shown}: ${p}`);
  if (problems.length) {
    console.error(`${shown}: ${problems.length} problem${problems.length === 1 ? "" : "s"}`);
    return 1;
  }
  console.log(
    `${shown} OK: structural check passed${xsdDir ? `, valid against ${MAIN_XSD}` : ""} (base URL ${(baseUrl ?? DEV_BASE_URL).replace(/\/+$/, "")})`,
  );
  return 0;
}

function isEntryPoint() {
  if (!process.argv[1]) return false;
  try {
    return import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href;
  } catch {
    return false;
  }
}

if (isEntryPoint()) process.exitCode = await main(process.argv.slice(2));
