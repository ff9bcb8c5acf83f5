import { runCli } from './run-cli';
import { parseArguments, UsageError } from '../../../lib/checks/cli/arguments';

describe('parseArguments', () => {
  test('defaults for check', () => {
    expect(parseArguments(['check', 'cdk.out'])).toEqual({
      command: 'check',
      paths: ['cdk.out'],
      format: 'text',
      output: undefined,
      failOn: 'error',
      failOnUnverified: false,
      ruleIds: undefined,
      includeRuleIds: undefined,
      excludeRuleIds: undefined,
      minSeverity: undefined,
      minLogRetentionDays: undefined,
      requireExecutionRoleTrustConditions: false,
      allowedRegistries: undefined,
      extraCredentialNames: undefined,
      requiredTags: undefined,
      fargateTaskMemoryCountsAsLimit: false,
      acknowledgments: true,
    });
  });

  test('every option, in both --flag value and --flag=value forms, paths anywhere and after --', () => {
    expect(parseArguments([
      'check', 'a.yaml', '--format=sarif', '--output', 'r.sarif', '--fail-on', 'warning', '--fail-on-unverified', 'b.json',
      '--rules', 'TD-01, TD-02', '--include=IAM-09', '--exclude', 'LOG-01', '--min-severity', 'HIGH', '--min-log-retention-days', '90',
      '--require-execution-role-trust-conditions', '--allowed-registries', '*.dkr.ecr.eu-west-1.amazonaws.com, public.ecr.aws',
      '--credential-names=LEGACY_DB_PASS', '--required-tags', 'team,cost-center', '--fargate-task-memory-counts-as-limit',
      '--no-acknowledgments', '--', '--odd-file-name.json',
    ])).toEqual({
      command: 'check',
      paths: ['a.yaml', 'b.json', '--odd-file-name.json'],
      format: 'sarif',
      output: 'r.sarif',
      failOn: 'warning',
      failOnUnverified: true,
      ruleIds: ['TD-01', 'TD-02'],
      includeRuleIds: ['IAM-09'],
      excludeRuleIds: ['LOG-01'],
      minSeverity: 'high',
      minLogRetentionDays: 90,
      requireExecutionRoleTrustConditions: true,
      allowedRegistries: ['*.dkr.ecr.eu-west-1.amazonaws.com', 'public.ecr.aws'],
      extraCredentialNames: ['LEGACY_DB_PASS'],
      requiredTags: ['team', 'cost-center'],
      fargateTaskMemoryCountsAsLimit: true,
      acknowledgments: false,
    });
  });

  test('rules, help and version', () => {
    expect(parseArguments(['rules', '--format', 'markdown'])).toEqual({ command: 'rules', format: 'markdown', output: undefined });
    expect(parseArguments(['--help'])).toEqual({ command: 'help' });
    expect(parseArguments(['check', 'x', '-h'])).toEqual({ command: 'help' });
    expect(parseArguments(['--version'])).toEqual({ command: 'version' });
  });

  test('help and version also as commands, and as flags anywhere', () => {
    expect(parseArguments(['help'])).toEqual({ command: 'help' });
    expect(parseArguments(['rules', '--help'])).toEqual({ command: 'help' });
    expect(parseArguments(['version'])).toEqual({ command: 'version' });
    expect(parseArguments(['check', 'x', '--version'])).toEqual({ command: 'version' });
  });

  test('rules defaults to text on stdout, and takes --output', () => {
    expect(parseArguments(['rules'])).toEqual({ command: 'rules', format: 'text', output: undefined });
    expect(parseArguments(['rules', '--output=rules.json', '--format', 'JSON'])).toEqual({ command: 'rules', format: 'json', output: 'rules.json' });
  });

  test('a lone - is a path, and --flag=value may start with --', () => {
    expect(parseArguments(['check', '-', '--output=--report.txt'])).toMatchObject({ paths: ['-'], output: '--report.txt' });
  });

  test('an option list with no entries names what it needs', () => {
    expect(() => parseArguments(['check', 'x', '--allowed-registries', ' , '])).toThrow('--allowed-registries needs a comma-separated list of registry hosts');
    expect(() => parseArguments(['check', 'x', '--credential-names=,'])).toThrow('--credential-names needs a comma-separated list of environment variable names');
    expect(() => parseArguments(['check', 'x', '--required-tags', ','])).toThrow('--required-tags needs a comma-separated list of tag keys');
  });

  test('one day is the smallest log retention', () => {
    expect(parseArguments(['check', 'x', '--min-log-retention-days', '1'])).toMatchObject({ minLogRetentionDays: 1 });
  });

  test.each([
    [[], 'no command; use \'check <path>...\' or \'rules\''],
    [['scan', 'x'], "unknown command 'scan'; use 'check' or 'rules'"],
    [['check'], "'check' needs at least one path (a cdk.out directory, a template or a task definition file)"],
    [['check', 'x', '--colour'], "unknown option '--colour' for 'check'"],
    [['check', 'x', '--format', 'html'], "--format must be one of text, json, sarif, markdown (got 'html')"],
    [['check', 'x', '--format'], "option '--format' needs a value"],
    [['check', 'x', '--output', '--format', 'json'], "option '--output' needs a value"],
    [['check', 'x', '--fail-on', 'severe'], "--fail-on must be one of error, warning, critical, high, medium, low, info (got 'severe')"],
    [['check', 'x', '--min-severity', 'error'], "--min-severity must be one of critical, high, medium, low, info (got 'error')"],
    [['check', 'x', '--min-log-retention-days', '0'], "--min-log-retention-days must be a whole number of days, at least 1 (got '0')"],
    [['check', 'x', '--min-log-retention-days', '1.5'], "--min-log-retention-days must be a whole number of days, at least 1 (got '1.5')"],
    [['check', 'x', '--rules', ','], '--rules needs a comma-separated list of rule ids'],
    [['check', 'x', '--include', ' , '], '--include needs a comma-separated list of rule ids'],
    [['check', 'x', '--exclude=,'], '--exclude needs a comma-separated list of rule ids'],
    [['check', 'x', '--output='], "option '--output' needs a value"],
    [['check', 'x', '--format='], "option '--format' needs a value"],
    [['check', 'x', '--output', '--', 'y'], "option '--output' needs a value"],
    [['check', 'x', '--fail-on-unverified=yes'], "option '--fail-on-unverified' takes no value"],
    [['check', 'x', '--format', 'json', '--format', 'text'], "option '--format' given twice"],
    [['rules', 'x'], "'rules' takes no paths (got 'x')"],
    [['rules', '--format', 'sarif'], "--format must be one of text, json, markdown (got 'sarif')"],
  ])('%j is refused', (argv, message) => {
    expect(() => parseArguments(argv)).toThrow(new UsageError(message));
  });
});

describe('bad usage exits 2 with a pointer to --help', () => {
  test('unknown option', async () => {
    expect(await runCli(['check', 'clean-template.yaml', '--colour'])).toEqual({
      code: 2,
      stdout: '',
      stderr: "hardened-ecs: unknown option '--colour' for 'check'\nRun 'hardened-ecs --help' for usage.\n",
    });
  });

  test('no arguments at all', async () => {
    const run = await runCli([]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("Run 'hardened-ecs --help' for usage.");
  });

  test('unknown rule id names the known ones', async () => {
    const run = await runCli(['check', 'clean-template.yaml', '--exclude', 'TD-999']);
    expect(run).toEqual({
      code: 2,
      stdout: '',
      stderr: "hardened-ecs: Unknown rule id 'TD-999'. Known ids: FAKE-RO, FAKE-USER, FAKE-OFF, FAKE-LEAK.\nRun 'hardened-ecs rules' to list them.\n",
    });
  });
});
