import { mkdtempSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { CLI_FIXTURES, runCli } from './run-cli';
import { ALL_RULES } from '../../../lib/checks/catalogue';
import { Rule } from '../../../lib/checks/rule';
import { readOnlyRule } from '../fake-rules';

const INPUT_FIXTURES = path.join(__dirname, '..', 'input', 'fixtures');
const json = (stdout: string) => JSON.parse(stdout);

describe('hardened-ecs check: exit codes', () => {
  test('0 when nothing fails', async () => {
    const run = await runCli(['check', 'clean-template.yaml']);
    expect(run).toEqual({ code: 0, stdout: 'No findings. 1 template, 1 resource checked by 3 rules.\n', stderr: '' });
  });

  test('1 when a finding is at or above the default threshold (error: medium and worse)', async () => {
    const run = await runCli(['check', 'task-definition-template.json']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('FAIL Container::web: Container web has a writable root file system.');
    expect(run.stderr).toBe('');
  });

  test('--fail-on moves the threshold', async () => {
    expect((await runCli(['check', 'task-definition-template.json', '--fail-on', 'critical'])).code).toBe(0);
    expect((await runCli(['check', 'task-definition-template.json', '--fail-on=high'])).code).toBe(1);
    // FAKE-USER is low: below "error", at "warning" and "low".
    expect((await runCli(['check', 'task-definition-template.json', '--rules', 'FAKE-USER'])).code).toBe(0);
    expect((await runCli(['check', 'task-definition-template.json', '--rules', 'FAKE-USER', '--fail-on', 'warning'])).code).toBe(1);
    expect((await runCli(['check', 'task-definition-template.json', '--rules', 'FAKE-USER', '--fail-on', 'low'])).code).toBe(1);
    expect((await runCli(['check', 'task-definition-template.json', '--rules', 'FAKE-USER', '--fail-on', 'medium'])).code).toBe(0);
  });

  test('unverified findings are reported but fail only with --fail-on-unverified', async () => {
    const run = await runCli(['check', 'unverified-template.yaml']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('UNVERIFIED (below threshold) Container::web: ReadonlyRootFilesystem is <ImportValue:shared-readonly-setting>.');
    expect((await runCli(['check', 'unverified-template.yaml', '--fail-on-unverified'])).code).toBe(1);
  });

  test('acknowledged findings are shown with their reason and do not fail; --no-acknowledgments ignores them', async () => {
    const run = await runCli(['check', 'acknowledged-template.json']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('ACKNOWLEDGED Container::web: Container web has a writable root file system. Reason: Legacy image writes to /app/cache; ticket SEC-123');
    const strict = await runCli(['check', 'acknowledged-template.json', '--no-acknowledgments', '--format', 'json']);
    expect(strict.code).toBe(1);
    expect(json(strict.stdout).findings.map((f: any) => f.status)).toEqual(['fail']);
  });
});

describe('hardened-ecs check: rule selection and options', () => {
  test('off-by-default rules run only when included or named', async () => {
    const ids = async (...args: string[]) => json((await runCli(['check', 'clean-template.yaml', '--format', 'json', ...args])).stdout).findings.map((f: any) => f.ruleId);
    expect(await ids()).toEqual([]);
    expect(await ids('--include', 'FAKE-OFF')).toEqual(['FAKE-OFF']);
    expect(await ids('--rules', 'fake-off')).toEqual(['FAKE-OFF']);
    expect(await ids('--include', 'FAKE-OFF', '--exclude', 'FAKE-OFF')).toEqual([]);
    expect(await ids('--include', 'FAKE-OFF', '--min-severity', 'high')).toEqual(['FAKE-OFF']);
  });

  test('--min-severity drops milder rules', async () => {
    const run = await runCli(['check', 'task-definition-template.json', '--format', 'json', '--min-severity', 'high']);
    expect(json(run.stdout).findings.map((f: any) => f.ruleId)).toEqual(['FAKE-RO']);
  });

  test('check options reach the rules', async () => {
    const seen: unknown[] = [];
    const spy: Rule = { ...readOnlyRule, id: 'SPY', evaluate: (_p, context) => (seen.push(context.options), []) };
    await runCli([
      'check', 'clean-template.yaml', '--min-log-retention-days', '30', '--require-execution-role-trust-conditions',
      '--allowed-registries', 'public.ecr.aws', '--credential-names', 'LEGACY_DB_PASS', '--required-tags', 'team',
      '--fargate-task-memory-counts-as-limit',
    ], { catalogue: [spy] });
    expect(seen[0]).toMatchObject({
      minLogRetentionDays: 30,
      requireExecutionRoleTrustConditions: true,
      allowedRegistries: ['public.ecr.aws'],
      extraCredentialNames: ['LEGACY_DB_PASS'],
      requiredTags: ['team'],
      fargateTaskMemoryCountsAsLimit: true,
    });
    seen.length = 0;
    await runCli(['check', 'clean-template.yaml'], { catalogue: [spy] });
    expect(seen[0]).toMatchObject({
      minLogRetentionDays: 365,
      requireExecutionRoleTrustConditions: false,
      allowedRegistries: [],
      extraCredentialNames: [],
      requiredTags: [],
      fargateTaskMemoryCountsAsLimit: false,
    });
  });

  test('the same file named twice is checked once', async () => {
    const run = await runCli(['check', 'task-definition-template.json', './task-definition-template.json', '--format', 'json']);
    expect(json(run.stdout).summary.templates).toBe(1);
  });
});

describe('hardened-ecs check: inputs', () => {
  test('YAML short forms give the same findings as the JSON long form (real catalogue)', async () => {
    const findingsOf = async (file: string) =>
      json((await runCli(['check', file, '--format', 'json', '--fail-on', 'warning'], { cwd: INPUT_FIXTURES, catalogue: null })).stdout)
        .findings.map(({ file: _file, line: _line, ...rest }: any) => rest);
    const fromYaml = await findingsOf('short-form.yaml');
    expect(fromYaml.length).toBeGreaterThan(0);
    expect(fromYaml).toEqual(await findingsOf('long-form.json'));
  });

  test('describe-task-definition output: resource is the family, stack the family:revision', async () => {
    const run = await runCli(['check', 'describe-writable.json', '--format', 'json']);
    expect(run.code).toBe(1);
    expect(json(run.stdout).findings).toEqual([
      expect.objectContaining({ ruleId: 'FAKE-RO', file: 'describe-writable.json', stack: 'billing-api:42', resource: 'billing-api', resourceType: 'AWS::ECS::TaskDefinition', container: 'api', key: 'Container::api' }),
    ]);
  });

  test('a cloud assembly: findings carry stack and construct path', async () => {
    const run = await runCli(['check', 'cdk.out', '--format', 'json'], { cwd: INPUT_FIXTURES });
    expect(run.code).toBe(1);
    const findings = json(run.stdout).findings;
    expect(findings).toEqual(expect.arrayContaining([
      expect.objectContaining({ ruleId: 'FAKE-RO', stack: 'TopStack', file: 'cdk.out/TopStack.template.json', constructPath: 'TopStack/TaskDef/Resource', container: 'web' }),
      expect.objectContaining({ ruleId: 'FAKE-RO', stack: 'Prod-Inner', constructPath: 'Prod/Inner/InnerTaskDef/Resource', container: 'worker' }),
      expect.objectContaining({ ruleId: 'FAKE-RO', stack: 'TopStack/TopStackJobs02F64A23', constructPath: 'TopStack/Jobs/JobTaskDef/Resource', container: 'job' }),
    ]));
  });
});

describe('hardened-ecs check: output', () => {
  test('every format renders the same findings', async () => {
    const args = ['check', 'task-definition-template.json', 'acknowledged-template.json'];
    const text = await runCli([...args]);
    const asJson = await runCli([...args, '--format', 'json']);
    const sarif = await runCli([...args, '--format', 'sarif']);
    const markdown = await runCli([...args, '--format', 'markdown']);
    for (const run of [text, asJson, sarif, markdown]) expect(run.code).toBe(1);
    expect(json(asJson.stdout).findings).toHaveLength(3);
    expect(json(sarif.stdout).runs[0].results).toHaveLength(3);
    expect(markdown.stdout).toContain('| **total** | **2** | **0** | **1** |');
    expect(text.stdout).toContain('Summary: 2 failed, 0 unverified, 1 acknowledged; 1 at or above --fail-on error.');
  });

  test('colour only on a TTY without NO_COLOR, and never in machine formats', async () => {
    const args = ['check', 'task-definition-template.json'];
    expect((await runCli(args, { isTTY: true })).stdout).toContain('\u001b[31m');
    expect((await runCli(args, { isTTY: true, env: { NO_COLOR: '1' } })).stdout).not.toContain('\u001b[');
    expect((await runCli(args, { isTTY: false })).stdout).not.toContain('\u001b[');
    expect((await runCli([...args, '--format', 'json'], { isTTY: true })).stdout).not.toContain('\u001b[');
  });

  test('--output writes the report to a file and a one-line summary to stderr', async () => {
    const work = mkdtempSync(path.join(tmpdir(), 'hardened-ecs-out-'));
    try {
      const run = await runCli(['check', path.join(CLI_FIXTURES, 'task-definition-template.json'), '--format', 'sarif', '--output', 'reports/out.sarif'], { cwd: work, isTTY: true });
      expect(run.code).toBe(1);
      expect(run.stdout).toBe('');
      expect(run.stderr).toBe('hardened-ecs: wrote sarif report to reports/out.sarif: 2 failed, 0 unverified, 0 acknowledged; 1 at or above --fail-on error\n');
      expect(JSON.parse(readFileSync(path.join(work, 'reports', 'out.sarif'), 'utf8')).version).toBe('2.1.0');
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});

describe('hardened-ecs rules, --help, --version', () => {
  test('rules in each format', async () => {
    expect((await runCli(['rules'])).stdout.split('\n')[1]).toBe('FAKE-RO    high      on   Fake rule FAKE-RO');
    expect(json((await runCli(['rules', '--format', 'json'])).stdout).map((r: any) => r.id)).toEqual(['FAKE-RO', 'FAKE-USER', 'FAKE-OFF', 'FAKE-LEAK']);
    expect((await runCli(['rules', '--format', 'markdown'])).stdout).toContain('## FAKE-LEAK fake-fake-leak');
  });

  test('the real catalogue lists every rule', async () => {
    const listed = json((await runCli(['rules', '--format', 'json'], { catalogue: null })).stdout);
    expect(listed.map((r: any) => r.id)).toEqual(ALL_RULES.map((r) => r.id));
  });

  test('--help and --version', async () => {
    const help = await runCli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage:\n {2}hardened-ecs check <path>\.\.\. \[options\]/);
    const version = await runCli(['--version']);
    const pkg = JSON.parse(readFileSync(path.join(__dirname, '..', '..', '..', 'package.json'), 'utf8'));
    expect(version).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
  });
});
