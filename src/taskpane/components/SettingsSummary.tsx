import { Button, Caption1, makeStyles, Spinner, tokens } from "@fluentui/react-components";
import { ArrowClockwiseRegular } from "@fluentui/react-icons";
import type { BudgetSettings } from "../../budget";

const useStyles = makeStyles({
  root: { display: "flex", alignItems: "flex-start", gap: tokens.spacingHorizontalXS },
  text: {
    flexGrow: 1,
    color: tokens.colorNeutralForeground3,
    paddingTop: tokens.spacingVerticalXXS,
  },
});

export interface SettingsSummaryProps {
  /** The settings last read, if any. */
  settings: BudgetSettings | undefined;
  loading: boolean;
  /** The newest rate card version this add-in holds. */
  cardVersion: string;
  onRefresh: () => void;
  /** The Production budget and the LBT tier it falls in ("budget $7.5M: Tier 1B"), when set. */
  budgetNote?: string | undefined;
}

/** The workbook settings every quote uses, and a way to re-read them after editing the sheet. */
export function SettingsSummary({
  settings,
  loading,
  cardVersion,
  onRefresh,
  budgetNote,
}: SettingsSummaryProps) {
  const styles = useStyles();
  return (
    <div className={styles.root}>
      {settings || !loading ? (
        <Caption1 className={styles.text}>
          {settings ? (
            <>
              {settings.budgetDate} · {settings.region} · {settings.tier} · {settings.hoursPerDay}{" "}
              h/day · prep {settings.prepWeeks}, shoot {settings.shootWeeks}, wrap{" "}
              {settings.wrapWeeks} wks
              {settings.cardVersion && settings.cardVersion !== cardVersion
                ? ` · rate card ${settings.cardVersion} (newest: ${cardVersion})`
                : ` · rate card ${cardVersion}`}
              {settings.healthContribution === "contributor"
                ? " · MPI health: $15M contributor"
                : " · MPI health: independent"}
              {budgetNote ? ` · ${budgetNote}` : ""}
            </>
          ) : (
            "Budget settings not read."
          )}
        </Caption1>
      ) : (
        <Spinner
          className={styles.text}
          size="extra-tiny"
          label="Reading the budget settings…"
          labelPosition="after"
        />
      )}
      <Button
        size="small"
        appearance="subtle"
        icon={<ArrowClockwiseRegular />}
        aria-label="Re-read settings from the workbook"
        title="Re-read settings from the workbook"
        disabled={loading}
        onClick={onRefresh}
      />
    </div>
  );
}
