import {
  Button,
  Caption1,
  Checkbox,
  makeStyles,
  Radio,
  RadioGroup,
  Spinner,
  tokens,
} from "@fluentui/react-components";
import { TableSimpleRegular } from "@fluentui/react-icons";
import { useId } from "react";
import {
  HIRING_LABELS,
  type CompareSheetResult,
  type Hiring,
  type WorkbookPort,
} from "../../budget";
import { useCompare } from "../hooks/useCompare";
import type { LastWrite } from "../hooks/useLastWrite";
import { UNDO_MESSAGES } from "../messages";
import { ErrorMessageBar } from "./ErrorMessageBar";
import { WriteSuccessBar } from "./WriteSuccessBar";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  regions: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS },
  meta: { color: tokens.colorNeutralForeground3 },
  row: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS },
});

function lines(n: number): string {
  return `${n} line${n === 1 ? "" : "s"}`;
}

/** "3 lines have no union scale in Georgia, 2 in New Mexico." */
function compareSummary(result: CompareSheetResult): string {
  const noScale = result.regions.filter((r) => r.noUnionScaleLines > 0);
  const unpriced = result.regions.filter((r) => r.unpricedLines > 0);
  const parts: string[] = [];
  if (noScale.length === 0) {
    parts.push("Every line has a union scale in every region compared.");
  } else {
    const [first, ...rest] = noScale;
    const more = rest.map((r) => `, ${r.noUnionScaleLines} in ${r.region}`).join("");
    const verb = first!.noUnionScaleLines === 1 ? "has" : "have";
    parts.push(
      `${lines(first!.noUnionScaleLines)} ${verb} no union scale in ${first!.region}${more}: priced as non-union estimates there.`,
    );
  }
  for (const r of unpriced)
    parts.push(`${lines(r.unpricedLines)} cannot be priced in ${r.region}.`);
  return parts.join(" ");
}

/** "Compare locations": the crew lines priced in 2 to 5 regions, on a Compare sheet of live formulas. */
export function CompareLocations({
  port,
  regionNames,
  lastWrite,
}: {
  port: WorkbookPort;
  regionNames: readonly string[];
  lastWrite?: LastWrite;
}) {
  const styles = useStyles();
  const hintId = useId();
  const state = useCompare(port, regionNames, lastWrite);
  const { busy, outcome, blockedReason } = state;

  return (
    <section className={styles.root} aria-label="Compare locations">
      <div className={styles.regions} role="group" aria-label="Regions to compare">
        {regionNames.map((name) => (
          <Checkbox
            key={name}
            label={name}
            checked={state.regions.includes(name)}
            disabled={busy}
            onChange={(_, data) => {
              state.toggleRegion(name, data.checked === true);
            }}
          />
        ))}
      </div>
      <RadioGroup
        aria-label="Who is hired where"
        layout="horizontal"
        value={state.hiring}
        disabled={busy}
        onChange={(_, data) => {
          state.setHiring(data.value as Hiring);
        }}
      >
        <Radio value="keep-home" label={HIRING_LABELS["keep-home"]} />
        <Radio value="all-local" label={HIRING_LABELS["all-local"]} />
      </RadioGroup>
      <div className={styles.row}>
        <Button
          icon={busy ? <Spinner size="tiny" aria-hidden /> : <TableSimpleRegular />}
          disabled={busy || blockedReason !== undefined}
          aria-describedby={hintId}
          onClick={() => void state.compare()}
        >
          {busy ? "Comparing…" : "Compare locations"}
        </Button>
      </div>
      <Caption1 id={hintId} className={styles.meta}>
        {blockedReason ??
          "Writes a Compare sheet: every crew line priced in each region by live CREW formulas over the Budget, which stays as it is."}
      </Caption1>
      {outcome?.kind === "success" ? (
        <WriteSuccessBar
          title={`${outcome.result.replaced ? "Replaced" : "Wrote"} the ${outcome.result.sheet} sheet`}
          onDismiss={state.dismiss}
          undoId={outcome.undoId}
          lastWrite={lastWrite}
        >
          {lines(outcome.result.lines)} in {outcome.result.regions.length} regions (
          {HIRING_LABELS[outcome.result.hiring].toLowerCase()}). {compareSummary(outcome.result)}
          {outcome.result.replaced ? ` ${UNDO_MESSAGES.replaced("this comparison")}` : null}
        </WriteSuccessBar>
      ) : null}
      {outcome?.kind === "error" ? (
        <ErrorMessageBar
          error={outcome.error}
          onDismiss={state.dismiss}
          actions={
            <Button disabled={busy} onClick={() => void state.compare()}>
              Try again
            </Button>
          }
        />
      ) : null}
    </section>
  );
}
