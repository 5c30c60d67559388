// Everything inside the workflow bundle is pinned to one exact version: an upgrade of a package the
// workflows run (say, the lunar calendar behind Spring Festival) could change timer durations and
// break the replay of running cases, so it must be a deliberate change of package.json, made with
// patched() where it changes an answer, never a side effect of `npm install`.
import fs from 'node:fs';
import path from 'node:path';

const root = path.join(__dirname, '..', '..');
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };

/** The packages that workflow code (workflows/ and the domain/ code it runs) imports at run time. */
function bundledPackages(): string[] {
  const found = new Set<string>();
  for (const dir of ['workflows', 'domain']) {
    for (const file of fs.readdirSync(path.join(root, dir), { recursive: true, encoding: 'utf8' })) {
      if (!file.endsWith('.ts')) continue;
      const source = fs.readFileSync(path.join(root, dir, file), 'utf8');
      for (const m of source.matchAll(/^import (?!type )[^;]*?from '([^.'][^']*)'/gms)) {
        const spec = m[1]!;
        found.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!);
      }
    }
  }
  return [...found].sort();
}

test('the workflow bundle imports packages', () => {
  expect(bundledPackages()).toEqual(expect.arrayContaining(['@temporalio/workflow', 'lunar-typescript']));
});

test.each(bundledPackages())('%s is pinned to an exact version', (pkg) => {
  expect(manifest.dependencies[pkg]).toMatch(/^\d+\.\d+\.\d+$/);
});
