import { sampleReport } from './sample-report';
import { sarifValidator } from './sarif-schema';
import { fingerprint, formatSarif } from '../../../lib/checks/report/sarif-format';

describe('formatSarif', () => {
  const report = sampleReport();
  const log = JSON.parse(formatSarif(report));
  const run = log.runs[0];

  test('is valid against the official SARIF 2.1.0 schema', () => {
    const validate = sarifValidator();
    expect(validate(log) ? [] : validate.errors).toEqual([]);
    expect(log.version).toBe('2.1.0');
  });

  test('the schema check can fail (an invalid level is rejected)', () => {
    const broken = JSON.parse(formatSarif(report));
    broken.runs[0].results[0].level = 'fatal';
    expect(sarifValidator()(broken)).toBe(false);
  });

  test('every rule that ran is described, with help text and control ids as tags', () => {
    expect(run.tool.driver.name).toBe('hardened-ecs');
    expect(run.tool.driver.version).toBe('1.2.3');
    expect(run.tool.driver.rules.map((r: any) => r.id)).toEqual(['FAKE-RO', 'FAKE-USER']);
    const rule = run.tool.driver.rules[0];
    expect(rule.help.text).toContain('Fix: Set `ReadonlyRootFilesystem: true`');
    expect(rule.properties.tags).toEqual(['security', 'SecurityHub:ECS.5', 'CT.ECS.PR.6', 'AWSConfig:ecs-containers-readonly-access', 'NIST.800-53.r5:AC-6', 'PCI-DSS.v3.2.1:2.2']);
    expect(rule.properties['security-severity']).toBe('8.0');
    expect(rule.defaultConfiguration.level).toBe('error');
  });

  test('results: level by state, file and resource locations, stable fingerprints', () => {
    const results = run.results;
    expect(results.map((r: any) => `${r.ruleId}:${r.level}`)).toEqual(['FAKE-RO:error', 'FAKE-USER:warning', 'FAKE-RO:note', 'FAKE-RO:error']);
    for (const result of results) expect(run.tool.driver.rules[result.ruleIndex].id).toBe(result.ruleId);
    const first = results[0];
    expect(first.locations[0].physicalLocation).toEqual({ artifactLocation: { uri: 'templates/task-definition-template.json' }, region: { startLine: 4 } });
    expect(first.locations[0].logicalLocations).toEqual([{ name: 'AppTask', fullyQualifiedName: 'AppStack/Task/Resource', kind: 'resource' }]);
    expect(first.partialFingerprints).toEqual({ 'hardenedEcsFinding/v1': fingerprint('FAKE-RO', 'templates/task-definition-template.json', 'AppTask', 'Container::web') });
    expect(new Set(results.map((r: any) => r.partialFingerprints['hardenedEcsFinding/v1'])).size).toBe(results.length);
  });

  test('acknowledged findings are suppressed with their reason; the fingerprint ignores line numbers', () => {
    const acknowledged = run.results.find((r: any) => r.suppressions);
    expect(acknowledged.suppressions).toEqual([{ kind: 'inSource', status: 'accepted', justification: 'Legacy image writes to /app/cache; ticket SEC-123' }]);
    const moved = JSON.parse(formatSarif(sampleReport({ lineOf: () => 99 })));
    expect(moved.runs[0].results.map((r: any) => r.partialFingerprints)).toEqual(run.results.map((r: any) => r.partialFingerprints));
  });
});
