import {
  Button,
  Caption1,
  Field,
  makeStyles,
  ProgressBar,
  Spinner,
  tokens,
} from "@fluentui/react-components";
import { AddRegular, PeopleTeamAddRegular } from "@fluentui/react-icons";
import { ErrorMessageBar } from "./ErrorMessageBar";
import { WriteSuccessBar } from "./WriteSuccessBar";
import type { LastWrite } from "../hooks/useLastWrite";

/** What the last insert did: shown under the buttons until dismissed or replaced. */
export type InsertOutcome =
  | { kind: "success"; title: string; text: string; undoId?: number | undefined }
  | { kind: "error"; error: unknown; retry: () => void };

export type InsertKind = "line" | "department";

export interface InsertActionsProps {
  /** The open role's line, when a role is open. */
  line?: {
    roleTitle: string;
    /** Why the line cannot be inserted now (no price), or undefined when it can. */
    blockedReason: string | undefined;
    onInsert: () => void;
  };
  /** The department's typical crew, when a department is chosen or a role is open. */
  department?: {
    name: string;
    /** Titles of the crew lines' roles, without repeats, in budget order. */
    roles: readonly string[];
    lineCount: number;
    onInsert: () => void;
  };
  /** The insert under way, if any: buttons are disabled while the workbook is written. */
  busy: InsertKind | undefined;
  /** True once an insert has taken more than a moment. */
  showProgress: boolean;
  outcome: InsertOutcome | undefined;
  onDismissOutcome: () => void;
  /** The pane's undo slot, for the success bar's "Undo …". */
  lastWrite?: LastWrite;
}

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  meta: { color: tokens.colorNeutralForeground3 },
});

/** Insert the open role as one budget line, or the department's typical crew in one batch. */
export function InsertActions(props: InsertActionsProps) {
  const { line, department, busy, showProgress, outcome, onDismissOutcome, lastWrite } = props;
  const styles = useStyles();
  const isBusy = busy !== undefined;
  const lines = (n: number) => `${n} ${n === 1 ? "line" : "lines"}`;

  return (
    <div className={styles.root}>
      <div className={styles.buttons}>
        {line ? (
          <Button
            appearance="primary"
            icon={busy === "line" ? <Spinner size="tiny" aria-hidden /> : <AddRegular />}
            disabled={isBusy || line.blockedReason !== undefined}
            onClick={line.onInsert}
          >
            Insert crew line
          </Button>
        ) : null}
        {department ? (
          <Button
            appearance={line ? "secondary" : "primary"}
            icon={
              busy === "department" ? <Spinner size="tiny" aria-hidden /> : <PeopleTeamAddRegular />
            }
            disabled={isBusy || department.lineCount === 0}
            onClick={department.onInsert}
          >
            Insert typical {department.name} crew ({lines(department.lineCount)})
          </Button>
        ) : null}
      </div>
      {line?.blockedReason ? (
        <Caption1 className={styles.meta}>{line.blockedReason}</Caption1>
      ) : null}
      {department ? (
        <Caption1 className={styles.meta}>
          Typical {department.name} crew: {department.roles.join(", ")}. Prep, shoot and wrap lines
          follow the weeks on the Settings sheet.
        </Caption1>
      ) : null}
      {busy === "department" && showProgress && department ? (
        <Field label={`Adding ${lines(department.lineCount)} to the budget…`}>
          <ProgressBar thickness="large" />
        </Field>
      ) : null}
      {outcome?.kind === "success" ? (
        <WriteSuccessBar
          title={outcome.title}
          onDismiss={onDismissOutcome}
          undoId={outcome.undoId}
          lastWrite={lastWrite}
        >
          {outcome.text}
        </WriteSuccessBar>
      ) : null}
      {outcome?.kind === "error" ? (
        <ErrorMessageBar
          error={outcome.error}
          onDismiss={onDismissOutcome}
          actions={
            <Button disabled={isBusy} onClick={outcome.retry}>
              Try again
            </Button>
          }
        />
      ) : null}
    </div>
  );
}
