/**
 * How Excel's adapter writes CrewRate's sheets and dresses them: the Settings block, the
 * production tables and their status column, the budget and topsheet skeletons, and each sheet's
 * formats, widths, panes and print setup from the host-neutral `budget/presentation.ts`.
 */
import { isoToSerial, TABLE_LINE_FIX } from "../engine";
import {
  blockAddress,
  BUDGET_NOTE,
  BUDGET_SHEET,
  BUDGET_TABLE,
  BUDGET_TITLE,
  budgetColumnFormats,
  cellAlignment,
  columnLetter,
  COLUMNS,
  defaultSettings,
  excelTotalsRow,
  HEADER_ROW,
  HIDDEN_FORMAT,
  MONEY_FORMAT,
  rowStyle,
  SETTINGS,
  SETTINGS_FIRST_ROW,
  SETTINGS_SHEET,
  settingAddress,
  settingFormat,
  settingsRows,
  sheetPresentation,
  statusColumn,
  statusColumnBlock,
  statusColumnCells,
  TABLE_FIRST_ROW,
  TABLE_HEADER_ROW,
  TABLE_LINES,
  TITLE_FONT_SIZE,
  TOPSHEET_COLUMNS,
  TOPSHEET_HEADER_ROW,
  TOPSHEET_SHEET,
  TOPSHEET_SUMS_COLUMNS,
  TOPSHEET_SUMS_ROW,
  widthInPoints,
  type Dropdown,
  type PrintContext,
  type SettingSpec,
  type SheetPresentation,
} from "../budget";
import { supportsExcelApi, TEXT_FORMAT } from "./excelCells";

/** The name CrewRate gives the Topsheet's spend chart. */
export const TOPSHEET_CHART = "CrewRateSpend";

export function writeSettings(sheet: Excel.Worksheet, block: string): void {
  const first = SETTINGS_FIRST_ROW;
  const last = SETTINGS_FIRST_ROW + SETTINGS.length - 1;
  // Formats before values: a text cell keeps "2026.10" as typed, and the date is a real date
  // (a serial shown as YYYY-MM-DD) that CREW formulas and sorting understand.
  sheet.getRange(`B${first}:B${last}`).numberFormat = SETTINGS.map((s) => [settingFormat(s)]);
  const rows = settingsRows().map((row, r) => {
    const spec = SETTINGS[r - 1];
    return spec?.name === "BudgetDate" && typeof spec.value === "string"
      ? [row[0] ?? "", isoToSerial(spec.value), row[2] ?? ""]
      : row;
  });
  sheet.getRange(block).values = rows;
  presentSheet(sheet, SETTINGS_SHEET, rows);
}

/** A production table's sheet: its title, note and header row, and its Status column. */
export function writeProductionSheet(
  sheet: Excel.Worksheet,
  name: string,
  rows: (string | number)[][],
): void {
  const width = rows[TABLE_HEADER_ROW - 1]?.length ?? 1;
  const block = rows.map((row) => Array.from({ length: width }, (_, i) => row[i] ?? ""));
  sheet.getRange(blockAddress(1, rows)).values = block;
  presentSheet(sheet, name, block);
  writeStatusColumn(sheet, name);
}

/** Red, for a Status that says "Fix:" (Excel's "Bad" text colour). */
const FIX_COLOR = "#9C0006";

/**
 * A production sheet's Status column (F3:F203 on Rate Overrides): the bold header, one
 * CREW.TABLECHECK formula per line, its width, wrapped text, and red text where a line says
 * "Fix:" (a conditional format, ExcelApi 1.6). Only queued: it goes in the caller's write sync.
 */
export function writeStatusColumn(sheet: Excel.Worksheet, name: string): void {
  const column = statusColumn(name);
  const letter = columnLetter(column);
  sheet.getRange(statusColumnBlock(name)).formulas = statusColumnCells(name);
  const header = sheet.getRange(`${letter}${TABLE_HEADER_ROW}`);
  header.format.font.bold = true;
  const look = sheetPresentation(name, setupPrintContext())?.columns[column];
  if (look) header.format.columnWidth = widthInPoints(look.width);
  const body = sheet.getRange(
    `${letter}${TABLE_FIRST_ROW}:${letter}${TABLE_FIRST_ROW + TABLE_LINES - 1}`,
  );
  body.format.wrapText = true;
  body.format.verticalAlignment = "Top";
  if (!supportsExcelApi("1.6")) return;
  const fix = body.conditionalFormats.add("ContainsText");
  fix.textComparison.format.font.color = FIX_COLOR;
  fix.textComparison.rule = { operator: "BeginsWith", text: TABLE_LINE_FIX };
}

export function writeBudget(sheet: Excel.Worksheet): void {
  sheet.getRange("A1:A2").values = [[BUDGET_TITLE], [BUDGET_NOTE]];
  const table = sheet.tables.add(`A${HEADER_ROW}:${lastBudgetColumn()}${HEADER_ROW}`, true);
  table.name = BUDGET_TABLE;
  table.getHeaderRowRange().values = [[...COLUMNS]];
  table.showTotals = true;
  // Structured references, so the totals follow the table as lines are added.
  // Structured references, so the totals follow the table as lines are added; crew lines only
  // (account subtotal rows have no Role), naming the row of a line that shows an error.
  table.getTotalRowRange().formulas = [excelTotalsRow(BUDGET_TABLE)];

  // A new table has exactly one (blank) data row.
  table.getDataBodyRange().numberFormat = [budgetNumberFormats()];
  table.getTotalRowRange().numberFormat = [budgetNumberFormats()];
  // Title, note, a blank row, the header, the one blank line and the totals row.
  presentSheet(sheet, BUDGET_SHEET, [
    [BUDGET_TITLE],
    [BUDGET_NOTE],
    [],
    [...COLUMNS],
    [],
    ["Total"],
  ]);
}

export function writeTopsheet(
  sheet: Excel.Worksheet,
  rows: (string | number)[][],
  summary: { first: number; last: number } | undefined,
): void {
  const last = rows.length;
  // Accounts stay text ("0100" keeps its zero); Labor, Fringe and Total are money.
  sheet.getRange(`A${TOPSHEET_HEADER_ROW + 1}:E${last}`).numberFormat = rows
    .slice(TOPSHEET_HEADER_ROW)
    .map(() => [TEXT_FORMAT, null, MONEY_FORMAT, MONEY_FORMAT, MONEY_FORMAT]);
  // The account sums cells the account rows read: their text is not for reading.
  const sums = Object.values(TOPSHEET_SUMS_COLUMNS);
  sheet.getRange(`${sums[0]}${TOPSHEET_SUMS_ROW}:${sums[2]}${TOPSHEET_SUMS_ROW}`).numberFormat = [
    [HIDDEN_FORMAT, HIDDEN_FORMAT, HIDDEN_FORMAT],
  ];
  // The printed columns, and the account sums cells right of them.
  const width = Math.max(TOPSHEET_COLUMNS.length, ...rows.map((row) => row.length));
  const block = rows.map((row) => Array.from({ length: width }, (_, i) => row[i] ?? ""));
  sheet.getRange(blockAddress(1, block)).formulas = block;
  presentSheet(sheet, TOPSHEET_SHEET, block);
  if (summary === undefined) return;
  // Where the money goes: the group totals of the summary block, beside the accounts.
  const chart = sheet.charts.add(
    "BarClustered",
    sheet.getRange(`E${summary.first}:E${summary.last}`),
    "Columns",
  );
  chart.name = TOPSHEET_CHART;
  chart.title.text = "Crew cost by part of the budget";
  chart.series.getItemAt(0).setXAxisValues(sheet.getRange(`B${summary.first}:B${summary.last}`));
  chart.setPosition("G4", "N22");
}

/** One budget row's number formats (presentation.ts): money, quantities, the rest left as they are. */
export function budgetNumberFormats(): (string | null)[] {
  return budgetColumnFormats();
}

/** A new budget's page header: CrewRate's title and the card version it is set up with. */
export function setupPrintContext(): PrintContext {
  const { cardVersion, budgetDate } = defaultSettings();
  return { title: BUDGET_TITLE, cardVersion, budgetDate };
}

const POINTS_PER_INCH = 72;

/**
 * Draws a sheet CrewRate has just written as presentation.ts says: column widths, the title, header
 * and totals rows bold, number columns' headers over their numbers, wrapped columns, the note
 * row, the frozen header and the print setup. Only queued: it goes in the caller's one write sync.
 * @param rows the cells as written, for which rows are totals
 * @param presentation the look to draw, when the caller has made it (the Compare sheet's columns
 *   and print header depend on what it compares); otherwise the sheet's own, by its name
 */
export function presentSheet(
  sheet: Excel.Worksheet,
  name: string,
  rows: readonly (readonly unknown[])[],
  presentation?: SheetPresentation,
): void {
  const p = presentation ?? sheetPresentation(name, setupPrintContext());
  if (!p) return;
  const last = columnLetter(Math.max(p.columns.length, 1) - 1);
  const lastRow = Math.max(rows.length, p.headerRow + 1);
  p.columns.forEach((column, c) => {
    const letter = columnLetter(c);
    // A column's width is set through any of its cells.
    sheet.getRange(`${letter}${p.headerRow}`).format.columnWidth = widthInPoints(column.width);
    const align = cellAlignment(p, p.headerRow, c);
    if (align)
      sheet.getRange(`${letter}${p.headerRow}`).format.horizontalAlignment =
        align === "right" ? "Right" : "Left";
    const bodyAlign = cellAlignment(p, p.headerRow + 1, c);
    if (bodyAlign) {
      sheet.getRange(`${letter}${p.headerRow + 1}:${letter}${lastRow}`).format.horizontalAlignment =
        bodyAlign === "right" ? "Right" : "Left";
    }
    if (column.wrap) {
      const body = sheet.getRange(`${letter}${p.headerRow + 1}:${letter}${lastRow}`).format;
      body.wrapText = true;
      body.verticalAlignment = "Top";
    }
  });
  rows.forEach((cells, r) => {
    const style = rowStyle(p, r + 1, cells);
    if (style === "plain") return;
    const font = sheet.getRange(`A${r + 1}:${last}${r + 1}`).format.font;
    font.bold = true;
    if (style === "title") font.size = TITLE_FONT_SIZE;
  });
  for (const dropdown of p.dropdowns ?? []) addDropdown(sheet, dropdown);
  for (const note of p.noteRows) {
    const range = sheet.getRange(`A${note.row}:${last}${note.row}`);
    range.merge(false);
    range.format.wrapText = true;
    range.format.verticalAlignment = "Top";
    range.format.rowHeight = note.height;
  }
  if (p.columns.some((c) => c.wrap)) {
    sheet.getRange(`A${p.headerRow + 1}:${last}${lastRow}`).format.autofitRows();
  }
  if (supportsExcelApi("1.7")) sheet.freezePanes.freezeRows(p.frozenRows);
  if (!supportsExcelApi("1.9")) return;
  const { print } = p;
  const layout = sheet.pageLayout;
  layout.orientation = print.orientation === "landscape" ? "Landscape" : "Portrait";
  // Office issue #1860: Excel on Windows may apply a fit only while Page Layout is shown.
  layout.zoom = { horizontalFitToPages: print.fitToWidth, verticalFitToPages: print.fitToHeight };
  layout.setPrintTitleRows(`$${print.titleRows.first}:$${print.titleRows.last}`);
  layout.leftMargin = print.margins.left * POINTS_PER_INCH;
  layout.rightMargin = print.margins.right * POINTS_PER_INCH;
  layout.topMargin = print.margins.top * POINTS_PER_INCH;
  layout.bottomMargin = print.margins.bottom * POINTS_PER_INCH;
  layout.headerMargin = print.margins.header * POINTS_PER_INCH;
  layout.footerMargin = print.margins.footer * POINTS_PER_INCH;
  const page = layout.headersFooters.defaultForAllPages;
  page.leftHeader = print.header.left;
  page.centerHeader = print.header.center;
  page.rightHeader = print.header.right;
  page.leftFooter = print.footer.left;
  page.centerFooter = print.footer.center;
  page.rightFooter = print.footer.right;
}

/**
 * A dropdown of suggested values in a cell (ExcelApi 1.8; older Excel goes without). No error
 * alert: the cell still takes an alias such as "LA", and CrewRate's reader names anything wrong.
 */
export function addDropdown(sheet: Excel.Worksheet, dropdown: Dropdown): void {
  if (!supportsExcelApi("1.8")) return;
  const validation = sheet.getRange(
    `${columnLetter(dropdown.column)}${dropdown.row}`,
  ).dataValidation;
  validation.ignoreBlanks = true;
  validation.rule = { list: { inCellDropDown: true, source: dropdown.choices.join(",") } };
  validation.errorAlert = { showAlert: false, style: "Stop", title: "", message: "" };
}

export function lastBudgetColumn(): string {
  return columnLetter(COLUMNS.length - 1);
}

/** What the setting's workbook name refers to ("=Settings!$B$2"). */
export function namedCell(spec: SettingSpec): string {
  return `=${settingAddress(spec.name)}`;
}
