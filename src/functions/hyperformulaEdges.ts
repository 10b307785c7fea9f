/**
 * An index for HyperFormula's dependency edges (preview host, CLI and tests only: HyperFormula
 * never ships in the add-in).
 *
 * HyperFormula 3.5 keeps each vertex's dependents in an array and, before adding an edge, checks
 * it is not there already with `Array.includes`; removing one uses `indexOf`. Adding N dependents
 * to one vertex therefore costs N²/2 comparisons. Every crew line's Rate, Subtotal, Fringe and
 * Basis read BudgetDate, HoursPerDay, CardVersion and ProductionTables, so at 20,000 lines each of
 * those names has 80,000 dependents and the edge checks alone took ~12 s of a ~20 s build.
 *
 * `indexDependencyEdges` gives the graph's prototype an index (dependent id → position in the
 * array) for vertices with many dependents, so a check, an add and a remove are constant time.
 * Behaviour is unchanged: the same arrays, in the same order, with the same holes a removal
 * leaves; small vertices take HyperFormula's own path. The index lives beside each graph (a
 * WeakMap) and is dropped for a vertex whenever HyperFormula rewrites its array
 * (`fixEdgesArrayForNode`) or removes it. If a HyperFormula release changes these internals, the
 * shape check fails, nothing is patched and `edgeIndexInstalled()` says so (a test asserts it is
 * installed with the pinned version).
 */
import { HyperFormula } from "hyperformula";

/** Vertices with fewer dependents than this keep HyperFormula's linear checks (cheaper there). */
const INDEXED_FROM = 64;

type NodeRef = number | { idInGraph?: number | undefined };

/** The part of HyperFormula's internal Graph class this module relies on. */
interface GraphInternals {
  edgesSparseArray: (number | undefined)[][];
  getNodeIdIfNotNumber: (this: GraphInternals, node: NodeRef) => number | undefined;
  addEdge: (this: GraphInternals, from: NodeRef, to: NodeRef) => void;
  existsEdge: (this: GraphInternals, from: NodeRef, to: NodeRef) => boolean;
  removeEdge: (this: GraphInternals, from: NodeRef, to: NodeRef) => void;
  removeEdgeIfExists: (this: GraphInternals, from: NodeRef, to: NodeRef) => void;
  removeNode: (this: GraphInternals, node: NodeRef) => unknown;
  fixEdgesArrayForNode: (this: GraphInternals, id: number) => (number | undefined)[];
}

const METHODS = [
  "getNodeIdIfNotNumber",
  "addEdge",
  "existsEdge",
  "removeEdge",
  "removeEdgeIfExists",
  "removeNode",
  "fixEdgesArrayForNode",
] as const;

function isGraphPrototype(proto: unknown): proto is GraphInternals {
  return (
    typeof proto === "object" &&
    proto !== null &&
    METHODS.every((m) => typeof Reflect.get(proto, m) === "function")
  );
}

/** Per graph: for each indexed vertex, its dependents' positions in its edges array. */
const indexes = new WeakMap<object, Map<number, Map<number, number>>>();
let installed: boolean | undefined;

function graphIndex(graph: object): Map<number, Map<number, number>> {
  let byVertex = indexes.get(graph);
  if (byVertex === undefined) {
    byVertex = new Map();
    indexes.set(graph, byVertex);
  }
  return byVertex;
}

/** The vertex's index, built from its array the first time (holes skipped). */
function vertexIndex(graph: GraphInternals, fromId: number): Map<number, number> {
  const byVertex = graphIndex(graph);
  let index = byVertex.get(fromId);
  if (index === undefined) {
    index = new Map();
    const edges = graph.edgesSparseArray[fromId] ?? [];
    for (let i = 0; i < edges.length; i++) {
      const to = edges[i];
      if (to !== undefined && !index.has(to)) index.set(to, i);
    }
    byVertex.set(fromId, index);
  }
  return index;
}

/** An edge between two graph vertices whose source is indexed. */
interface IndexedEdge {
  edges: (number | undefined)[];
  fromId: number;
  toId: number;
}

/** The indexed vertex's array and both ids, or undefined when HyperFormula's own method should run. */
function indexedEdge(
  graph: GraphInternals,
  fromId: number | undefined,
  toId: number | undefined,
): IndexedEdge | undefined {
  if (fromId === undefined || toId === undefined) return undefined;
  const edges = graph.edgesSparseArray[fromId];
  return edges !== undefined && edges.length >= INDEXED_FROM ? { edges, fromId, toId } : undefined;
}

function install(proto: GraphInternals): void {
  const own = {
    addEdge: proto.addEdge,
    existsEdge: proto.existsEdge,
    removeEdge: proto.removeEdge,
    removeEdgeIfExists: proto.removeEdgeIfExists,
    removeNode: proto.removeNode,
    fixEdgesArrayForNode: proto.fixEdgesArrayForNode,
  };
  proto.addEdge = function (this: GraphInternals, from, to) {
    const edge = indexedEdge(this, this.getNodeIdIfNotNumber(from), this.getNodeIdIfNotNumber(to));
    if (edge === undefined) {
      own.addEdge.call(this, from, to);
      return;
    }
    const { edges, fromId, toId } = edge;
    const index = vertexIndex(this, fromId);
    if (index.has(toId)) return;
    index.set(toId, edges.length);
    edges.push(toId);
  };
  proto.existsEdge = function (this: GraphInternals, from, to) {
    const edge = indexedEdge(
      this,
      typeof from === "number" ? undefined : from.idInGraph,
      typeof to === "number" ? undefined : to.idInGraph,
    );
    if (edge === undefined) return own.existsEdge.call(this, from, to);
    return vertexIndex(this, edge.fromId).has(edge.toId);
  };
  const remove = (graph: GraphInternals, from: NodeRef, to: NodeRef, mustExist: boolean) => {
    const edge = indexedEdge(
      graph,
      graph.getNodeIdIfNotNumber(from),
      graph.getNodeIdIfNotNumber(to),
    );
    if (edge === undefined) {
      (mustExist ? own.removeEdge : own.removeEdgeIfExists).call(graph, from, to);
      return;
    }
    const { edges, fromId, toId } = edge;
    const index = vertexIndex(graph, fromId);
    const at = index.get(toId);
    if (at === undefined) {
      if (mustExist) throw new Error("Edge does not exist");
      return;
    }
    // As HyperFormula does: leave a hole (its readers skip them; fixEdgesArrayForNode packs).
    Reflect.deleteProperty(edges, at);
    index.delete(toId);
  };
  proto.removeEdge = function (this: GraphInternals, from, to) {
    remove(this, from, to, true);
  };
  proto.removeEdgeIfExists = function (this: GraphInternals, from, to) {
    remove(this, from, to, false);
  };
  proto.removeNode = function (this: GraphInternals, node) {
    const id = this.getNodeIdIfNotNumber(node);
    const result = own.removeNode.call(this, node);
    if (id !== undefined) indexes.get(this)?.delete(id);
    return result;
  };
  proto.fixEdgesArrayForNode = function (this: GraphInternals, id) {
    indexes.get(this)?.delete(id);
    return own.fixEdgesArrayForNode.call(this, id);
  };
}

/**
 * Installs the index once per process, on the Graph class HyperFormula uses (reached through a
 * throwaway engine, since the class is not exported). Returns whether it is installed.
 */
export function indexDependencyEdges(): boolean {
  if (installed !== undefined) return installed;
  const probe = HyperFormula.buildEmpty({ licenseKey: "gpl-v3" });
  try {
    const dependencyGraph: unknown = Reflect.get(probe, "dependencyGraph");
    const graph: unknown =
      typeof dependencyGraph === "object" && dependencyGraph !== null
        ? Reflect.get(dependencyGraph, "graph")
        : undefined;
    const proto: unknown = graph === undefined ? undefined : Object.getPrototypeOf(graph);
    const shaped =
      isGraphPrototype(proto) &&
      typeof graph === "object" &&
      graph !== null &&
      Array.isArray(Reflect.get(graph, "edgesSparseArray"));
    if (shaped) install(proto);
    installed = shaped;
  } finally {
    probe.destroy();
  }
  return installed;
}

/** Whether the edge index is in place (false before the first workbook, or on an unknown release). */
export function edgeIndexInstalled(): boolean {
  return installed === true;
}
