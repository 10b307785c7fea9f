/**
 * The manifest as a small tree of elements. @xmldom/xmldom does the parsing (well-formedness,
 * namespaces, entities, line numbers); this file only turns its DOM into plain records and refuses
 * a DOCTYPE, which a manifest never needs.
 */
import { DOMParser, Element, ParseError, Text, type Document } from "@xmldom/xmldom";

export const NS = {
  app: "http://schemas.microsoft.com/office/appforoffice/1.1",
  bt: "http://schemas.microsoft.com/office/officeappbasictypes/1.0",
  ov: "http://schemas.microsoft.com/office/taskpaneappversionoverrides",
  xsi: "http://www.w3.org/2001/XMLSchema-instance",
} as const;

export class XmlSyntaxError extends Error {}

export interface XmlElement {
  /** The name as written, prefix included: `bt:Image`. */
  name: string;
  /** The name without its prefix: `Image`. */
  local: string;
  /** The namespace URI, "" for none. */
  ns: string;
  /** Attributes by the name as written, namespace declarations included. */
  attrs: Map<string, string>;
  /** Attributes in a namespace, by `{namespace}local`. */
  nsAttrs: Map<string, string>;
  children: XmlElement[];
  /** The element's own text and CDATA, decoded (not its children's). */
  text: string;
  line: number;
  parent: XmlElement | null;
}

/** xmldom's wording for the mistake a hand edit makes most, in the manifest's terms. */
const explain = (message: string): string =>
  message.replace(/^Opening and ending tag mismatch: "(.+)" != "(.+)"$/, "</$2> closes <$1>");

function lineOf(locator: unknown): number {
  const line =
    typeof locator === "object" && locator !== null && "lineNumber" in locator
      ? locator.lineNumber
      : undefined;
  return typeof line === "number" && line > 0 ? line : 1;
}

function toTree(el: Element, parent: XmlElement | null): XmlElement {
  const node: XmlElement = {
    name: el.tagName,
    local: el.localName ?? el.tagName,
    ns: el.namespaceURI ?? "",
    attrs: new Map(),
    nsAttrs: new Map(),
    children: [],
    text: "",
    line: el.lineNumber ?? 0,
    parent,
  };
  for (const a of el.attributes) {
    node.attrs.set(a.name, a.value);
    if (a.namespaceURI) node.nsAttrs.set(`{${a.namespaceURI}}${a.localName ?? a.name}`, a.value);
  }
  for (const child of el.childNodes) {
    if (child instanceof Element) node.children.push(toTree(child, node));
    else if (child instanceof Text) node.text += child.data; // CDATA sections are Text too
  }
  return node;
}

/** xmldom's Document; the first problem it reports (warnings included) throws XmlSyntaxError. */
function parseDocument(text: string): Document {
  let reported = "";
  try {
    return new DOMParser({
      onError: (_level, message) => {
        reported = message;
        throw new XmlSyntaxError(message);
      },
    }).parseFromString(text.replace(/^\uFEFF/, ""), "text/xml");
  } catch (e) {
    if (!(e instanceof ParseError)) throw e;
    const locator: unknown = e.locator;
    throw new XmlSyntaxError(`line ${lineOf(locator)}: XML: ${explain(reported || e.message)}`);
  }
}

/** Parses XML into elements with resolved namespaces. Throws XmlSyntaxError with a line number. */
export function parseXml(text: string): XmlElement {
  const doc = parseDocument(text);
  if (doc.doctype)
    throw new XmlSyntaxError(
      `line ${lineOf(doc.doctype)}: XML: DOCTYPE and other declarations are not allowed in a manifest`,
    );
  if (!doc.documentElement) throw new XmlSyntaxError("line 1: XML: no root element");
  return toTree(doc.documentElement, null);
}

// ------------------------------------------------------------------ tree helpers

export const kids = (el: XmlElement | null, local: string, ns?: string): XmlElement[] =>
  el ? el.children.filter((c) => c.local === local && (ns === undefined || c.ns === ns)) : [];

export const kid = (el: XmlElement | null, local: string, ns?: string): XmlElement | null =>
  kids(el, local, ns)[0] ?? null;

/** An attribute by local name: unprefixed when ns is omitted, else in namespace ns. */
export function attr(el: XmlElement | null, local: string, ns?: string): string | null {
  if (!el) return null;
  return (ns === undefined ? el.attrs.get(local) : el.nsAttrs.get(`{${ns}}${local}`)) ?? null;
}

/** The xsi:type of an element, without its prefix. */
export const xsiType = (el: XmlElement | null): string | null =>
  attr(el, "type", NS.xsi)?.replace(/^.*:/, "") ?? null;

export function* walk(el: XmlElement): Generator<XmlElement> {
  yield el;
  for (const c of el.children) yield* walk(c);
}
