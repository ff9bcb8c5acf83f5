import { sampleReport } from './sample-report';
import { controlIds, meetsThreshold } from '../../../lib/checks/report/report';

describe('buildReport', () => {
  test('states: fail, unverified, acknowledged; only failures at or above --fail-on block', () => {
    const report = sampleReport();
    const byKey = (state: string) => report.findings.filter((f) => f.state === state).map((f) => `${f.finding.ruleId} ${f.finding.resource.logicalId} ${f.finding.key} ${f.blocking}`);
    expect(byKey('fail')).toEqual(['FAKE-RO AppTask Container::web true', 'FAKE-USER AppTask Container::sidecar false']);
    expect(byKey('unverified')).toEqual(['FAKE-RO ParamTask Container::web false']);
    expect(byKey('acknowledged')).toEqual(['FAKE-RO AckTask Container::web false']);
    expect(report.summary).toMatchObject({ failed: 2, unverified: 1, acknowledged: 1, blocking: 1, bySeverity: { high: 1, low: 1, critical: 0 } });
  });

  test('--fail-on-unverified makes unverified findings block; --no-acknowledgments turns acknowledged ones into failures', () => {
    expect(sampleReport({ failOnUnverified: true }).summary.blocking).toBe(2);
    const ignoring = sampleReport({ honourAcknowledgments: false });
    expect(ignoring.summary).toMatchObject({ failed: 3, acknowledged: 0, blocking: 2 });
  });

  test('thresholds: levels and severities', () => {
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

  test('control ids are prefixed by framework', () => {
    expect(controlIds({ securityHub: ['ECS.5'], controlTower: ['CT.ECS.PR.6'], configRules: ['r'], nist80053: ['AC-6'], pciDss: ['2.2'] })).toEqual([
      'SecurityHub:ECS.5', 'CT.ECS.PR.6', 'AWSConfig:r', 'NIST.800-53.r5:AC-6', 'PCI-DSS.v3.2.1:2.2',
    ]);
  });
});
