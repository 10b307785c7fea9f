/**
 * A cache with a total bound for the engine's hot path: answers kept by a key of a few terms, in a
 * tree of maps (one level per term, so a lookup builds no key string), in two generations. New
 * answers go into the current generation; when it holds `limit` entries it becomes the previous
 * one and the one before it is dropped whole. An answer found in the previous generation is moved
 * to the current one, so what a workbook keeps asking for stays while one-off requests age out:
 * at most `2 × limit` entries are ever held, however many distinct keys go through.
 */
import { assert } from "./errors";

/** One term of a key: the engine's object (whose answers these are), text, a number, or blank. */
export type CacheKeyTerm = object | string | number | undefined;

type Tree<V> = Map<CacheKeyTerm, Tree<V> | Leaf<V>>;

/** Wraps an answer so a tree level and an answer never look alike. */
class Leaf<V> {
  constructor(readonly value: V) {}
}

/** An entry's weight: one, plus one for each `TEXT_PER_ENTRY` characters of text in its key. */
const TEXT_PER_ENTRY = 1_024;

function find<V>(tree: Tree<V>, key: readonly CacheKeyTerm[]): Leaf<V> | undefined {
  let node: Tree<V> | Leaf<V> | undefined = tree;
  for (const term of key) {
    if (!(node instanceof Map)) return undefined;
    node = node.get(term);
  }
  return node instanceof Leaf ? node : undefined;
}

function insert<V>(tree: Tree<V>, key: readonly CacheKeyTerm[], leaf: Leaf<V>): void {
  let node = tree;
  const last = key.length - 1;
  for (let i = 0; i < last; i++) {
    const term = key[i];
    let next = node.get(term);
    if (!(next instanceof Map)) {
      next = new Map();
      node.set(term, next);
    }
    node = next;
  }
  node.set(key[last], leaf);
}

/** How many entries a key counts for: a long text in a key holds memory like several entries. */
function weightOf(key: readonly CacheKeyTerm[]): number {
  let chars = 0;
  for (const term of key) if (typeof term === "string") chars += term.length;
  return 1 + Math.floor(chars / TEXT_PER_ENTRY);
}

export class PlanCache<V> {
  private current: Tree<V> = new Map();
  private previous: Tree<V> = new Map();
  /** Weight of the entries in the current generation. */
  private weight = 0;
  /** Entries in each generation (for `size`). */
  private currentCount = 0;
  private previousCount = 0;

  /** @param limit the most entries (by weight) one generation holds; two are kept. */
  constructor(readonly limit: number) {
    assert(Number.isInteger(limit) && limit > 0, `a cache limit of ${limit}`);
  }

  /** Entries held now, both generations: never more than `2 × limit`. */
  get size(): number {
    return this.currentCount + this.previousCount;
  }

  /**
   * The answer kept for `key`, or undefined. One found in the previous generation moves to the
   * current one.
   * @param key the terms, as many for every call of one cache (at least one)
   */
  get(key: readonly CacheKeyTerm[]): V | undefined {
    const hit = find(this.current, key);
    if (hit) return hit.value;
    const old = find(this.previous, key);
    if (!old) return undefined;
    // Moved, not copied: the previous generation stops counting it (its map entry goes when
    // that generation is dropped).
    this.previousCount--;
    this.keep(key, old);
    return old.value;
  }

  /** Keeps `value` as the answer for `key` (one `get` has just not found). */
  set(key: readonly CacheKeyTerm[], value: V): void {
    this.keep(key, new Leaf(value));
  }

  private keep(key: readonly CacheKeyTerm[], leaf: Leaf<V>): void {
    insert(this.current, key, leaf);
    this.currentCount++;
    this.weight += weightOf(key);
    if (this.weight >= this.limit) this.age();
  }

  /** The current generation becomes the previous one; the previous one is dropped. */
  private age(): void {
    this.previous = this.current;
    this.previousCount = this.currentCount;
    this.current = new Map();
    this.currentCount = 0;
    this.weight = 0;
  }

  /** Drops everything. */
  clear(): void {
    this.current = new Map();
    this.previous = new Map();
    this.currentCount = 0;
    this.previousCount = 0;
    this.weight = 0;
  }
}
