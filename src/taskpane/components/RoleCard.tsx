import {
  Badge,
  Body1,
  Caption1,
  Card,
  Link,
  makeStyles,
  Subtitle2,
  Switch,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
  typographyStyles,
} from "@fluentui/react-components";
import { useEffect, useMemo, useRef, useState, type ReactNode, type Ref } from "react";
import {
  formatUsd,
  PRODUCTION_ROLES_TABLE,
  type Department,
  type RateListing,
  type Role,
} from "../../engine";
import { KindBadge } from "./KindBadge";

const useStyles = makeStyles({
  card: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    // The pane is narrow: a card's padding is room the price and the fields need.
    padding: tokens.spacingHorizontalS,
  },
  line: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  // Focused by script when the card opens, not by the user: no focus ring on a non-control.
  heading: { ...typographyStyles.subtitle1, margin: 0, ":focus": { outlineStyle: "none" } },
  meta: { color: tokens.colorNeutralForeground3 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  section: { margin: `${tokens.spacingVerticalS} 0 0 0` },
  table: { tableLayout: "auto", width: "100%" },
  rateCell: { verticalAlign: "top", paddingTop: tokens.spacingVerticalXS },
  source: {
    display: "block",
    color: tokens.colorNeutralForeground3,
    overflowWrap: "anywhere",
    whiteSpace: "normal",
  },
  kind: { width: "84px" },
});

export interface RoleCardProps {
  role: Role;
  department: Department;
  rates: readonly RateListing[];
  /** The budget date: rates in force on it are shown first. */
  budgetDate: string;
  /** The budget tier's name: non-union estimates are shown for it. */
  tierName: string | undefined;
  /** The name of the agreement whose rates are per-tier estimates (Non-union). */
  estimateAgreement: string | undefined;
  /** The agreement the current quote uses: its rates are listed first. */
  currentAgreement: string | undefined;
  /** The title, focused when the card is opened. */
  headingRef?: Ref<HTMLHeadingElement>;
  /** The price, the quote form and the insert buttons: first, right under the title. */
  children?: ReactNode;
}

/** "Title, section" and its address, when describeSource wrote one as "<https://...>". */
function splitSource(text: string): { label: string; address: string | undefined } {
  const match = /^(.*?)\s*<(https?:\/\/[^\s>]+)>\s*$/.exec(text);
  if (!match) return { label: text, address: undefined };
  return { label: match[1] ?? text, address: match[2] };
}

function inForce(rate: RateListing, date: string): boolean {
  // The workbook's own rates have no period: they hold until someone edits the table.
  return rate.kind === "override" || (rate.effectiveFrom <= date && date <= rate.effectiveTo);
}

/** Rates grouped by agreement, the current agreement's group first, card order otherwise. */
function groupByAgreement(
  rates: readonly RateListing[],
  first: string | undefined,
): [string, RateListing[]][] {
  const groups = new Map<string, RateListing[]>();
  for (const rate of rates) {
    const group = groups.get(rate.agreement);
    if (group) group.push(rate);
    else groups.set(rate.agreement, [rate]);
  }
  return [...groups].sort(([a], [b]) => Number(b === first) - Number(a === first));
}

/** What a role is, what it does, and every rate the card holds for it with its source. */
export function RoleCard(props: RoleCardProps) {
  const { role, department, rates, budgetDate, tierName, estimateAgreement, currentAgreement } =
    props;
  const styles = useStyles();
  const [showAll, setShowAll] = useState(false);
  const lineRef = useRef<HTMLElement>(null);

  // When another role is opened, bring its price, terms and Insert into view (scrolling the pane as
  // little as it must); a refresh of the same role leaves the scroll where the producer put it.
  useEffect(() => {
    const line = lineRef.current;
    // jsdom has no layout, hence no scrollIntoView.
    if (line && typeof line.scrollIntoView === "function")
      line.scrollIntoView({ block: "nearest" });
  }, [role.id]);

  const current = useMemo(
    () =>
      rates.filter(
        (r) =>
          inForce(r, budgetDate) &&
          // Non-union estimates are listed per tier: only the budget's tier is relevant.
          (r.agreement !== estimateAgreement || tierName === undefined || r.tier === tierName),
      ),
    [rates, budgetDate, tierName, estimateAgreement],
  );
  const nothingCurrent = current.length === 0;
  const shown = showAll || nothingCurrent ? rates : current;
  const groups = groupByAgreement(shown, currentAgreement);

  return (
    <Card className={styles.card} aria-label={`${role.title} role card`}>
      <div>
        <h2 className={styles.heading} ref={props.headingRef} tabIndex={-1}>
          {role.title}
        </h2>
        <Caption1 className={styles.meta} block>
          {department.name} · account {role.account}
          {role.aliases.length > 0 ? ` · also ${role.aliases.slice(0, 3).join(", ")}` : ""}
        </Caption1>
        {role.production ? (
          <Badge appearance="outline" color="brand">
            This production&apos;s own role (Production Roles line {role.production.line})
          </Badge>
        ) : null}
      </div>
      {props.children ? (
        <section ref={lineRef} aria-label="Budget line" className={styles.line}>
          {props.children}
        </section>
      ) : null}

      {role.description ? <Body1 className={styles.section}>{role.description}</Body1> : null}

      {(
        [
          ["Responsibilities", role.responsibilities],
          ["Skills", role.skills],
        ] as const
      ).map(([heading, items]) =>
        items.length === 0 ? null : (
          <section key={heading}>
            <Subtitle2 as="h3" className={styles.section}>
              {heading}
            </Subtitle2>
            <ul className={styles.list}>
              {items.map((item) => (
                <li key={item}>
                  <Body1>{item}</Body1>
                </li>
              ))}
            </ul>
          </section>
        ),
      )}

      <Subtitle2 as="h3" className={styles.section}>
        Rates
      </Subtitle2>
      <Caption1 className={styles.meta}>
        {nothingCurrent
          ? `No rate on the card is in force on ${budgetDate}; every period is listed.`
          : showAll
            ? "Every period and tier the card holds."
            : `In force on ${budgetDate}${tierName ? `, ${tierName} tier for estimates` : ""}.`}
      </Caption1>
      {nothingCurrent ? null : (
        <Switch
          checked={showAll}
          onChange={(_, data) => {
            setShowAll(data.checked);
          }}
          label="Show every period and tier"
        />
      )}
      {rates.length === 0 ? (
        <Body1>The card holds no rates for this role.</Body1>
      ) : (
        groups.map(([agreement, group]) => (
          <section key={agreement}>
            <Text weight="semibold" block>
              {agreement}
              {agreement === currentAgreement ? " (this quote)" : ""}
            </Text>
            <Table size="extra-small" className={styles.table} aria-label={`${agreement} rates`}>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>Rate, period and source</TableHeaderCell>
                  <TableHeaderCell className={styles.kind}>Kind</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {group.map((rate, i) => {
                  const source = splitSource(rate.source);
                  return (
                    <TableRow
                      key={`${rate.classification}|${rate.schedule}|${rate.unit}|${rate.tier}|${rate.effectiveFrom}|${i}`}
                    >
                      <TableCell className={styles.rateCell}>
                        <Text weight="semibold">{formatUsd(rate.amountCents)}</Text>{" "}
                        <Text size={200}>{rate.unit === "flat" ? "flat" : `per ${rate.unit}`}</Text>
                        <Caption1 block className={styles.meta}>
                          {rate.kind === "override"
                            ? `Set in this workbook${rate.schedule ? ` · ${rate.schedule}` : ""}`
                            : `${rate.effectiveFrom} to ${rate.effectiveTo} · schedule ${rate.schedule} · ${rate.region} · ${rate.tier}`}
                        </Caption1>
                        <Caption1 block className={styles.meta}>
                          {rate.classification}
                        </Caption1>
                        <Caption1 className={styles.source}>
                          {source.label}
                          {source.address ? (
                            <>
                              {" "}
                              <Link href={source.address} target="_blank" rel="noreferrer">
                                (open)
                              </Link>
                            </>
                          ) : null}
                        </Caption1>
                      </TableCell>
                      <TableCell className={styles.rateCell}>
                        <KindBadge
                          kind={rate.kind}
                          ownRole={rate.source.startsWith(PRODUCTION_ROLES_TABLE)}
                        />
                      </TableCell>
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
          </section>
        ))
      )}
    </Card>
  );
}
