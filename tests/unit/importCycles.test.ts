// Folders depend on each other one way. Two kinds of cycle are refused: between top-level folders
// (domain, workflows, activities, infra, api, …), and between sibling folders inside one (say
// api/contract and api/routes). Type-only imports do not count: they are gone once compiled, and
// Temporal's own style has workflows import their activities as types.
import fs from 'node:fs';
import path from 'node:path';

const root = path.join(__dirname, '..', '..');
const SKIP = new Set(['node_modules', '.git', 'generated', 'dist', 'data', 'coverage', 'test-output']);

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    if (SKIP.has(e.name) || e.name.startsWith('.')) return [];
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(p) : /\.tsx?$/.test(e.name) ? [p] : [];
  });
}

/** Relative runtime imports of every file: [importing file, imported path], both relative to the root. */
function imports(): [string, string][] {
  return sourceFiles(root).flatMap((file) => {
    const source = fs.readFileSync(file, 'utf8');
    return [...source.matchAll(/^(?:import|export)(?! type )[^;]*?from\s*'(\.[^']+)'/gms)].map(
      (m) => [path.relative(root, file), path.relative(root, path.resolve(path.dirname(file), m[1]!))] as [string, string],
    );
  });
}

/** The folders in a cycle, if any (depth-first search over the folder graph). */
function cycle(edges: Map<string, Set<string>>): string[] | undefined {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (n: string): string[] | undefined => {
    if (state.get(n) === 'done') return undefined;
    if (state.get(n) === 'open') return [...stack.slice(stack.indexOf(n)), n];
    state.set(n, 'open');
    stack.push(n);
    for (const m of edges.get(n) ?? []) {
      const found = visit(m);
      if (found) return found;
    }
    stack.pop();
    state.set(n, 'done');
    return undefined;
  };
  for (const n of edges.keys()) {
    const found = visit(n);
    if (found) return found;
  }
  return undefined;
}

function graph(pairs: [string, string][], node: (p: string) => string | undefined): Map<string, Set<string>> {
  const edges = new Map<string, Set<string>>();
  for (const [from, to] of pairs) {
    const [a, b] = [node(from), node(to)];
    if (a && b && a !== b) edges.set(a, (edges.get(a) ?? new Set()).add(b));
  }
  return edges;
}

const all = imports();
// A folder's first level: `api/routes/cases.ts` → `api/routes`; a file at the folder's root has none.
const firstLevel = (top: string) => (p: string) => {
  const parts = p.split(path.sep);
  return parts[0] === top && parts.length > 2 ? parts.slice(0, 2).join('/') : undefined;
};

test('top-level folders import each other one way', () => {
  expect(cycle(graph(all, (p) => (p.includes(path.sep) ? p.split(path.sep)[0] : undefined)))).toBeUndefined();
});

test.each([...new Set(all.map(([from]) => from.split(path.sep)[0]!))].filter((top) => top.length > 0).sort())(
  'sibling folders inside %s/ import each other one way',
  (top) => {
    expect(cycle(graph(all, firstLevel(top)))).toBeUndefined();
  },
);
