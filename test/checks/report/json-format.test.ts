import { sampleReport } from './sample-report';
import { formatJson } from '../../../lib/checks/report/json-format';

describe('formatJson', () => {
  const document = JSON.parse(formatJson(sampleReport()));

  test('each finding carries rule, severity, level, status, location, resource, message, fix and controls', () => {
    expect(document.findings[0]).toEqual({
      ruleId: 'FAKE-RO',
      ruleName: 'fake-fake-ro',
      title: 'Fake rule FAKE-RO',
      severity: 'high',
      level: 'error',
      status: 'fail',
      blocking: true,
      file: 'templates/task-definition-template.json',
      stack: 'AppStack',
      resource: 'AppTask',
      resourceType: 'AWS::ECS::TaskDefinition',
      constructPath: 'AppStack/Task/Resource',
      line: 4,
      container: 'web',
      key: 'Container::web',
      message: 'Container web has a writable root file system.',
      fix: 'Set `ReadonlyRootFilesystem: true` (fix for FAKE-RO).',
      controls: { securityHub: ['ECS.5'], controlTower: ['CT.ECS.PR.6'], configRules: ['ecs-containers-readonly-access'], nist80053: ['AC-6'], pciDss: ['2.2'] },
    });
  });

  test('acknowledged findings carry the reason; the summary and tool are included', () => {
    expect(document.findings.find((f: any) => f.status === 'acknowledged').acknowledged).toEqual({ reason: 'Legacy image writes to /app/cache; ticket SEC-123' });
    expect(document.summary).toMatchObject({ failed: 2, unverified: 1, acknowledged: 1, blocking: 1, templates: 3, rules: 2 });
    expect(document.tool).toEqual({ name: 'hardened-ecs', version: '1.2.3' });
    expect(document.failOn).toBe('error');
  });
});
