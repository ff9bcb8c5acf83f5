import { spawnSync } from 'child_process';
import { readFileSync } from 'fs';
import * as path from 'path';

/** The CLI also runs as a script (`npx tsx lib/checks/cli/main.ts`, the projen `checks` task); prove the entry guard works. */
const ROOT = path.join(__dirname, '..', '..', '..');

function spawnCli(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync('npx', ['tsx', 'lib/checks/cli/main.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    timeout: 60_000,
  });
  // npm may print its own configuration warnings; they are not ours.
  const stderr = result.stderr.split('\n').filter((line) => !/^npm (warn|notice)/i.test(line)).join('\n');
  return { status: result.status, stdout: result.stdout, stderr };
}

test('--version prints the package version and exits 0', () => {
  const { version } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  expect(spawnCli('--version')).toEqual({ status: 0, stdout: `${version}\n`, stderr: '' });
});

test('check exits 1 exactly when the JSON report has blocking findings', () => {
  const run = spawnCli('check', 'test/checks/cli/fixtures/task-definition-template.json', '--format', 'json');
  const report = JSON.parse(run.stdout);
  expect(report.findings.length).toBeGreaterThan(0);
  expect(run.status).toBe(report.summary.blocking > 0 ? 1 : 0);
});

test('unreadable input exits 2 with the file and reason, never a stack trace', () => {
  const run = spawnCli('check', 'test/checks/cli/fixtures/does-not-exist.yaml');
  expect(run).toEqual({ status: 2, stdout: '', stderr: 'hardened-ecs: test/checks/cli/fixtures/does-not-exist.yaml: no such file or directory\n' });
});
