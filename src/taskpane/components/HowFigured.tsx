import {
  Caption1,
  Link,
  makeStyles,
  mergeClasses,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from "@fluentui/react-components";
import { formatUsd, type Quote } from "../../engine";
import { quoteFigures, type FigureRow } from "../quoteFigures";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  table: { tableLayout: "auto", width: "100%" },
  cell: {
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    verticalAlign: "top",
    paddingTop: "2px",
    paddingBottom: "2px",
  },
  number: { textAlign: "right", whiteSpace: "nowrap", fontVariantNumeric: "tabular-nums" },
  group: { fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground2 },
  sum: { fontWeight: tokens.fontWeightSemibold },
  meta: { display: "block", color: tokens.colorNeutralForeground3 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

/** One row: what it is, then its rate × what it applies to (and any cap), then the amount. */
function Row({ row }: { row: FigureRow }) {
  const styles = useStyles();
  return (
    <TableRow>
      <TableCell className={styles.cell}>
        {row.label}
        <span className={styles.meta}>
          {row.rate} × {row.base}
          {row.cap ? `, yearly cap ${row.cap}` : ""}
          {row.isEstimate ? " (estimate)" : ""}
        </span>
      </TableCell>
      <TableCell className={mergeClasses(styles.cell, styles.number)}>
        {formatUsd(row.amountCents)}
      </TableCell>
    </TableRow>
  );
}

/**
 * How the quote was reached, as a table that multiplies out: the pay, each fringe with its rate,
 * what it was applied to and its cap, grouped; then what the rate rests on and its sources.
 */
export function HowFigured({ quote, id }: { quote: Quote; id: string }) {
  const styles = useStyles();
  const figures = quoteFigures(quote);
  const sumCell = mergeClasses(styles.cell, styles.number, styles.sum);
  return (
    <div className={styles.root} id={id}>
      <Table size="extra-small" className={styles.table} aria-label="How this is figured">
        <TableHeader>
          <TableRow>
            <TableHeaderCell className={styles.cell}>Rate × on what</TableHeaderCell>
            <TableHeaderCell className={mergeClasses(styles.cell, styles.number)}>
              Amount
            </TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          <Row row={figures.pay} />
          {figures.groups.map((group) => [
            <TableRow key={group.heading}>
              <TableCell className={mergeClasses(styles.cell, styles.group)} colSpan={2}>
                {group.heading}
              </TableCell>
            </TableRow>,
            ...group.rows.map((row, i) => <Row key={`${group.heading}|${i}`} row={row} />),
          ])}
          <TableRow>
            <TableCell className={mergeClasses(styles.cell, styles.sum)}>Fringe</TableCell>
            <TableCell className={sumCell}>{formatUsd(figures.fringeCents)}</TableCell>
          </TableRow>
          <TableRow>
            <TableCell className={mergeClasses(styles.cell, styles.sum)}>Total</TableCell>
            <TableCell className={sumCell}>{formatUsd(figures.totalCents)}</TableCell>
          </TableRow>
        </TableBody>
      </Table>
      <Caption1 className={styles.meta}>{figures.basis}</Caption1>
      {figures.notes.length > 0 ? (
        <ul className={styles.list}>
          {figures.notes.map((note, i) => (
            <li key={i}>
              <Caption1>{note}</Caption1>
            </li>
          ))}
        </ul>
      ) : null}
      <Caption1 className={styles.meta}>Sources</Caption1>
      <ol className={styles.list} aria-label="Sources">
        {figures.sources.map((source) => (
          <li key={`${source.text}|${source.address ?? ""}`}>
            <Caption1>
              {source.text}
              {source.address ? (
                <>
                  {" "}
                  <Link href={source.address} target="_blank" rel="noreferrer">
                    open
                  </Link>
                </>
              ) : null}
            </Caption1>
          </li>
        ))}
      </ol>
    </div>
  );
}
