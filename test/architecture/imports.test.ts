/**
 * The house rules of src/, checked on every run: no import circles (type-only imports count, as a
 * circle of types is still two files that cannot be understood apart), and the budget workbook
 * stays host-neutral.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const SRC = resolve(import.meta.dirname, "../../src");
const EXTENSIONS = [".ts", ".tsx"];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return EXTENSIONS.some((e) => entry.name.endsWith(e)) && !entry.name.endsWith(".d.ts")
      ? [path]
      : [];
  });
}

const files = sourceFiles(SRC);
const known = new Set(files);

/** The src files a file imports (static, type-only, re-exports and dynamic imports alike). */
function importsOf(file: string): string[] {
  const info = ts.preProcessFile(readFileSync(file, "utf8"), true, true);
  return info.importedFiles.flatMap(({ fileName }) => {
    if (!fileName.startsWith(".")) return [];
    const base = resolve(dirname(file), fileName);
    const candidates = [
      base,
      ...EXTENSIONS.map((e) => base + e),
      ...EXTENSIONS.map((e) => join(base, `index${e}`)),
    ];
    const target = candidates.find((c) => known.has(c));
    return target ? [target] : [];
  });
}

const edges = new Map(files.map((f) => [f, importsOf(f)]));

/** Tarjan's strongly connected components with more than one file, or a file importing itself. */
function circles(): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, next);
    low.set(v, next);
    next++;
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, index.get(w)!));
      }
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string | undefined;
      do {
        w = stack.pop();
        if (w === undefined) break;
        onStack.delete(w);
        component.push(relative(SRC, w));
      } while (w !== v);
      if (component.length > 1 || (edges.get(v) ?? []).includes(v)) found.push(component.sort());
    }
  };
  for (const f of files) if (!index.has(f)) visit(f);
  return found;
}

describe("the source tree", () => {
  it("reads the tree it checks (the rule below is not vacuous)", () => {
    expect(files.length).toBeGreaterThan(50);
    const budgetImports = edges.get(join(SRC, "budget/crewLine.ts")) ?? [];
    expect(budgetImports.map((f) => relative(SRC, f))).toContain("budget/layout.ts");
  });

  it("has no import circles, type-only imports included", () => {
    expect(circles()).toEqual([]);
  });

  it("keeps the budget workbook host-neutral: it imports only the engine, the data and itself", () => {
    const outside = files
      .filter((f) => relative(SRC, f).startsWith("budget/"))
      .flatMap((f) =>
        (edges.get(f) ?? [])
          .map((t) => relative(SRC, t))
          .filter((t) => !/^(budget|engine|data)\//.test(t))
          .map((t) => `${relative(SRC, f)} → ${t}`),
      );
    expect(outside).toEqual([]);
  });
});
