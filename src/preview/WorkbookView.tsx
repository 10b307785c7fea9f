/**
 * The preview's workbook view: a formula bar, a spreadsheet grid of HyperFormula's computed values
 * and sheet tabs, like Excel's. Cells are selected by click or arrow keys; typing, F2 or a
 * double-click edits the selected cell in the formula bar, Enter writes it through
 * `PreviewWorkbook.setCell` and Escape cancels. It redraws on every workbook change (an insert
 * from the task pane, an edit here), rendering only the used range plus a margin for new entries.
 */
import { ACCOUNT_SUMS_MARK } from "../engine";
import {
  Input,
  makeStyles,
  mergeClasses,
  Tab,
  TabList,
  Text,
  tokens,
  type InputOnChangeData,
  type SelectTabData,
  type SelectTabEvent,
} from "@fluentui/react-components";
import type { CellValue, DetailedCellError } from "hyperformula";
import {
  memo,
  useCallback,
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type ChangeEvent,
  type JSX,
  type KeyboardEvent,
  type MouseEvent,
} from "react";
import {
  BUDGET_SHEET,
  COLUMNS,
  HEADER_ROW,
  PRODUCTION_SHEETS,
  TABLE_HEADER_ROW,
  MONEY_COLUMNS,
  layoutSheetOf,
  TOPSHEET_SHEET,
  TOPSHEET_HEADER_ROW,
  COMPARE_HEADER_ROW,
  COMPARE_SHEET,
} from "../budget";
import type { PreviewWorkbook } from "./previewWorkbook";
import { formatMoney, SpendChart } from "./SpendChart";

/** Empty rows and columns shown beyond the used range, so a new entry can be typed there. */
const EXTRA_ROWS = 10;
const EXTRA_COLS = 2;
const ROW_HEIGHT = 22;
const ROW_HEADER_WIDTH = 44;
const MIN_COL_WIDTH = 64;
const MAX_COL_WIDTH = 280;
/** Rough width of a 13px Segoe UI character, for fitting columns to their contents. */
const CHAR_WIDTH = 7;
const CELL_PADDING = 14;
const PAGE_ROWS = 20;

/** Columns (0-based) shown as $#,##0.00 on each sheet: Rate..Total on Budget, Labor..Total on Topsheet. */
const MONEY_COLUMNS_BY_SHEET: Readonly<Record<string, ReadonlySet<number>>> = {
  [BUDGET_SHEET]: new Set(MONEY_COLUMNS.map((name) => COLUMNS.indexOf(name))),
  [TOPSHEET_SHEET]: new Set([2, 3, 4]),
};

/** What an error code means, for errors HyperFormula reports without a message. */
const ERROR_HELP: Readonly<Record<string, string>> = {
  "#DIV/0!": "The formula divides by zero.",
  "#N/A": "A value is not available to the formula.",
  "#NAME?": "The formula uses a name or function that does not exist.",
  "#NUM!": "The formula's result is not a valid number.",
  "#REF!": "The formula refers to a cell that does not exist.",
  "#VALUE!": "A value in the formula has the wrong type.",
  "#CYCLE!": "The formula refers to its own cell, directly or through other cells.",
  "#SPILL!": "The result cannot spill: cells in its way are not empty.",
  "#ERROR!": "The formula cannot be read.",
  "#LIC!": "The formula cannot be computed.",
};

/** Column letters as Excel names them: A..Z, AA, AB, ... */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = "";
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** A cell's address as the formula bar shows it, e.g. Budget!L5 (row and col are 0-based). */
export function cellAddress(sheet: string, row: number, col: number): string {
  return `${sheet}!${columnLetter(col)}${row + 1}`;
}

type CellKind = "empty" | "text" | "number" | "boolean" | "error";

interface CellView {
  text: string;
  kind: CellKind;
  /** An error's message, shown as the cell's tooltip. */
  message: string | undefined;
  /** Text that may run over the empty cell to its right, as in Excel. */
  overflow: boolean;
}

interface SheetModel {
  sheet: string;
  cells: CellView[][];
  rowCount: number;
  colCount: number;
  /** Columns HyperFormula reports as used. */
  usedCols: number;
  usedRows: number;
  widths: number[];
  headerRow: number;
  totalRows: ReadonlySet<number>;
  /** Rows not drawn (0-based): the topsheet's accounts without lines, as Excel's pane hides them. */
  hiddenRows: ReadonlySet<number>;
}

interface CellPos {
  row: number;
  col: number;
}

interface Edit extends CellPos {
  sheet: string;
  text: string;
}

const ORIGIN: CellPos = { row: 0, col: 0 };
const EMPTY_CELL: CellView = { text: "", kind: "empty", message: undefined, overflow: false };

function errorMessage(error: DetailedCellError): string {
  const message = error.message.trim();
  return message !== "" ? message : (ERROR_HELP[error.value] ?? "The formula cannot be computed.");
}

function formatNumber(value: number): string {
  if (Number.isInteger(value)) return String(value);
  // Like Excel's General format: no binary noise such as 0.30000000000000004.
  return String(Number(value.toPrecision(11)));
}

function cellView(value: CellValue, money: boolean): CellView {
  if (value === null || value === "") return EMPTY_CELL;
  // The topsheet's account sums cells: hidden in Excel by their ";;;" format, here by their text.
  if (typeof value === "string" && value.startsWith(ACCOUNT_SUMS_MARK)) return EMPTY_CELL;
  if (typeof value === "string")
    return { text: value, kind: "text", message: undefined, overflow: false };
  if (typeof value === "boolean") {
    return { text: value ? "TRUE" : "FALSE", kind: "boolean", message: undefined, overflow: false };
  }
  if (typeof value === "number") {
    const text = money ? formatMoney(value) : formatNumber(value);
    return { text, kind: "number", message: undefined, overflow: false };
  }
  return { text: value.value, kind: "error", message: errorMessage(value), overflow: false };
}

/**
 * The header row (0-based): the budget table's header on Budget, the table header on the
 * production sheets, the first row elsewhere.
 */
function headerRowOf(sheet: string): number {
  const layout = layoutSheetOf(sheet);
  if (layout === BUDGET_SHEET) return HEADER_ROW - 1;
  if (PRODUCTION_SHEETS.some((p) => p.sheet === layout)) return TABLE_HEADER_ROW - 1;
  // The topsheet's and Compare's titles sit above their headers and overflow, as in Excel.
  if (layout === TOPSHEET_SHEET) return TOPSHEET_HEADER_ROW - 1;
  if (layout === COMPARE_SHEET) return COMPARE_HEADER_ROW - 1;
  return 0;
}

function sameCell(a: CellView, b: CellView): boolean {
  return (
    a.text === b.text && a.kind === b.kind && a.message === b.message && a.overflow === b.overflow
  );
}

function sameRow(a: readonly CellView[], b: readonly CellView[]): boolean {
  return a.length === b.length && a.every((cell, i) => b[i] !== undefined && sameCell(cell, b[i]));
}

/**
 * The sheet's cells as shown. Rows that read the same as in `previous` keep their identity, so
 * after an edit React redraws only the rows whose values changed.
 */
function buildModel(
  workbook: PreviewWorkbook,
  sheet: string,
  previous: SheetModel | undefined,
): SheetModel {
  const id = workbook.sheetId(sheet);
  const { width, height } = workbook.hf.getSheetDimensions(id);
  const values = workbook.hf.getSheetValues(id);
  const rowCount = height + EXTRA_ROWS;
  const colCount = width + EXTRA_COLS;
  const money = MONEY_COLUMNS_BY_SHEET[layoutSheetOf(sheet)];
  const headerRow = headerRowOf(sheet);

  const cells: CellView[][] = [];
  const totalRows = new Set<number>();
  for (let r = 0; r < rowCount; r++) {
    const source = values[r];
    const row: CellView[] = [];
    for (let c = 0; c < colCount; c++) {
      row.push(source ? cellView(source[c] ?? null, money?.has(c) ?? false) : EMPTY_CELL);
    }
    for (let c = 0; c < colCount - 1; c++) {
      const cell = row[c];
      if (cell?.kind === "text" && row[c + 1]?.kind === "empty")
        row[c] = { ...cell, overflow: true };
    }
    if (row.find((cell) => cell.kind !== "empty")?.text === "Total") totalRows.add(r);
    const before = previous?.cells[r];
    cells.push(before && sameRow(before, row) ? before : row);
  }

  // Fit each column to its contents from the header row down (titles above it overflow instead).
  const widths: number[] = [];
  for (let c = 0; c < colCount; c++) {
    let chars = 0;
    for (let r = headerRow; r < rowCount; r++) {
      const cell = cells[r]?.[c];
      if (cell)
        chars = Math.max(chars, cell.text.length * (r === headerRow || totalRows.has(r) ? 1.1 : 1));
    }
    const fit = Math.ceil(chars * CHAR_WIDTH + CELL_PADDING);
    widths.push(Math.min(MAX_COL_WIDTH, Math.max(MIN_COL_WIDTH, fit)));
  }

  return {
    sheet,
    cells,
    rowCount,
    colCount,
    usedCols: width,
    usedRows: height,
    widths,
    headerRow,
    totalRows,
    hiddenRows:
      layoutSheetOf(sheet) === TOPSHEET_SHEET
        ? new Set(workbook.topsheetView(values).hide.map((r) => r - 1))
        : new Set<number>(),
  };
}

/** What the formula bar shows for a cell: its formula if it has one, else the value as typed. */
function cellSource(workbook: PreviewWorkbook, sheet: string, row: number, col: number): string {
  const address = { sheet: workbook.sheetId(sheet), row, col };
  const formula = workbook.hf.getCellFormula(address);
  if (formula !== undefined) return formula;
  const raw = workbook.hf.getCellSerialized(address);
  if (raw === null || raw === undefined) return "";
  if (typeof raw === "boolean") return raw ? "TRUE" : "FALSE";
  if (raw instanceof Date) return raw.toISOString().slice(0, 10);
  return String(raw);
}

/** The row `by` rows away from `row`, stepping over hidden rows as Excel does (hidden rows stay out). */
function rowAway(model: SheetModel, row: number, by: number): number {
  const step = Math.sign(by);
  let to = row;
  for (let left = Math.abs(by); left > 0; left--) {
    let next = to + step;
    while (model.hiddenRows.has(next)) next += step;
    if (next < 0 || next >= model.rowCount) break;
    to = next;
  }
  return to;
}

function clamp(pos: CellPos, model: SheetModel): CellPos {
  return {
    row: Math.min(Math.max(pos.row, 0), model.rowCount - 1),
    col: Math.min(Math.max(pos.col, 0), model.colCount - 1),
  };
}

function cellId(base: string, row: number, col: number): string {
  return `${base}-r${row}-c${col}`;
}

/** The cell an event happened in, from the grid's data attributes. */
function cellAt(target: EventTarget): CellPos | undefined {
  if (!(target instanceof Element)) return undefined;
  const td = target.closest("td[data-row]");
  if (!(td instanceof HTMLElement)) return undefined;
  const row = Number(td.dataset.row);
  const col = Number(td.dataset.col);
  return Number.isInteger(row) && Number.isInteger(col) ? { row, col } : undefined;
}

/** A number that changes on every workbook notification, to key what is read from it. */
function useWorkbookVersion(workbook: PreviewWorkbook): number {
  const [version, setVersion] = useState(0);
  useEffect(
    () =>
      workbook.subscribe(() => {
        setVersion((v) => v + 1);
      }),
    [workbook],
  );
  return version;
}

const gridLine = `1px solid ${tokens.colorNeutralStroke3}`;
const headerLine = `1px solid ${tokens.colorNeutralStroke2}`;

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    flex: "1 1 auto",
    height: "100%",
    minHeight: 0,
    minWidth: 0,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  formulaBar: {
    display: "flex",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderBottom: headerLine,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  nameBox: {
    flex: "0 0 auto",
    minWidth: "120px",
    height: "28px",
    boxSizing: "border-box",
    display: "flex",
    alignItems: "center",
    padding: `0 ${tokens.spacingHorizontalS}`,
    border: headerLine,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    fontVariantNumeric: "tabular-nums",
  },
  fx: {
    flex: "0 0 auto",
    color: tokens.colorNeutralForeground3,
    fontStyle: "italic",
    fontFamily: "Cambria, Georgia, serif",
    paddingLeft: tokens.spacingHorizontalXS,
    paddingRight: tokens.spacingHorizontalXS,
  },
  formulaInput: { flex: "1 1 auto", minWidth: 0 },
  // One line, always there: what it shows changes, the grid below never moves.
  statusLine: {
    display: "flex",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalM,
    height: "24px",
    flex: "0 0 auto",
    padding: `0 ${tokens.spacingHorizontalM}`,
    overflow: "hidden",
    whiteSpace: "nowrap",
    borderBottom: headerLine,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  statusLineError: {
    backgroundColor: tokens.colorPaletteRedBackground1,
    borderBottomColor: tokens.colorPaletteRedBorder1,
  },
  status: {
    display: "flex",
    alignItems: "baseline",
    columnGap: tokens.spacingHorizontalS,
    minWidth: 0,
    overflow: "hidden",
    textOverflow: "ellipsis",
    color: tokens.colorPaletteRedForeground1,
    ":empty": { display: "none" },
  },
  hint: {
    color: tokens.colorNeutralForeground3,
    minWidth: 0,
    overflow: "hidden",
    textOverflow: "ellipsis",
  },
  scroller: {
    flex: "1 1 auto",
    minHeight: 0,
    overflow: "auto",
    backgroundColor: tokens.colorNeutralBackground1,
  },
  table: {
    tableLayout: "fixed",
    borderCollapse: "separate",
    borderSpacing: 0,
    fontFamily: tokens.fontFamilyBase,
    fontSize: "13px",
    color: tokens.colorNeutralForeground1,
    outlineStyle: "none",
    userSelect: "none",
  },
  colHeader: {
    position: "sticky",
    top: 0,
    zIndex: 2,
    height: `${ROW_HEIGHT}px`,
    padding: 0,
    boxSizing: "border-box",
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground3,
    fontSize: "12px",
    fontWeight: tokens.fontWeightRegular,
    textAlign: "center",
    borderRight: headerLine,
    borderBottom: headerLine,
  },
  corner: { left: 0, zIndex: 3 },
  rowHeader: {
    position: "sticky",
    left: 0,
    zIndex: 1,
    padding: 0,
    boxSizing: "border-box",
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground3,
    fontSize: "12px",
    fontWeight: tokens.fontWeightRegular,
    textAlign: "center",
    fontVariantNumeric: "tabular-nums",
    borderRight: headerLine,
    borderBottom: headerLine,
  },
  colHeaderActive: {
    backgroundColor: tokens.colorNeutralBackground3Selected,
    color: tokens.colorBrandForeground1,
    fontWeight: tokens.fontWeightSemibold,
    boxShadow: `inset 0 -2px 0 ${tokens.colorBrandStroke1}`,
  },
  rowHeaderActive: {
    backgroundColor: tokens.colorNeutralBackground3Selected,
    color: tokens.colorBrandForeground1,
    fontWeight: tokens.fontWeightSemibold,
    boxShadow: `inset -2px 0 0 ${tokens.colorBrandStroke1}`,
  },
  cell: {
    height: `${ROW_HEIGHT}px`,
    boxSizing: "border-box",
    padding: "0 5px",
    whiteSpace: "nowrap",
    borderRight: gridLine,
    borderBottom: gridLine,
    cursor: "cell",
    scrollMarginTop: `${ROW_HEIGHT}px`,
    scrollMarginLeft: `${ROW_HEADER_WIDTH}px`,
  },
  clip: { overflow: "hidden", textOverflow: "ellipsis" },
  overflow: { overflow: "visible" },
  empty: {},
  text: { textAlign: "left" },
  number: { textAlign: "right", fontVariantNumeric: "tabular-nums" },
  boolean: { textAlign: "center" },
  error: { textAlign: "center", color: tokens.colorPaletteRedForeground1 },
  headerCell: {
    fontWeight: tokens.fontWeightBold,
    backgroundColor: tokens.colorNeutralBackground2,
    borderBottom: `1px solid ${tokens.colorNeutralStroke1}`,
  },
  totalCell: {
    fontWeight: tokens.fontWeightBold,
    boxShadow: `inset 0 1px 0 ${tokens.colorNeutralStroke1}`,
  },
  selected: {
    outline: `2px solid ${tokens.colorBrandStroke1}`,
    outlineOffset: "-2px",
  },
  chart: {
    flex: "0 0 auto",
    maxHeight: "45%",
    overflowY: "auto",
    borderTop: headerLine,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  tabs: {
    flex: "0 0 auto",
    borderTop: headerLine,
    backgroundColor: tokens.colorNeutralBackground2,
    paddingLeft: tokens.spacingHorizontalS,
  },
});

interface RowProps {
  cells: readonly CellView[];
  row: number;
  header: boolean;
  total: boolean;
  /** Columns HyperFormula reports as used (the header and totals styles stop there). */
  usedCols: number;
  /** The selected column when the selection is in this row, else -1. */
  selectedCol: number;
  idBase: string;
}

/** One sheet row; memoized so moving the selection redraws two rows, not the sheet. */
const GridRow = memo(function GridRow(props: RowProps) {
  const { cells, row, header, total, usedCols, selectedCol, idBase } = props;
  const styles = useStyles();
  return (
    <tr>
      <th
        scope="row"
        role="rowheader"
        className={mergeClasses(styles.rowHeader, selectedCol >= 0 && styles.rowHeaderActive)}
      >
        {row + 1}
      </th>
      {cells.map((cell, col) => {
        const used = col < usedCols;
        return (
          <td
            key={col}
            id={cellId(idBase, row, col)}
            role="gridcell"
            aria-selected={col === selectedCol}
            data-row={row}
            data-col={col}
            title={cell.message}
            className={mergeClasses(
              styles.cell,
              styles[cell.kind],
              cell.overflow ? styles.overflow : styles.clip,
              header && used && styles.headerCell,
              total && used && styles.totalCell,
              col === selectedCol && styles.selected,
            )}
          >
            {cell.text}
          </td>
        );
      })}
    </tr>
  );
});

const MOVES: Readonly<Record<string, readonly [number, number]>> = {
  ArrowUp: [-1, 0],
  ArrowDown: [1, 0],
  ArrowLeft: [0, -1],
  ArrowRight: [0, 1],
};

/** The preview workbook: formula bar, grid and sheet tabs (with the spend chart on the Topsheet). */
export function WorkbookView(props: { workbook: PreviewWorkbook }): JSX.Element {
  const { workbook } = props;
  const styles = useStyles();
  const idBase = useId();
  const version = useWorkbookVersion(workbook);
  const [sheet, setSheet] = useState<string>(workbook.sheetNames[0] ?? BUDGET_SHEET);
  const [selections, setSelections] = useState<Readonly<Record<string, CellPos>>>({});
  const [edit, setEditState] = useState<Edit | null>(null);
  const [problem, setProblem] = useState<string>();
  // The edit in progress, readable synchronously by blur and key handlers.
  const editRef = useRef<Edit | null>(null);
  const caretToEnd = useRef(false);
  const gridRef = useRef<HTMLTableElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);

  // `version` keys the memos: each change notification reads HyperFormula's values again.
  const lastModel = useRef<SheetModel>(undefined);
  const model = useMemo(() => {
    const previous = lastModel.current;
    return buildModel(workbook, sheet, previous?.sheet === sheet ? previous : undefined);
  }, [workbook, sheet, version]);
  useEffect(() => {
    lastModel.current = model;
  }, [model]);
  // After the pane inserts lines, show the first of them (selected, scrolled into view; the focus
  // stays where it is), as Excel's adapter selects the inserted lines.
  const revealed = useRef(workbook.reveal?.serial ?? 0);
  useEffect(() => {
    const reveal = workbook.reveal;
    if (reveal === undefined || reveal.serial === revealed.current) return;
    revealed.current = reveal.serial;
    setSheet(reveal.sheet);
    setSelections((all) => ({ ...all, [reveal.sheet]: { row: reveal.row - 1, col: reveal.col } }));
  }, [workbook, version]);
  const selection = clamp(selections[sheet] ?? ORIGIN, model);
  const { row, col } = selection;
  // The workbook reads the selection for the pane's "Use the selected cells".
  useEffect(() => {
    workbook.setSelection(sheet, { top: row, left: col, bottom: row, right: col });
  }, [workbook, sheet, row, col]);
  const source = useMemo(
    () => cellSource(workbook, sheet, row, col),
    [workbook, sheet, row, col, version],
  );
  const selectedCell = model.cells[row]?.[col] ?? EMPTY_CELL;
  const activeId = cellId(idBase, row, col);
  // A failed edit, or the selected cell's error, shown under the formula bar.
  const failure = problem !== undefined || (!edit && selectedCell.kind === "error");
  const address = edit ? cellAddress(edit.sheet, edit.row, edit.col) : cellAddress(sheet, row, col);

  const setEdit = useCallback((next: Edit | null) => {
    editRef.current = next;
    setEditState(next);
  }, []);

  const select = useCallback(
    (pos: CellPos) => {
      setSelections((all) => ({ ...all, [sheet]: pos }));
      setProblem(undefined);
    },
    [sheet],
  );

  const focusGrid = useCallback(() => {
    gridRef.current?.focus({ preventScroll: true });
  }, []);

  /**
   * Writes the edit in progress, if it changed anything. False when the workbook refused it: the
   * edit stays in the formula bar with the reason shown, for the user to fix or cancel.
   */
  const commit = useCallback((): boolean => {
    const pending = editRef.current;
    if (!pending) return true;
    if (pending.text === cellSource(workbook, pending.sheet, pending.row, pending.col)) {
      setEdit(null);
      return true;
    }
    try {
      workbook.setCell(pending.sheet, pending.row, pending.col, pending.text);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      setProblem(
        `${cellAddress(pending.sheet, pending.row, pending.col)} was not changed: ${reason}`,
      );
      return false;
    }
    setEdit(null);
    return true;
  }, [workbook, setEdit]);

  /** Edits a cell in the formula bar, starting from `text` or the cell's contents. */
  const startEdit = useCallback(
    (pos: CellPos, text?: string) => {
      setEdit({
        sheet,
        row: pos.row,
        col: pos.col,
        text: text ?? cellSource(workbook, sheet, pos.row, pos.col),
      });
      caretToEnd.current = true;
      inputRef.current?.focus();
    },
    [workbook, sheet, setEdit],
  );

  useLayoutEffect(() => {
    const input = inputRef.current;
    if (!caretToEnd.current || !input) return;
    caretToEnd.current = false;
    input.setSelectionRange(input.value.length, input.value.length);
  });

  useEffect(() => {
    const cell = document.getElementById(activeId);
    if (cell && typeof cell.scrollIntoView === "function") {
      cell.scrollIntoView({ block: "nearest", inline: "nearest" });
    }
  }, [activeId]);

  const onGridKeyDown = (event: KeyboardEvent<HTMLTableElement>) => {
    if (event.target !== event.currentTarget || event.nativeEvent.isComposing) return;
    const { key, shiftKey } = event;
    const ctrl = event.ctrlKey || event.metaKey;
    const move = MOVES[key];
    const lastRow = Math.max(model.usedRows - 1, 0);
    const lastCol = Math.max(model.usedCols - 1, 0);
    if (move) {
      const [dr, dc] = move;
      const to = ctrl
        ? {
            row: dr === 0 ? row : dr < 0 ? 0 : lastRow,
            col: dc === 0 ? col : dc < 0 ? 0 : lastCol,
          }
        : { row: rowAway(model, row, dr), col: col + dc };
      select(clamp(to, model));
    } else if (key === "Enter") {
      select(clamp({ row: rowAway(model, row, shiftKey ? -1 : 1), col }, model));
    } else if (key === "PageDown" || key === "PageUp") {
      select(
        clamp(
          { row: rowAway(model, row, key === "PageDown" ? PAGE_ROWS : -PAGE_ROWS), col },
          model,
        ),
      );
    } else if (key === "Home") {
      select(ctrl ? ORIGIN : { row, col: 0 });
    } else if (key === "End") {
      select(ctrl ? { row: lastRow, col: lastCol } : { row, col: lastCol });
    } else if (key === "F2") {
      startEdit(selection);
    } else if (key === "Delete") {
      if (source !== "") workbook.setCell(sheet, row, col, "");
    } else if (key === "Backspace") {
      startEdit(selection, "");
    } else if (key.length === 1 && !ctrl && !event.altKey) {
      startEdit(selection, key);
    } else {
      return;
    }
    event.preventDefault();
  };

  // Selects on mouse down, as Excel does; moving focus to the grid commits an edit in progress.
  const onGridMouseDown = (event: MouseEvent<HTMLTableElement>) => {
    if (event.button !== 0) return;
    const pos = cellAt(event.target);
    if (!pos) return;
    event.preventDefault();
    select(pos);
    focusGrid();
  };

  const onGridDoubleClick = (event: MouseEvent<HTMLTableElement>) => {
    const pos = cellAt(event.target);
    if (!pos) return;
    select(pos);
    startEdit(pos);
  };

  const onInputChange = (_event: ChangeEvent<HTMLInputElement>, data: InputOnChangeData) => {
    setEdit({ ...(editRef.current ?? { sheet, row, col }), text: data.value });
  };

  const onInputKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "Enter") {
      event.preventDefault();
      const target = editRef.current ?? { sheet, row, col };
      if (!commit()) return;
      if (target.sheet === sheet) {
        select({ row: Math.max(0, target.row + (event.shiftKey ? -1 : 1)), col: target.col });
      }
      focusGrid();
    } else if (event.key === "Escape") {
      event.preventDefault();
      setEdit(null);
      focusGrid();
    }
  };

  const onTabSelect = (_event: SelectTabEvent, data: SelectTabData) => {
    if (typeof data.value !== "string") return;
    setSheet(data.value);
    setProblem(undefined);
  };

  const tableWidth = ROW_HEADER_WIDTH + model.widths.reduce((sum, w) => sum + w, 0);

  return (
    <div className={styles.root}>
      <div className={styles.formulaBar}>
        <Text className={styles.nameBox} size={200} aria-label="Selected cell">
          {address}
        </Text>
        <span className={styles.fx} aria-hidden="true">
          fx
        </span>
        <Input
          ref={inputRef}
          className={styles.formulaInput}
          size="small"
          appearance="underline"
          aria-label={`Contents of ${address}`}
          value={edit ? edit.text : source}
          onChange={onInputChange}
          onKeyDown={onInputKeyDown}
          onBlur={() => {
            commit();
          }}
          spellCheck={false}
          autoComplete="off"
        />
      </div>
      <div className={mergeClasses(styles.statusLine, failure && styles.statusLineError)}>
        <div className={styles.status} role="status" aria-live="polite">
          {problem ? (
            <Text size={200}>{problem}</Text>
          ) : failure ? (
            <>
              <Text weight="semibold" size={200}>
                {selectedCell.text}
              </Text>
              <Text size={200}>{selectedCell.message}</Text>
            </>
          ) : null}
        </div>
        {!failure && (
          <Text size={200} wrap={false} truncate className={styles.hint}>
            {edit
              ? "Enter to confirm, Esc to cancel."
              : 'Type a number, text or a formula such as =CREW.RATE("Gaffer", 5) into the selected cell; F2 or a double-click edits it.'}
          </Text>
        )}
      </div>
      <div className={styles.scroller}>
        <table
          ref={gridRef}
          role="grid"
          aria-label={`${sheet} sheet`}
          aria-rowcount={model.rowCount + 1}
          aria-colcount={model.colCount + 1}
          aria-activedescendant={activeId}
          tabIndex={0}
          className={styles.table}
          style={{ width: `${tableWidth}px` }}
          onKeyDown={onGridKeyDown}
          onMouseDown={onGridMouseDown}
          onDoubleClick={onGridDoubleClick}
        >
          <colgroup>
            <col style={{ width: `${ROW_HEADER_WIDTH}px` }} />
            {model.widths.map((width, c) => (
              <col key={c} style={{ width: `${width}px` }} />
            ))}
          </colgroup>
          <thead>
            <tr>
              <th
                role="columnheader"
                aria-label="Row number"
                className={mergeClasses(styles.colHeader, styles.corner)}
              />
              {model.widths.map((_, c) => (
                <th
                  key={c}
                  scope="col"
                  role="columnheader"
                  className={mergeClasses(styles.colHeader, c === col && styles.colHeaderActive)}
                >
                  {columnLetter(c)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {model.cells.map((cells, r) =>
              model.hiddenRows.has(r) ? null : (
                <GridRow
                  key={r}
                  cells={cells}
                  row={r}
                  header={r === model.headerRow}
                  total={model.totalRows.has(r)}
                  usedCols={model.usedCols}
                  selectedCol={r === row ? col : -1}
                  idBase={idBase}
                />
              ),
            )}
          </tbody>
        </table>
      </div>
      {sheet === TOPSHEET_SHEET && (
        <div className={styles.chart}>
          <SpendChart workbook={workbook} />
        </div>
      )}
      <TabList
        className={styles.tabs}
        size="small"
        selectedValue={sheet}
        onTabSelect={onTabSelect}
        aria-label="Sheets"
      >
        {workbook.sheetNames.map((name) => (
          <Tab key={name} value={name}>
            {name}
          </Tab>
        ))}
      </TabList>
    </div>
  );
}
