import { sampleFinding, sampleReport } from './sample-report';
import { formatJson } from '../../../lib/checks/report/json-format';

const jsonOf = (report = sampleReport()) => JSON.parse(formatJson(report));

describe('formatJson', () => {
  test('each finding carries rule, severity, level, status, location, resource, message, fix and controls', () => {
    expect(jsonOf().findings[0]).toEqual({
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
    const document = jsonOf();
    expect(document.findings.find((f: any) => f.status === 'acknowledged').acknowledged).toEqual({ reason: 'Legacy image writes to /app/cache; ticket SEC-123' });
    expect(document.findings.filter((f: any) => 'acknowledged' in f).length).toBe(1);
    expect(document.summary).toEqual(sampleReport().summary);
    expect(document.tool).toEqual({ name: 'hardened-ecs', version: '1.2.3' });
    expect(document.failOn).toBe('error');
    expect(document.failOnUnverified).toBe(false);
    expect(jsonOf(sampleReport({ failOnUnverified: true, failOn: 'low' }))).toMatchObject({ failOn: 'low', failOnUnverified: true });
  });

  test('every control framework is always present, empty when the rule maps to none', () => {
    const report = sampleReport({ findings: [sampleFinding({ controls: {}, condition: 'IsProd' }), sampleFinding({ controls: { pciDss: ['1.3'] } })] });
    const [none, pciOnly] = jsonOf(report).findings;
    expect(none.controls).toEqual({ securityHub: [], controlTower: [], configRules: [], nist80053: [], pciDss: [] });
    expect(none.condition).toBe('IsProd');
    expect(pciOnly.controls).toEqual({ securityHub: [], controlTower: [], configRules: [], nist80053: [], pciDss: ['1.3'] });
  });

  test('is pretty-printed with two spaces and ends with a newline', () => {
    const text = formatJson(sampleReport({ findings: [] }));
    expect(text.startsWith('{\n  "tool": {\n    "name": "hardened-ecs",')).toBe(true);
    expect(text.endsWith('}\n')).toBe(true);
    expect(JSON.parse(text).findings).toEqual([]);
  });
});
