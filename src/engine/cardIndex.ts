import { assert } from "./errors";
import { NameIndex, normalizeName } from "./names";
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

/**
 * What a producer can write before a classification in a line's Agreement ("Local 728 #5411"): an
 * agreement (its books), a book by id or name, or a local by number ("Local 700", every book of it).
 */
export interface BookGroup {
  /** How suggestions name it. */
  label: string;
  books: readonly ScaleBook[];
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
  /** Agreements, books and locals by every spelling, for a classification named in an Agreement. */
  bookGroups: NameIndex<BookGroup>;
  /** `${bookId} ${normalized title}` → classification, for a classification named by its title. */
  classificationTitles: Map<string, ClassificationRef>;
  /**
   * Books the card carries for reference only: no card role is priced on them (the ASA's
   * Washington, D.C. and New England grade tables, which assign no craft to a grade and have no
   * region of their own on the card). A producer cannot pick their classifications either.
   */
  referenceBooks: ReadonlySet<string>;
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
  const classificationTitles = new Map<string, ClassificationRef>();
  for (const cref of classifications.values()) {
    const key = classificationKey(cref.book.id, normalizeName(cref.classification.title));
    if (!classificationTitles.has(key)) classificationTitles.set(key, cref);
  }
  const linked = new Set<string>();
  for (const role of card.roles) {
    for (const ref of [...role.scales, role.estimate.basis]) linked.add(ref.agreement);
  }
  const referenceBooks = new Set(card.scales.filter((b) => !linked.has(b.id)).map((b) => b.id));
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
    bookGroups: indexBookGroups(card),
    classificationTitles,
    referenceBooks,
  };
}

/**
 * The spellings that name books before a classification: agreements first (so "Local 52" is the
 * Local 52 agreement, its theatrical book), then each book's id and name, then "Local N" for
 * every book whose name carries that local. A spelling taken by an earlier group stays with it.
 */
function indexBookGroups(card: RateCard): NameIndex<BookGroup> {
  const groups = new NameIndex<BookGroup>();
  const taken = new Set<string>();
  const add = (group: BookGroup, spellings: readonly string[]) => {
    const fresh = spellings.filter((spelling) => {
      const key = normalizeName(spelling);
      if (!key || taken.has(key)) return false;
      taken.add(key);
      return true;
    });
    if (group.books.length > 0 && fresh.length > 0) groups.add(group, group.label, fresh);
  };
  for (const a of card.meta.agreements) {
    const books = card.scales.filter((b) => b.agreement === a.id);
    add({ label: a.aliases[0] ?? a.name, books }, [a.id, a.name, ...a.aliases]);
  }
  for (const book of card.scales) add({ label: book.id, books: [book] }, [book.id, book.name]);
  const locals = new Map<string, ScaleBook[]>();
  for (const book of card.scales) {
    for (const m of book.name.matchAll(/\bLocal (\d+)\b/g)) {
      const label = `Local ${m[1]}`;
      const books = locals.get(label) ?? [];
      if (!books.includes(book)) books.push(book);
      locals.set(label, books);
    }
  }
  for (const [label, books] of locals) {
    const iatse = books.every((b) => b.name.startsWith("IATSE"));
    add({ label, books }, iatse ? [label, `IATSE ${label}`] : [label]);
  }
  return groups;
}
