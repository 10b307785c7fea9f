import {
  Button,
  Caption1,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from "@fluentui/react-components";
import { useCallback, useRef, useState } from "react";
import {
  diffCardVersions,
  diffLine,
  type BudgetLine,
  type BudgetSettings,
  type UpdateDiff,
  type WorkbookPort,
  WorkbookError,
} from "../../budget";
import { compareVersions, formatUsd, type RateEngine } from "../../engine";
import { ErrorMessageBar } from "./ErrorMessageBar";
import { SuccessMessageBar } from "./SuccessMessageBar";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  table: { tableLayout: "auto", width: "100%" },
  amount: { textAlign: "right", whiteSpace: "nowrap" },
  meta: { color: tokens.colorNeutralForeground3 },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

type Review =
  | { status: "idle" }
  | { status: "reading" }
  | { status: "ready"; diff: UpdateDiff; lines: BudgetLine[] }
  | { status: "updating"; diff: UpdateDiff; lines: BudgetLine[] }
  | { status: "updated"; from: string; to: string }
  | { status: "failed"; error: unknown };

export interface CardUpdateProps {
  /** The engine with every card version and the workbook's production tables. */
  engine: RateEngine;
  settings: BudgetSettings;
  port: WorkbookPort;
  /** Re-read the workbook after the version changes. */
  onChanged: () => void;
}

function money(cents: number | undefined): string {
  return cents === undefined ? "no rate" : formatUsd(cents);
}

/**
 * "A newer rate card is available": what updating would change (each line, old and new total,
 * and the budget's), before anything changes; update is one action, undone by setting it back.
 */
export function CardUpdate({ engine, settings, port, onChanged }: CardUpdateProps) {
  const styles = useStyles();
  const [review, setReview] = useState<Review>({ status: "idle" });
  const running = useRef(false);
  const newest = engine.card.meta.version;
  const pinned = settings.cardVersion.trim();
  const behind = pinned !== "" && compareVersions(pinned, newest) < 0;
  const notes = engine.card.meta.versions
    .filter((v) => compareVersions(v.version, pinned) > 0)
    .map((v) => `${v.version} (${v.released}): ${v.notes}`);

  const readDiff = useCallback(async () => {
    if (running.current) return;
    running.current = true;
    setReview({ status: "reading" });
    try {
      const lines = await port.readCrewLines();
      const diff = diffCardVersions(
        engine,
        lines.map((l) => diffLine(l, settings)),
        pinned,
        newest,
      );
      setReview({ status: "ready", diff, lines });
    } catch (error) {
      setReview({ status: "failed", error });
    } finally {
      running.current = false;
    }
  }, [engine, port, settings, pinned, newest]);

  const setVersion = useCallback(
    async (to: string, from: string, current: Review) => {
      if (running.current) return;
      running.current = true;
      if (current.status === "ready") setReview({ ...current, status: "updating" });
      try {
        await port.setCardVersion(to);
        setReview(
          compareVersions(to, from) > 0 ? { status: "updated", from, to } : { status: "idle" },
        );
        onChanged();
      } catch (error) {
        setReview({ status: "failed", error });
        // The version may have changed after all: the pane re-reads what the sheet says.
        if (!(error instanceof WorkbookError) || error.changed !== "no") onChanged();
      } finally {
        running.current = false;
      }
    },
    [port, onChanged],
  );

  /**
   * The update's undo: sets the version back, where the host checks first that the cell still
   * holds the version the update wrote (it refuses, changing nothing, when someone changed it).
   */
  const setBack = useCallback(
    async (from: string, to: string) => {
      if (running.current) return;
      running.current = true;
      try {
        if (port.undoWrite) await port.undoWrite({ kind: "card-version", from, to });
        else await port.setCardVersion(from);
        setReview({ status: "idle" });
        onChanged();
      } catch (error) {
        setReview({ status: "failed", error });
        if (!(error instanceof WorkbookError) || error.changed !== "no") onChanged();
      } finally {
        running.current = false;
      }
    },
    [port, onChanged],
  );

  if (review.status === "updated") {
    return (
      <SuccessMessageBar
        title={`Rate card updated to ${review.to}`}
        onDismiss={() => {
          setReview({ status: "idle" });
        }}
      >
        Every line now prices with card {review.to}.{" "}
        <Button size="small" onClick={() => void setBack(review.from, review.to)}>
          Set it back to {review.from}
        </Button>
      </SuccessMessageBar>
    );
  }
  if (!behind && review.status === "failed") {
    // Setting it back failed: the budget is on the newest card still, and this says why.
    return (
      <ErrorMessageBar
        error={review.error}
        onDismiss={() => {
          setReview({ status: "idle" });
        }}
      />
    );
  }
  if (!behind) return null;

  const diff = review.status === "ready" || review.status === "updating" ? review.diff : undefined;
  const rowOf = (index: number) =>
    review.status === "ready" || review.status === "updating"
      ? review.lines[index]?.row
      : undefined;

  return (
    <section className={styles.root} aria-label="Rate card update">
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>Rate card {newest} is available</MessageBarTitle>
          This budget uses card {pinned}, so everyone who opens it gets the same numbers. Nothing
          changes until you update. {notes.join(" ")}
        </MessageBarBody>
        {diff ? null : (
          <MessageBarActions>
            <Button
              disabled={review.status === "reading"}
              icon={review.status === "reading" ? <Spinner size="tiny" aria-hidden /> : undefined}
              onClick={() => void readDiff()}
            >
              Review changes
            </Button>
          </MessageBarActions>
        )}
      </MessageBar>

      {review.status === "failed" ? (
        <ErrorMessageBar
          error={review.error}
          onDismiss={() => {
            setReview({ status: "idle" });
          }}
        />
      ) : null}

      {diff ? (
        <>
          {diff.changes.length === 0 ? (
            <Caption1>No line of this budget changes with card {newest}.</Caption1>
          ) : (
            <Table
              size="extra-small"
              className={styles.table}
              aria-label={`Lines that change with card ${newest}`}
            >
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>Row</TableHeaderCell>
                  <TableHeaderCell>Role</TableHeaderCell>
                  <TableHeaderCell className={styles.amount}>{diff.from}</TableHeaderCell>
                  <TableHeaderCell className={styles.amount}>{diff.to}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {diff.changes.map((change) => (
                  <TableRow key={change.index}>
                    <TableCell>{rowOf(change.index)}</TableCell>
                    <TableCell>{change.request.role}</TableCell>
                    <TableCell className={styles.amount}>{money(change.fromCents)}</TableCell>
                    <TableCell className={styles.amount}>{money(change.toCents)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
          <Caption1 aria-label="Budget difference">
            Budget total {formatUsd(diff.fromTotalCents)} → {formatUsd(diff.toTotalCents)} (
            {diff.toTotalCents >= diff.fromTotalCents ? "+" : "−"}
            {formatUsd(Math.abs(diff.toTotalCents - diff.fromTotalCents))}).
          </Caption1>
          <Caption1 className={styles.meta}>
            Updating sets the Settings sheet&apos;s rate card version; setting it back to {pinned}{" "}
            restores these numbers.
          </Caption1>
          <div className={styles.buttons}>
            <Button
              appearance="primary"
              disabled={review.status === "updating"}
              onClick={() => void setVersion(newest, pinned, review)}
            >
              Update to {newest}
            </Button>
            <Button
              onClick={() => {
                setReview({ status: "idle" });
              }}
            >
              Not now
            </Button>
          </div>
        </>
      ) : null}
    </section>
  );
}
