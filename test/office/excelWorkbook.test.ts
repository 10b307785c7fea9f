/**
 * The Excel adapter against office-addin-mock. Every proxy the adapter touches (worksheets, ranges,
 * tables, table rows, names, charts) is an OfficeMockObject, so reading a property that was not
 * loaded and synced gives the mock's "Error, property was not loaded" instead of data.
 *
 * office-addin-mock only holds static property values: it has no workbook behind it, and methods
 * such as worksheets.add, tables.add, rows.add, names.add or charts.add are whatever the test
 * supplies. So behind the mocks sits a small hand-made workbook (`FakeExcel`): cells, number
 * formats, names, tables and charts. Methods act on it when called; property writes queued on a
 * proxy (range.values, table.name, chart.title.text...) land at the next context.sync(), as in
 * Excel's batches. It counts syncs per Excel.run, records every call, and can make a chosen sync
 * fail with all or none of its batch applied.
 */
import { OfficeMockObject } from "office-addin-mock";
import { describe, expect, it } from "vitest";
import {
  BUDGET_TABLE,
  COLUMNS,
  crewLineRow,
  MONEY_FORMAT,
  settingsRows,
  SETTINGS,
  topsheetRows,
  type CrewLineInput,
} from "../../src/office/budgetLayout";
import {
  BUDGET_NOTE,
  BUDGET_TITLE,
  ExcelWorkbook,
  TOPSHEET_CHART,
  type ExcelRun,
} from "../../src/office/excelWorkbook";
import { WorkbookError } from "../../src/office/workbookPort";
import type { StartupHost } from "../../src/office/documentStartup";

type Cell = string | number | boolean;

interface FakeTable {
  name: string;
  sheet: string;
  /** 1-based sheet row of the header; the table starts in column A. */
  headerRow: number;
  width: number;
  dataRows: number;
  showTotals: boolean;
}

interface FakeChart {
  name: string;
  sheet: string;
  type: string;
  source: string;
  seriesBy: string;
  title: string;
  xValues: string;
  position: string;
}

interface BookState {
  /** sheet → "row:col" (1-based row, 0-based column) → constant or formula. */
  cells: Map<string, Map<string, Cell>>;
  formats: Map<string, Map<string, string>>;
  /** Workbook names → what they refer to ("=Settings!$B$2"). */
  names: Map<string, string>;
  tables: FakeTable[];
  charts: FakeChart[];
}

interface Box {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

interface SyncFailure {
  run: number;
  sync: number;
  applied: "all" | "none";
}

const NOT_LOADED = "Error, property was not loaded";
const NOT_SYNCED = "Error, context.sync() was not called";

function colIndex(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + letters.charCodeAt(i) - 64;
  return n - 1;
}

function colLetters(index: number): string {
  let n = index + 1;
  let out = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

function parseAddress(address: string): Box {
  const local = address.slice(address.indexOf("!") + 1).replace(/\$/g, "");
  const [from = "", to = from] = local.split(":");
  const cell = (ref: string) => {
    const m = /^([A-Z]+)(\d+)$/.exec(ref);
    if (!m?.[1] || !m[2]) throw new Error(`fake Excel: cannot parse address ${address}`);
    return { col: colIndex(m[1]), row: Number(m[2]) };
  };
  const a = cell(from);
  const b = cell(to);
  return { top: a.row, bottom: b.row, left: a.col, right: b.col };
}

function boxAddress(box: Box): string {
  const a = `${colLetters(box.left)}${box.top}`;
  const b = `${colLetters(box.right)}${box.bottom}`;
  return a === b ? a : `${a}:${b}`;
}

function key(row: number, col: number): string {
  return `${row}:${col}`;
}

/** office-addin-mock's constructor argument is typed as its ObjectData class; any object will do. */
function mockOf(data: Record<string, unknown>): OfficeMockObject {
  return new OfficeMockObject(data);
}

/** A proxy's own properties: what the adapter loaded or queued for writing. */
function props(mock: OfficeMockObject): Record<string, unknown> {
  return mock;
}

function isMockError(value: unknown): boolean {
  return value === NOT_LOADED || value === NOT_SYNCED;
}

function excelError(code: string, message: string): Error {
  return Object.assign(new Error(message), { code });
}

/** A workbook behind office-addin-mock proxies; see the file comment. */
class FakeExcel {
  state: BookState = {
    cells: new Map(),
    formats: new Map(),
    names: new Map(),
    tables: [],
    charts: [],
  };
  /** Every method call the adapter made, in order, and every property write that landed. */
  readonly calls: string[] = [];
  readonly rowsAddCalls: { index: number | undefined; values: unknown[][] }[] = [];
  /** context.sync() calls of each Excel.run, in order. */
  readonly syncsPerRun: number[] = [];
  /** What formulas calculate to, by "Sheet!A1" (the fake does not calculate: 0 otherwise). */
  readonly calculated = new Map<string, Cell>();
  /** Renamed sheets: old name → new, so proxies made before a rename still find their sheet. */
  readonly renamed = new Map<string, string>();
  private failure: SyncFailure | undefined;

  constructor(sheets: Record<string, Record<string, Cell>> = { Sheet1: {} }) {
    for (const [name, cells] of Object.entries(sheets)) {
      this.state.cells.set(name, new Map());
      this.state.formats.set(name, new Map());
      for (const [address, value] of Object.entries(cells)) {
        const box = parseAddress(address);
        this.sheetCells(name).set(key(box.top, box.left), value);
      }
    }
  }

  readonly run: ExcelRun = async <T>(batch: (context: Excel.RequestContext) => Promise<T>) => {
    this.syncsPerRun.push(0);
    const session = new Session(this, this.syncsPerRun.length);
    return batch(session.context as unknown as Excel.RequestContext);
  };

  get runs(): number {
    return this.syncsPerRun.length;
  }

  /** Makes sync number `sync` of the next Excel.run fail, with all or none of its batch applied. */
  failNextRun(sync: number, applied: "all" | "none"): void {
    this.failure = { run: this.runs + 1, sync, applied };
  }

  takeFailure(run: number, sync: number): SyncFailure | undefined {
    const f = this.failure;
    if (f?.run !== run || f.sync !== sync) return undefined;
    this.failure = undefined;
    return f;
  }

  resolve(sheet: string): string {
    return this.state.cells.has(sheet) ? sheet : (this.renamed.get(sheet) ?? sheet);
  }

  sheetCells(sheet: string): Map<string, Cell> {
    const cells = this.state.cells.get(this.resolve(sheet));
    if (!cells) throw excelError("ItemNotFound", `fake Excel: no sheet ${sheet}`);
    return cells;
  }

  sheetFormats(sheet: string): Map<string, string> {
    const formats = this.state.formats.get(this.resolve(sheet));
    if (!formats) throw excelError("ItemNotFound", `fake Excel: no sheet ${sheet}`);
    return formats;
  }

  cell(sheet: string, address: string): Cell | undefined {
    const box = parseAddress(address);
    return this.sheetCells(sheet).get(key(box.top, box.left));
  }

  format(sheet: string, address: string): string | undefined {
    const box = parseAddress(address);
    return this.sheetFormats(sheet).get(key(box.top, box.left));
  }

  /** One sheet row, columns A.. for `width` cells; empty cells are undefined. */
  row(sheet: string, row: number, width: number): (Cell | undefined)[] {
    return Array.from({ length: width }, (_, c) => this.sheetCells(sheet).get(key(row, c)));
  }

  table(name: string): FakeTable | undefined {
    return this.state.tables.find((t) => t.name.toLowerCase() === name.toLowerCase());
  }

  /** Moves the cells of columns [left, right] at or below `fromRow` by `by` rows (Excel's shift). */
  shiftRows(sheet: string, left: number, right: number, fromRow: number, by: number): void {
    shiftStore(this.sheetCells(sheet), left, right, fromRow, by);
    shiftStore(this.sheetFormats(sheet), left, right, fromRow, by);
  }
}

function shiftStore<V>(
  store: Map<string, V>,
  left: number,
  right: number,
  fromRow: number,
  by: number,
): void {
  const moved: [string, V][] = [];
  for (const [k, v] of store) {
    const [row = 0, col = 0] = k.split(":").map(Number);
    if (col >= left && col <= right && row >= fromRow) {
      store.delete(k);
      moved.push([key(row + by, col), v]);
    }
  }
  for (const [k, v] of moved) store.set(k, v);
}

/** One Excel.run: the RequestContext mock and the proxies created in it. */
class Session {
  readonly context: OfficeMockObject;
  private readonly tracked: { mock: OfficeMockObject; land: () => void }[] = [];
  private readonly rangeRefs = new WeakMap<object, { sheet: string; box: Box }>();
  private readonly pendingErrors: Error[] = [];
  private snapshot: BookState;

  constructor(
    private readonly book: FakeExcel,
    run: number,
  ) {
    this.snapshot = structuredClone(book.state);
    this.context = mockOf({
      workbook: {
        worksheets: {
          getItemOrNullObject: (name: string) => this.sheetMock(name),
          getItem: (name: string) => {
            if (!book.state.cells.has(name)) this.notFound(`worksheet ${name}`);
            return this.sheetMock(name);
          },
          add: (name: string) => {
            if (book.state.cells.has(name)) throw new Error(`fake Excel: sheet ${name} exists`);
            book.calls.push(`worksheets.add ${name}`);
            book.state.cells.set(name, new Map());
            book.state.formats.set(name, new Map());
            return this.sheetMock(name);
          },
        },
        tables: {
          getItemOrNullObject: (name: string) => this.tableMock(book.table(name)),
          getItem: (name: string) => {
            const table = book.table(name);
            if (!table) this.notFound(`table ${name}`);
            return this.tableMock(table);
          },
        },
        names: {
          getItemOrNullObject: (name: string) => this.nameMock(name),
          add: (name: string, reference: object, comment: string) => {
            const ref = this.rangeRefs.get(reference);
            if (!ref) throw new Error("fake Excel: names.add needs a range from this context");
            if (book.state.names.has(name)) throw new Error(`fake Excel: name ${name} exists`);
            const formula = `=${ref.sheet}!$${colLetters(ref.box.left)}$${ref.box.top}`;
            book.state.names.set(name, formula);
            book.calls.push(`names.add ${name} ${formula} (${comment})`);
            return this.nameMock(name);
          },
        },
      },
    });
    const mockSync = this.context.sync.bind(this.context);
    this.context.sync = async () => {
      const count = (book.syncsPerRun[run - 1] ?? 0) + 1;
      book.syncsPerRun[run - 1] = count;
      const failure = book.takeFailure(run, count);
      if (failure) {
        if (failure.applied === "all") this.land();
        else book.state = this.snapshot;
        throw excelError("GeneralException", "An internal error has occurred.");
      }
      const notFound = this.pendingErrors.shift();
      if (notFound) throw notFound;
      this.land();
      await mockSync();
      for (const { mock } of this.tracked) await mock.sync();
      this.snapshot = structuredClone(book.state);
    };
  }

  private notFound(what: string): void {
    this.pendingErrors.push(
      excelError("ItemNotFound", `The requested resource doesn't exist (${what}).`),
    );
  }

  /** Property writes queued since the last sync reach the workbook, in the order proxies were made. */
  private land(): void {
    for (const { land } of this.tracked) land();
  }

  private track(mock: OfficeMockObject, land: () => void = () => undefined): OfficeMockObject {
    this.tracked.push({ mock, land });
    return mock;
  }

  private sheetMock(name: string): OfficeMockObject {
    const exists = this.book.state.cells.has(name);
    const mock = mockOf({
      isNullObject: !exists,
      name,
      getRange: (address: string) => this.rangeMock(name, parseAddress(address), !exists),
      getUsedRange: () => {
        const keys = exists ? [...this.book.sheetCells(name).keys()] : ["1:0"];
        const rows = keys.map((k) => Number(k.split(":")[0]));
        const cols = keys.map((k) => Number(k.split(":")[1]));
        const box = {
          top: Math.min(...rows),
          bottom: Math.max(...rows),
          left: Math.min(...cols),
          right: Math.max(...cols),
        };
        return this.rangeMock(name, box, !exists);
      },
      // Cells and formats only: enough for "Share as values".
      copy: (position: string) => {
        let n = 2;
        while (this.book.state.cells.has(`${name} (${n})`)) n++;
        const copy = `${name} (${n})`;
        this.book.calls.push(`worksheet.copy ${name} ${position} → ${copy}`);
        this.book.renamed.delete(copy);
        this.book.state.cells.set(copy, new Map(this.book.sheetCells(name)));
        this.book.state.formats.set(copy, new Map(this.book.sheetFormats(name)));
        return this.sheetMock(copy);
      },
      tables: {
        add: (address: string, hasHeaders: boolean) => this.addTable(name, address, hasHeaders),
      },
      charts: {
        add: (type: string, source: object, seriesBy: string) =>
          this.addChart(name, type, source, seriesBy),
        getItemOrNullObject: (chartName: string) =>
          this.chartMock(
            this.book.state.charts.find((c) => c.sheet === name && c.name === chartName),
          ),
      },
      delete: () => {
        this.book.calls.push(`worksheet.delete ${name}`);
        const s = this.book.state;
        s.cells.delete(name);
        s.formats.delete(name);
        s.tables = s.tables.filter((t) => t.sheet !== name);
        s.charts = s.charts.filter((c) => c.sheet !== name);
        for (const [n, f] of s.names) {
          if (f.startsWith(`=${name}!`)) s.names.set(n, f.replace(`=${name}!`, "=#REF!"));
        }
      },
    });
    return this.track(mock, () => {
      const next = props(mock).name;
      const current = this.book.resolve(name);
      if (typeof next !== "string" || isMockError(next) || next === current) return;
      if (!this.book.state.cells.has(current)) return;
      if (this.book.state.cells.has(next)) throw new Error(`fake Excel: sheet ${next} exists`);
      this.book.calls.push(`worksheet.name ${current} → ${next}`);
      const s = this.book.state;
      s.cells.set(next, s.cells.get(current) ?? new Map<string, Cell>());
      s.formats.set(next, s.formats.get(current) ?? new Map<string, string>());
      s.cells.delete(current);
      s.formats.delete(current);
      this.book.renamed.set(name, next);
    });
  }

  private rangeMock(sheet: string, box: Box, isNull = false): OfficeMockObject {
    const read = (asValues: boolean): Cell[][] =>
      isNull
        ? []
        : Array.from({ length: box.bottom - box.top + 1 }, (_, r) =>
            Array.from({ length: box.right - box.left + 1 }, (_, c) => {
              const v = this.book.sheetCells(sheet).get(key(box.top + r, box.left + c)) ?? "";
              if (!asValues || typeof v !== "string" || !v.startsWith("=")) return v;
              const address = `${sheet}!${colLetters(box.left + c)}${box.top + r}`;
              return this.book.calculated.get(address) ?? 0;
            }),
          );
    const loaded: Record<string, unknown> = { formulas: read(false), values: read(true) };
    const mock = mockOf({
      isNullObject: isNull,
      address: `${sheet}!${boxAddress(box)}`,
      rowIndex: box.top - 1,
      columnIndex: box.left,
      formulas: loaded.formulas,
      values: loaded.values,
      getRow: (i: number) =>
        this.rangeMock(sheet, { ...box, top: box.top + i, bottom: box.top + i }, isNull),
      clear: (applyTo?: string) => {
        this.book.calls.push(`range.clear ${sheet}!${boxAddress(box)} ${applyTo ?? "All"}`);
        const cells = this.book.sheetCells(sheet);
        const formats = this.book.sheetFormats(sheet);
        for (let r = box.top; r <= box.bottom; r++) {
          for (let c = box.left; c <= box.right; c++) {
            if (applyTo !== "Formats") cells.delete(key(r, c));
            if (applyTo !== "Contents") formats.delete(key(r, c));
          }
        }
      },
    });
    this.rangeRefs.set(mock, { sheet, box });
    return this.track(mock, () => {
      for (const prop of ["values", "formulas", "numberFormat"]) {
        const written = props(mock)[prop];
        if (!Array.isArray(written) || written === loaded[prop]) continue;
        loaded[prop] = written;
        this.writeCells(sheet, box, prop, written as unknown[][]);
      }
    });
  }

  private writeCells(sheet: string, box: Box, prop: string, rows: unknown[][]): void {
    const height = box.bottom - box.top + 1;
    const width = box.right - box.left + 1;
    if (rows.length !== height || rows.some((r) => r.length !== width)) {
      throw excelError(
        "InvalidArgument",
        `fake Excel: ${prop} for ${sheet}!${boxAddress(box)} is not ${height}x${width}`,
      );
    }
    this.book.calls.push(`${prop} ${sheet}!${boxAddress(box)}`);
    const cells = this.book.sheetCells(sheet);
    const formats = this.book.sheetFormats(sheet);
    rows.forEach((row, r) => {
      row.forEach((value, c) => {
        const k = key(box.top + r, box.left + c);
        // Excel leaves a cell alone where the array holds null.
        if (value === null) return;
        if (prop === "numberFormat") {
          if (typeof value !== "string") throw new Error(`fake Excel: bad number format`);
          formats.set(k, value);
        } else if (value === "") {
          cells.delete(k);
        } else if (
          typeof value === "string" ||
          typeof value === "number" ||
          typeof value === "boolean"
        ) {
          cells.set(k, value);
        } else {
          throw new Error(`fake Excel: cannot store a ${typeof value} in a cell`);
        }
      });
    });
  }

  private addTable(sheet: string, address: string, hasHeaders: boolean): OfficeMockObject {
    const box = parseAddress(address);
    if (!hasHeaders || box.top !== box.bottom || box.left !== 0) {
      throw new Error(`fake Excel: only header-row tables from column A (${address})`);
    }
    this.book.calls.push(`tables.add ${sheet}!${address}`);
    const table: FakeTable = {
      name: `Table${this.book.state.tables.length + 1}`,
      sheet,
      headerRow: box.top,
      width: box.right + 1,
      // Excel gives a table made from a header row one blank data row.
      dataRows: 1,
      showTotals: false,
    };
    this.book.state.tables.push(table);
    const cells = this.book.sheetCells(sheet);
    for (let c = 0; c < table.width; c++) {
      if (!cells.has(key(box.top, c))) cells.set(key(box.top, c), `Column${c + 1}`);
    }
    return this.tableMock(table);
  }

  private tableMock(table: FakeTable | undefined): OfficeMockObject {
    const t = table ?? {
      name: "",
      sheet: "",
      headerRow: 1,
      width: 1,
      dataRows: 1,
      showTotals: false,
    };
    const isNull = table === undefined;
    const rowBox = (top: number, bottom: number): Box => ({
      top,
      bottom,
      left: 0,
      right: t.width - 1,
    });
    const mock = mockOf({
      isNullObject: isNull,
      name: t.name,
      showTotals: t.showTotals,
      worksheet: {
        name: t.sheet,
        getRange: (address: string) => this.rangeMock(t.sheet, parseAddress(address), isNull),
      },
      rows: {
        count: t.dataRows,
        add: (index: number | undefined, values: unknown[][]) => {
          this.book.rowsAddCalls.push({ index, values });
          this.book.calls.push(`rows.add ${values.length}`);
          if (index !== undefined && index !== null) throw new Error("fake Excel: append only");
          const at = t.headerRow + t.dataRows + 1;
          this.book.shiftRows(t.sheet, 0, t.width - 1, at, values.length);
          t.dataRows += values.length;
          this.writeCells(t.sheet, rowBox(at, at + values.length - 1), "values", values);
          return this.track(mockOf({ index: at - t.headerRow - 1 }));
        },
        getItemAt: (index: number) =>
          this.track(
            mockOf({
              index,
              delete: () => {
                if (index >= t.dataRows) throw new Error(`fake Excel: no table row ${index}`);
                this.book.calls.push(`row.delete ${index}`);
                const row = t.headerRow + 1 + index;
                const cells = this.book.sheetCells(t.sheet);
                const formats = this.book.sheetFormats(t.sheet);
                for (let c = 0; c < t.width; c++) {
                  cells.delete(key(row, c));
                  formats.delete(key(row, c));
                }
                this.book.shiftRows(t.sheet, 0, t.width - 1, row + 1, -1);
                t.dataRows -= 1;
              },
            }),
          ),
      },
      getHeaderRowRange: () => this.rangeMock(t.sheet, rowBox(t.headerRow, t.headerRow), isNull),
      getDataBodyRange: () =>
        this.rangeMock(t.sheet, rowBox(t.headerRow + 1, t.headerRow + t.dataRows), isNull),
      getTotalRowRange: () => {
        const row = t.headerRow + t.dataRows + 1;
        return this.rangeMock(t.sheet, rowBox(row, row), isNull);
      },
      delete: () => {
        this.book.calls.push(`table.delete ${t.name}`);
        this.book.state.tables = this.book.state.tables.filter((x) => x !== table);
      },
    });
    return this.track(mock, () => {
      if (!table) return;
      const name = props(mock).name;
      if (typeof name === "string" && !isMockError(name) && name !== table.name) {
        this.book.calls.push(`table.name ${name}`);
        table.name = name;
      }
      const showTotals = props(mock).showTotals;
      if (typeof showTotals === "boolean" && showTotals !== table.showTotals) {
        this.book.calls.push(`table.showTotals ${String(showTotals)}`);
        table.showTotals = showTotals;
      }
    });
  }

  private nameMock(name: string): OfficeMockObject {
    const formula = this.book.state.names.get(name);
    return this.track(
      mockOf({
        isNullObject: formula === undefined,
        name,
        formula: formula ?? "",
        delete: () => {
          this.book.calls.push(`names.delete ${name}`);
          this.book.state.names.delete(name);
        },
      }),
    );
  }

  private addChart(
    sheet: string,
    type: string,
    source: object,
    seriesBy: string,
  ): OfficeMockObject {
    const ref = this.rangeRefs.get(source);
    if (!ref) throw new Error("fake Excel: charts.add needs a range from this context");
    const chart: FakeChart = {
      name: `Chart ${this.book.state.charts.length + 1}`,
      sheet,
      type,
      source: `${ref.sheet}!${boxAddress(ref.box)}`,
      seriesBy,
      title: "",
      xValues: "",
      position: "",
    };
    this.book.calls.push(`charts.add ${type} ${chart.source} ${seriesBy}`);
    this.book.state.charts.push(chart);
    return this.chartMock(chart);
  }

  private chartMock(chart: FakeChart | undefined): OfficeMockObject {
    const mock = mockOf({
      isNullObject: chart === undefined,
      name: chart?.name ?? "",
      title: { text: chart?.title ?? "" },
      series: {
        getItemAt: () =>
          this.track(
            mockOf({
              setXAxisValues: (range: object) => {
                const ref = this.rangeRefs.get(range);
                if (!chart || !ref) throw new Error("fake Excel: setXAxisValues needs a range");
                chart.xValues = `${ref.sheet}!${boxAddress(ref.box)}`;
              },
            }),
          ),
      },
      setPosition: (start: string, end: string) => {
        if (chart) chart.position = `${start}:${end}`;
      },
      delete: () => {
        this.book.calls.push(`chart.delete ${chart?.name ?? ""}`);
        this.book.state.charts = this.book.state.charts.filter((c) => c !== chart);
      },
    });
    return this.track(mock, () => {
      if (!chart) return;
      const name = props(mock).name;
      if (typeof name === "string" && !isMockError(name)) chart.name = name;
      const title = props(props(mock).title as OfficeMockObject).text;
      if (typeof title === "string" && !isMockError(title)) chart.title = title;
    });
  }
}

const DEPARTMENTS = [
  { name: "Camera", account: "3300" },
  { name: "Grip", account: "3400" },
];

const LINES: CrewLineInput[] = [
  {
    account: "3301",
    department: "Camera",
    role: "Director of Photography",
    person: "Ana",
    description: "Shoot",
    quantity: "shoot",
    unit: "week",
  },
  {
    account: "3302",
    department: "Camera",
    role: "Camera Operator",
    description: "Shoot",
    agreement: "IATSE Local 600",
    quantity: 8,
    unit: "week",
  },
  {
    account: "3401",
    department: "Grip",
    role: "Key Grip",
    person: "Bo",
    description: "Prep",
    quantity: 5,
    unit: "day",
    region: "New York",
    tier: "Tier 2",
  },
];

const LAST_COL = colLetters(COLUMNS.length - 1);
const MONEY_COLUMNS = ["Rate", "Subtotal", "Fringe", "Total"] as const;

async function budgetWith(lineCount: number) {
  const book = new FakeExcel({ Sheet1: { A1: "Shooting schedule" } });
  const workbook = new ExcelWorkbook({ departments: DEPARTMENTS, run: book.run });
  await workbook.ensureBudget();
  if (lineCount > 0) await workbook.appendCrewLines(LINES.slice(0, lineCount));
  return { book, workbook };
}

describe("ExcelWorkbook.ensureBudget", () => {
  it("creates the settings, the CrewBudget table with its totals row and the topsheet in one read and one write", async () => {
    const book = new FakeExcel({ Sheet1: { A1: "Shooting schedule" } });
    const workbook = new ExcelWorkbook({ departments: DEPARTMENTS, run: book.run });

    await workbook.ensureBudget();

    expect(book.syncsPerRun).toEqual([2]);
    expect(book.calls.filter((c) => /^(worksheets|tables|charts)\.add/.test(c))).toEqual([
      "worksheets.add Budget",
      "tables.add Budget!A4:O4",
      "worksheets.add Topsheet",
      "charts.add BarClustered Topsheet!E1:E3 Columns",
      // The production tables' sheets come before the settings, whose formula reads them.
      "worksheets.add Rate Overrides",
      "worksheets.add Production Roles",
      "worksheets.add Settings",
    ]);
    expect(book.row("Rate Overrides", 3, 5)).toEqual([
      "Role",
      "Agreement",
      "Unit",
      "Amount",
      "Note",
    ]);
    expect(book.row("Production Roles", 3, 7)).toEqual([
      "Title",
      "Department",
      "Account",
      "Description",
      "Unit",
      "Rate",
      "Agreement",
    ]);

    // The budget: title, note, the table's header on row 4, one blank row, the totals row.
    expect(book.cell("Budget", "A1")).toBe(BUDGET_TITLE);
    expect(book.cell("Budget", "A2")).toBe(BUDGET_NOTE);
    expect(book.state.tables).toEqual([
      {
        name: BUDGET_TABLE,
        sheet: "Budget",
        headerRow: 4,
        width: COLUMNS.length,
        dataRows: 1,
        showTotals: true,
      },
    ]);
    expect(book.row("Budget", 4, COLUMNS.length)).toEqual([...COLUMNS]);
    expect(book.row("Budget", 6, COLUMNS.length)).toEqual(
      COLUMNS.map((c) =>
        c === "Account"
          ? "Total"
          : c === "Subtotal" || c === "Fringe" || c === "Total"
            ? `=SUM(CrewBudget[${c}])`
            : undefined,
      ),
    );
    for (const row of [5, 6]) {
      expect(["K", "L", "M", "N"].map((col) => book.format("Budget", `${col}${row}`))).toEqual(
        Array(4).fill(MONEY_FORMAT),
      );
      expect(book.format("Budget", `I${row}`)).toBeUndefined(); // Qty keeps its own format
    }

    // Settings: the layout's cells, the date as a real date, the version as text, and the names.
    const rows = settingsRows();
    rows.forEach((row, r) => {
      expect(book.row("Settings", r + 1, 3)).toEqual(r === 1 ? [row[0], 46236, row[2]] : row);
    });
    expect(book.format("Settings", "B2")).toBe("yyyy-mm-dd");
    expect(book.format("Settings", "B9")).toBe("@");
    // The production tables cell is a formula over both sheets, so it must not be text-formatted.
    expect(book.cell("Settings", "B10")).toBe(
      "=CREW.TABLES('Rate Overrides'!$A$4:$E$203,'Production Roles'!$A$4:$G$203)",
    );
    expect(book.format("Settings", "B10")).toBeUndefined();
    expect(book.state.names).toEqual(
      new Map(SETTINGS.map((s, i) => [s.name, `=Settings!$B$${i + 2}`])),
    );

    // Topsheet: the layout's rows and a bar chart of Total by department.
    topsheetRows(DEPARTMENTS).forEach((row, r) => {
      expect(book.row("Topsheet", r + 1, 5)).toEqual(row.map((v) => (v === "" ? undefined : v)));
    });
    expect(book.state.charts).toEqual([
      {
        name: TOPSHEET_CHART,
        sheet: "Topsheet",
        type: "BarClustered",
        source: "Topsheet!E1:E3",
        seriesBy: "Columns",
        title: "Crew cost by department",
        xValues: "Topsheet!B2:B3",
        position: "G2:P30",
      },
    ]);
    expect(book.cell("Sheet1", "A1")).toBe("Shooting schedule");
  });

  it("leaves a CrewRate budget alone the second time: one read, no writes", async () => {
    const { book, workbook } = await budgetWith(2);
    const before = structuredClone(book.state);
    const callsBefore = book.calls.length;

    await workbook.ensureBudget();

    expect(book.syncsPerRun.at(-1)).toBe(1);
    expect(book.calls.slice(callsBefore)).toEqual([]);
    expect(book.state).toEqual(before);
    expect(book.state.tables).toHaveLength(1);
  });

  it("refuses to write over a user's Budget sheet with other content where the table goes", async () => {
    const book = new FakeExcel({ Budget: { A1: "My own budget", C4: "Hours", D9: 12 } });
    const before = structuredClone(book.state);
    const workbook = new ExcelWorkbook({ departments: DEPARTMENTS, run: book.run });

    const error: unknown = await workbook.ensureBudget().catch((e: unknown) => e);

    expect(error).toBeInstanceOf(WorkbookError);
    expect((error as WorkbookError).message).toMatch(
      /A sheet named Budget already exists with other content in A1:O6/,
    );
    expect(book.syncsPerRun).toEqual([1]); // the read; no write batch
    expect(book.calls).toEqual([]);
    expect(book.state).toEqual(before);
  });

  it("refuses when a workbook name it needs already points somewhere else", async () => {
    const book = new FakeExcel({ Sheet1: { A1: "x" } });
    book.state.names.set("Region", "=Sheet1!$A$1");
    const workbook = new ExcelWorkbook({ departments: DEPARTMENTS, run: book.run });

    await expect(workbook.ensureBudget()).rejects.toThrow(
      /already has a name Region \(=Sheet1!\$A\$1\)/,
    );
    expect(book.calls).toEqual([]);
  });

  it("builds the budget on an existing, empty Budget sheet instead of adding one", async () => {
    const book = new FakeExcel({ Budget: { P1: "notes beside the budget" } });
    const workbook = new ExcelWorkbook({ departments: DEPARTMENTS, run: book.run });

    await workbook.ensureBudget();

    expect(book.calls).not.toContain("worksheets.add Budget");
    expect(book.table(BUDGET_TABLE)?.sheet).toBe("Budget");
    expect(book.cell("Budget", "P1")).toBe("notes beside the budget");
  });

  it("takes back what landed when the write batch fails, and says nothing was changed", async () => {
    const book = new FakeExcel({ Sheet1: { A1: "Shooting schedule" } });
    const before = structuredClone(book.state);
    const workbook = new ExcelWorkbook({ departments: DEPARTMENTS, run: book.run });
    book.failNextRun(2, "all");

    const error: unknown = await workbook.ensureBudget().catch((e: unknown) => e);

    expect(error).toBeInstanceOf(WorkbookError);
    expect((error as WorkbookError).message).toBe(
      "Could not set up the budget sheets: An internal error has occurred. Nothing was changed.",
    );
    expect(book.syncsPerRun).toEqual([2, 2]); // the failed batch, then the undo run
    expect(book.state).toEqual(before);
  });
});

describe("ExcelWorkbook.appendCrewLines", () => {
  it("appends every line in ONE rows.add with crewLineRow's formulas for their sheet rows, in two syncs", async () => {
    const { book, workbook } = await budgetWith(2); // lines on rows 5 and 6
    const addsBefore = book.rowsAddCalls.length;

    const result = await workbook.appendCrewLines(LINES);

    expect(result).toEqual({ firstRow: 7, rowsAdded: 3 });
    expect(book.syncsPerRun.at(-1)).toBe(2);
    expect(book.rowsAddCalls.slice(addsBefore)).toEqual([
      { index: undefined, values: LINES.map((line, i) => crewLineRow(line, 7 + i)) },
    ]);
    // What the sheet holds: the lines on rows 7-9, the totals row pushed down to row 10.
    LINES.forEach((line, i) => {
      expect(book.row("Budget", 7 + i, COLUMNS.length)).toEqual(
        crewLineRow(line, 7 + i).map((v) => (v === "" ? undefined : v)),
      );
      expect(
        MONEY_COLUMNS.map((c) =>
          book.format("Budget", `${colLetters(COLUMNS.indexOf(c))}${7 + i}`),
        ),
      ).toEqual(Array(4).fill(MONEY_FORMAT));
    });
    expect(book.cell("Budget", "L10")).toBe("=SUM(CrewBudget[Subtotal])");
    expect(book.table(BUDGET_TABLE)?.dataRows).toBe(5);
  });

  it("puts the first line in the blank row Excel gives a new table, the rest in one rows.add", async () => {
    const { book, workbook } = await budgetWith(0);

    const result = await workbook.appendCrewLines(LINES);

    expect(result).toEqual({ firstRow: 5, rowsAdded: 3 });
    expect(book.syncsPerRun.at(-1)).toBe(2);
    expect(book.calls).toContain(`formulas Budget!A5:${LAST_COL}5`);
    expect(book.rowsAddCalls).toEqual([
      { index: undefined, values: LINES.slice(1).map((line, i) => crewLineRow(line, 6 + i)) },
    ]);
    LINES.forEach((line, i) => {
      expect(book.row("Budget", 5 + i, COLUMNS.length)).toEqual(
        crewLineRow(line, 5 + i).map((v) => (v === "" ? undefined : v)),
      );
    });
    expect(book.table(BUDGET_TABLE)?.dataRows).toBe(3); // no blank row left above the lines
    expect(book.cell("Budget", "A8")).toBe("Total");
  });

  it("rejects a negative quantity before touching Excel", async () => {
    const { book, workbook } = await budgetWith(1);
    const runsBefore = book.runs;
    const before = structuredClone(book.state);
    const bad: CrewLineInput = { ...LINES[1]!, quantity: -2 };

    const error: unknown = await workbook
      .appendCrewLines([LINES[0]!, bad])
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(WorkbookError);
    expect((error as WorkbookError).message).toBe(
      "Quantity for Camera Operator must be between 0 and 10,000.",
    );
    expect(book.runs).toBe(runsBefore); // no Excel.run, so no sync at all
    expect(book.rowsAddCalls).toHaveLength(0); // the one earlier line filled the blank row
    expect(book.state).toEqual(before);
  });

  it.each(["all", "none"] as const)(
    "rolls back when the write sync fails with %s of the batch applied, and says nothing was changed",
    async (applied) => {
      const { book, workbook } = await budgetWith(2);
      const before = structuredClone(book.state);
      const callsBefore = book.calls.length;
      book.failNextRun(2, applied);

      const error: unknown = await workbook.appendCrewLines(LINES).catch((e: unknown) => e);

      expect(error).toBeInstanceOf(WorkbookError);
      expect((error as WorkbookError).message).toBe(
        "Could not add the crew lines: An internal error has occurred. Nothing was changed.",
      );
      expect((error as WorkbookError).cause).toMatchObject({ code: "GeneralException" });
      expect(book.calls.slice(callsBefore).filter((c) => c.startsWith("rows.add"))).toEqual([
        "rows.add 3",
      ]);
      const deletes = book.calls.slice(callsBefore).filter((c) => c.startsWith("row.delete"));
      // Bottom up; nothing to delete when nothing landed (the undo run then only reads).
      expect(deletes).toEqual(
        applied === "all" ? ["row.delete 4", "row.delete 3", "row.delete 2"] : [],
      );
      expect(book.syncsPerRun.slice(-2)).toEqual([2, applied === "all" ? 2 : 1]);
      expect(book.table(BUDGET_TABLE)?.dataRows).toBe(2);
      expect(book.state).toEqual(before);
    },
  );

  it("takes the first line back out of the blank row when a failed batch had put it there", async () => {
    const { book, workbook } = await budgetWith(0);
    const before = structuredClone(book.state);
    book.failNextRun(2, "all");

    await expect(workbook.appendCrewLines(LINES)).rejects.toThrow(/Nothing was changed\.$/);

    expect(book.state).toEqual(before);
  });

  it("refuses to write into a table that moved above the rows its formulas expect", async () => {
    const { book, workbook } = await budgetWith(1);
    const table = book.table(BUDGET_TABLE)!;
    book.shiftRows("Budget", 0, COLUMNS.length - 1, 1, -2); // someone deleted rows 1-2
    table.headerRow = 2;
    const callsBefore = book.calls.length;

    await expect(workbook.appendCrewLines(LINES)).rejects.toThrow(
      "The CrewBudget table has moved: CrewRate needs it to start in column A with its header on row 3 or below (it is at A2). Move it back, then try again.",
    );
    expect(book.syncsPerRun.at(-1)).toBe(1);
    expect(book.calls.slice(callsBefore)).toEqual([]);
  });

  it("says so, having changed nothing, when the budget table is missing", async () => {
    const book = new FakeExcel();
    const workbook = new ExcelWorkbook({ departments: DEPARTMENTS, run: book.run });

    await expect(workbook.appendCrewLines(LINES)).rejects.toThrow(
      "Could not add the crew lines: The requested resource doesn't exist (table CrewBudget). Nothing was changed.",
    );
    expect(book.syncsPerRun).toEqual([1]);
    expect(book.calls).toEqual([]);
  });
});

describe("ExcelWorkbook.readSettings", () => {
  it("reads Settings!B2:B9 in one sync and turns an Excel date serial into YYYY-MM-DD", async () => {
    const { book, workbook } = await budgetWith(0);
    book.sheetCells("Settings").set(key(2, 1), 45658); // 2025-01-01
    book.sheetCells("Settings").set(key(7, 1), 10); // shoot weeks

    const settings = await workbook.readSettings();

    expect(book.syncsPerRun.at(-1)).toBe(1);
    expect(settings).toEqual({
      budgetDate: "2025-01-01",
      region: "Los Angeles",
      tier: "Studio",
      hoursPerDay: 12,
      prepWeeks: 4,
      shootWeeks: 10,
      wrapWeeks: 2,
      cardVersion: "2026.1",
    });
  });

  it("accepts a date typed as text and rejects a cell that is not a date", async () => {
    const { book, workbook } = await budgetWith(0);
    book.sheetCells("Settings").set(key(2, 1), "2027-03-15");
    expect((await workbook.readSettings()).budgetDate).toBe("2027-03-15");

    for (const text of ["next spring", "2026-02-30"]) {
      book.sheetCells("Settings").set(key(2, 1), text);
      await expect(workbook.readSettings()).rejects.toThrow(
        `Settings!B2 (Budget date) must be a date (YYYY-MM-DD); it holds "${text}".`,
      );
    }
  });

  it("reports a missing Settings sheet as a WorkbookError", async () => {
    const workbook = new ExcelWorkbook({ departments: DEPARTMENTS, run: new FakeExcel().run });

    await expect(workbook.readSettings()).rejects.toBeInstanceOf(WorkbookError);
  });
});

describe("ExcelWorkbook.shareAsValues", () => {
  const CREW_COLUMNS = ["Rate", "Subtotal", "Fringe"] as const;

  /** A 3-line budget whose formulas "calculate" to distinct numbers, as Excel's would. */
  async function calculatedBudget() {
    const { book, workbook } = await budgetWith(3);
    for (let row = 5; row <= 8; row++) {
      COLUMNS.forEach((name, c) => {
        const address = `${colLetters(c)}${row}`;
        const formula = book.cell("Budget", address);
        if (typeof formula !== "string" || !formula.startsWith("=")) return;
        const value =
          name === "Region" ? "Los Angeles" : name === "Tier" ? "Studio" : row * 1000 + c + 0.25;
        book.calculated.set(`Budget!${address}`, value);
      });
    }
    return { book, workbook };
  }

  function snapshot(book: FakeExcel, sheet: string): [string, Cell][] {
    return [...book.sheetCells(sheet)];
  }

  it("copies Budget and Topsheet, writes CREW formulas' values over the copy, in one read and one write", async () => {
    const { book, workbook } = await calculatedBudget();
    const budgetBefore = snapshot(book, "Budget");
    const topBefore = snapshot(book, "Topsheet");
    const settings = await workbook.readSettings();
    const callsBefore = book.calls.length;

    const result = await workbook.shareAsValues();

    expect(result).toEqual({ sheets: ["Budget (values)", "Topsheet (values)"] });
    expect(book.syncsPerRun.at(-1)).toBe(2);
    expect(book.calls.slice(callsBefore).filter((c) => c.startsWith("worksheet."))).toEqual([
      "worksheet.copy Budget End → Budget (2)",
      "worksheet.copy Topsheet End → Topsheet (2)",
      "worksheet.name Budget (2) → Budget (values)",
      "worksheet.name Topsheet (2) → Topsheet (values)",
    ]);
    // The originals are untouched; no other sheet appeared or changed.
    expect(snapshot(book, "Budget")).toEqual(budgetBefore);
    expect(snapshot(book, "Topsheet")).toEqual(topBefore);
    expect([...book.state.cells.keys()].sort()).toEqual(
      [
        "Budget",
        "Budget (values)",
        "Settings",
        "Sheet1",
        "Topsheet",
        "Topsheet (values)",
        "Rate Overrides",
        "Production Roles",
      ].sort(),
    );

    const copy = book.sheetCells("Budget (values)");
    expect([...copy.values()].filter((v) => typeof v === "string" && v.includes("CREW."))).toEqual(
      [],
    );
    for (let row = 5; row <= 7; row++) {
      for (const name of CREW_COLUMNS) {
        const address = `${colLetters(COLUMNS.indexOf(name))}${row}`;
        expect(book.cell("Budget (values)", address)).toBe(
          book.calculated.get(`Budget!${address}`),
        );
        expect(book.format("Budget (values)", address)).toBe(MONEY_FORMAT);
      }
    }
    expect(book.cell("Budget (values)", "N5")).toBe("=L5+M5"); // arithmetic over the copy stays
    expect(book.cell("Budget (values)", "G5")).toBe("Los Angeles"); // =Region reads Settings
    expect(book.cell("Budget (values)", "I5")).toBe(book.calculated.get("Budget!I5")); // =ShootWeeks
    expect(book.cell("Budget (values)", "L8")).toBe("=SUM(CrewBudget[Subtotal])");
    expect(book.cell("Budget (values)", "A1")).toBe(BUDGET_TITLE);
    expect(book.cell("Budget (values)", "A2")).toBe(
      `Values from CrewRate rate card ${settings.cardVersion}, budget date ${settings.budgetDate}, shared — no add-in needed to read it.`,
    );
    expect(book.cell("Topsheet (values)", "C2")).toBe(
      "=SUMIF('Budget (values)'!$B:$B,B2,'Budget (values)'!$L:$L)",
    );
    expect(book.cell("Topsheet (values)", "E4")).toBe("=SUM(E2:E3)");
  });

  it("replaces its own earlier copies and leaves every other sheet alone", async () => {
    const { book, workbook } = await calculatedBudget();
    await workbook.shareAsValues();
    book.calculated.set("Budget!L5", 1.5);
    const sheet1 = snapshot(book, "Sheet1");

    await workbook.shareAsValues();

    expect(book.syncsPerRun.at(-1)).toBe(2);
    expect(book.calls.filter((c) => c.startsWith("worksheet.delete"))).toEqual([
      "worksheet.delete Budget (values)",
      "worksheet.delete Topsheet (values)",
    ]);
    expect(book.state.cells.size).toBe(8); // the budget's five sheets, Sheet1 and two copies
    expect(book.cell("Budget (values)", "L5")).toBe(1.5);
    expect(snapshot(book, "Sheet1")).toEqual(sheet1);
  });

  it("refuses while a CREW formula still shows #BUSY!, having changed nothing", async () => {
    const { book, workbook } = await calculatedBudget();
    book.calculated.set("Budget!L6", "#BUSY!");
    const before = structuredClone(book.state);

    await expect(workbook.shareAsValues()).rejects.toThrow(/still calculating/);
    expect(book.syncsPerRun.at(-1)).toBe(1);
    expect(book.state).toEqual(before);
  });

  it("says there is nothing to share in a workbook without the budget sheets", async () => {
    const book = new FakeExcel();
    const workbook = new ExcelWorkbook({ departments: DEPARTMENTS, run: book.run });

    await expect(workbook.shareAsValues()).rejects.toThrow(
      "There is no Budget, Topsheet or Settings sheet to share yet.",
    );
    expect(book.syncsPerRun).toEqual([1]);
    expect(book.calls).toEqual([]);
  });

  it.each(["all", "none"] as const)(
    "deletes the copies when the write sync fails with %s of the batch applied",
    async (applied) => {
      const { book, workbook } = await calculatedBudget();
      const before = structuredClone(book.state);
      book.failNextRun(2, applied);

      const error: unknown = await workbook.shareAsValues().catch((e: unknown) => e);

      expect(error).toBeInstanceOf(WorkbookError);
      expect((error as WorkbookError).message).toBe(
        "Could not make the values copy: An internal error has occurred. Your Budget and Topsheet were not changed.",
      );
      expect(book.syncsPerRun.slice(-2)).toEqual([2, applied === "all" ? 2 : 1]);
      expect(book.state).toEqual(before);
    },
  );
});

describe("ExcelWorkbook: the production tables and the card version", () => {
  it("reads both tables' line blocks in one sync, blank lines kept in place", async () => {
    const { book, workbook } = await budgetWith(0);
    book.sheetCells("Rate Overrides").set(key(4, 0), "Gaffer");
    book.sheetCells("Rate Overrides").set(key(4, 2), "week");
    book.sheetCells("Rate Overrides").set(key(4, 3), 4200);
    book.sheetCells("Rate Overrides").set(key(6, 0), "Key Grip");

    const tables = await workbook.readProductionTables();

    expect(book.syncsPerRun.at(-1)).toBe(1);
    expect(tables.overrides).toHaveLength(200);
    expect(tables.overrides[0]?.slice(0, 4)).toEqual(["Gaffer", "", "week", 4200]);
    expect(tables.overrides[1]?.every((c) => c === "")).toBe(true);
    expect(tables.overrides[2]?.[0]).toBe("Key Grip");
    expect(tables.roles.every((row) => row.every((c) => c === ""))).toBe(true);
  });

  it("writes an added role on the first blank line in one read and one write", async () => {
    const { book, workbook } = await budgetWith(0);
    book.sheetCells("Production Roles").set(key(4, 0), "Local Fixer");

    const { line } = await workbook.addProductionRole({
      title: "Drone Pilot",
      department: "Camera",
      account: "",
      description: "Flies the drone.",
      unit: "day",
      rate: 1200,
      agreement: "",
    });

    expect(line).toBe(2);
    expect(book.syncsPerRun.at(-1)).toBe(2);
    // The fake keeps written blanks as empty cells.
    expect(book.row("Production Roles", 5, 7)).toEqual([
      "Drone Pilot",
      "Camera",
      undefined,
      "Flies the drone.",
      "day",
      1200,
      undefined,
    ]);
  });

  it("refuses, having changed nothing, when the Production Roles table is full", async () => {
    const { book, workbook } = await budgetWith(0);
    for (let r = 4; r < 204; r++) book.sheetCells("Production Roles").set(key(r, 0), `Role ${r}`);
    const before = new Map(book.sheetCells("Production Roles"));

    await expect(
      workbook.addProductionRole({
        title: "Drone Pilot",
        department: "Camera",
        account: "",
        description: "",
        unit: "day",
        rate: 1,
        agreement: "",
      }),
    ).rejects.toThrow("The Production Roles sheet is full (200 lines)");
    expect(book.sheetCells("Production Roles")).toEqual(before);
  });

  it("sets the card version as text, so 2026.10 stays 2026.10", async () => {
    const { book, workbook } = await budgetWith(0);

    await workbook.setCardVersion("2026.10");

    expect(book.cell("Settings", "B9")).toBe("2026.10");
    expect(book.format("Settings", "B9")).toBe("@");
    expect((await workbook.readSettings()).cardVersion).toBe("2026.10");
  });

  it("reads the budget's crew lines with their cells' values", async () => {
    const { workbook } = await budgetWith(2);

    const lines = await workbook.readCrewLines();

    expect(lines.map((l) => [l.row, l.role])).toEqual([
      [5, LINES[0]!.role],
      [6, LINES[1]!.role],
    ]);
  });
});

describe("ExcelWorkbook: the workbook brings the add-in along", () => {
  function fakeStartup(opts: { opensPane?: boolean; failLoad?: boolean } = {}) {
    const calls: string[] = [];
    const host: StartupHost = {
      loadWithDocument: () => {
        calls.push("load");
        return opts.failLoad
          ? Promise.reject(new Error("SharedRuntime 1.1 is not supported"))
          : Promise.resolve();
      },
      opensPane: () => opts.opensPane ?? false,
      openPaneWithDocument: () => {
        calls.push("autoshow");
        return Promise.resolve();
      },
    };
    return { host, calls };
  }

  it("sets the document to load CrewRate and open its pane once the budget exists", async () => {
    const book = new FakeExcel();
    const { host, calls } = fakeStartup();
    const workbook = new ExcelWorkbook({ departments: DEPARTMENTS, run: book.run, startup: host });
    await workbook.ensureBudget();
    expect(calls).toEqual(["load", "autoshow"]);
  });

  it("does not save the pane setting again when the document has it", async () => {
    const { host, calls } = fakeStartup({ opensPane: true });
    const workbook = new ExcelWorkbook({
      departments: DEPARTMENTS,
      run: new FakeExcel().run,
      startup: host,
    });
    await workbook.ensureBudget();
    expect(calls).toEqual(["load"]);
  });

  it("reports a platform that refuses, without failing the budget", async () => {
    const book = new FakeExcel();
    const { host } = fakeStartup({ failLoad: true });
    const problems: string[][] = [];
    const workbook = new ExcelWorkbook({
      departments: DEPARTMENTS,
      run: book.run,
      startup: host,
      onStartupProblem: (p) => problems.push(p),
    });
    await workbook.ensureBudget();
    expect(book.table(BUDGET_TABLE)).toBeDefined();
    expect(problems).toEqual([["loading with the document: SharedRuntime 1.1 is not supported"]]);
  });

  it("leaves the switches alone when budget setup fails", async () => {
    const book = new FakeExcel({ Budget: { A1: "My own notes" } });
    const { host, calls } = fakeStartup();
    const workbook = new ExcelWorkbook({ departments: DEPARTMENTS, run: book.run, startup: host });
    await expect(workbook.ensureBudget()).rejects.toBeInstanceOf(WorkbookError);
    expect(calls).toEqual([]);
  });
});
