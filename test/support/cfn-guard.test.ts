import { join } from 'node:path';
import {
  compareControlIds,
  controlTowerRuleFiles,
  ECS_CONTROLS,
  failedControls,
  IAM_CONTROLS,
  parseCfnGuardJson,
  runCfnGuard,
} from './cfn-guard';

const fixture = (name: string) => join(__dirname, 'fixtures', name);
const ENHANCED = fixture('guard-cluster-enhanced.json');
const ENABLED = fixture('guard-cluster-enabled.json');
const ROOT_TASK = fixture('guard-root-task-and-admin-policy.json');

describe('controlTowerRuleFiles', () => {
  test('finds the 12 ECS and 4 IAM guard files, each with its own rule name', () => {
    const rules = controlTowerRuleFiles([...ECS_CONTROLS, ...IAM_CONTROLS]);
    expect(rules.map((r) => r.controlId)).toEqual([...ECS_CONTROLS, ...IAM_CONTROLS]);
    expect(new Set(rules.map((r) => r.ruleName)).size).toBe(16);
    expect(rules.find((r) => r.controlId === 'CT.ECS.PR.2')?.ruleName).toBe('ecs_container_insights_enabled_check');
    expect(rules.find((r) => r.controlId === 'CT.IAM.PR.1')?.ruleName).toBe('iam_inline_policy_no_statements_with_admin_access_check');
  });

  test('rejects a control id it has no folder for', () => {
    expect(() => controlTowerRuleFiles(['CT.S3.PR.1'])).toThrow(/unsupported Control Tower control id: CT.S3.PR.1/);
  });
});

describe('runCfnGuard on real templates', () => {
  const rules = controlTowerRuleFiles([...ECS_CONTROLS, ...IAM_CONTROLS]);
  const outcomes = runCfnGuard([ENHANCED, ENABLED, ROOT_TASK], rules);
  const of = (template: string, controlId: string) => outcomes.find((o) => o.template === template && o.controlId === controlId)!;

  test('reports one outcome per template and control', () => {
    expect(outcomes).toHaveLength(3 * 16);
  });

  test('CT.ECS.PR.2 fails the enhanced cluster, naming the value it compared', () => {
    const pr2 = of(ENHANCED, 'CT.ECS.PR.2');
    expect(pr2.status).toBe('fail');
    expect(pr2.resources).toEqual(['Cluster']);
    expect(pr2.violations).toEqual([
      expect.objectContaining({
        resource: 'Cluster',
        path: '/Resources/Cluster/Properties/ClusterSettings/0/Value',
        actual: 'enhanced',
        expected: 'enabled',
      }),
    ]);
    expect(failedControls(outcomes.filter((o) => o.template === ENHANCED))).toEqual(['CT.ECS.PR.2']);
  });

  test('an enabled cluster passes CT.ECS.PR.2 and skips the task-definition controls', () => {
    expect(of(ENABLED, 'CT.ECS.PR.2')).toMatchObject({ status: 'pass', resources: [], violations: [] });
    expect(of(ENABLED, 'CT.ECS.PR.3').status).toBe('skip');
  });

  test('root user and an admin inline policy fail CT.ECS.PR.3 and CT.IAM.PR.1 on the right resources', () => {
    expect(of(ROOT_TASK, 'CT.ECS.PR.3')).toMatchObject({ status: 'fail', resources: ['Task'] });
    expect(of(ROOT_TASK, 'CT.ECS.PR.3').violations.some((v) => v.actual === 'root')).toBe(true);
    expect(of(ROOT_TASK, 'CT.IAM.PR.1')).toMatchObject({ status: 'fail', resources: ['AdminPolicy'] });
    expect(of(ROOT_TASK, 'CT.ECS.PR.6').status).toBe('pass');
    expect(failedControls(outcomes.filter((o) => o.template === ROOT_TASK))).toEqual(['CT.ECS.PR.3', 'CT.IAM.PR.1', 'CT.IAM.PR.5']);
  });

  test('a missing template is an error carrying cfn-guard\'s reason, not a pass', () => {
    expect(() => runCfnGuard([fixture('does-not-exist.json')], rules)).toThrow(/cfn-guard exited with 255: .*does-not-exist\.json/s);
  });
});

describe('parseCfnGuardJson', () => {
  const rules = controlTowerRuleFiles(['CT.ECS.PR.2']);

  test('rejects output that is not JSON, quoting it', () => {
    expect(() => parseCfnGuardJson('Error occurred', ['/t.json'], rules)).toThrow(/not JSON.*Error occurred/);
  });

  test('refuses to invent a result for a template cfn-guard did not report', () => {
    expect(() => parseCfnGuardJson('[]', ['/t.json'], rules)).toThrow(/reported nothing for \/t.json/);
  });

  test('a rule listed only as not_applicable is a skip, not a pass', () => {
    const stdout = JSON.stringify([
      { name: '/t.json', status: 'SKIP', not_compliant: [], not_applicable: ['ecs_container_insights_enabled_check'], compliant: [] },
    ]);
    expect(parseCfnGuardJson(stdout, ['/t.json'], rules)[0].status).toBe('skip');
  });
});

test('compareControlIds orders numerically', () => {
  expect(['CT.ECS.PR.10', 'CT.IAM.PR.1', 'CT.ECS.PR.2'].sort(compareControlIds)).toEqual(['CT.ECS.PR.2', 'CT.ECS.PR.10', 'CT.IAM.PR.1']);
});
