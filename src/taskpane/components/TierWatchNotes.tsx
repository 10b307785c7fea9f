import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import type { Tier } from "../../engine";
import { shortDollars, type TierWatch } from "../hooks/useTierWatch";
import { SuccessMessageBar } from "./SuccessMessageBar";

const STUDIO = "studio";

/** "Tier 1B under the LBT", or, above its ceiling, "Studio (above the LBT's ceiling)". */
function tierPhrase(tier: Tier): string {
  return tier.id === STUDIO
    ? `${tier.name} (above the Low Budget Theatrical Agreement's ceiling)`
    : `${tier.name} under the LBT`;
}

/**
 * Tier watch, under the settings summary: a warning while the Budget tier setting disagrees with
 * the tier the Production budget falls in, and a note when the total crosses a tier boundary.
 */
export function TierWatchNotes({ watch }: { watch: TierWatch }) {
  const { disagreement, crossing } = watch;
  return (
    <>
      {crossing ? (
        <SuccessMessageBar
          intent="warning"
          title={`Production budget crossed into ${crossing.to.tier.name}`}
          onDismiss={watch.dismissCrossing}
        >
          It went from {shortDollars(crossing.from.total)} ({crossing.from.tier.name}) to{" "}
          {shortDollars(crossing.to.total)}, which is {tierPhrase(crossing.to.tier)}: that
          tier&apos;s rates and fringes apply to its crew.{" "}
          {disagreement
            ? `Crew lines still price at ${disagreement.settingTier} rates and fringes until Budget tier on the Settings sheet says ${crossing.to.tier.name}.`
            : `Budget tier on the Settings sheet says ${crossing.to.tier.name}, so the crew lines price at its rates.`}
        </SuccessMessageBar>
      ) : null}
      {disagreement ? (
        <MessageBar intent="warning" layout="multiline" role="status">
          <MessageBarBody>
            <MessageBarTitle>Budget tier and production budget disagree</MessageBarTitle>
            Tier setting is {disagreement.settingTier}, but a{" "}
            {shortDollars(disagreement.totalBudget)} budget is {tierPhrase(disagreement.budgetTier)}
            : crew lines price at {disagreement.settingTier} rates. Set Budget tier on the Settings
            sheet to {disagreement.budgetTier.name} to price at that tier&apos;s rates and fringes.
          </MessageBarBody>
        </MessageBar>
      ) : null}
    </>
  );
}
