import { sampleFinding, sampleReport } from './sample-report';
import { sarifValidator } from './sarif-schema';
import { Finding } from '../../../lib/checks/engine';
import { ReportInput } from '../../../lib/checks/report/report';
import { fingerprint, formatSarif } from '../../../lib/checks/report/sarif-format';
import { Rule, Severity } from '../../../lib/checks/rule';
import { offByDefaultRule, readOnlyRule, userRule } from '../fake-rules';

const sarifOf = (overrides: Partial<ReportInput> = {}) => JSON.parse(formatSarif(sampleReport(overrides)));
const runOf = (overrides: Partial<ReportInput> = {}) => sarifOf(overrides).runs[0];
/** The single result of a report over one hand-built finding. */
const resultOf = (finding: Partial<Finding>, overrides: Partial<ReportInput> = {}) =>
  runOf({ findings: [sampleFinding(finding)], ...overrides }).results[0];

const FAKE_RATIONALE = 'Rationale of FAKE-RO with an intrinsic display <Role.Arn> and a | pipe.';
const FAKE_FIX = 'Set `ReadonlyRootFilesystem: true` (fix for FAKE-RO).';

describe('formatSarif', () => {
  test('is valid against the official SARIF 2.1.0 schema', () => {
    const log = sarifOf();
    const validate = sarifValidator();
    expect(validate(log) ? [] : validate.errors).toEqual([]);
    expect(log.version).toBe('2.1.0');
    expect(log.$schema).toBe('https://json.schemastore.org/sarif-2.1.0.json');
  });

  test('the schema check can fail (an invalid level is rejected)', () => {
    const broken = sarifOf();
    broken.runs[0].results[0].level = 'fatal';
    expect(sarifValidator()(broken)).toBe(false);
  });

  test('is pretty-printed with two spaces and ends with a newline', () => {
    const text = formatSarif(sampleReport({ findings: [] }));
    expect(text.startsWith('{\n  "$schema": ')).toBe(true);
    expect(text.endsWith('}\n')).toBe(true);
  });

  test('the tool is described with its name, version and home page', () => {
    const run = runOf();
    expect(run.tool.driver).toMatchObject({
      name: 'hardened-ecs',
      version: '1.2.3',
      semanticVersion: '1.2.3',
      informationUri: 'https://github.com/maintainers/cdk-hardened-ecs',
    });
    expect(run.columnKind).toBe('utf16CodeUnits');
  });

  test.each([
    ['1.2.3', true],
    ['10.20.30-beta.1', true],
    ['1.20.3', true],
    ['v1.2.3', false],
    ['1.2', false],
    ['dev', false],
  ])('semantic version is given only for a semver tool version: %s', (version, isSemver) => {
    const driver = runOf({ toolVersion: version }).tool.driver;
    expect(driver.version).toBe(version);
    expect(driver.semanticVersion).toBe(isSemver ? version : undefined);
  });

  test('every rule that ran is described, with help text and control ids as tags', () => {
    const rules = runOf().tool.driver.rules;
    expect(rules.map((r: any) => r.id)).toEqual(['FAKE-RO', 'FAKE-USER']);
    const controls = ['SecurityHub:ECS.5', 'CT.ECS.PR.6', 'AWSConfig:ecs-containers-readonly-access', 'NIST.800-53.r5:AC-6', 'PCI-DSS.v3.2.1:2.2'];
    expect(rules[0]).toEqual({
      id: 'FAKE-RO',
      name: 'FakeFakeRo',
      shortDescription: { text: 'Fake rule FAKE-RO' },
      fullDescription: { text: FAKE_RATIONALE },
      help: {
        text: `${FAKE_RATIONALE}\n\nFix: ${FAKE_FIX}\n\nControls: ${controls.join(', ')}`,
        markdown: `**Fake rule FAKE-RO**\n\n${FAKE_RATIONALE}\n\n**Fix:** ${FAKE_FIX}\n\n**Controls:** ${controls.map((c) => `\`${c}\``).join(', ')}`,
      },
      defaultConfiguration: { level: 'error', enabled: true },
      properties: { 'tags': ['security', ...controls], 'security-severity': '8.0', 'precision': 'high', 'problem.severity': 'error' },
    });
    expect(rules[1].defaultConfiguration).toEqual({ level: 'warning', enabled: true });
    expect(rules[1].properties).toMatchObject({ 'security-severity': '3.0', 'problem.severity': 'warning' });
  });

  test('a rule without control mappings has no Controls section and only the security tag', () => {
    const bare: Rule = { ...userRule, id: 'BARE', name: '--no_privileged--containers2x-', compliance: {} };
    const [rule] = runOf({ rules: [bare], findings: [] }).tool.driver.rules;
    expect(rule.name).toBe('NoPrivilegedContainers2x');
    expect(rule.help).toEqual({
      text: 'Rationale of FAKE-USER with an intrinsic display <Role.Arn> and a | pipe.\n\nFix: Set `ReadonlyRootFilesystem: true` (fix for FAKE-USER).',
      markdown: '**Fake rule FAKE-USER**\n\nRationale of FAKE-USER with an intrinsic display <Role.Arn> and a | pipe.\n\n'
        + '**Fix:** Set `ReadonlyRootFilesystem: true` (fix for FAKE-USER).',
    });
    expect(rule.properties.tags).toEqual(['security']);
  });

  test('rules off by default say so', () => {
    const [rule] = runOf({ rules: [offByDefaultRule], findings: [] }).tool.driver.rules;
    expect(rule.defaultConfiguration).toEqual({ level: 'error', enabled: false });
    expect(rule.properties).toMatchObject({ 'security-severity': '9.5', 'problem.severity': 'error' });
  });

  test.each<[Severity, string, string]>([
    ['critical', '9.5', 'error'],
    ['high', '8.0', 'error'],
    ['medium', '5.5', 'error'],
    ['low', '3.0', 'warning'],
    ['info', '1.0', 'warning'],
  ])('severity %s ranks %s for code scanning, at problem severity %s', (severity, score, level) => {
    const [rule] = runOf({ rules: [{ ...readOnlyRule, severity }], findings: [] }).tool.driver.rules;
    expect(rule.properties['security-severity']).toBe(score);
    expect(rule.properties['problem.severity']).toBe(level);
    expect(rule.defaultConfiguration.level).toBe(level);
  });

  test('results: level by state, index of their rule, file and resource locations, stable fingerprints', () => {
    const run = runOf();
    const results = run.results;
    expect(results.map((r: any) => `${r.ruleId}:${r.ruleIndex}:${r.level}:${r.kind}`)).toEqual([
      'FAKE-RO:0:error:fail', 'FAKE-USER:1:warning:fail', 'FAKE-RO:0:note:fail', 'FAKE-RO:0:error:fail',
    ]);
    const first = results[0];
    expect(first.locations).toEqual([{
      physicalLocation: { artifactLocation: { uri: 'templates/task-definition-template.json' }, region: { startLine: 4 } },
      logicalLocations: [{ name: 'AppTask', fullyQualifiedName: 'AppStack/Task/Resource', kind: 'resource' }],
    }]);
    expect(first.partialFingerprints).toEqual({ 'hardenedEcsFinding/v1': fingerprint('FAKE-RO', 'templates/task-definition-template.json', 'AppTask', 'Container::web') });
    expect(new Set(results.map((r: any) => r.partialFingerprints['hardenedEcsFinding/v1'])).size).toBe(results.length);
    expect(first.properties).toEqual({
      status: 'fail', severity: 'high', resourceType: 'AWS::ECS::TaskDefinition', stack: 'AppStack', container: 'web', constructPath: 'AppStack/Task/Resource',
    });
    expect(results[2].properties).toEqual({ status: 'unverified', severity: 'high', resourceType: 'AWS::ECS::TaskDefinition', container: 'web' });
  });

  test('messages lead with the finding key and say when a value could not be verified', () => {
    expect(runOf().results.map((r: any) => r.message.text)).toEqual([
      'Container::web: Container web has a writable root file system.',
      'Container::sidecar: Container sidecar sets no User.',
      'Container::web: ReadonlyRootFilesystem is <ImportValue:shared-readonly-setting>. (could not be verified)',
      'Container::web: Container web has a writable root file system.',
    ]);
    expect(resultOf({ key: '', message: 'Resource-level problem.' }).message.text).toBe('Resource-level problem.');
  });

  test('unverified results are notes whatever their severity; failures keep their level', () => {
    expect(resultOf({ status: 'unverified', severity: 'critical' }).level).toBe('note');
    expect(resultOf({ severity: 'info' }).level).toBe('warning');
    expect(resultOf({ severity: 'medium' }).level).toBe('error');
  });

  test('a finding without a file points at "template"; the logical name includes the stack when there is no construct path', () => {
    const result = resultOf({ source: { stack: 'Shop' } });
    expect(result.locations[0]).toEqual({
      physicalLocation: { artifactLocation: { uri: 'template' }, region: { startLine: 4 } },
      logicalLocations: [{ name: 'WebTask', fullyQualifiedName: 'Shop/WebTask', kind: 'resource' }],
    });
    expect(result.partialFingerprints['hardenedEcsFinding/v1']).toBe(fingerprint('FAKE-RO', 'template', 'WebTask', 'Container::web'));
    expect(result.properties).toEqual({ status: 'fail', severity: 'high', resourceType: 'AWS::ECS::TaskDefinition', stack: 'Shop', container: 'web' });
  });

  test('without stack or construct path the logical name is the logical id; no container, no container property', () => {
    const result = resultOf({ container: undefined, source: { file: 'a.json' } });
    expect(result.locations[0].logicalLocations).toEqual([{ name: 'WebTask', fullyQualifiedName: 'WebTask', kind: 'resource' }]);
    expect(result.properties).toEqual({ status: 'fail', severity: 'high', resourceType: 'AWS::ECS::TaskDefinition' });
  });

  test('file paths are percent-encoded per segment, keeping the separators', () => {
    const result = resultOf({ source: { file: 'my templates/a b#1?.json' } });
    expect(result.locations[0].physicalLocation.artifactLocation.uri).toBe('my%20templates/a%20b%231%3F.json');
    // The fingerprint uses the path as written, so encoding changes never re-open alerts.
    expect(result.partialFingerprints['hardenedEcsFinding/v1']).toBe(fingerprint('FAKE-RO', 'my templates/a b#1?.json', 'WebTask', 'Container::web'));
  });

  test('a finding of a rule that is not in the run has no rule index', () => {
    const result = resultOf({ ruleId: 'OTHER' }, { rules: [readOnlyRule] });
    expect(result.ruleId).toBe('OTHER');
    expect('ruleIndex' in result).toBe(false);
  });

  test('acknowledged findings are suppressed with their reason; others are not', () => {
    const run = runOf();
    expect(run.results.map((r: any) => 'suppressions' in r)).toEqual([false, false, false, true]);
    expect(run.results[3].suppressions).toEqual([{ kind: 'inSource', status: 'accepted', justification: 'Legacy image writes to /app/cache; ticket SEC-123' }]);
    expect(run.results[3].properties.status).toBe('acknowledged');
  });

  test('the fingerprint ignores line numbers', () => {
    const moved = runOf({ lineOf: () => 99 });
    expect(moved.results[0].locations[0].physicalLocation.region).toEqual({ startLine: 99 });
    expect(moved.results.map((r: any) => r.partialFingerprints)).toEqual(runOf().results.map((r: any) => r.partialFingerprints));
  });
});

describe('fingerprint', () => {
  test('is a sha-256 hex digest that keeps the parts apart', () => {
    const print = fingerprint('R', 'f.json', 'Res', 'Container::web');
    expect(print).toMatch(/^[0-9a-f]{64}$/);
    expect(fingerprint('R', 'f.json', 'Res', 'Container::web')).toBe(print);
    expect(fingerprint('Rf', '.json', 'Res', 'Container::web')).not.toBe(print);
    expect(fingerprint('R', 'f.json', 'Res', '')).not.toBe(fingerprint('R', 'f.json', '', 'Res'));
  });
});
