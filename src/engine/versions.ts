import { RateError, orThrow } from "./errors";
import type { RateCard } from "./types";

/** Orders card versions: "2026.2" < "2026.10" < "2027.1". */
export function compareVersions(a: string, b: string): number {
  const [ay = 0, an = 0] = a.split(".").map(Number);
  const [by = 0, bn = 0] = b.split(".").map(Number);
  return ay - by || an - bn;
}

/** Whether a figure with since/until belongs to a card version. */
export function belongsToVersion(
  p: { since?: string | undefined; until?: string | undefined },
  version: string,
): boolean {
  return (
    (p.since === undefined || compareVersions(p.since, version) <= 0) &&
    (p.until === undefined || compareVersions(version, p.until) <= 0)
  );
}

/**
 * The card as it was at `version`: only the figures that version held. A workbook pinned to a
 * version keeps computing the same numbers after newer cards ship.
 * @throws RateError UNKNOWN_VERSION when the card has no such version
 */
export function cardAtVersion(card: RateCard, version: string): RateCard {
  return orThrow(versionedCard(card, version));
}

/** `cardAtVersion`, returning its failure (see errors.ts). */
export function versionedCard(card: RateCard, version: string): RateCard | RateError {
  const known = card.meta.versions.map((v) => v.version);
  if (!known.includes(version)) {
    return new RateError("UNKNOWN_VERSION", {
      input: version,
      suggestions: known.slice(-3).reverse(),
      reason:
        compareVersions(version, card.meta.version) > 0
          ? `it is newer than this add-in's card (${card.meta.version}): update the add-in`
          : undefined,
    });
  }
  if (version === card.meta.version && !hasVersionedFigures(card) && !hasVersionedRoles(card)) {
    return card;
  }
  return {
    ...card,
    roles: card.roles.filter((r) => belongsToVersion(r, version)).map((r) => rolesAt(r, version)),
    scales: card.scales.map((book) => ({
      ...book,
      classifications: book.classifications.map((c) => ({
        ...c,
        schedules: c.schedules.map((s) => ({
          ...s,
          rates: s.rates.filter((p) => belongsToVersion(p, version)),
        })),
      })),
    })),
    fringes: card.fringes.map((f) => ({
      ...f,
      periods: f.periods.filter((p) => belongsToVersion(p, version)),
    })),
  };
}

type CardRoleEntry = RateCard["roles"][number];

/**
 * A role with the aliases a version holds merged in (those added since, those given up later), and
 * no `aliasesSince` or `aliasesUntil` left to merge again.
 */
function rolesAt(role: CardRoleEntry, version: string): CardRoleEntry {
  if (role.scales.some((ref) => !belongsToVersion(ref, version))) {
    role = { ...role, scales: role.scales.filter((ref) => belongsToVersion(ref, version)) };
  }
  if (!role.aliasesSince && !role.aliasesUntil) return role;
  const added = Object.entries(role.aliasesSince ?? {})
    .filter(([since]) => compareVersions(since, version) <= 0)
    .flatMap(([, aliases]) => aliases);
  const kept = Object.entries(role.aliasesUntil ?? {})
    .filter(([until]) => compareVersions(version, until) <= 0)
    .flatMap(([, aliases]) => aliases);
  const merged: CardRoleEntry = { ...role, aliases: [...role.aliases, ...added, ...kept] };
  delete merged.aliasesSince;
  delete merged.aliasesUntil;
  return merged;
}

function hasVersionedRoles(card: RateCard): boolean {
  return card.roles.some(
    (r) =>
      r.since !== undefined ||
      r.aliasesSince !== undefined ||
      r.aliasesUntil !== undefined ||
      r.scales.some((ref) => ref.until !== undefined),
  );
}

function hasVersionedFigures(card: RateCard): boolean {
  return (
    card.scales.some((b) =>
      b.classifications.some((c) =>
        c.schedules.some((s) => s.rates.some((p) => p.until !== undefined)),
      ),
    ) || card.fringes.some((f) => f.periods.some((p) => p.until !== undefined))
  );
}
