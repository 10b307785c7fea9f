import { Button, Caption1, makeStyles, Spinner, tokens } from "@fluentui/react-components";
import { ShareRegular } from "@fluentui/react-icons";
import { useCallback, useId, useRef, useState } from "react";
import type { WorkbookPort } from "../../budget";
import type { LastWrite } from "../hooks/useLastWrite";
import { UNDO_MESSAGES } from "../messages";
import { ErrorMessageBar } from "./ErrorMessageBar";
import { WriteSuccessBar } from "./WriteSuccessBar";

type ShareOutcome =
  | { kind: "success"; sheets: string[]; replaced: boolean; undoId: number | undefined }
  | { kind: "error"; error: unknown };

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  meta: { color: tokens.colorNeutralForeground3 },
});

/** "A", "A and B", "A, B and C" */
function andList(items: readonly string[]): string {
  return items.length <= 1
    ? items.join("")
    : `${items.slice(0, -1).join(", ")} and ${items.at(-1) ?? ""}`;
}

/** "Share as values": a copy of the budget that reads without the add-in. */
export function ShareValues({ port, lastWrite }: { port: WorkbookPort; lastWrite?: LastWrite }) {
  const styles = useStyles();
  const hintId = useId();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<ShareOutcome | undefined>(undefined);
  const running = useRef(false);

  const share = useCallback(async () => {
    if (running.current) return;
    running.current = true;
    setBusy(true);
    setOutcome(undefined);
    try {
      const shared = await port.shareAsValues();
      const undoId = lastWrite?.offer("the values copy", shared.undo);
      setOutcome({
        kind: "success",
        sheets: shared.sheets,
        replaced: shared.replaced === true && shared.undo === undefined,
        undoId,
      });
    } catch (error) {
      setOutcome({ kind: "error", error });
    } finally {
      running.current = false;
      setBusy(false);
    }
  }, [port, lastWrite]);

  const dismiss = () => {
    setOutcome(undefined);
  };

  return (
    <div className={styles.root}>
      <div className={styles.buttons}>
        <Button
          icon={busy ? <Spinner size="tiny" aria-hidden /> : <ShareRegular />}
          disabled={busy}
          aria-describedby={hintId}
          onClick={() => void share()}
        >
          Share as values
        </Button>
      </div>
      <Caption1 id={hintId} className={styles.meta}>
        Copies the Budget and Topsheet with every CREW formula replaced by its value, for people
        without the add-in. The originals stay live.
      </Caption1>
      {outcome?.kind === "success" ? (
        <WriteSuccessBar
          title={`Made ${andList(outcome.sheets)}`}
          onDismiss={dismiss}
          undoId={outcome.undoId}
          lastWrite={lastWrite}
        >
          Send the workbook: these sheets need no add-in to read. Share again after changing the
          budget to replace them.
          {outcome.replaced ? ` ${UNDO_MESSAGES.replaced("this share")}` : null}
        </WriteSuccessBar>
      ) : null}
      {outcome?.kind === "error" ? (
        <ErrorMessageBar
          error={outcome.error}
          onDismiss={dismiss}
          actions={
            <Button disabled={busy} onClick={() => void share()}>
              Try again
            </Button>
          }
        />
      ) : null}
    </div>
  );
}
