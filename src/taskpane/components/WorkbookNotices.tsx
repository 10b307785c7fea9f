import { Button, makeStyles, tokens } from "@fluentui/react-components";
import { ErrorMessageBar } from "./ErrorMessageBar";

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
  onReload: (setUpFirst?: boolean) => void;
}

/** What in the workbook keeps the pane from pricing as the sheet does, and how to fix it. */
export function WorkbookNotices({
  tablesError,
  pricingError,
  settingsError,
  onReload,
}: WorkbookNoticesProps) {
  const styles = useStyles();
  return (
    <>
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
              <Button
                onClick={() => {
                  onReload(true);
                }}
              >
                Create the budget sheets
              </Button>
            </div>
          }
        />
      ) : null}
    </>
  );
}
