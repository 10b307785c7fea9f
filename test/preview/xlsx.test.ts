// @vitest-environment jsdom
/**
 * "Download .xlsx": the writer's parts and XML (parsed with jsdom's strict XML parser), the add-in's
 * webextension part, the button, and a round trip through LibreOffice headless: the exported budget
 * opens with the same totals as the preview, to the cent.
 */
import { execFile } from "node:child_process";
import {
  accessSync,
  constants,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { strFromU8, unzipSync } from "fflate";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { cleanup, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { createElement } from "react";
import { DetailedCellError } from "hyperformula";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { engine } from "../../src/data";
import {
  BUDGET_SHEET,
  COLUMNS,
  FIRST_LINE_ROW,
  SETTINGS,
  SETTINGS_SHEET,
  settingAddress,
  TOPSHEET_SHEET,
  TOPSHEET_HEADER_ROW,
  type CrewLineInput,
} from "../../src/budget";
import { PreviewWorkbook } from "../../src/preview/previewWorkbook";
import { crewLine } from "../fixtures/crewLine";
import { parseCsvRows } from "../../scripts/csv";
import { DownloadXlsx } from "../../src/preview/DownloadXlsx";
import { CREWRATE_ADDIN, workbookForXlsx } from "../../src/preview/exportWorkbook";
import { writeXlsx, type XlsxWorkbook } from "../../src/preview/xlsx";

const NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const NS_WE = "http://schemas.microsoft.com/office/webextensions/webextension/2010/11";
const NS_WETP = "http://schemas.microsoft.com/office/webextensions/taskpanes/2010/11";
const NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

const BASE_PARTS = [
  "[Content_Types].xml",
  "_rels/.rels",
  "docProps/app.xml",
  "docProps/core.xml",
  "xl/_rels/workbook.xml.rels",
  "xl/sharedStrings.xml",
  "xl/styles.xml",
  "xl/workbook.xml",
];
const WEBEXTENSION_PARTS = [
  "xl/webextensions/_rels/taskpanes.xml.rels",
  "xl/webextensions/taskpanes.xml",
  "xl/webextensions/webextension1.xml",
];

function unzip(bytes: Uint8Array): Record<string, string> {
  return Object.fromEntries(
    Object.entries(unzipSync(bytes)).map(([path, data]) => [path, strFromU8(data)]),
  );
}

/** Parses XML strictly; a malformed part fails the test with the parser's message. */
function parse(text: string, part = "xml"): Document {
  const doc = new DOMParser().parseFromString(text, "application/xml");
  const error = doc.getElementsByTagName("parsererror")[0];
  if (error) throw new Error(`${part} is not well-formed XML: ${error.textContent ?? ""}`);
  return doc;
}

function elements(doc: Document, ns: string, name: string): Element[] {
  return Array.from(doc.getElementsByTagNameNS(ns, name));
}

/** The <c> element of one cell of a worksheet part. */
function cell(sheetXml: string, ref: string): Element {
  const c = elements(parse(sheetXml), NS_MAIN, "c").find((e) => e.getAttribute("r") === ref);
  if (!c) throw new Error(`no cell ${ref}`);
  return c;
}

const childText = (e: Element, name: string) =>
  e.getElementsByTagNameNS(NS_MAIN, name)[0]?.textContent ?? undefined;

const AWKWARD = `R&D <"quoted"> 'single' — é ✓`;

function sample(): XlsxWorkbook {
  return {
    sheets: [
      {
        name: "Budget (values)",
        columnWidths: [12, 30],
        rows: [
          [{ value: AWKWARD }, { value: 42.5 }, { value: true }, { value: { error: "#N/A" } }],
          [
            { value: 7, formula: 'IF(A1="CREW.RATE(",0,CREW.RATE(A1,B1)+crew.fringe.total(B1))' },
            { value: "Gaffer", formula: "CREW.ROLE(A1)" },
            { value: false, formula: "B1>100" },
            { value: { error: "#VALUE!" }, formula: 'CREW.RATE("x")' },
            { value: 3, formula: "SUM('CREW.RATE(1)'!A1,1,2)" },
            { value: 4, formula: "CREW.A(CREW.B(1),XCREW.C(2))" },
            { value: null },
            { value: "" },
          ],
        ],
      },
      { name: "Settings", rows: [[{ value: "Budget date" }, { value: "2026-08-02" }]] },
    ],
    definedNames: [{ name: "BudgetDate", ref: "Settings!$B$1" }],
    creator: AWKWARD,
  };
}

describe("writeXlsx", () => {
  it("writes exactly the package parts, one worksheet per sheet, all well-formed XML", () => {
    const parts = unzip(writeXlsx(sample()));
    expect(Object.keys(parts).sort()).toEqual(
      [...BASE_PARTS, "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"].sort(),
    );
    for (const [path, text] of Object.entries(parts)) expect(() => parse(text, path)).not.toThrow();
    // The check itself can fail.
    expect(() => parse("<a><b></a>")).toThrow(/not well-formed/);
  });

  it("escapes every string: cell text, sheet names, defined names and the creator", () => {
    const parts = unzip(writeXlsx(sample()));
    expect(parts["xl/sharedStrings.xml"]).toContain("R&amp;D &lt;&quot;quoted&quot;&gt;");
    const strings = elements(parse(parts["xl/sharedStrings.xml"]!), NS_MAIN, "t").map(
      (t) => t.textContent,
    );
    expect(strings).toContain(AWKWARD);
    // A1 is a shared string pointing at that text.
    const a1 = cell(parts["xl/worksheets/sheet1.xml"]!, "A1");
    expect(a1.getAttribute("t")).toBe("s");
    expect(strings[Number(childText(a1, "v"))]).toBe(AWKWARD);

    const workbook = parse(parts["xl/workbook.xml"]!);
    expect(elements(workbook, NS_MAIN, "sheet").map((s) => s.getAttribute("name"))).toEqual([
      "Budget (values)",
      "Settings",
    ]);
    const names = elements(workbook, NS_MAIN, "definedName");
    expect(names.map((n) => [n.getAttribute("name"), n.textContent])).toEqual([
      ["BudgetDate", "Settings!$B$1"],
    ]);
    const core = parse(parts["docProps/core.xml"]!);
    expect(core.getElementsByTagName("dc:creator")[0]?.textContent).toBe(AWKWARD);
  });

  it("stores CREW functions as Excel stores add-in functions, never inside string literals", () => {
    const sheet = unzip(writeXlsx(sample()))["xl/worksheets/sheet1.xml"]!;
    expect(childText(cell(sheet, "A2"), "f")).toBe(
      'IF(A1="CREW.RATE(",0,_xldudf_CREW_RATE(A1,B1)+_xldudf_CREW_FRINGE_TOTAL(B1))',
    );
    expect(childText(cell(sheet, "B2"), "f")).toBe("_xldudf_CREW_ROLE(A1)");
    // A quoted sheet name that looks like a call is a name, not a call.
    expect(childText(cell(sheet, "E2"), "f")).toBe("SUM('CREW.RATE(1)'!A1,1,2)");
    // Nested calls both change; a longer name ending in CREW does not.
    expect(childText(cell(sheet, "F2"), "f")).toBe("_xldudf_CREW_A(_xldudf_CREW_B(1),XCREW.C(2))");
  });

  it("gives each formula its cached value, typed: number, str, b, e", () => {
    const sheet = unzip(writeXlsx(sample()))["xl/worksheets/sheet1.xml"]!;
    const typed = (ref: string) => {
      const c = cell(sheet, ref);
      return [c.getAttribute("t"), childText(c, "v")];
    };
    expect(typed("A2")).toEqual([null, "7"]);
    expect(typed("B2")).toEqual(["str", "Gaffer"]);
    expect(typed("C2")).toEqual(["b", "0"]);
    expect(typed("D2")).toEqual(["e", "#VALUE!"]);
    // Plain values: number, boolean, error; empty cells are left out.
    expect(typed("B1")).toEqual([null, "42.5"]);
    expect(typed("C1")).toEqual(["b", "1"]);
    expect(typed("D1")).toEqual(["e", "#N/A"]);
    expect(() => cell(sheet, "G2")).toThrow(/no cell/);
    expect(() => cell(sheet, "H2")).toThrow(/no cell/);
    const cols = elements(parse(sheet), NS_MAIN, "col").map((c) => c.getAttribute("width"));
    expect(cols).toEqual(["12", "30"]);
  });

  it("says the file comes from CrewRate, not Excel", () => {
    const app = unzip(writeXlsx(sample()))["docProps/app.xml"]!;
    expect(parse(app).getElementsByTagName("Application")[0]?.textContent).toBe("CrewRate");
    expect(app).not.toMatch(/Microsoft/i);
  });

  it("adds no webextension part without an add-in", () => {
    const parts = unzip(writeXlsx(sample()));
    for (const part of WEBEXTENSION_PARTS) expect(parts[part]).toBeUndefined();
    expect(parts["_rels/.rels"]).not.toContain("webextension");
    expect(parts["[Content_Types].xml"]).not.toContain("webextension");
  });

  it("adds the webextension and task pane parts, linked and typed, when given the add-in", () => {
    const parts = unzip(writeXlsx({ ...sample(), addIn: CREWRATE_ADDIN }));
    for (const part of WEBEXTENSION_PARTS) expect(parts[part]).toBeDefined();

    const rootRel = elements(parse(parts["_rels/.rels"]!), "*", "Relationship").find(
      (r) =>
        r.getAttribute("Type") ===
        "http://schemas.microsoft.com/office/2011/relationships/webextensiontaskpanes",
    );
    expect(rootRel?.getAttribute("Target")).toBe("xl/webextensions/taskpanes.xml");

    const types = parse(parts["[Content_Types].xml"]!);
    const overrides = new Map(
      elements(types, "*", "Override").map((o) => [
        o.getAttribute("PartName"),
        o.getAttribute("ContentType"),
      ]),
    );
    expect(overrides.get("/xl/webextensions/taskpanes.xml")).toBe(
      "application/vnd.ms-office.webextensiontaskpanes+xml",
    );
    expect(overrides.get("/xl/webextensions/webextension1.xml")).toBe(
      "application/vnd.ms-office.webextension+xml",
    );

    const taskpanes = parse(parts["xl/webextensions/taskpanes.xml"]!);
    const pane = elements(taskpanes, NS_WETP, "taskpane")[0]!;
    expect(pane.getAttribute("visibility")).toBe("1");
    expect(pane.getAttribute("dockstate")).toBe("right");
    expect(Number(pane.getAttribute("width"))).toBe(350);
    const refId = elements(taskpanes, NS_WETP, "webextensionref")[0]?.getAttributeNS(NS_REL, "id");
    const paneRel = elements(
      parse(parts["xl/webextensions/_rels/taskpanes.xml.rels"]!),
      "*",
      "Relationship",
    )[0]!;
    expect(paneRel.getAttribute("Id")).toBe(refId);
    expect(paneRel.getAttribute("Type")).toBe(
      "http://schemas.microsoft.com/office/2011/relationships/webextension",
    );
    expect(paneRel.getAttribute("Target")).toBe("webextension1.xml");

    const ext = parse(parts["xl/webextensions/webextension1.xml"]!);
    const ref = elements(ext, NS_WE, "reference")[0]!;
    expect({
      id: ref.getAttribute("id"),
      version: ref.getAttribute("version"),
      store: ref.getAttribute("store"),
      storeType: ref.getAttribute("storeType"),
    }).toEqual(CREWRATE_ADDIN);
    // The reference names the manifest's <Id> and <Version>.
    const manifest = readFileSync(join(import.meta.dirname, "../../manifest.xml"), "utf8");
    expect(CREWRATE_ADDIN.id).toBe(/<Id>([^<]+)<\/Id>/.exec(manifest)?.[1]);
    expect(CREWRATE_ADDIN.version).toBe(/<Version>([^<]+)<\/Version>/.exec(manifest)?.[1]);
    const props = elements(ext, NS_WE, "property").map((p) => [
      p.getAttribute("name"),
      p.getAttribute("value"),
    ]);
    expect(props).toEqual([["Office.AutoShowTaskpaneWithDocument", "true"]]);
  });

  it("rejects sheet names Excel would not open", () => {
    const named = (name: string): XlsxWorkbook => ({
      sheets: [{ name, rows: [] }],
      definedNames: [],
    });
    expect(() => writeXlsx(named("x".repeat(32)))).toThrow(/31 characters/);
    expect(() => writeXlsx(named("a/b"))).toThrow(/not allow/);
    expect(() => writeXlsx(named("x".repeat(31)))).not.toThrow();
    expect(() =>
      writeXlsx({
        sheets: [
          { name: "A", rows: [] },
          { name: "a", rows: [] },
        ],
        definedNames: [],
      }),
    ).toThrow(/Two sheets/);
  });
});

/**
 * Crew across five departments; a person with characters XML and CSV must escape. (No "<" or ">":
 * HyperFormula's SUMIF reads them anywhere in a criterion as an operator and returns #VALUE!.)
 */
const PERSON = `Pat O'Lee & "Sons"`;
const LINES: CrewLineInput[] = [
  crewLine("Director of Photography", "shoot", "week", PERSON),
  crewLine("Director of Photography", "prep", "week", PERSON),
  crewLine("Gaffer", 10, "week"),
  crewLine("Best Boy Electric", 9, "week"),
  crewLine("Key Grip", 5, "day"),
  crewLine("Editor", 24, "week"),
  crewLine("Production Sound Mixer", 8, "week"),
];

/** The card version's row on the Settings sheet (0-based; row 0 holds the headers). */
const VERSION_ROW = 1 + SETTINGS.findIndex((s) => s.name === "CardVersion");

describe("workbookForXlsx", () => {
  it("exports every sheet, formulas without '=', text settings as text, names as defined names", async () => {
    const wb = new PreviewWorkbook(engine);
    await wb.appendCrewLines(LINES.slice(0, 2));
    wb.setCell(TOPSHEET_SHEET, 0, 20, "=1/0");
    const book = workbookForXlsx(wb.hf, CREWRATE_ADDIN);
    const sheet = (name: string) => book.sheets.find((s) => s.name === name)!.rows;

    expect(book.sheets.map((s) => s.name)).toEqual(wb.sheetNames);
    expect(book.addIn).toBe(CREWRATE_ADDIN);
    expect(book.definedNames).toContainEqual({
      name: "ShootWeeks",
      ref: settingAddress("ShootWeeks"),
    });
    expect(book.definedNames.map((n) => n.name).sort()).toEqual(SETTINGS.map((s) => s.name).sort());

    const subtotalCol = COLUMNS.indexOf("Subtotal");
    const subtotal = sheet(BUDGET_SHEET)[FIRST_LINE_ROW - 1]![subtotalCol]!;
    expect(subtotal.formula).toMatch(/^IF\(B\d+="","",CREW\.RATE\(/);
    const live = wb.hf.getCellValue({
      sheet: wb.sheetId(BUDGET_SHEET),
      row: FIRST_LINE_ROW - 1,
      col: subtotalCol,
    });
    expect(typeof live).toBe("number");
    expect(subtotal.value).toBe(live);
    // Written with a leading apostrophe in the preview: text, not the number 2026.1.
    expect(sheet(SETTINGS_SHEET)[VERSION_ROW]![1]).toMatchObject({
      value: engine.card.meta.version,
    });
    expect(sheet(TOPSHEET_SHEET)[0]![20]).toMatchObject({
      formula: "1/0",
      value: { error: "#DIV/0!" },
    });
  });
});

/** A Blob's bytes (jsdom's Blob has no arrayBuffer(); its FileReader does the job). */
function blobBytes(blob: Blob): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const result = reader.result;
      if (result === null || typeof result === "string") reject(new Error("not bytes"));
      else resolve(new Uint8Array(result));
    };
    reader.onerror = () => {
      reject(reader.error ?? new Error("FileReader failed"));
    };
    reader.readAsArrayBuffer(blob);
  });
}

describe("DownloadXlsx", () => {
  const created: Blob[] = [];
  const revoked: string[] = [];
  const clicked: { download: string; href: string; attached: boolean }[] = [];

  beforeEach(() => {
    created.length = 0;
    revoked.length = 0;
    clicked.length = 0;
    // jsdom has no object URLs and does not navigate: record what the button asks for.
    vi.stubGlobal(
      "URL",
      class extends URL {
        static override createObjectURL(blob: Blob): string {
          created.push(blob);
          return `blob:test/${created.length}`;
        }
        static override revokeObjectURL(url: string): void {
          revoked.push(url);
        }
      },
    );
    vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      clicked.push({ download: this.download, href: this.href, attached: this.isConnected });
    });
  });

  afterEach(() => {
    cleanup();
    vi.restoreAllMocks();
    vi.unstubAllGlobals();
  });

  const renderButton = (workbook: PreviewWorkbook) =>
    render(
      createElement(
        FluentProvider,
        { theme: webLightTheme },
        createElement(DownloadXlsx, { workbook }),
      ),
    );

  it("downloads the workbook as CrewRate budget.xlsx through a temporary link", async () => {
    const wb = new PreviewWorkbook(engine);
    await wb.appendCrewLines(LINES.slice(2, 4));
    renderButton(wb);

    await userEvent.click(screen.getByRole("button", { name: "Download .xlsx" }));

    expect(clicked).toEqual([
      { download: "CrewRate budget.xlsx", href: "blob:test/1", attached: true },
    ]);
    // The object URL is let go a moment after the click, once the browser has read it.
    await vi.waitFor(
      () => {
        expect(revoked).toEqual(["blob:test/1"]);
      },
      { timeout: 3_000 },
    );
    expect(document.querySelector("a[download]")).toBeNull();
    const blob = created[0]!;
    expect(blob.type).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    const parts = unzip(await blobBytes(blob));
    expect(Object.keys(parts)).toEqual(expect.arrayContaining(WEBEXTENSION_PARTS));
    expect(parts["xl/workbook.xml"]).toContain(`name="${BUDGET_SHEET}"`);
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("shows what went wrong instead of throwing", async () => {
    const wb = new PreviewWorkbook(engine);
    wb.hf.addSheet("A sheet name far longer than Excel allows");
    renderButton(wb);

    await userEvent.click(screen.getByRole("button", { name: "Download .xlsx" }));

    const alert = screen.getByRole("alert");
    expect(alert.textContent).toContain("Could not make the .xlsx");
    expect(alert.textContent).toContain("1 to 31 characters");
    expect(clicked).toEqual([]);
    expect(created).toEqual([]);
  });
});

// ---- LibreOffice round trip -------------------------------------------------------------------

const execFileAsync = promisify(execFile);

function onPath(command: string): boolean {
  return (process.env.PATH ?? "").split(delimiter).some((dir) => {
    try {
      accessSync(join(dir, command), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

// Skipped only on a developer machine without LibreOffice; in CI (CI=true) a missing soffice fails.
const hasSoffice = onPath("soffice") || process.env.CI === "true";

/** CSV export of every sheet ("-1", token 12) to <name>-<sheet>.csv: UTF-8, full precision. */
const CSV_FILTER = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1";

/**
 * A LibreOffice user profile whose "Recalculation on file load (Excel 2007 and newer)" is set:
 * 1 = never recalculate (LibreOffice 7.4's default, pinned so the test does not depend on it),
 * 0 = always recalculate.
 */
function profile(dir: string, recalcMode: 0 | 1): string {
  mkdirSync(join(dir, "user"), { recursive: true });
  writeFileSync(
    join(dir, "user", "registrymodifications.xcu"),
    `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>${recalcMode}</value></prop></item>
</oor:items>
`,
  );
  return pathToFileURL(dir).href;
}

describe.skipIf(!hasSoffice)("the exported .xlsx in LibreOffice headless", () => {
  let dir: string;
  let wb: PreviewWorkbook;
  let xlsxBytes = 0;
  const sheetNames: string[] = [];

  /** Opens the file in LibreOffice with a fresh profile and reads every sheet back as CSV. */
  async function openInLibreOffice(recalcMode: 0 | 1): Promise<Map<string, string[][]>> {
    if (!onPath("soffice")) {
      throw new Error("soffice is not on PATH: CI installs libreoffice-calc-nogui (.ci/run).");
    }
    const run = join(dir, `run-${recalcMode}`);
    mkdirSync(run);
    const scratch = join(run, "home");
    mkdirSync(scratch);
    await execFileAsync(
      "soffice",
      [
        "--headless",
        "--norestore",
        `-env:UserInstallation=${profile(join(run, "profile"), recalcMode)}`,
        "--convert-to",
        CSV_FILTER,
        "--outdir",
        run,
        join(dir, "budget.xlsx"),
      ],
      {
        timeout: 120_000,
        // LibreOffice's caches and temporary files land in the test's folder, removed afterwards.
        env: {
          ...process.env,
          HOME: scratch,
          XDG_CACHE_HOME: scratch,
          XDG_CONFIG_HOME: scratch,
          TMPDIR: scratch,
        },
      },
    );
    return new Map(
      sheetNames.map((name) => [
        name,
        parseCsvRows(readFileSync(join(run, `budget-${name}.csv`), "utf8")),
      ]),
    );
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "crewrate-xlsx-"));
    wb = new PreviewWorkbook(engine);
    await wb.appendCrewLines(LINES);
    await wb.shareAsValues(); // adds "Budget (values)" and "Topsheet (values)"
    TOTALS_ROW = wb.hf.getSheetValues(wb.sheetId(BUDGET_SHEET)).findIndex((r) => r[0] === "Total");
    const bytes = writeXlsx(workbookForXlsx(wb.hf, CREWRATE_ADDIN));
    xlsxBytes = bytes.length;
    writeFileSync(join(dir, "budget.xlsx"), bytes);
    sheetNames.push(...wb.hf.getSheetNames());
  });

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const MONEY = (["Rate", "Subtotal", "Fringe", "Total"] as const).map((c) => COLUMNS.indexOf(c));
  /** Topsheet columns: Department, then Labor, Fringe, Total. */
  const TOP_MONEY = [2, 3, 4];
  /** The Budget's totals row (0-based): lines land at their accounts, between subtotal rows. */
  let TOTALS_ROW = 0;

  /** A label cell as text ("" for an empty one). */
  function text(value: unknown): string {
    return typeof value === "string" || typeof value === "number" ? String(value) : "";
  }

  /** Cents for a number or numeric CSV text; otherwise its text ("#NAME?", "" for empty). */
  function money(value: unknown): number | string {
    if (typeof value === "number") return Math.round(value * 100);
    if (typeof value === "string") {
      const n = Number(value);
      return value.trim() !== "" && Number.isFinite(n) ? Math.round(n * 100) : value;
    }
    // HyperFormula's DetailedCellError: its value is the error's text.
    if (value instanceof DetailedCellError) return value.value;
    return "";
  }

  /**
   * Every money cell of a budget and its topsheet: each line's Rate, Subtotal, Fringe and Total,
   * the totals row, and each topsheet row (departments and grand total), from rows of cells.
   */
  function moneyOf(
    budget: readonly (readonly unknown[])[],
    topsheet: readonly (readonly unknown[])[],
  ) {
    return {
      lines: budget
        .slice(FIRST_LINE_ROW - 1, TOTALS_ROW + 1)
        .map((row) => MONEY.map((c) => money(row[c]))),
      topsheet: topsheet
        .slice(TOPSHEET_HEADER_ROW)
        .map((row) => [text(row[1]), ...TOP_MONEY.map((c) => money(row[c]))]),
    };
  }

  const expectedMoney = (budget: string, topsheet: string) =>
    moneyOf(wb.hf.getSheetValues(wb.sheetId(budget)), wb.hf.getSheetValues(wb.sheetId(topsheet)));

  const moneyIn = (sheets: Map<string, string[][]>, budget: string, topsheet: string) =>
    moneyOf(sheets.get(budget)!, sheets.get(topsheet)!);

  it("keeps every cached total to the cent, no #NAME?, with its text intact", async () => {
    const t0 = Date.now();
    const sheets = await openInLibreOffice(1);
    console.info(`LibreOffice round trip: ${Date.now() - t0} ms for a ${xlsxBytes}-byte .xlsx`);

    // One CSV per sheet was read: LibreOffice found them all, spaces and parentheses included.
    expect(sheetNames).toEqual(expect.arrayContaining(["Budget (values)", "Topsheet (values)"]));
    for (const [budget, topsheet] of [
      [BUDGET_SHEET, TOPSHEET_SHEET],
      ["Budget (values)", "Topsheet (values)"],
    ] as const) {
      expect(sheets.get(budget)![TOTALS_ROW]![0]).toBe("Total");
      const expected = expectedMoney(budget, topsheet);
      const actual = moneyIn(sheets, budget, topsheet);
      expect(actual).toEqual(expected);
      const texts = [...actual.lines.flat(), ...actual.topsheet.flatMap((r) => r.slice(1))];
      expect(texts.filter((v) => typeof v === "string" && v !== "")).toEqual([]);
    }
    // The crew total is the budget's total; contingency and the grand total follow it.
    const { lines, topsheet } = expectedMoney(BUDGET_SHEET, TOPSHEET_SHEET);
    expect(topsheet.find((row) => row[0] === "Total crew labor and fringes")).toEqual([
      "Total crew labor and fringes",
      ...lines.at(-1)!.slice(1),
    ]);

    const people = sheets.get(BUDGET_SHEET)!.map((row) => row[COLUMNS.indexOf("Person")]);
    expect(people).toContain(PERSON);
    expect(sheets.get(SETTINGS_SHEET)![VERSION_ROW]![1]).toBe(engine.card.meta.version);
  }, 180_000);

  it("recalculated on load, the values copies still total the same; the live CREW cells need the add-in", async () => {
    const sheets = await openInLibreOffice(0);

    // The copies' SUM and SUMIF formulas are real formulas LibreOffice recomputes.
    expect(moneyIn(sheets, "Budget (values)", "Topsheet (values)")).toEqual(
      expectedMoney("Budget (values)", "Topsheet (values)"),
    );
    // _xldudf_CREW_RATE is an unknown function outside Excel with the add-in: what a recipient
    // who recalculates without CrewRate sees.
    const budget = sheets.get(BUDGET_SHEET)!;
    const firstLine = budget.findIndex((row) => row[COLUMNS.indexOf("Role")] === LINES[0]!.role);
    expect(budget[firstLine]![COLUMNS.indexOf("Total")]).toBe("#NAME?");
    // So are the live budget's checked sums (CREW.LINESUM); the copies' are native.
    expect(budget[TOTALS_ROW]![COLUMNS.indexOf("Total")]).toBe("#NAME?");
  }, 180_000);
});
