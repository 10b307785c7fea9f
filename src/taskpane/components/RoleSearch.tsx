import {
  Caption1,
  Field,
  makeStyles,
  mergeClasses,
  SearchBox,
  Select,
  Text,
  tokens,
} from "@fluentui/react-components";
import { useId, useMemo, useState, type KeyboardEvent } from "react";
import type { RateEngine, Role } from "../../engine";

/** Results shown for typed text; browsing a department shows all of its roles. */
const RESULT_LIMIT = 25;

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  listbox: {
    maxHeight: "280px",
    overflowY: "auto",
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  option: {
    display: "flex",
    flexDirection: "column",
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    cursor: "pointer",
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
  },
  highlighted: {
    backgroundColor: tokens.colorNeutralBackground1Selected,
    outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
    outlineOffset: `calc(-1 * ${tokens.strokeWidthThick})`,
  },
  meta: { color: tokens.colorNeutralForeground3 },
});

export interface RoleSearchProps {
  engine: RateEngine;
  /** Department id to browse, or "" for all departments. */
  department: string;
  onDepartmentChange: (departmentId: string) => void;
  /** Opens a role's card. */
  onOpen: (role: Role) => void;
}

/**
 * Find a crew role: typo-tolerant search, a department filter, and a results list driven from the
 * search box with the keyboard (ArrowDown/ArrowUp move, Enter opens, Escape clears), following
 * the ARIA combobox pattern so focus never leaves the box while choosing.
 */
export function RoleSearch({ engine, department, onDepartmentChange, onOpen }: RoleSearchProps) {
  const styles = useStyles();
  const listboxId = useId();
  const [query, setQuery] = useState("");
  const [highlight, setHighlight] = useState(0);
  const [expanded, setExpanded] = useState(true);

  const results = useMemo(() => {
    if (!query.trim() && !department) return [];
    return engine.search(query, {
      ...(department ? { department } : {}),
      ...(query.trim() ? { limit: RESULT_LIMIT } : {}),
    });
  }, [engine, query, department]);

  const showList = expanded && results.length > 0;
  const active = showList ? Math.min(highlight, results.length - 1) : -1;
  const optionId = (i: number) => `${listboxId}-option-${i}`;

  function open(role: Role) {
    setExpanded(false);
    onOpen(role);
  }

  function changeQuery(value: string) {
    setQuery(value);
    setHighlight(0);
    setExpanded(true);
  }

  function moveHighlight(to: number) {
    const next = Math.max(0, Math.min(results.length - 1, to));
    setHighlight(next);
    document.getElementById(optionId(next))?.scrollIntoView?.({ block: "nearest" });
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    switch (event.key) {
      case "ArrowDown":
        event.preventDefault();
        if (!showList) {
          setExpanded(true);
          setHighlight(0);
        } else moveHighlight(active + 1);
        break;
      case "ArrowUp":
        event.preventDefault();
        if (showList) moveHighlight(active - 1);
        break;
      case "Enter": {
        const role = results[active];
        if (showList && role) {
          event.preventDefault();
          open(role);
        }
        break;
      }
      case "Escape":
        if (query !== "" || showList) {
          event.preventDefault();
          event.stopPropagation();
          if (query !== "") changeQuery("");
          setExpanded(false);
        }
        break;
      default:
        break;
    }
  }

  const departmentName = (role: Role) => engine.departmentOf(role).name;
  const countText =
    !query.trim() && !department
      ? "Type a role (\u201cgaffer\u201d, \u201cDP\u201d, \u201c1st AC\u201d) or pick a department."
      : results.length === 0
        ? `No roles match \u201c${query.trim()}\u201d${department ? " in this department" : ""}.`
        : `${results.length} ${results.length === 1 ? "role" : "roles"}${showList ? "" : " (press \u2193 to show)"}`;

  return (
    <div className={styles.root}>
      <Field label="Department">
        <Select
          value={department}
          onChange={(_, data) => {
            onDepartmentChange(data.value);
            setHighlight(0);
            setExpanded(true);
          }}
        >
          <option value="">All departments</option>
          {engine.departments.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Find a crew role">
        <SearchBox
          value={query}
          placeholder="Title, alias or typo: gafer, DP, post prod"
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={showList}
          aria-controls={listboxId}
          aria-activedescendant={active >= 0 ? optionId(active) : undefined}
          autoComplete="off"
          onChange={(_, data) => {
            changeQuery(data.value);
          }}
          onKeyDown={onKeyDown}
          dismiss={{ "aria-label": "Clear search" }}
        />
      </Field>
      <Caption1 aria-live="polite" className={styles.meta}>
        {countText}
      </Caption1>
      <div
        id={listboxId}
        role="listbox"
        aria-label="Matching roles"
        className={styles.listbox}
        hidden={!showList}
      >
        {showList
          ? results.map((role, i) => (
              <div
                key={role.id}
                id={optionId(i)}
                role="option"
                aria-selected={i === active}
                className={mergeClasses(styles.option, i === active && styles.highlighted)}
                onMouseMove={() => {
                  if (i !== active) setHighlight(i);
                }}
                onClick={() => {
                  open(role);
                }}
              >
                <Text weight="semibold">{role.title}</Text>
                <Caption1 className={styles.meta}>
                  {departmentName(role)} · {role.account}
                </Caption1>
              </div>
            ))
          : null}
      </div>
    </div>
  );
}
