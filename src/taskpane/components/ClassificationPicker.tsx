import { makeStyles, Select } from "@fluentui/react-components";
import { useMemo } from "react";
import type { ClassificationChoice, ClassificationGroup } from "../../engine";

/** The picker's name, which its first option also shows (it has no label row of its own). */
export const PICKER_NAME = "Scale classification";
/** The picker's first option: the line is priced where the card puts the role. */
export const AS_CARD_SETS = `${PICKER_NAME}: as the card sets it`;

const useStyles = makeStyles({
  // A native select is as wide as its longest option unless told otherwise; the pane is narrow.
  root: { minWidth: 0, width: "100%" },
});

/** "Sub-Foreman · Local 728 #5411": the title, and the Agreement text that names it. */
export function choiceLabel(choice: ClassificationChoice): string {
  return `${choice.title} · ${choice.text}`;
}

/** The choice an Agreement text names, among the groups listed. */
export function findChoice(
  groups: readonly ClassificationGroup[],
  text: string,
): ClassificationChoice | undefined {
  for (const group of groups) {
    const found = group.choices.find((c) => c.text === text);
    if (found) return found;
  }
  return undefined;
}

export interface ClassificationPickerProps {
  /** What the engine lists for the role where the line is priced (RateEngine.classificationsFor). */
  groups: readonly ClassificationGroup[];
  /** The line's Agreement when it names a classification, else "". */
  value: string;
  /** A choice's Agreement text, or undefined for "as the card sets it". */
  onPick: (text: string | undefined) => void;
}

/**
 * A compact select of the classifications a line can be priced at, grouped by book, the role's
 * own first (a native list, so typing jumps to a title and it stays light with a few hundred
 * classifications). Picking one sets the line's Agreement to the text a CREW formula takes for
 * it ("Local 728 #5411").
 */
export function ClassificationPicker({ groups, value, onPick }: ClassificationPickerProps) {
  const styles = useStyles();
  const known = value === "" || findChoice(groups, value) !== undefined;
  // A few hundred options: made once per listing, not on every keystroke in the form.
  const listed = useMemo(
    () =>
      groups.map((group) => (
        <optgroup key={group.label} label={group.label}>
          {group.choices.map((c) => (
            <option key={c.text} value={c.text}>
              {choiceLabel(c)}
            </option>
          ))}
        </optgroup>
      )),
    [groups],
  );
  return (
    <Select
      className={styles.root}
      size="small"
      aria-label={PICKER_NAME}
      value={value}
      onChange={(_, data) => {
        onPick(data.value === "" ? undefined : data.value);
      }}
    >
      <option value="">{AS_CARD_SETS}</option>
      {known ? null : (
        // A classification typed into the Agreement cell that is not listed here.
        <option value={value}>{value}</option>
      )}
      {listed}
    </Select>
  );
}
