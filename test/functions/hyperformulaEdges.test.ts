import { HyperFormula } from "hyperformula";
import { describe, expect, it } from "vitest";
import { HF_CONFIG } from "../../src/functions/hyperformula";
import { edgeIndexInstalled, indexDependencyEdges } from "../../src/functions/hyperformulaEdges";

interface Node {
  idInGraph?: number | undefined;
}
interface Graph {
  edgesSparseArray: (number | undefined)[][];
  addNodeIfNotExists(node: Node): number;
  addEdge(from: Node | number, to: Node | number): void;
  existsEdge(from: Node, to: Node): boolean;
  removeEdge(from: Node | number, to: Node | number): void;
  removeEdgeIfExists(from: Node | number, to: Node | number): void;
  removeNode(node: Node): unknown;
  fixEdgesArrayForNode(id: number): (number | undefined)[];
}

function graphOf(hf: HyperFormula): Graph {
  const dependencyGraph = Reflect.get(hf, "dependencyGraph") as object;
  return Reflect.get(dependencyGraph, "graph") as Graph;
}

/** A small deterministic random sequence. */
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

describe("the dependency-edge index (HyperFormula's graph, preview host)", () => {
  it("is installed with the pinned HyperFormula release", () => {
    expect(indexDependencyEdges()).toBe(true);
    expect(edgeIndexInstalled()).toBe(true);
  });

  it("keeps each vertex's edges exactly as a plain list would, through adds, removes and packs", () => {
    indexDependencyEdges();
    const hf = HyperFormula.buildEmpty(HF_CONFIG);
    const graph = graphOf(hf);
    const hub: Node = {};
    graph.addNodeIfNotExists(hub);
    const nodes: Node[] = Array.from({ length: 400 }, () => ({}));
    for (const n of nodes) graph.addNodeIfNotExists(n);
    // The model: hub's dependents in the order they were added.
    let model: number[] = [];
    let most = 0;
    const next = random(7);
    for (let step = 0; step < 6000; step++) {
      const node = nodes[Math.floor(next() * nodes.length)]!;
      const id = node.idInGraph!;
      const roll = next();
      if (roll < 0.55) {
        graph.addEdge(hub, node);
        if (!model.includes(id)) model.push(id);
      } else if (roll < 0.8) {
        graph.removeEdgeIfExists(hub, id);
        model = model.filter((m) => m !== id);
      } else if (roll < 0.9) {
        if (model.includes(id)) {
          graph.removeEdge(hub, node);
          model = model.filter((m) => m !== id);
        } else {
          expect(() => {
            graph.removeEdge(hub, node);
          }).toThrow("Edge does not exist");
        }
      } else if (roll < 0.92) {
        graph.fixEdgesArrayForNode(hub.idInGraph!);
      } else {
        expect(graph.existsEdge(hub, node)).toBe(model.includes(id));
      }
      const live = graph.edgesSparseArray[hub.idInGraph!]!.filter((e) => e !== undefined);
      expect(live).toEqual(model);
      most = Math.max(most, model.length);
    }
    // The hub grew past the size where the index takes over, and shrank again.
    expect(most).toBeGreaterThan(200);
    hf.destroy();
  });

  it("a budget-like sheet with hundreds of formulas on one cell recalculates right after row edits", () => {
    indexDependencyEdges();
    const n = 300;
    const rows = Array.from({ length: n }, (_, i) => [`=$B$1*${i + 1}`]);
    const hf = HyperFormula.buildFromSheets({ S: [[null, 2], ...rows] }, HF_CONFIG);
    const s = hf.getSheetId("S")!;
    const value = (row: number) => hf.getCellValue({ sheet: s, row, col: 0 });
    expect(value(n)).toBe(2 * n);
    // Delete 100 dependents, insert 50 new ones, change the shared cell: every formula follows.
    hf.removeRows(s, [101, 100]);
    hf.addRows(s, [50, 50]);
    hf.setCellContents(
      { sheet: s, row: 50, col: 0 },
      Array.from({ length: 50 }, () => ["=$B$1*1000"]),
    );
    hf.setCellContents({ sheet: s, row: 0, col: 1 }, [[3]]);
    expect(value(1)).toBe(3);
    expect(value(50)).toBe(3000);
    expect(value(99)).toBe(3000);
    expect(value(100)).toBe(3 * 50);
    // Row 1 + 50 inserted + 300 - 100 deleted: the last formula is the original n-th.
    expect(value(250)).toBe(3 * n);
    expect(hf.getSheetDimensions(s).height).toBe(251);
    // Pointing every formula elsewhere leaves the shared cell without dependents.
    hf.setCellContents({ sheet: s, row: 0, col: 1 }, [[5]]);
    hf.setCellContents(
      { sheet: s, row: 1, col: 0 },
      Array.from({ length: 250 }, () => ["=$C$1"]),
    );
    hf.setCellContents({ sheet: s, row: 0, col: 2 }, [[7]]);
    expect(value(250)).toBe(7);
    hf.setCellContents({ sheet: s, row: 0, col: 1 }, [[9]]);
    expect(value(1)).toBe(7);
    hf.destroy();
  });
});
