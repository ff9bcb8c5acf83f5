#!/usr/bin/env node
// Synthesizes every example app with the real cdk CLI into examples/cdk.out/<name>/, then runs the
// hardened-ecs checker over each cloud assembly and prints where the templates are.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const examplesDir = join(root, 'examples');
const only = process.argv.slice(2);
const names = readdirSync(examplesDir, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(examplesDir, d.name, 'app.ts')))
  .map((d) => d.name)
  .filter((name) => only.length === 0 || only.includes(name))
  .sort();

if (names.length === 0) {
  console.error(`synth:examples: no example apps found under ${relative(process.cwd(), examplesDir)}/<name>/app.ts`);
  process.exit(2);
}

// Examples import 'cdk-hardened-ecs'; this tsconfig maps it to the library sources.
const env = { ...process.env, TSX_TSCONFIG_PATH: join(examplesDir, 'tsconfig.json'), CDK_DISABLE_VERSION_CHECK: '1' };
const cdk = join(root, 'node_modules', '.bin', 'cdk');
const checker = ['tsx', join(root, 'lib', 'checks', 'cli', 'main.ts')];
const results = [];

for (const name of names) {
  const out = join(examplesDir, 'cdk.out', name);
  rmSync(out, { recursive: true, force: true });
  console.log(`\n▶ cdk synth ${name}`);
  const synth = spawnSync(cdk, ['synth', '--quiet', '--app', `npx tsx ${join('examples', name, 'app.ts')}`, '--output', out], {
    cwd: root,
    env,
    stdio: 'inherit',
  });
  if (synth.status !== 0) {
    results.push({ name, out, synth: 'FAILED', check: '-' });
    continue;
  }
  console.log(`▶ hardened-ecs check ${relative(root, out)}`);
  const check = spawnSync('npx', [...checker, 'check', out], { cwd: root, env, stdio: 'inherit' });
  results.push({ name, out, synth: 'ok', check: check.status === 0 ? 'no findings' : check.status === 1 ? 'FINDINGS' : 'ERROR' });
}

console.log('\nExample cloud assemblies (templates are the *.template.json files):');
for (const r of results) console.log(`  ${r.name.padEnd(24)} synth: ${r.synth.padEnd(7)} checks: ${r.check.padEnd(12)} ${relative(process.cwd(), r.out)}/`);
process.exit(results.every((r) => r.synth === 'ok' && r.check === 'no findings') ? 0 : 1);
