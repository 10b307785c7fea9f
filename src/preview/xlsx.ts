/**
 * A small .xlsx (Office Open XML spreadsheet) writer for the preview's "Download .xlsx": sheets with
 * values and formulas (each formula with its cached value), defined names, and optionally the
 * webextension part that makes Excel offer the add-in to whoever opens the file.
 *
 * Pure TypeScript (no DOM, no HyperFormula): it runs in the browser and in Node tests. Every XML
 * part is built from strings, so every piece of workbook text goes through `xml()`.
 */
import { strToU8, zipSync } from "fflate";

export type XlsxValue = string | number | boolean | null | { error: string };
/** How a cell is drawn: its number format code ("$#,##0.00"), bold, font size, wrapped text. */
export interface XlsxStyle {
  numberFormat?: string;
  bold?: boolean;
  /** Font size in points (11 when not given). */
  fontSize?: number;
  wrap?: boolean;
  align?: "left" | "right";
}
/** A cell: its value, and for a formula cell the formula in A1 syntax without the leading "=". */
export interface XlsxCell {
  value: XlsxValue;
  formula?: string;
  /**
   * For a formula whose result spills (a dynamic array), the range it fills, "Q4:Q90": written as
   * Excel writes one, so Excel spills and resizes it and other programs show the cached values.
   */
  spill?: string;
  style?: XlsxStyle;
}
/** Page-header or page-footer sections, in Excel's codes (&P page, &N pages, && an "&"). */
export interface XlsxHeaderFooter {
  left?: string;
  center?: string;
  right?: string;
}
/** How a sheet prints. */
export interface XlsxPageSetup {
  orientation: "landscape" | "portrait";
  /** Pages across and down the sheet is scaled to fit; 0 down means as many as needed. */
  fitToWidth: number;
  fitToHeight: number;
  /** 1-based rows repeated at the top of every page (the print titles). */
  titleRows?: { first: number; last: number };
  /** What prints ("A1:F9"), when not the whole used range. */
  printArea?: string;
  header?: XlsxHeaderFooter;
  footer?: XlsxHeaderFooter;
  /** Margins in inches. */
  margins?: {
    left: number;
    right: number;
    top: number;
    bottom: number;
    header: number;
    footer: number;
  };
}
/** One worksheet; rows[0] is row 1, rows[r][0] is column A. */
export interface XlsxSheet {
  name: string;
  rows: XlsxCell[][];
  /** Column widths in characters, [0] for column A. */
  columnWidths?: number[];
  /** Rows kept in view at the top when scrolling (frozen panes): 4 freezes rows 1 to 4. */
  frozenRows?: number;
  /** Merged blocks, as A1 ranges ("A2:E2"). */
  merges?: string[];
  /** Row heights in points, by 1-based row. */
  rowHeights?: Record<number, number>;
  /** Rows hidden on screen and on paper, 1-based. */
  hiddenRows?: readonly number[];
  /** Cells ("B3") with a dropdown of suggested values; no error alert, so other text is taken. */
  dropdowns?: readonly { ref: string; choices: readonly string[] }[];
  pageSetup?: XlsxPageSetup;
}
/** The add-in a recipient is offered: the `we:reference` of the webextension part. */
export interface XlsxAddIn {
  id: string;
  version: string;
  storeType: string;
  store: string;
}
export interface XlsxWorkbook {
  sheets: XlsxSheet[];
  /** Workbook-scoped names, e.g. { name: "BudgetDate", ref: "Settings!$B$2" }. */
  definedNames: { name: string; ref: string }[];
  addIn?: XlsxAddIn;
  creator?: string;
}

const NS = {
  main: "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
  rel: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  pkgRel: "http://schemas.openxmlformats.org/package/2006/relationships",
  types: "http://schemas.openxmlformats.org/package/2006/content-types",
  we: "http://schemas.microsoft.com/office/webextensions/webextension/2010/11",
  wetp: "http://schemas.microsoft.com/office/webextensions/taskpanes/2010/11",
} as const;

const REL_TYPE = {
  officeDocument: `${NS.rel}/officeDocument`,
  worksheet: `${NS.rel}/worksheet`,
  styles: `${NS.rel}/styles`,
  sharedStrings: `${NS.rel}/sharedStrings`,
  coreProperties:
    "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
  extendedProperties: `${NS.rel}/extended-properties`,
  sheetMetadata: `${NS.rel}/sheetMetadata`,
  taskpanes: "http://schemas.microsoft.com/office/2011/relationships/webextensiontaskpanes",
  webextension: "http://schemas.microsoft.com/office/2011/relationships/webextension",
} as const;

const CONTENT_TYPE = {
  workbook: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
  worksheet: "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
  styles: "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml",
  sharedStrings: "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml",
  core: "application/vnd.openxmlformats-package.core-properties+xml",
  app: "application/vnd.openxmlformats-officedocument.extended-properties+xml",
  taskpanes: "application/vnd.ms-office.webextensiontaskpanes+xml",
  webextension: "application/vnd.ms-office.webextension+xml",
  sheetMetadata: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheetMetadata+xml",
} as const;

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Errors a file may hold; others (HyperFormula's #CYCLE!, #ERROR!) are written as #VALUE!. */
const EXCEL_ERRORS = new Set(["#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A"]);

/** Escapes text for XML content and attribute values; drops characters XML 1.0 cannot hold. */
export function xml(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

/** Column letters of a 0-based column index: 0 → A, 25 → Z, 26 → AA. */
export function columnName(index: number): string {
  let name = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  }
  return name;
}

/** String literals ("..." with "" inside) and quoted sheet names ('...' with '' inside). */
const LITERALS = /("(?:[^"]|"")*"|'(?:[^']|'')*')/;
/** A CREW function call: CREW.NAME before "(", not the tail of a longer name (XCREW.RATE). */
const CREW_CALL = /(?<![\w.$])CREW\.([A-Za-z0-9_.]+)(?=\s*\()/gi;

/**
 * A formula as Excel stores it: without "=", and every add-in custom function `CREW.NAME(` as
 * `_xldudf_CREW_NAME(` (how Excel writes functions it only knows from an add-in). String literals
 * ("…") and quoted sheet names ('…') are left as they are.
 */
export function fileFormula(formula: string): string {
  const body = formula.startsWith("=") ? formula.slice(1) : formula;
  // Odd parts are the literals, kept as they are.
  return body
    .split(LITERALS)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part.replace(
            CREW_CALL,
            (_, name: string) => `_xldudf_CREW_${name.toUpperCase().replace(/\./g, "_")}`,
          ),
    )
    .join("");
}

/** Checks a sheet name against Excel's rules, so the file opens instead of being "repaired". */
function checkSheetNames(sheets: readonly XlsxSheet[]): void {
  if (sheets.length === 0) throw new Error("A workbook needs at least one sheet.");
  const seen = new Set<string>();
  for (const { name } of sheets) {
    if (name.length === 0 || name.length > 31) {
      throw new Error(`Sheet name "${name}" must be 1 to 31 characters long.`);
    }
    if (/[[\]:*?/\\]/.test(name) || name.startsWith("'") || name.endsWith("'")) {
      throw new Error(`Sheet name "${name}" contains a character Excel does not allow.`);
    }
    const key = name.toLowerCase();
    if (seen.has(key)) throw new Error(`Two sheets are named "${name}".`);
    seen.add(key);
  }
}

/** Collects the workbook's text into one shared-string table (what Excel itself writes). */
class SharedStrings {
  private readonly index = new Map<string, number>();
  count = 0;

  add(text: string): number {
    this.count += 1;
    let i = this.index.get(text);
    if (i === undefined) {
      i = this.index.size;
      this.index.set(text, i);
    }
    return i;
  }

  toXml(): string {
    const items = [...this.index.keys()].map((text) => `<si>${textElement(text)}</si>`).join("");
    return `${XML_HEAD}<sst xmlns="${NS.main}" count="${this.count}" uniqueCount="${this.index.size}">${items}</sst>`;
  }
}

/** Whether XML 1.0 cannot hold a character that OOXML text can, as "_xHHHH_". */
function needsEscape(code: number): boolean {
  const c0 = code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d;
  return c0 || code === 0xfffe || code === 0xffff;
}

/** Characters no UTF-8 file can hold at all: a surrogate without its pair. */
const UNSTORABLE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Cell text as OOXML stores it: "_xHHHH_" stands for a character (Excel's own escape), so a
 * literal "_xHHHH_" gets its underscore escaped, and control characters are kept as escapes
 * instead of being lost. Only unpaired surrogates are dropped (unstorableCells lists them).
 */
function ooxmlText(text: string): string {
  return xml(
    text.replace(/_(x[0-9A-Fa-f]{4}_)/g, "_x005F_$1").replace(/[^ -~\u00A0-\uFFFD]/gu, (c) => {
      const code = c.codePointAt(0) ?? 0;
      return needsEscape(code) ? `_x${code.toString(16).toUpperCase().padStart(4, "0")}_` : c;
    }),
  );
}

/**
 * The cells whose text holds characters an .xlsx cannot store (unpaired surrogates), as
 * "Sheet!A1": writeXlsx drops those characters, so the caller can say so.
 */
export function unstorableCells(workbook: XlsxWorkbook): string[] {
  return workbook.sheets.flatMap((sheet) =>
    sheet.rows.flatMap((row, r) =>
      row.flatMap((cell, c) =>
        typeof cell.value === "string" && cell.value.search(UNSTORABLE) >= 0
          ? [`${sheet.name}!${columnName(c)}${r + 1}`]
          : [],
      ),
    ),
  );
}

/** A `<t>` element; leading or trailing spaces and line breaks need xml:space="preserve". */
function textElement(text: string): string {
  const escaped = ooxmlText(text);
  const preserve = /^\s|\s$|\n/.test(text) ? ' xml:space="preserve"' : "";
  return `<t${preserve}>${escaped}</t>`;
}

function numberText(n: number): string {
  return Object.is(n, -0) ? "0" : String(n);
}

function errorText(error: string): string {
  return EXCEL_ERRORS.has(error) ? error : "#VALUE!";
}

/** A value's cell type ("" for a number) and its `<v>` text. */
function typedValue(
  value: Exclude<XlsxValue, null>,
  text: (s: string) => [string, string],
): [type: string, v: string] {
  if (typeof value === "number") {
    return Number.isFinite(value) ? ["", numberText(value)] : ["e", "#NUM!"];
  }
  if (typeof value === "boolean") return ["b", value ? "1" : "0"];
  if (typeof value === "string") return text(value);
  return ["e", xml(errorText(value.error))];
}

/**
 * One `<c>` element, or "" for an empty cell. A formula carries its last value, typed: a number,
 * t="str" text, t="b" boolean, t="e" error; plain text goes to the shared-string table (t="s").
 */
function cellXml(ref: string, cell: XlsxCell, strings: SharedStrings, styles: Styles): string {
  const { value, formula, spill } = cell;
  const spills = formula !== undefined && spill !== undefined && RANGE_REF.test(spill);
  const f = formula
    ? spills
      ? `<f t="array" ref="${spill}">${xml(fileFormula(formula))}</f>`
      : `<f>${xml(fileFormula(formula))}</f>`
    : "";
  const index = styles.add(cell.style);
  // cm="1": the cell metadata that marks the array as dynamic (metadata.xml's one record).
  const s = (index === 0 ? "" : ` s="${index}"`) + (spills ? ` cm="1"` : "");
  if (value === null || (value === "" && f === "")) {
    return f ? `<c r="${ref}"${s}>${f}</c>` : s ? `<c r="${ref}"${s}/>` : "";
  }
  const [t, v] = typedValue(value, (text): [string, string] =>
    f ? ["str", ooxmlText(text)] : ["s", String(strings.add(text))],
  );
  return `<c r="${ref}"${s}${t ? ` t="${t}"` : ""}>${f}<v>${v}</v></c>`;
}

const RANGE_REF = /^[A-Z]{1,3}[1-9]\d{0,6}(:[A-Z]{1,3}[1-9]\d{0,6})?$/;

/** A page-header or -footer string: its sections after &L, &C and &R (Excel caps it at 255). */
function headerFooterXml(parts: XlsxHeaderFooter): string {
  const text =
    (parts.left ? `&L${parts.left}` : "") +
    (parts.center ? `&C${parts.center}` : "") +
    (parts.right ? `&R${parts.right}` : "");
  if (text.length > 255)
    throw new Error(`A page header or footer is ${text.length} characters; Excel allows 255.`);
  return xml(text);
}

function positiveInteger(n: number, what: string): number {
  if (!Number.isInteger(n) || n < 0)
    throw new Error(`${what} must be a whole number of 0 or more.`);
  return n;
}

/** <sheetPr>, <sheetViews> with the frozen pane: what comes before <cols>. */
function sheetHeadXml(sheet: XlsxSheet): string {
  const fit = sheet.pageSetup ? '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' : "";
  const frozen = positiveInteger(sheet.frozenRows ?? 0, "Frozen rows");
  const first = `A${frozen + 1}`;
  const pane =
    frozen > 0
      ? `<pane ySplit="${frozen}" topLeftCell="${first}" activePane="bottomLeft" state="frozen"/>` +
        `<selection pane="bottomLeft" activeCell="${first}" sqref="${first}"/>`
      : "";
  return `${fit}<sheetViews><sheetView workbookViewId="0">${pane}</sheetView></sheetViews>`;
}

/**
 * <mergeCells>, <dataValidations>, then the print setup: what comes after <sheetData>, in the
 * schema's order.
 */
function sheetTailXml(sheet: XlsxSheet): string {
  const merges = (sheet.merges ?? []).map((ref) => {
    if (!RANGE_REF.test(ref)) throw new Error(`"${ref}" is not a block of cells to merge.`);
    return `<mergeCell ref="${ref}"/>`;
  });
  const mergeXml =
    merges.length === 0
      ? ""
      : `<mergeCells count="${merges.length}">${merges.join("")}</mergeCells>`;
  const dropdowns = (sheet.dropdowns ?? []).map(({ ref, choices }) => {
    if (!RANGE_REF.test(ref)) throw new Error(`"${ref}" is not a cell for a dropdown.`);
    const list = choices.join(",");
    if (list.includes('"') || list.length > 255)
      throw new Error(`A dropdown's list must be under 256 characters, without quotes: ${list}`);
    return `<dataValidation type="list" allowBlank="1" showErrorMessage="0" sqref="${ref}"><formula1>${xml(`"${list}"`)}</formula1></dataValidation>`;
  });
  const validationXml =
    dropdowns.length === 0
      ? ""
      : `<dataValidations count="${dropdowns.length}">${dropdowns.join("")}</dataValidations>`;
  const page = sheet.pageSetup;
  if (!page) return mergeXml + validationXml;
  const m = page.margins ?? {
    left: 0.7,
    right: 0.7,
    top: 0.75,
    bottom: 0.75,
    header: 0.3,
    footer: 0.3,
  };
  const header = page.header ? `<oddHeader>${headerFooterXml(page.header)}</oddHeader>` : "";
  const footer = page.footer ? `<oddFooter>${headerFooterXml(page.footer)}</oddFooter>` : "";
  return (
    mergeXml +
    validationXml +
    `<pageMargins left="${m.left}" right="${m.right}" top="${m.top}" bottom="${m.bottom}" header="${m.header}" footer="${m.footer}"/>` +
    `<pageSetup orientation="${page.orientation === "landscape" ? "landscape" : "portrait"}" ` +
    `fitToWidth="${positiveInteger(page.fitToWidth, "fitToWidth")}" fitToHeight="${positiveInteger(page.fitToHeight, "fitToHeight")}"/>` +
    (header || footer ? `<headerFooter>${header}${footer}</headerFooter>` : "")
  );
}

function sheetXml(sheet: XlsxSheet, strings: SharedStrings, styles: Styles): string {
  const heights = sheet.rowHeights ?? {};
  const hidden = new Set(sheet.hiddenRows ?? []);
  const rows = sheet.rows
    .map((row, r) => {
      const cells = row.map((cell, c) =>
        cellXml(`${columnName(c)}${r + 1}`, cell, strings, styles),
      );
      const body = cells.join("");
      const height = heights[r + 1];
      const ht =
        height !== undefined && Number.isFinite(height) && height > 0
          ? ` ht="${Math.min(height, 409)}" customHeight="1"`
          : "";
      const attributes = `${ht}${hidden.has(r + 1) ? ' hidden="1"' : ""}`;
      return body === "" && attributes === "" ? "" : `<row r="${r + 1}"${attributes}>${body}</row>`;
    })
    .join("");
  const widths = sheet.columnWidths ?? [];
  const cols = widths
    .map((w, c) =>
      Number.isFinite(w) && w > 0
        ? `<col min="${c + 1}" max="${c + 1}" width="${Math.min(w, 255)}" customWidth="1"/>`
        : "",
    )
    .join("");
  return (
    `${XML_HEAD}<worksheet xmlns="${NS.main}" xmlns:r="${NS.rel}">` +
    sheetHeadXml(sheet) +
    (cols === "" ? "" : `<cols>${cols}</cols>`) +
    `<sheetData>${rows}</sheetData>` +
    sheetTailXml(sheet) +
    `</worksheet>`
  );
}

function workbookXml(workbook: XlsxWorkbook): string {
  const sheets = workbook.sheets
    .map((s, i) => `<sheet name="${xml(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
    .join("");
  const names = workbook.definedNames
    .map((n) => `<definedName name="${xml(n.name)}">${xml(fileFormula(n.ref))}</definedName>`)
    .join("");
  // Each sheet's print titles: a name of its own (localSheetId), rows as 'Sheet'!$4:$4.
  const titles = workbook.sheets
    .map((s, i) => {
      const rows = s.pageSetup?.titleRows;
      if (!rows) return "";
      const first = positiveInteger(rows.first, "Print title rows");
      const last = positiveInteger(rows.last, "Print title rows");
      if (first < 1 || last < first)
        throw new Error(`Print title rows ${first}:${last} are not rows.`);
      const sheet = `'${s.name.replace(/'/g, "''")}'`;
      return `<definedName name="_xlnm.Print_Titles" localSheetId="${i}">${xml(`${sheet}!$${first}:$${last}`)}</definedName>`;
    })
    .join("");
  // A sheet's print area, when it has one: 'Sheet'!$A$1:$F$9.
  const areas = workbook.sheets
    .map((s, i) => {
      const area = s.pageSetup?.printArea;
      if (area === undefined) return "";
      if (!/^[A-Z]{1,3}\d+:[A-Z]{1,3}\d+$/.test(area)) {
        throw new Error(`Print area ${area} is not a range.`);
      }
      const sheet = `'${s.name.replace(/'/g, "''")}'`;
      const absolute = area.replace(/([A-Z]+)(\d+)/g, "$$$1$$$2");
      return `<definedName name="_xlnm.Print_Area" localSheetId="${i}">${xml(`${sheet}!${absolute}`)}</definedName>`;
    })
    .join("");
  return (
    `${XML_HEAD}<workbook xmlns="${NS.main}" xmlns:r="${NS.rel}">` +
    `<bookViews><workbookView activeTab="0"/></bookViews>` +
    `<sheets>${sheets}</sheets>` +
    (names + titles + areas === ""
      ? ""
      : `<definedNames>${names}${titles}${areas}</definedNames>`) +
    `</workbook>`
  );
}

type Relationship = [id: string, type: string, target: string];

function relationships(rels: readonly Relationship[]): string {
  const items = rels
    .map(([id, type, target]) => `<Relationship Id="${id}" Type="${type}" Target="${target}"/>`)
    .join("");
  return `${XML_HEAD}<Relationships xmlns="${NS.pkgRel}">${items}</Relationships>`;
}

/** Number formats every spreadsheet knows by id ([ECMA-376] 18.8.30); others get ids from 164. */
const BUILTIN_FORMATS: Readonly<Record<string, number>> = {
  General: 0,
  "0": 1,
  "0.00": 2,
  "@": 49,
};
const FIRST_CUSTOM_FORMAT = 164;
const DEFAULT_FONT_SIZE = 11;

/**
 * The workbook's cell formats: each distinct style a cell asks for becomes one `<xf>` (index 0 is
 * the default), with its number format and font. Filled while the sheets are written.
 */
class Styles {
  private readonly xfs = new Map<string, number>([["0|0|0|", 0]]);
  private readonly formats = new Map<string, number>();
  private readonly fonts = new Map<string, number>([["0|11", 0]]);

  /** The `s` index of a style; 0 (the default) for none. */
  add(style: XlsxStyle | undefined): number {
    if (!style) return 0;
    const format = this.formatId(style.numberFormat);
    const font = this.fontId(style.bold === true, style.fontSize ?? DEFAULT_FONT_SIZE);
    const align = style.align === "left" || style.align === "right" ? style.align : "";
    const key = `${format}|${font}|${style.wrap === true ? 1 : 0}|${align}`;
    let index = this.xfs.get(key);
    if (index === undefined) {
      index = this.xfs.size;
      this.xfs.set(key, index);
    }
    return index;
  }

  private formatId(code: string | undefined): number {
    if (code === undefined || code === "") return 0;
    const builtin = BUILTIN_FORMATS[code];
    if (builtin !== undefined) return builtin;
    let id = this.formats.get(code);
    if (id === undefined) {
      id = FIRST_CUSTOM_FORMAT + this.formats.size;
      this.formats.set(code, id);
    }
    return id;
  }

  private fontId(bold: boolean, size: number): number {
    if (!Number.isFinite(size) || size <= 0) throw new Error(`Font size ${size} is not a size.`);
    const key = `${bold ? 1 : 0}|${size}`;
    let id = this.fonts.get(key);
    if (id === undefined) {
      id = this.fonts.size;
      this.fonts.set(key, id);
    }
    return id;
  }

  toXml(): string {
    const numFmts = [...this.formats]
      .map(([code, id]) => `<numFmt numFmtId="${id}" formatCode="${xml(code)}"/>`)
      .join("");
    const fonts = [...this.fonts.keys()]
      .map((key) => {
        const [bold, size] = key.split("|");
        return `<font>${bold === "1" ? "<b/>" : ""}<sz val="${size}"/><name val="Calibri"/><family val="2"/></font>`;
      })
      .join("");
    const xfs = [...this.xfs.keys()]
      .map((key) => {
        const [format = "0", font = "0", wrap, align = ""] = key.split("|");
        const aligned = wrap === "1" || align !== "";
        const apply =
          (format !== "0" ? ' applyNumberFormat="1"' : "") +
          (font !== "0" ? ' applyFont="1"' : "") +
          (aligned ? ' applyAlignment="1"' : "");
        const alignment = aligned
          ? `<alignment${align ? ` horizontal="${align}"` : ""}${wrap === "1" ? ' vertical="top" wrapText="1"' : ""}/>`
          : "";
        return `<xf numFmtId="${format}" fontId="${font}" fillId="0" borderId="0" xfId="0"${apply}>${alignment}</xf>`;
      })
      .join("");
    return (
      `${XML_HEAD}<styleSheet xmlns="${NS.main}">` +
      (this.formats.size === 0
        ? ""
        : `<numFmts count="${this.formats.size}">${numFmts}</numFmts>`) +
      `<fonts count="${this.fonts.size}">${fonts}</fonts>` +
      `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
      `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
      `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
      `<cellXfs count="${this.xfs.size}">${xfs}</cellXfs>` +
      `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>` +
      `</styleSheet>`
    );
  }
}

function coreXml(creator: string, now: Date): string {
  const when = now.toISOString().replace(/\.\d{3}Z$/, "Z");
  return (
    `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
    `xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ` +
    `xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
    `<dc:creator>${xml(creator)}</dc:creator>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified>` +
    `</cp:coreProperties>`
  );
}

/** The generator is CrewRate: the file must never claim to have been written by Excel. */
const APP_XML =
  `${XML_HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" ` +
  `xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">` +
  `<Application>CrewRate</Application></Properties>`;

/**
 * The add-in's instance in the document ([MS-OWEXML]), with the property that opens its task pane
 * with the document, and the task pane part that shows it docked right (visibility="1": a
 * recipient without the add-in is prompted to install or trust it).
 */
function webExtensionXml(addIn: XlsxAddIn): string {
  return (
    `${XML_HEAD}<we:webextension xmlns:we="${NS.we}" id="{${xml(addIn.id.toUpperCase())}}">` +
    `<we:reference id="${xml(addIn.id)}" version="${xml(addIn.version)}" store="${xml(addIn.store)}" storeType="${xml(addIn.storeType)}"/>` +
    `<we:alternateReferences/>` +
    `<we:properties><we:property name="Office.AutoShowTaskpaneWithDocument" value="true"/></we:properties>` +
    `<we:bindings/>` +
    `<we:snapshot xmlns:r="${NS.rel}"/>` +
    `</we:webextension>`
  );
}

const TASKPANES_XML =
  `${XML_HEAD}<wetp:taskpanes xmlns:wetp="${NS.wetp}">` +
  `<wetp:taskpane dockstate="right" visibility="1" width="350" row="1">` +
  `<wetp:webextensionref xmlns:r="${NS.rel}" r:id="rId1"/>` +
  `</wetp:taskpane></wetp:taskpanes>`;

/**
 * The metadata part a dynamic array needs: one cell-metadata record of type XLDAPR, "this array
 * formula is dynamic" (fDynamic), which every spilling cell points at with cm="1".
 */
const METADATA_XML =
  `${XML_HEAD}<metadata xmlns="${NS.main}" xmlns:xda="http://schemas.microsoft.com/office/spreadsheetml/2017/dynamicarray">` +
  `<metadataTypes count="1"><metadataType name="XLDAPR" minSupportedVersion="120000" copy="1" pasteAll="1" pasteValues="1" merge="1" splitFirst="1" rowColShift="1" clearFormats="1" clearComments="1" assign="1" coerce="1" cellMeta="1"/></metadataTypes>` +
  `<futureMetadata name="XLDAPR" count="1"><bk><extLst><ext uri="{bdbb8cdc-fa1e-496e-a857-3c3f30c029c3}"><xda:dynamicArrayProperties fDynamic="1" fCollapsed="0"/></ext></extLst></bk></futureMetadata>` +
  `<cellMetadata count="1"><bk><rc t="1" v="0"/></bk></cellMetadata></metadata>`;

function hasSpills(workbook: XlsxWorkbook): boolean {
  return workbook.sheets.some((sheet) =>
    sheet.rows.some((row) => row.some((c) => c.spill !== undefined && c.formula !== undefined)),
  );
}

function contentTypesXml(sheetCount: number, withAddIn: boolean, withMetadata = false): string {
  const override = (part: string, type: string) =>
    `<Override PartName="${part}" ContentType="${type}"/>`;
  const parts = [
    override("/xl/workbook.xml", CONTENT_TYPE.workbook),
    ...Array.from({ length: sheetCount }, (_, i) =>
      override(`/xl/worksheets/sheet${i + 1}.xml`, CONTENT_TYPE.worksheet),
    ),
    override("/xl/styles.xml", CONTENT_TYPE.styles),
    override("/xl/sharedStrings.xml", CONTENT_TYPE.sharedStrings),
    override("/docProps/core.xml", CONTENT_TYPE.core),
    override("/docProps/app.xml", CONTENT_TYPE.app),
    ...(withMetadata ? [override("/xl/metadata.xml", CONTENT_TYPE.sheetMetadata)] : []),
    ...(withAddIn
      ? [
          override("/xl/webextensions/taskpanes.xml", CONTENT_TYPE.taskpanes),
          override("/xl/webextensions/webextension1.xml", CONTENT_TYPE.webextension),
        ]
      : []),
  ];
  return (
    `${XML_HEAD}<Types xmlns="${NS.types}">` +
    `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
    `<Default Extension="xml" ContentType="application/xml"/>` +
    `${parts.join("")}</Types>`
  );
}

/**
 * The workbook as .xlsx bytes.
 * @throws Error when a sheet name is one Excel would reject (empty, over 31 characters, []:*?/\,
 *   or a duplicate).
 */
export function writeXlsx(workbook: XlsxWorkbook): Uint8Array {
  checkSheetNames(workbook.sheets);
  const strings = new SharedStrings();
  const styles = new Styles();
  const sheetCount = workbook.sheets.length;
  const files: Record<string, string> = {};

  const withMetadata = hasSpills(workbook);
  files["[Content_Types].xml"] = contentTypesXml(
    sheetCount,
    workbook.addIn !== undefined,
    withMetadata,
  );
  files["_rels/.rels"] = relationships([
    ["rId1", REL_TYPE.officeDocument, "xl/workbook.xml"],
    ["rId2", REL_TYPE.coreProperties, "docProps/core.xml"],
    ["rId3", REL_TYPE.extendedProperties, "docProps/app.xml"],
    ...(workbook.addIn
      ? [["rId4", REL_TYPE.taskpanes, "xl/webextensions/taskpanes.xml"] satisfies Relationship]
      : []),
  ]);
  files["docProps/core.xml"] = coreXml(workbook.creator ?? "CrewRate", new Date());
  files["docProps/app.xml"] = APP_XML;
  files["xl/workbook.xml"] = workbookXml(workbook);
  files["xl/_rels/workbook.xml.rels"] = relationships([
    ...workbook.sheets.map((_, i): Relationship => [
      `rId${i + 1}`,
      REL_TYPE.worksheet,
      `worksheets/sheet${i + 1}.xml`,
    ]),
    [`rId${sheetCount + 1}`, REL_TYPE.styles, "styles.xml"],
    [`rId${sheetCount + 2}`, REL_TYPE.sharedStrings, "sharedStrings.xml"],
    ...(withMetadata
      ? [[`rId${sheetCount + 3}`, REL_TYPE.sheetMetadata, "metadata.xml"] satisfies Relationship]
      : []),
  ]);
  if (withMetadata) files["xl/metadata.xml"] = METADATA_XML;
  workbook.sheets.forEach((sheet, i) => {
    files[`xl/worksheets/sheet${i + 1}.xml`] = sheetXml(sheet, strings, styles);
  });
  // After the sheets: they fill the tables.
  files["xl/styles.xml"] = styles.toXml();
  files["xl/sharedStrings.xml"] = strings.toXml();
  if (workbook.addIn) {
    files["xl/webextensions/taskpanes.xml"] = TASKPANES_XML;
    files["xl/webextensions/_rels/taskpanes.xml.rels"] = relationships([
      ["rId1", REL_TYPE.webextension, "webextension1.xml"],
    ]);
    files["xl/webextensions/webextension1.xml"] = webExtensionXml(workbook.addIn);
  }

  const zipped: Record<string, Uint8Array> = {};
  for (const [path, text] of Object.entries(files)) zipped[path] = strToU8(text);
  return zipSync(zipped, { level: 6 });
}
