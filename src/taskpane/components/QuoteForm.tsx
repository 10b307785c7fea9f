import { Caption1, Field, Input, makeStyles, Select, tokens } from "@fluentui/react-components";
import { UNITS, WEEKS_PER_EPISODE, type ClassificationGroup, type Unit } from "../../engine";
import { phaseWeeks, type BudgetSettings, type Phase } from "../../budget";
import type { QuantityMode, QuoteInputs, QuoteResult } from "../quoteDraft";
import { ClassificationPicker, findChoice } from "./ClassificationPicker";
import { LiveQuote } from "./LiveQuote";

const UNIT_LABELS: Record<Unit, string> = {
  hour: "Hours",
  day: "Days",
  week: "Weeks",
  month: "Months",
  episode: "Episodes",
  flat: "Flat fee",
};

const PHASE_LABELS: Record<Phase, string> = { prep: "Prep", shoot: "Shoot", wrap: "Wrap" };

function isUnit(value: string): value is Unit {
  return UNITS.some((u) => u === value);
}

function isMode(value: string): value is QuantityMode {
  return value === "number" || value === "prep" || value === "shoot" || value === "wrap";
}

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  fields: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  // Short fields side by side even in the narrowest pane: the price, the fields and Insert fit
  // above the fold of a 320 px pane.
  pair: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 3fr) minmax(0, 2fr)",
    alignItems: "start",
    gap: tokens.spacingHorizontalS,
  },
  // Region and tier names are long ("Los Angeles (Settings)"): side by side only when they fit.
  wide: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fit, minmax(150px, 1fr))",
    alignItems: "start",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
  },
  // A native select is as wide as its longest option unless told otherwise; the pane is narrow.
  select: { minWidth: 0, width: "100%" },
  // Fluent's Input keeps a minimum width of its own; in a grid column it must shrink to fit.
  input: { minWidth: 0, width: "100%", boxSizing: "border-box" },
  hint: { color: tokens.colorNeutralForeground3 },
});

export interface QuoteFormProps {
  inputs: QuoteInputs;
  onChange: (next: QuoteInputs) => void;
  settings: BudgetSettings;
  agreements: readonly string[];
  regions: readonly string[];
  tiers: readonly string[];
  /** The Region and Budget tier settings, as the card names them when it knows them. */
  settingsRegion: string;
  settingsTier: string;
  /** What "customary" resolves to for this role at this tier, when it can be priced. */
  customaryAgreement: string | undefined;
  result: QuoteResult;
  /**
   * The classifications the line can be priced at where it is priced (the role's own first), for
   * the Scale classification picker; none: the picker is not shown.
   */
  classifications?: readonly ClassificationGroup[] | undefined;
}

/** Options with the workbook's setting marked, and kept even when the card does not know it. */
function withSetting(
  names: readonly string[],
  setting: string,
): { value: string; label: string }[] {
  const options = names.map((name) => ({
    value: name,
    label: name === setting ? `${name} (Settings)` : name,
  }));
  return names.includes(setting)
    ? options
    : [{ value: setting, label: `${setting} (Settings)` }, ...options];
}

/**
 * The line's price first, recomputed live, then its terms: quantity (or a phase's weeks), person,
 * unit, agreement, region and tier, compact enough to sit above the fold with Insert.
 */
export function QuoteForm(props: QuoteFormProps) {
  const { inputs, onChange, settings, result } = props;
  const styles = useStyles();
  const set = (patch: Partial<QuoteInputs>) => {
    onChange({ ...inputs, ...patch });
  };
  const isPhase = inputs.mode !== "number";
  const groups = props.classifications ?? [];
  // An Agreement that is no agreement's name names a classification ("Local 728 #5411").
  const pickText =
    inputs.agreement !== "" && !props.agreements.includes(inputs.agreement) ? inputs.agreement : "";
  const picked = pickText === "" ? undefined : findChoice(groups, pickText);

  return (
    <div className={styles.root}>
      <LiveQuote result={result} />
      <div className={styles.fields}>
        <div className={styles.pair}>
          <Field label="Budget for" size="small">
            <Select
              className={styles.select}
              size="small"
              value={inputs.mode}
              onChange={(_, data) => {
                if (!isMode(data.value)) return;
                if (data.value !== "number") {
                  // Phase lines follow a weeks setting, so they are budgeted by the week.
                  set({ mode: data.value, unit: "week" });
                } else if (inputs.mode !== "number") {
                  // Start from the phase's weeks, so the total does not jump.
                  set({ mode: "number", quantityText: String(phaseWeeks(settings, inputs.mode)) });
                }
              }}
            >
              <option value="number">A number of units</option>
              {(["prep", "shoot", "wrap"] as const).map((phase) => (
                <option key={phase} value={phase}>
                  {PHASE_LABELS[phase]} weeks ({phaseWeeks(settings, phase)})
                </option>
              ))}
            </Select>
          </Field>
          <Field label="Quantity" size="small">
            <Input
              className={styles.input}
              type="number"
              size="small"
              inputMode="decimal"
              min={0}
              max={10_000}
              step="any"
              value={
                inputs.mode === "number"
                  ? inputs.quantityText
                  : String(phaseWeeks(settings, inputs.mode))
              }
              onChange={(_, data) => {
                // Typing a number means this line no longer follows a phase setting.
                set({ mode: "number", quantityText: data.value });
              }}
            />
          </Field>
        </div>
        {inputs.mode !== "number" ? (
          <Caption1 className={styles.hint}>
            Follows {PHASE_LABELS[inputs.mode]} weeks on the Settings sheet, in weeks; type a
            quantity to fix it.
          </Caption1>
        ) : inputs.unit === "episode" ? (
          <Caption1 className={styles.hint}>
            An episode is taken as {WEEKS_PER_EPISODE} weeks of the weekly rate.
          </Caption1>
        ) : null}
        <div className={styles.pair}>
          <Field label="Person (optional)" size="small">
            <Input
              className={styles.input}
              size="small"
              value={inputs.person}
              autoComplete="off"
              placeholder="Shares yearly wage caps"
              onChange={(_, data) => {
                set({ person: data.value });
              }}
            />
          </Field>
          <Field label="Unit" size="small">
            <Select
              className={styles.select}
              size="small"
              value={isPhase ? "week" : inputs.unit}
              disabled={isPhase}
              onChange={(_, data) => {
                if (isUnit(data.value)) set({ unit: data.value });
              }}
            >
              {(isPhase ? (["week"] as const) : UNITS).map((unit) => (
                <option key={unit} value={unit}>
                  {UNIT_LABELS[unit]}
                </option>
              ))}
            </Select>
          </Field>
        </div>
        <Field label="Agreement" size="small">
          <Select
            className={styles.select}
            size="small"
            value={inputs.agreement}
            onChange={(_, data) => {
              set({ agreement: data.value });
            }}
          >
            <option value="">
              {props.customaryAgreement ? `Customary (${props.customaryAgreement})` : "Customary"}
            </option>
            {pickText === "" ? null : (
              <option value={pickText}>
                {picked ? `${picked.agreement} (by the classification)` : pickText}
              </option>
            )}
            {props.agreements.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </Select>
        </Field>
        {groups.length > 0 || pickText !== "" ? (
          // Under the Agreement it refines, named by its own first option rather than a label
          // row: the price, the terms and Insert stay above the fold of a 320 px pane.
          <ClassificationPicker
            groups={groups}
            value={pickText}
            onPick={(text) => {
              set({ agreement: text ?? "" });
            }}
          />
        ) : null}
        <div className={styles.wide}>
          <Field label="Region" size="small">
            <Select
              className={styles.select}
              size="small"
              value={inputs.region ?? props.settingsRegion}
              onChange={(_, data) => {
                set({ region: data.value === props.settingsRegion ? undefined : data.value });
              }}
            >
              {withSetting(props.regions, props.settingsRegion).map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </Select>
          </Field>
          <Field label="Budget tier" size="small">
            <Select
              className={styles.select}
              size="small"
              value={inputs.tier ?? props.settingsTier}
              onChange={(_, data) => {
                set({ tier: data.value === props.settingsTier ? undefined : data.value });
              }}
            >
              {withSetting(props.tiers, props.settingsTier).map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </Select>
          </Field>
        </div>
      </div>
    </div>
  );
}
