// Synthesizes the example apps (examples/<name>/app.ts) the way `cdk synth` runs them: a fresh Node process with
// CDK_OUTDIR set, so the apps need no test hooks. Examples import 'cdk-hardened-ecs'; examples/tsconfig.json maps
// that name to lib/index.ts, and tsx honours it through TSX_TSCONFIG_PATH.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
export const EXAMPLES_DIR = join(ROOT, 'examples');

/** Names of the example apps: folders of examples/ that hold an app.ts. */
export function exampleNames(): string[] {
  return readdirSync(EXAMPLES_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(EXAMPLES_DIR, d.name, 'app.ts')))
    .map((d) => d.name)
    .sort();
}

/** Runs examples/<name>/app.ts with its cloud assembly written to `outdir`; rejects with the app's stderr. */
export function synthesizeExample(name: string, outdir: string): Promise<void> {
  const tsx = join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    CDK_OUTDIR: outdir,
    TSX_TSCONFIG_PATH: join(EXAMPLES_DIR, 'tsconfig.json'),
    CDK_DISABLE_VERSION_CHECK: '1',
  };
  // jest sets NODE_ENV=test, which switches a CDK app to in-memory mode; run it as `cdk synth` does.
  delete env.NODE_ENV;
  const child = spawn(process.execPath, [tsx, join(EXAMPLES_DIR, name, 'app.ts')], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve();
      else reject(new Error(`examples/${name}/app.ts failed to synthesize (exit ${code}):\n${output.slice(-4000)}`));
    });
  });
}

/** Runs `task` over `items` with at most `limit` at a time (the machine has two cores). */
export async function inBatches<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  const queue = [...items];
  const workers = Array.from({ length: Math.min(limit, queue.length) }, async () => {
    for (let item = queue.shift(); item !== undefined; item = queue.shift()) await task(item);
  });
  await Promise.all(workers);
}
