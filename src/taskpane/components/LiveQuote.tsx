import { Button, Caption1, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { ChevronDownRegular, ChevronRightRegular } from "@fluentui/react-icons";
import { useId, useState } from "react";
import { formatUsd } from "../../engine";
import { ErrorMessageBar } from "./ErrorMessageBar";
import { HowFigured } from "./HowFigured";
import { KindBadge } from "./KindBadge";
import type { QuoteResult } from "../quoteDraft";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  figures: {
    display: "grid",
    gridTemplateColumns: "auto 1fr",
    columnGap: tokens.spacingHorizontalM,
    rowGap: "0",
    margin: 0,
  },
  term: { color: tokens.colorNeutralForeground3 },
  amount: { margin: 0, textAlign: "right", fontVariantNumeric: "tabular-nums" },
  total: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  totalTerm: { alignSelf: "center", fontWeight: tokens.fontWeightSemibold },
  meta: { color: tokens.colorNeutralForeground3 },
  toggle: { alignSelf: "flex-start", minWidth: 0, paddingLeft: 0, paddingRight: 0 },
});

/**
 * The line's price as the inserted formulas will compute it (the total first, then rate, subtotal
 * and fringe), with how it was reached behind a toggle, or why it cannot be priced.
 */
export function LiveQuote({ result }: { result: QuoteResult }) {
  const styles = useStyles();
  const tableId = useId();
  // Which role's figures are open: opening another role starts closed again.
  const [openFor, setOpenFor] = useState<string | undefined>(undefined);
  if (!result.ok) {
    return (
      <section aria-label="Live quote" className={styles.root}>
        <ErrorMessageBar error={result.error} intent="warning" />
      </section>
    );
  }
  const { quote } = result;
  const per = quote.unit === "flat" ? "flat" : `per ${quote.unit}`;
  const isOpen = openFor === quote.role.id;
  return (
    <section aria-label="Live quote" className={styles.root}>
      <dl className={styles.figures}>
        <dt className={mergeClasses(styles.term, styles.totalTerm)}>Total</dt>
        <dd className={mergeClasses(styles.amount, styles.total)}>{formatUsd(quote.totalCents)}</dd>
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
      </dl>
      <Caption1 className={styles.meta}>
        {quote.agreement.name} · {quote.region.name} · {quote.tier.name} · {quote.date}
      </Caption1>
      {quote.basis.kind !== "override" && quote.basis.chosen !== undefined ? (
        // A classification the producer picked, so the line is not mistaken for the card's own.
        <Caption1 className={styles.meta}>
          Classification chosen: {quote.basis.classification.title} (
          {quote.basis.classification.code})
          {quote.basis.chosenSchedule === undefined
            ? null
            : `, schedule ${quote.basis.chosenSchedule}`}
        </Caption1>
      ) : null}
      {quote.basis.kind === "override" ? (
        // A workbook rate says where it was set, so a deal is never mistaken for scale.
        <Caption1 className={styles.meta}>{quote.basis.method}</Caption1>
      ) : null}
      <Button
        className={styles.toggle}
        appearance="transparent"
        size="small"
        icon={isOpen ? <ChevronDownRegular /> : <ChevronRightRegular />}
        aria-expanded={isOpen}
        aria-controls={isOpen ? tableId : undefined}
        onClick={() => {
          setOpenFor(isOpen ? undefined : quote.role.id);
        }}
      >
        How this is figured
      </Button>
      {isOpen ? <HowFigured quote={quote} id={tableId} /> : null}
    </section>
  );
}
