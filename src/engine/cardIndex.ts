import { assert } from "./errors";
import { NameIndex } from "./names";
import type {
  Agreement,
  Classification,
  Department,
  Production,
  RateCard,
  RateOverride,
  Region,
  Role,
  ScaleBook,
  Tier,
} from "./types";

/** A classification together with the book that prints it. */
export interface ClassificationRef {
  book: ScaleBook;
  classification: Classification;
}

/** The card with the lookups the engine needs, built once per card. */
export interface CardIndex {
  card: RateCard;
  /** The card's roles, then the production's own. */
  allRoles: readonly Role[];
  /** The workbook's rate overrides by role id (empty without production tables). */
  overrides: ReadonlyMap<string, readonly RateOverride[]>;
  roles: NameIndex<Role>;
  agreements: NameIndex<Agreement>;
  regions: NameIndex<Region>;
  tiers: NameIndex<Tier>;
  departments: NameIndex<Department>;
  departmentById: Map<string, Department>;
  agreementById: Map<string, Agreement>;
  regionById: Map<string, Region>;
  tierById: Map<string, Tier>;
  /** `${bookId} ${code}` → classification. */
  classifications: Map<string, ClassificationRef>;
  /** Books by id. */
  books: Map<string, ScaleBook>;
}

export function classificationKey(bookId: string, code: string): string {
  return `${bookId} ${code}`;
}

function byId<T extends { id: string }>(items: readonly T[]): Map<string, T> {
  return new Map(items.map((item) => [item.id, item]));
}

export function indexCard(card: RateCard, production?: Production): CardIndex {
  const allRoles: Role[] = production ? [...card.roles, ...production.roles] : card.roles;
  const roles = new NameIndex<Role>();
  for (const role of allRoles) roles.add(role, role.title, [role.id, role.title, ...role.aliases]);

  const agreements = new NameIndex<Agreement>();
  for (const a of card.meta.agreements) agreements.add(a, a.name, [a.id, a.name, ...a.aliases]);
  const regions = new NameIndex<Region>();
  for (const r of card.meta.regions) {
    regions.add(r, r.name, [r.id, r.name, ...r.aliases, ...(r.state ? [r.state] : [])]);
  }
  const tiers = new NameIndex<Tier>();
  for (const t of card.meta.tiers) tiers.add(t, t.name, [t.id, t.name, ...t.aliases]);
  const departments = new NameIndex<Department>();
  const accountCount = new Map<string, number>();
  for (const d of card.departments)
    accountCount.set(d.account, (accountCount.get(d.account) ?? 0) + 1);
  for (const d of card.departments) {
    // A category account finds its department only where one department owns it.
    const spellings =
      accountCount.get(d.account) === 1 ? [d.id, d.name, d.account] : [d.id, d.name];
    departments.add(d, d.name, spellings);
  }

  const books = byId(card.scales);
  const classifications = new Map<string, ClassificationRef>();
  for (const book of card.scales) {
    for (const classification of book.classifications) {
      classifications.set(classificationKey(book.id, classification.code), {
        book,
        classification,
      });
    }
  }
  const departmentById = byId(card.departments);
  for (const role of allRoles) {
    assert(departmentById.has(role.department), `role ${role.id} names no known department`);
  }
  return {
    card,
    allRoles,
    overrides: production?.overrides ?? new Map(),
    roles,
    agreements,
    regions,
    tiers,
    departments,
    departmentById,
    agreementById: byId(card.meta.agreements),
    regionById: byId(card.meta.regions),
    tierById: byId(card.meta.tiers),
    classifications,
    books,
  };
}
