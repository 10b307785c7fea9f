/**
 * Schema and invariant checks over the whole rate card: run by `npm run validate:card` (in the
 * build) and by the tests, so a broken card fails before it reaches a user.
 */
import type { z } from "zod";
import {
  cardMetaSchema,
  fringeFileSchema,
  roleFileSchema,
  scaleBookSchema,
} from "../src/engine/cardSchema";
import {
  belongsToVersion,
  cardAtVersion,
  COPY_HOSTS,
  compareVersions,
  normalizeName,
  RateEngine,
  isRateError,
  type RateCard,
} from "../src/engine";

export interface CardFiles {
  meta: unknown;
  fringes: unknown;
  roleFiles: unknown[];
  scaleBooks: unknown[];
}

function schemaProblems(name: string, schema: z.ZodType, value: unknown): string[] {
  const result = schema.safeParse(value);
  if (result.success) return [];
  return result.error.issues.map((i) => `${name}: ${i.path.join(".")}: ${i.message}`);
}

function versionsOf(card: RateCard): Set<string> {
  return new Set(card.meta.versions.map((v) => v.version));
}

function overlaps(periods: readonly { from: string; to: string }[]): boolean {
  const sorted = [...periods].sort((a, b) => a.from.localeCompare(b.from));
  return sorted.some((p, i) => p.from > p.to || (i > 0 && p.from <= sorted[i - 1]!.to));
}

/** Every problem found; an empty list means the card is sound. */
export function checkCardFiles(files: CardFiles, card: RateCard): string[] {
  const problems: string[] = [];
  problems.push(...schemaProblems("card-meta.json", cardMetaSchema, files.meta));
  problems.push(...schemaProblems("fringes.json", fringeFileSchema, files.fringes));
  files.roleFiles.forEach((f, i) =>
    problems.push(...schemaProblems(`roles file ${i}`, roleFileSchema, f)),
  );
  files.scaleBooks.forEach((b, i) =>
    problems.push(...schemaProblems(`scale book ${i}`, scaleBookSchema, b)),
  );
  if (problems.length) return problems;

  const spellings = new Map<string, string>();
  const ids = new Set<string>();
  for (const role of card.roles) {
    if (ids.has(role.id)) problems.push(`duplicate role id ${role.id}`);
    ids.add(role.id);
    for (const s of [role.id, role.title, ...role.aliases]) {
      const key = normalizeName(s);
      const owner = spellings.get(key);
      if (owner && owner !== role.id) problems.push(`'${s}' names both ${owner} and ${role.id}`);
      spellings.set(key, role.id);
    }
  }
  const agreementIds = new Set(card.meta.agreements.map((a) => a.id));
  for (const a of card.meta.agreements) {
    for (const id of a.seeAlso ?? []) {
      if (!agreementIds.has(id) || id === a.id) {
        problems.push(`agreement ${a.id}: seeAlso '${id}' is not another agreement on the card`);
      }
    }
  }
  const deptIds = new Set(card.departments.map((d) => d.id));
  if (deptIds.size !== card.departments.length) problems.push("duplicate department id");

  const classifications = new Set<string>();
  for (const book of card.scales) {
    for (const c of book.classifications) {
      classifications.add(`${book.id} ${c.code}`);
      for (const s of c.schedules) {
        if (
          [...versionsOf(card)].some((v) => overlaps(s.rates.filter((p) => belongsToVersion(p, v))))
        )
          problems.push(`${book.id} ${c.code} schedule ${s.label}: overlapping periods`);
        for (const p of s.rates) {
          if (
            p.hourlyCents === undefined &&
            p.dailyCents === undefined &&
            p.weeklyCents === undefined
          ) {
            problems.push(`${book.id} ${c.code} ${s.label} ${p.from}: no figure`);
          }
          if (p.kind === "estimate" && !p.method) {
            problems.push(`${book.id} ${c.code} ${s.label} ${p.from}: estimate without a method`);
          }
          if (p.kind === "published" && !(p.source ?? book.source).title) {
            problems.push(
              `${book.id} ${c.code} ${s.label} ${p.from}: published figure without a source`,
            );
          }
        }
      }
    }
  }
  const versions = versionsOf(card);
  if (!versions.has(card.meta.version))
    problems.push(`card version ${card.meta.version} is not in versions`);
  const checkVersions = (
    where: string,
    p: { since?: string | undefined; until?: string | undefined },
  ) => {
    for (const v of [p.since, p.until]) {
      if (v !== undefined && !versions.has(v)) problems.push(`${where}: unknown card version ${v}`);
    }
  };
  for (const f of card.fringes) {
    for (const p of f.periods) checkVersions(`fringe ${f.id} ${p.from}`, p);
    for (const v of versions) {
      if (overlaps(f.periods.filter((p) => belongsToVersion(p, v))))
        problems.push(`fringe ${f.id}: overlapping periods in card ${v}`);
    }
  }
  for (const book of card.scales) {
    for (const c of book.classifications) {
      for (const s of c.schedules)
        for (const p of s.rates) checkVersions(`${book.id} ${c.code} ${p.from}`, p);
    }
  }
  for (const role of card.roles) {
    checkVersions(`role ${role.id}`, role);
    for (const v of [
      ...Object.keys(role.aliasesSince ?? {}),
      ...Object.keys(role.aliasesUntil ?? {}),
    ]) {
      if (!versions.has(v)) problems.push(`role ${role.id} aliases: unknown card version ${v}`);
    }
    for (const ref of role.scales)
      checkVersions(`${role.id} scale ${ref.agreement} ${ref.code}`, ref);
    if (role.since !== undefined) {
      for (const ref of role.scales) {
        if (ref.since !== undefined && compareVersions(ref.since, role.since) < 0)
          problems.push(
            `${role.id} scale ${ref.agreement} ${ref.code}: since ${ref.since} is before the role's ${role.since}`,
          );
      }
    }
    const linked = new Set<string>();
    for (const ref of role.scales) {
      const key = `${ref.agreement} ${ref.code}`;
      if (linked.has(key)) problems.push(`${role.id}: scale ${key} is linked twice`);
      linked.add(key);
    }
  }
  for (const role of card.roles) {
    for (const ref of [...role.scales, role.estimate.basis]) {
      if (!classifications.has(`${ref.agreement} ${ref.code}`)) {
        problems.push(`${role.id}: no classification ${ref.agreement} ${ref.code} on the card`);
      }
    }
  }
  if (problems.length) return problems;

  // Every role prices under each agreement it names, where and at the tier its book applies, and
  // non-union, on the card's default date.
  // Each version's roles, with the aliases it held, name every spelling once (a pinned workbook
  // resolves its titles through that version's roles).
  for (const v of versions) {
    try {
      new RateEngine({ ...cardAtVersion(card, v), meta: { ...card.meta, version: v } });
    } catch (e) {
      if (isRateError(e) || !(e instanceof Error)) throw e;
      problems.push(`card ${v}: ${e.message}`);
    }
  }
  if (problems.length) return problems;
  const engine = new RateEngine(card);
  const { defaults } = card.meta;
  for (const role of card.roles) {
    const terms = new Map<string, { agreement: string; region: string; tier: string }>();
    for (const ref of role.scales) {
      const book = card.scales.find((b) => b.id === ref.agreement)!;
      const region = book.regions.includes("*") ? defaults.region : book.regions[0]!;
      const tier = book.tiers?.[0] ?? defaults.tier;
      const key = `${book.agreement} ${region} ${tier}`;
      if (!terms.has(key)) terms.set(key, { agreement: book.agreement, region, tier });
    }
    terms.set("non-union", {
      agreement: "non-union",
      region: defaults.region,
      tier: defaults.tier,
    });
    for (const [key, request] of terms) {
      const ok = (["week", "day", "hour", "flat"] as const).some((unit) => {
        try {
          engine.quoteFast({ role: role.id, ...request, unit });
          return true;
        } catch (e) {
          if (isRateError(e)) return false;
          throw e;
        }
      });
      if (!ok) problems.push(`${role.id}: no ${key} rate on the default date`);
    }
  }
  problems.push(...copySourceProblems(files));
  return problems;
}

/**
 * A source read from a copy (a repository's transcription) still names the document first: who
 * issued it, so the figure can be checked against the original, not against the copy.
 */
function copySourceProblems(files: CardFiles): string[] {
  const problems: string[] = [];
  const visit = (value: unknown, where: string): void => {
    if (Array.isArray(value)) {
      value.forEach((v, i) => {
        visit(v, `${where}[${i}]`);
      });
      return;
    }
    if (typeof value !== "object" || value === null) return;
    const record = value as Record<string, unknown>;
    const address = record.address;
    if (typeof address === "string" && typeof record.title === "string") {
      const host = URL.canParse(address) ? new URL(address).hostname : "";
      if (COPY_HOSTS.includes(host) && typeof record.publisher !== "string") {
        problems.push(
          `${where}: '${record.title}' is read from a copy (${host}) but names no publisher`,
        );
      }
    }
    for (const [key, v] of Object.entries(record)) visit(v, `${where}.${key}`);
  };
  visit(files.meta, "card-meta.json");
  visit(files.fringes, "fringes.json");
  files.scaleBooks.forEach((b, i) => {
    visit(b, `scale book ${i}`);
  });
  return problems;
}
