import {
  Caption1,
  makeStyles,
  mergeClasses,
  Select,
  shorthands,
  Text,
  tokens,
} from "@fluentui/react-components";
import type { PlannedRow } from "../../budget";
import { dollarsToCents, formatUsd } from "../../engine";
import { messageFor } from "../messages";

const useStyles = makeStyles({
  row: {
    listStyleType: "none",
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  problem: { ...shorthands.borderColor(tokens.colorPaletteRedBorder2) },
  meta: { color: tokens.colorNeutralForeground3 },
  control: { minWidth: 0, width: "100%" },
});

/** What the producer can choose for a row that did not match: a suggestion, their own role, or skip. */
function choiceOptions(row: PlannedRow): { value: string; label: string }[] {
  const suggestions = row.kind === "unmatched" ? row.suggestions : [];
  return [
    ...suggestions.map((title) => ({ value: `role:${title}`, label: title })),
    { value: "own", label: "Add as this production's own role" },
    { value: "skip", label: "Leave this row out" },
  ];
}

/** One pasted row: what it becomes, and for a row that needs it, how to settle it. */
export function ImportPlanRow({
  row,
  onSettle,
}: {
  row: PlannedRow;
  onSettle: (row: PlannedRow, value: string) => void;
}) {
  const classes = useStyles();
  const typed = `${row.row.line}. ${row.row.title || "(no title)"}`;
  const who = [
    row.row.person,
    row.row.quantity === undefined ? "" : `${row.row.quantity} ${row.row.unit}`,
  ]
    .filter(Boolean)
    .join(" · ");
  const problem = row.kind === "unmatched" || row.kind === "bad";
  return (
    <li className={problem ? mergeClasses(classes.row, classes.problem) : classes.row}>
      <Text weight="semibold">{typed}</Text>
      {row.kind === "line" ? (
        <>
          <Text>
            → {row.role.title} <span className={classes.meta}>({row.how})</span>
          </Text>
          {row.override ? (
            <Caption1>
              Rate {formatUsd(dollarsToCents(row.override.amount))}/{row.override.unit}
              {row.scaleCents === undefined ? "" : ` (scale ${formatUsd(row.scaleCents)})`}: goes to
              Rate Overrides
            </Caption1>
          ) : null}
        </>
      ) : row.kind === "own-role" ? (
        <Text>
          → this production&apos;s own role, {formatUsd(dollarsToCents(row.role.rate))}/
          {row.role.unit}
        </Text>
      ) : row.kind === "skipped" ? (
        <Text className={classes.meta}>Left out</Text>
      ) : (
        <Caption1>{messageFor(row.error).body}</Caption1>
      )}
      {who ? <Caption1 className={classes.meta}>{who}</Caption1> : null}
      {row.kind !== "line" ? (
        <Select
          className={classes.control}
          aria-label={`What row ${row.row.line} is`}
          value=""
          onChange={(_, d) => {
            onSettle(row, d.value);
          }}
        >
          <option value="">{row.kind === "unmatched" ? "Choose the role…" : "Change…"}</option>
          {choiceOptions(row).map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </Select>
      ) : null}
    </li>
  );
}
