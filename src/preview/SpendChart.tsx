/**
 * "Where the money goes": a horizontal bar chart of Total by account, read from the Topsheet's
 * computed values (column B the account's name, column E its total, on the account rows).
 * Pure SVG built with React elements; it redraws whenever the preview workbook changes.
 */
import { makeStyles, Text, tokens } from "@fluentui/react-components";
import { useEffect, useId, useMemo, useState, type JSX } from "react";
import type { CellValue } from "hyperformula";
import { TOPSHEET_HEADER_ROW, TOPSHEET_SHEET } from "../budget";
import type { PreviewWorkbook } from "./previewWorkbook";

const money = new Intl.NumberFormat("en-US", {
  style: "currency",
  currency: "USD",
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});

/** A number as the workbook's money format, $#,##0.00 (negative as -$1,234.00). */
export function formatMoney(value: number): string {
  return money.format(value);
}

export interface DepartmentSpend {
  department: string;
  total: number;
}

/** Topsheet columns (0-based) the chart reads. */
const ACCOUNT_COL = 0;
const NAME_COL = 1;
const TOTAL_COL = 4;

/**
 * Accounts with a non-zero total, largest first, from the Topsheet's values: the rows below the
 * header that name an account in column A (group headings and totals leave it blank).
 */
export function spendByDepartment(values: readonly (readonly CellValue[])[]): DepartmentSpend[] {
  const spend: DepartmentSpend[] = [];
  for (const row of values.slice(TOPSHEET_HEADER_ROW)) {
    const account = row[ACCOUNT_COL];
    if (account === null || account === undefined || String(account).trim() === "") continue;
    const name = row[NAME_COL];
    const total = row[TOTAL_COL];
    if (typeof name !== "string" || name.trim() === "") continue;
    if (typeof total !== "number" || !Number.isFinite(total) || total === 0) continue;
    spend.push({ department: name, total });
  }
  return spend.sort((a, b) => b.total - a.total || a.department.localeCompare(b.department));
}

const WIDTH = 640;
/** Label column: fitted to the longest shown name (12px text, about 6.5px a character). */
const LABEL_MIN_WIDTH = 60;
const LABEL_CHAR_WIDTH = 6.5;
const AMOUNT_WIDTH = 112;
const GAP = 8;
const ROW_HEIGHT = 24;
const BAR_HEIGHT = 16;
const LABEL_MAX_CHARS = 30;

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
  },
  title: { margin: 0 },
  svg: {
    width: "100%",
    maxWidth: `${WIDTH}px`,
    height: "auto",
    display: "block",
    overflow: "visible",
  },
  label: {
    fill: tokens.colorNeutralForeground1,
    fontFamily: tokens.fontFamilyBase,
    fontSize: "12px",
  },
  amount: {
    fill: tokens.colorNeutralForeground2,
    fontFamily: tokens.fontFamilyBase,
    fontSize: "12px",
    fontVariantNumeric: "tabular-nums",
  },
  bar: { fill: tokens.colorBrandBackground },
  empty: { color: tokens.colorNeutralForeground3 },
});

function shorten(name: string): string {
  return name.length <= LABEL_MAX_CHARS ? name : `${name.slice(0, LABEL_MAX_CHARS - 1).trimEnd()}…`;
}

/** The Topsheet's computed values, read again after every change to the workbook. */
function useTopsheetValues(workbook: PreviewWorkbook): CellValue[][] {
  const [version, setVersion] = useState(0);
  useEffect(
    () =>
      workbook.subscribe(() => {
        setVersion((v) => v + 1);
      }),
    [workbook],
  );
  // `version` keys the memo: each change notification reads HyperFormula's values again.
  return useMemo(() => read(workbook), [workbook, version]);
}

function read(workbook: PreviewWorkbook): CellValue[][] {
  return workbook.hf.getSheetValues(workbook.sheetId(TOPSHEET_SHEET));
}

/** Total by department from the Topsheet, as a bar chart. */
export function SpendChart(props: { workbook: PreviewWorkbook }): JSX.Element {
  const styles = useStyles();
  const titleId = useId();
  const descId = useId();
  const spend = spendByDepartment(useTopsheetValues(props.workbook));
  const grand = spend.reduce((sum, d) => sum + d.total, 0);
  const max = Math.max(0, ...spend.map((d) => d.total));
  const height = spend.length * ROW_HEIGHT;
  const longest = Math.max(0, ...spend.map((d) => shorten(d.department).length));
  const labelWidth = Math.max(LABEL_MIN_WIDTH, Math.ceil(longest * LABEL_CHAR_WIDTH));
  const barX = labelWidth + GAP;
  const barMax = WIDTH - barX - GAP - AMOUNT_WIDTH;

  return (
    <section className={styles.root} aria-labelledby={titleId}>
      <Text as="h3" weight="semibold" size={300} id={titleId} className={styles.title}>
        Where the money goes
      </Text>
      {spend.length === 0 ? (
        <Text size={200} className={styles.empty}>
          No department has a total yet: insert crew lines and their totals appear here.
        </Text>
      ) : (
        <svg
          className={styles.svg}
          role="img"
          aria-labelledby={titleId}
          aria-describedby={descId}
          viewBox={`0 0 ${WIDTH} ${height}`}
          width={WIDTH}
          height={height}
          preserveAspectRatio="xMinYMin meet"
        >
          <desc id={descId}>
            {spend.map((d) => `${d.department}: ${formatMoney(d.total)}`).join("; ")}
          </desc>
          {spend.map((d, i) => {
            const y = i * ROW_HEIGHT;
            const middle = y + ROW_HEIGHT / 2;
            const width = max > 0 ? Math.max(1, (Math.max(0, d.total) / max) * barMax) : 0;
            const share = grand !== 0 ? Math.round((d.total / grand) * 100) : 0;
            return (
              <g key={d.department}>
                <title>{`${d.department}: ${formatMoney(d.total)} (${share}% of the budget)`}</title>
                <text
                  className={styles.label}
                  x={labelWidth}
                  y={middle}
                  textAnchor="end"
                  dominantBaseline="central"
                >
                  {shorten(d.department)}
                </text>
                <rect
                  className={styles.bar}
                  x={barX}
                  y={middle - BAR_HEIGHT / 2}
                  width={width}
                  height={BAR_HEIGHT}
                  rx={2}
                />
                <text
                  className={styles.amount}
                  x={barX + width + GAP}
                  y={middle}
                  dominantBaseline="central"
                >
                  {formatMoney(d.total)}
                </text>
              </g>
            );
          })}
        </svg>
      )}
    </section>
  );
}
