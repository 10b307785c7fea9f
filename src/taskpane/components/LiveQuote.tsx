import { Caption1, makeStyles, mergeClasses, Text, tokens } from "@fluentui/react-components";
import { formatUsd } from "../../engine";
import { ErrorMessageBar } from "./ErrorMessageBar";
import { KindBadge } from "./KindBadge";
import type { QuoteResult } from "../quoteDraft";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  figures: {
    display: "grid",
    gridTemplateColumns: "auto 1fr",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
  },
  term: { color: tokens.colorNeutralForeground3 },
  amount: { margin: 0, textAlign: "right", fontVariantNumeric: "tabular-nums" },
  total: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  meta: { color: tokens.colorNeutralForeground3 },
  explanation: { overflowWrap: "anywhere" },
});

/**
 * The line's price as the inserted formulas will compute it (rate, subtotal, fringe, total and how
 * they were reached), or why it cannot be priced.
 */
export function LiveQuote({ result }: { result: QuoteResult }) {
  const styles = useStyles();
  if (!result.ok) {
    return (
      <section aria-label="Live quote" className={styles.root}>
        <ErrorMessageBar error={result.error} intent="warning" />
      </section>
    );
  }
  const { quote } = result;
  const per = quote.unit === "flat" ? "flat" : `per ${quote.unit}`;
  return (
    <section aria-label="Live quote" className={styles.root}>
      <Caption1 className={styles.meta}>
        {quote.agreement.name} · {quote.region.name} · {quote.tier.name} · {quote.date}
      </Caption1>
      <dl className={styles.figures}>
        <dt className={styles.term}>Rate</dt>
        <dd className={styles.amount}>
          <KindBadge
            size="small"
            kind={quote.basis.kind}
            ownRole={quote.basis.kind === "override" && quote.basis.table === "Production Roles"}
          />{" "}
          {formatUsd(quote.unitRateCents)} {per}
        </dd>
        <dt className={styles.term}>Subtotal</dt>
        <dd className={styles.amount}>{formatUsd(quote.subtotalCents)}</dd>
        <dt className={styles.term}>Fringe</dt>
        <dd className={styles.amount}>{formatUsd(quote.fringeCents)}</dd>
        <dt className={styles.term}>Total</dt>
        <dd className={mergeClasses(styles.amount, styles.total)}>{formatUsd(quote.totalCents)}</dd>
      </dl>
      <details>
        <summary>
          <Text size={200}>How this is figured</Text>
        </summary>
        <Caption1 className={styles.explanation}>{quote.explanation}</Caption1>
      </details>
    </section>
  );
}
