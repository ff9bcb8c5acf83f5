import { sampleFinding, sampleReport } from './sample-report';
import { buildReport, controlIds, FAIL_THRESHOLDS, meetsThreshold, ReportInput } from '../../../lib/checks/report/report';
import { readOnlyRule, userRule } from '../fake-rules';

/** A report over hand-built findings, with every input spelled out. */
function reportOf(overrides: Partial<ReportInput>) {
  return buildReport({
    findings: [],
    rules: [readOnlyRule],
    templates: 1,
    resources: 1,
    failOn: 'error',
    failOnUnverified: false,
    honourAcknowledgments: true,
    toolVersion: '0.0.1',
    ...overrides,
  });
}

describe('buildReport', () => {
  test('states: fail, unverified, acknowledged; only failures at or above --fail-on block', () => {
    const report = sampleReport();
    const byKey = (state: string) => report.findings.filter((f) => f.state === state).map((f) => `${f.finding.ruleId} ${f.finding.resource.logicalId} ${f.finding.key} ${f.blocking}`);
    expect(byKey('fail')).toEqual(['FAKE-RO AppTask Container::web true', 'FAKE-USER AppTask Container::sidecar false']);
    expect(byKey('unverified')).toEqual(['FAKE-RO ParamTask Container::web false']);
    expect(byKey('acknowledged')).toEqual(['FAKE-RO AckTask Container::web false']);
    expect(report.findings.map((f) => f.level)).toEqual(['error', 'warning', 'error', 'error']);
    expect(report.summary).toEqual({
      failed: 2,
      unverified: 1,
      acknowledged: 1,
      blocking: 1,
      bySeverity: { critical: 0, high: 1, medium: 0, low: 1, info: 0 },
      templates: 3,
      resources: 3,
      rules: 2,
    });
  });

  test('the report carries the rules that ran, the thresholds and the tool version', () => {
    const report = sampleReport({ failOn: 'low', failOnUnverified: true, toolVersion: '9.8.7', rules: [userRule] });
    expect(report.rules).toEqual([userRule]);
    expect(report.failOn).toBe('low');
    expect(report.failOnUnverified).toBe(true);
    expect(report.toolVersion).toBe('9.8.7');
    expect(report.summary.rules).toBe(1);
  });

  test('--fail-on-unverified makes unverified findings block; --no-acknowledgments turns acknowledged ones into failures', () => {
    const strict = sampleReport({ failOnUnverified: true });
    expect(strict.summary.blocking).toBe(2);
    expect(strict.findings.map((f) => f.blocking)).toEqual([true, false, true, false]);
    const ignoring = sampleReport({ honourAcknowledgments: false });
    expect(ignoring.summary).toMatchObject({ failed: 3, acknowledged: 0, blocking: 2, bySeverity: { high: 2, low: 1 } });
    expect(ignoring.findings[3]).toMatchObject({ state: 'fail', blocking: true });
    expect(ignoring.findings[3].finding.acknowledged).toBeUndefined();
  });

  test('acknowledged findings never block, even with --fail-on-unverified and --fail-on warning', () => {
    const report = sampleReport({ failOnUnverified: true, failOn: 'warning' });
    expect(report.findings.map((f) => `${f.state} ${f.blocking}`)).toEqual(['fail true', 'fail true', 'unverified true', 'acknowledged false']);
    expect(report.summary.blocking).toBe(3);
  });

  test('unverified and acknowledged findings are not counted by severity', () => {
    const report = reportOf({
      findings: [
        sampleFinding({ severity: 'critical', status: 'unverified' }),
        sampleFinding({ severity: 'medium', acknowledged: { reason: 'accepted risk' } }),
        sampleFinding({ severity: 'info' }),
      ],
    });
    expect(report.summary.bySeverity).toEqual({ critical: 0, high: 0, medium: 0, low: 0, info: 1 });
    expect(report.summary).toMatchObject({ failed: 1, unverified: 1, acknowledged: 1, blocking: 0, templates: 1, resources: 1, rules: 1 });
  });

  test('thresholds: levels and severities', () => {
    expect(FAIL_THRESHOLDS).toEqual(['error', 'warning', 'critical', 'high', 'medium', 'low', 'info']);
    expect(meetsThreshold('medium', 'error')).toBe(true);
    expect(meetsThreshold('low', 'error')).toBe(false);
    expect(meetsThreshold('info', 'warning')).toBe(true);
    expect(meetsThreshold('high', 'critical')).toBe(false);
    expect(meetsThreshold('critical', 'high')).toBe(true);
    expect(meetsThreshold('low', 'low')).toBe(true);
    expect(sampleReport({ failOn: 'warning' }).summary.blocking).toBe(2);
    expect(sampleReport({ failOn: 'critical' }).summary.blocking).toBe(0);
  });

  test('construct path is reported only when the template came with one', () => {
    const report = sampleReport();
    expect(report.findings.find((f) => f.finding.resource.logicalId === 'AppTask')?.constructPath).toBe('AppStack/Task/Resource');
    expect(report.findings.find((f) => f.finding.resource.logicalId === 'ParamTask')?.constructPath).toBeUndefined();
  });

  test('lines come from lineOf, asked with the unredacted file and logical id; line 1 without an answer', () => {
    const asked: Array<[string | undefined, string]> = [];
    const lineOf = (file: string | undefined, logicalId: string) => {
      asked.push([file, logicalId]);
      return logicalId === 'Known' ? 17 : undefined;
    };
    const secretFile = 'templates/AKIAZ7QXW2M4T9VB3KLP.json';
    const report = reportOf({
      findings: [sampleFinding({ resource: { logicalId: 'Known', type: 'T', name: 'Known' } }), sampleFinding({ source: { file: secretFile } })],
      lineOf,
    });
    expect(report.findings.map((f) => f.line)).toEqual([17, 1]);
    expect(asked).toEqual([['web.json', 'Known'], [secretFile, 'WebTask']]);
    expect(report.findings[1].finding.source.file).toBe('[REDACTED credential-shaped value]');
    expect(reportOf({ findings: [sampleFinding()] }).findings[0].line).toBe(1);
  });

  test('every finding is redacted, whatever the rule put in it', () => {
    const report = reportOf({ findings: [sampleFinding({ message: 'Leaks AWS_SECRET_ACCESS_KEY=abc and AKIAZ7QXW2M4T9VB3KLP' })] });
    expect(report.findings[0].finding.message).toBe(
      'Leaks AWS_SECRET_ACCESS_KEY=[REDACTED value of AWS_SECRET_ACCESS_KEY] and [REDACTED credential-shaped value]',
    );
  });
});

describe('controlIds', () => {
  test('control ids are prefixed by framework', () => {
    expect(controlIds({ securityHub: ['ECS.5'], controlTower: ['CT.ECS.PR.6'], configRules: ['r'], nist80053: ['AC-6'], pciDss: ['2.2'] })).toEqual([
      'SecurityHub:ECS.5', 'CT.ECS.PR.6', 'AWSConfig:r', 'NIST.800-53.r5:AC-6', 'PCI-DSS.v3.2.1:2.2',
    ]);
  });

  test('frameworks a rule does not map to contribute nothing; related checkers are not controls', () => {
    expect(controlIds({})).toEqual([]);
    expect(controlIds({ related: ['CKV_AWS_97'] })).toEqual([]);
    expect(controlIds({ nist80053: ['SC-7'] })).toEqual(['NIST.800-53.r5:SC-7']);
  });
});
