import { Button, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import type { WorkbookPort } from "../../budget";
import { RepairableProblem, type BudgetRepair } from "../../budget/port";
import { repairDone } from "../messages";
import { ErrorMessageBar } from "./ErrorMessageBar";
import { RepairButton } from "./RepairButton";
import { SuccessMessageBar } from "./SuccessMessageBar";

const useStyles = makeStyles({
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

export interface WorkbookNoticesProps {
  /** Why the production tables could not be read. */
  tablesError: unknown;
  /** Why the tables read but do not price (a bad line), when they do not. */
  pricingError: unknown;
  /** Why the settings could not be read. */
  settingsError: unknown;
  /** Why the crew lines could not be read (a renamed budget table). */
  linesError?: unknown;
  /** Where the pane's fixes for these problems are made (a renamed table, a deleted Settings). */
  port?: WorkbookPort;
  onReload: (setUpFirst?: boolean) => void;
}

/** What in the workbook keeps the pane from pricing as the sheet does, and how to fix it. */
export function WorkbookNotices({
  tablesError,
  pricingError,
  settingsError,
  linesError,
  port,
  onReload,
}: WorkbookNoticesProps) {
  const styles = useStyles();
  const [repaired, setRepaired] = useState<BudgetRepair | undefined>(undefined);
  const [repairFailure, setRepairFailure] = useState<unknown>(undefined);
  const repairProps = port
    ? {
        port,
        onRepaired: (repair: BudgetRepair) => {
          setRepairFailure(undefined);
          setRepaired(repair);
          onReload();
        },
        onFailed: (failure: unknown) => {
          setRepaired(undefined);
          setRepairFailure(failure);
          // A failed repair may have landed after all: the pane reads what the sheets say now.
          onReload();
        },
      }
    : undefined;
  const done = repaired ? repairDone(repaired) : undefined;
  return (
    <>
      {done ? (
        <SuccessMessageBar
          title={done.title}
          onDismiss={() => {
            setRepaired(undefined);
          }}
        >
          {done.body}
        </SuccessMessageBar>
      ) : null}
      {repairFailure !== undefined ? (
        <ErrorMessageBar
          error={repairFailure}
          onDismiss={() => {
            setRepairFailure(undefined);
          }}
        />
      ) : null}

      {linesError !== undefined ? (
        <ErrorMessageBar
          error={linesError}
          intent="warning"
          actions={
            <div className={styles.actions}>
              {repairProps ? <RepairButton error={linesError} {...repairProps} /> : null}
              <Button
                onClick={() => {
                  onReload();
                }}
              >
                Read it again
              </Button>
            </div>
          }
        />
      ) : null}

      {tablesError !== undefined ? (
        <ErrorMessageBar error={tablesError} intent="warning" />
      ) : pricingError !== undefined ? (
        <ErrorMessageBar
          error={pricingError}
          intent="warning"
          actions={
            <Button
              onClick={() => {
                onReload();
              }}
            >
              Read it again
            </Button>
          }
        />
      ) : null}

      {settingsError !== undefined ? (
        <ErrorMessageBar
          error={settingsError}
          actions={
            <div className={styles.actions}>
              <Button
                onClick={() => {
                  onReload();
                }}
              >
                Try again
              </Button>
              {settingsError instanceof RepairableProblem && repairProps ? (
                <RepairButton error={settingsError} {...repairProps} />
              ) : (
                <Button
                  onClick={() => {
                    onReload(true);
                  }}
                >
                  Create the budget sheets
                </Button>
              )}
            </div>
          }
        />
      ) : null}
    </>
  );
}
