import { Field, Input, makeStyles, Select, tokens } from "@fluentui/react-components";
import { UNITS, type Unit } from "../../engine";
import { phaseWeeks, type BudgetSettings, type Phase } from "../../budget";
import type { QuantityMode, QuoteInputs, QuoteResult } from "../quoteDraft";
import { LiveQuote } from "./LiveQuote";

const UNIT_LABELS: Record<Unit, string> = {
  hour: "Hours",
  day: "Days",
  week: "Weeks",
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
  pair: {
    display: "grid",
    // Side by side when the pane is wide enough to read both, stacked in the narrowest pane.
    gridTemplateColumns: "repeat(auto-fit, minmax(150px, 1fr))",
    alignItems: "start",
    gap: tokens.spacingHorizontalS,
  },
  // A native select is as wide as its longest option unless told otherwise; the pane is narrow.
  select: { minWidth: 0, width: "100%" },
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

/** Quantity, unit, agreement, region, tier and person, with the line's price recomputed live. */
export function QuoteForm(props: QuoteFormProps) {
  const { inputs, onChange, settings, result } = props;
  const styles = useStyles();
  const set = (patch: Partial<QuoteInputs>) => {
    onChange({ ...inputs, ...patch });
  };
  const isPhase = inputs.mode !== "number";

  return (
    <div className={styles.root}>
      <div className={styles.pair}>
        <Field label="Budget for">
          <Select
            className={styles.select}
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
        {isPhase ? (
          <Field label="Unit" hint="Phases are in weeks">
            <Select className={styles.select} value="week" disabled>
              <option value="week">{UNIT_LABELS.week}</option>
            </Select>
          </Field>
        ) : (
          <Field label="Unit">
            <Select
              className={styles.select}
              value={inputs.unit}
              onChange={(_, data) => {
                if (isUnit(data.value)) set({ unit: data.value });
              }}
            >
              {UNITS.map((unit) => (
                <option key={unit} value={unit}>
                  {UNIT_LABELS[unit]}
                </option>
              ))}
            </Select>
          </Field>
        )}
      </div>
      <Field
        label="Quantity"
        hint={
          inputs.mode === "number"
            ? undefined
            : `Follows ${PHASE_LABELS[inputs.mode]} weeks on the Settings sheet: change it there and the line follows. Type a number to fix it instead.`
        }
      >
        <Input
          type="number"
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
      <Field label="Agreement">
        <Select
          className={styles.select}
          value={inputs.agreement}
          onChange={(_, data) => {
            set({ agreement: data.value });
          }}
        >
          <option value="">
            {props.customaryAgreement ? `Customary (${props.customaryAgreement})` : "Customary"}
          </option>
          {props.agreements.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </Select>
      </Field>
      <div className={styles.pair}>
        <Field label="Region">
          <Select
            className={styles.select}
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
        <Field label="Budget tier">
          <Select
            className={styles.select}
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
      <Field label="Person (optional)" hint="Lines for the same person share the yearly wage caps.">
        <Input
          value={inputs.person}
          autoComplete="off"
          onChange={(_, data) => {
            set({ person: data.value });
          }}
        />
      </Field>

      <LiveQuote result={result} />
    </div>
  );
}
