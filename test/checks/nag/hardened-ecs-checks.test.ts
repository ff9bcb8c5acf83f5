import { App, CfnResource, NestedStack, Stack, Stage, Validations } from 'aws-cdk-lib';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import { FixtureChecks, bridgeTask, fargateTask, newStack, ruleNames } from './test-checks';
import { CheckSeverity, HardenedEcsChecks } from '../../../lib/checks/nag/hardened-ecs-checks';

function override(task: ecs.TaskDefinition, path: string, value: unknown): void {
  (task.node.defaultChild as CfnResource).addPropertyOverride(path, value);
}

describe('HardenedEcsChecks.validateScope', () => {
  test('a high-severity keyed failure is an ERROR named by container; a low resource-level one is a WARN', () => {
    const stack = newStack();
    fargateTask(stack, 'Web');
    bridgeTask(stack, 'Legacy');
    const report = new FixtureChecks().validateScope(stack);
    expect(report.success).toBe(false);
    const byName = Object.fromEntries(report.violations.map((v) => [v.ruleName, v]));
    expect(Object.keys(byName).sort()).toEqual(['HardenedECS-TX-01[Container::web]', 'HardenedECS-TX-02']);
    expect(byName['HardenedECS-TX-01[Container::web]']).toMatchObject({
      severity: 'error',
      description: 'Containers have a read-only root file system: container web has a writable root file system',
      fix: 'Set ReadonlyRootFilesystem: true.',
      ruleMetadata: { severity: 'high', securityHub: 'ECS.5', controlTower: 'CT.ECS.PR.6' },
      violatingResources: [{ constructPath: 'S/Web/Resource', locations: ['Properties'] }],
    });
    expect(byName['HardenedECS-TX-02']).toMatchObject({
      severity: 'warning',
      description: 'Tasks use awsvpc networking: NetworkMode is bridge',
      violatingResources: [{ constructPath: 'S/Legacy/Resource', locations: ['Properties'] }],
    });
  });

  test('a compliant stack has no violations', () => {
    const stack = newStack();
    fargateTask(stack, 'Web', 'web', true);
    expect(new FixtureChecks().validateScope(stack)).toEqual({ success: true, violations: [] });
  });

  test('verbose descriptions carry the rationale and the fix', () => {
    const stack = newStack();
    fargateTask(stack, 'Web');
    const [violation] = new FixtureChecks(undefined, { verbose: true }).validateScope(stack).violations;
    expect(violation.description).toBe(
      'Containers have a read-only root file system: container web has a writable root file system ' +
      'A writable root lets an attacker persist tools. Fix: Set ReadonlyRootFilesystem: true.',
    );
  });

  test('granular ids do not change when construct ids or logical ids change', () => {
    const a = newStack('A');
    fargateTask(a, 'Web');
    const b = newStack('B');
    const renamed = fargateTask(b, 'CompletelyDifferentName');
    (renamed.node.defaultChild as CfnResource).overrideLogicalId('Custom');
    expect(ruleNames(new FixtureChecks().validateScope(a))).toEqual(ruleNames(new FixtureChecks().validateScope(b)));
    expect(ruleNames(new FixtureChecks().validateScope(b))).toEqual(['HardenedECS-TX-01[Container::web]']);
  });

  test('one violation per finding id, listing every resource that has it', () => {
    const stack = newStack();
    fargateTask(stack, 'One');
    fargateTask(stack, 'Two');
    fargateTask(stack, 'Other', 'worker');
    const report = new FixtureChecks().validateScope(stack);
    expect(ruleNames(report)).toEqual(['HardenedECS-TX-01[Container::web]', 'HardenedECS-TX-01[Container::worker]']);
    const web = report.violations.find((v) => v.ruleName === 'HardenedECS-TX-01[Container::web]')!;
    expect(web.violatingResources.map((r) => r.constructPath)).toEqual(['S/One/Resource', 'S/Two/Resource']);
  });

  test('escape-hatch overrides are seen because rules read the synthesized template', () => {
    const stack = newStack();
    const task = fargateTask(stack, 'Web');
    override(task, 'ContainerDefinitions.0.ReadonlyRootFilesystem', true);
    expect(new FixtureChecks().validateScope(stack).violations).toEqual([]);
    // ...and an override that weakens a compliant L2 is caught.
    const weakened = fargateTask(stack, 'Weakened', 'api', true);
    override(weakened, 'ContainerDefinitions.0.ReadonlyRootFilesystem', false);
    expect(ruleNames(new FixtureChecks().validateScope(stack))).toEqual(['HardenedECS-TX-01[Container::api]']);
  });

  test('nothing goes stale between runs: a second run sees changes made after the first', () => {
    const stack = newStack();
    const task = fargateTask(stack, 'Web');
    const checks = new FixtureChecks();
    expect(ruleNames(checks.validateScope(stack))).toEqual(['HardenedECS-TX-01[Container::web]']);
    override(task, 'ContainerDefinitions.0.ReadonlyRootFilesystem', true);
    expect(ruleNames(checks.validateScope(stack))).toEqual([]);
  });

  describe('values that cannot be verified', () => {
    function importedFlagStack(): Stack {
      const stack = newStack();
      const task = fargateTask(stack, 'Web');
      override(task, 'ContainerDefinitions.0.ReadonlyRootFilesystem', { 'Fn::ImportValue': 'shared-flag' });
      return stack;
    }

    test('are reported under Unverified::<key>, as warnings naming the opaque value', () => {
      const report = new FixtureChecks().validateScope(importedFlagStack());
      expect(report.violations).toEqual([expect.objectContaining({
        ruleName: 'HardenedECS-TX-01[Unverified::Container::web]',
        severity: 'warning',
        description: 'Containers have a read-only root file system: cannot verify: ReadonlyRootFilesystem is <ImportValue:shared-flag>',
      })]);
    });

    test('a resource-level unverified outcome is reported as [Unverified]', () => {
      const stack = newStack();
      const task = bridgeTask(stack, 'Legacy');
      override(task, 'NetworkMode', { Ref: 'AWS::NoSuchPseudo' });
      expect(ruleNames(new FixtureChecks(undefined, { ruleIds: ['TX-02'] }).validateScope(stack))).toEqual(['HardenedECS-TX-02[Unverified]']);
    });

    test('a rule that throws is reported as unverified, never as a pass', () => {
      const stack = newStack();
      new ecs.Cluster(stack, 'Cluster');
      const report = new FixtureChecks(undefined, { ruleIds: ['TX-04'] }).validateScope(stack);
      expect(report.violations).toEqual([expect.objectContaining({ ruleName: 'HardenedECS-TX-04[Unverified]', severity: 'warning' })]);
      expect(report.violations[0].description).toContain('boom');
    });

    test('a stack whose template cannot be rendered is reported as unverified for each rule and resource', () => {
      const stack = newStack();
      fargateTask(stack, 'Web', 'web', true);
      stack.renameLogicalId('DoesNotExist', 'Renamed'); // rendering then fails: the rename is never applied
      const report = new FixtureChecks().validateScope(stack);
      expect(ruleNames(report)).toEqual(['HardenedECS-TX-01[Unverified]', 'HardenedECS-TX-02[Unverified]']);
      expect(report.violations[0].description).toMatch(/cannot verify: could not render it to check stack S: .*DoesNotExist/);
    });

    test('acknowledging the failure id does not hide the unverified one, and vice versa', () => {
      const stack = importedFlagStack();
      Validations.of(stack).acknowledge({ id: 'HardenedECS-TX-01[Container::web]', reason: 'Accepted by SEC-1 until 2027' });
      expect(ruleNames(new FixtureChecks().validateScope(stack))).toEqual(['HardenedECS-TX-01[Unverified::Container::web]']);
      Validations.of(stack).acknowledge({ id: 'HardenedECS-TX-01[Unverified::Container::web]', reason: 'The shared flag is true in every account; SEC-2' });
      expect(ruleNames(new FixtureChecks().validateScope(stack))).toEqual([]);
    });

    test('reportUnverified: false drops them (documented opt-out)', () => {
      expect(new FixtureChecks(undefined, { reportUnverified: false }).validateScope(importedFlagStack()).violations).toEqual([]);
    });
  });

  describe('acknowledgments', () => {
    test.each([
      ['the L1', (task: ecs.TaskDefinition) => task.node.defaultChild!],
      ['the L2', (task: ecs.TaskDefinition) => task],
      ['the Stack', (task: ecs.TaskDefinition) => Stack.of(task)],
    ])('an exact granular id on %s suppresses the finding', (_where, target) => {
      const stack = newStack();
      const task = fargateTask(stack, 'Web');
      bridgeTask(stack, 'Legacy');
      Validations.of(target(task)).acknowledge({ id: 'HardenedECS-TX-01[Container::web]', reason: 'Legacy image writes to /tmp; SEC-123, until 2027-01' });
      expect(ruleNames(new FixtureChecks().validateScope(stack))).toEqual(['HardenedECS-TX-02']);
    });

    test('the bare rule id does not cover granular findings (exact match)', () => {
      const stack = newStack();
      fargateTask(stack, 'Web');
      Validations.of(stack).acknowledge({ id: 'HardenedECS-TX-01', reason: 'Trying to silence the whole rule' });
      expect(ruleNames(new FixtureChecks().validateScope(stack))).toEqual(['HardenedECS-TX-01[Container::web]']);
    });

    test('the plugin-qualified form that CDK prints (HardenedECS::…) works too', () => {
      const stack = newStack();
      fargateTask(stack, 'Web');
      Validations.of(stack).acknowledge({ id: 'HardenedECS::HardenedECS-TX-01[Container::web]', reason: 'Copied from the CDK report; SEC-9' });
      expect(new FixtureChecks().validateScope(stack).violations).toEqual([]);
    });

    test('an acknowledgment on one stack does not reach a sibling stack', () => {
      const app = new App();
      const a = newStack('A', app);
      const b = newStack('B', app);
      fargateTask(a, 'Web');
      fargateTask(b, 'Web');
      Validations.of(a).acknowledge({ id: 'HardenedECS-TX-01[Container::web]', reason: 'Stack A only; SEC-5' });
      const report = new FixtureChecks().validateScope(app);
      expect(report.violations.map((v) => [v.ruleName, v.violatingResources.map((r) => r.constructPath)])).toEqual([
        ['HardenedECS-TX-01[Container::web]', ['B/Web/Resource']],
      ]);
    });

    test.each(['', '   '])('a reason of %j is reported as HardenedECS-ACK naming the id and the construct', (reason) => {
      const stack = newStack();
      const task = fargateTask(stack, 'Web');
      Validations.of(task).acknowledge({ id: 'HardenedECS-TX-01[Container::web]', reason });
      Validations.of(stack).acknowledge({ id: 'AwsSolutions-ECS2', reason: '' }); // another pack's: not ours to judge
      const report = new FixtureChecks().validateScope(stack);
      expect(report.success).toBe(false);
      expect(report.violations).toEqual([expect.objectContaining({
        ruleName: 'HardenedECS-ACK',
        severity: 'error',
        description: "Acknowledgments of HardenedECS findings need a reason; these have none: 'HardenedECS-TX-01[Container::web]' on S/Web.",
        violatingResources: [{ constructPath: 'S/Web', locations: ['Metadata'] }],
      })]);
    });

    test('an unreasoned acknowledgment on an ancestor of the validated scope is found', () => {
      const app = new App();
      const stack = newStack('S', app);
      fargateTask(stack, 'Web', 'web', true);
      Validations.of(app).acknowledge({ id: 'HardenedECS::HardenedECS-TX-02', reason: '' });
      expect(ruleNames(new FixtureChecks().validateScope(stack))).toEqual(['HardenedECS-ACK']);
    });
  });

  describe('scope', () => {
    test('a nested Stage and a NestedStack are covered from the app root', () => {
      const app = new App();
      const stage = new Stage(app, 'Prod');
      fargateTask(new Stack(stage, 'Inner'), 'Web');
      const parent = newStack('Parent', app);
      fargateTask(new NestedStack(parent, 'Nested'), 'Job', 'job');
      const report = new FixtureChecks().validateScope(app);
      expect(report.violations.map((v) => [v.ruleName, v.violatingResources.map((r) => r.constructPath)])).toEqual([
        ['HardenedECS-TX-01[Container::web]', ['Prod/Inner/Web/Resource']],
        ['HardenedECS-TX-01[Container::job]', ['Parent/Nested/Job/Resource']],
      ]);
    });

    test('resources of other types are not evaluated', () => {
      const stack = newStack();
      new logs.LogGroup(stack, 'Logs');
      expect(new FixtureChecks().validateScope(stack).violations).toEqual([]);
    });
  });

  describe('options', () => {
    function mixedStack(): Stack {
      const stack = newStack();
      fargateTask(stack, 'Web');
      bridgeTask(stack, 'Legacy');
      new ecs.FargateTaskDefinition(stack, 'Admin').addToTaskRolePolicy(new iam.PolicyStatement({ sid: 'Everything', actions: ['*'], resources: ['*'] }));
      return stack;
    }

    test('by default only enabled-by-default rules run', () => {
      expect(ruleNames(new FixtureChecks().validateScope(mixedStack()))).toEqual(['HardenedECS-TX-01[Container::web]', 'HardenedECS-TX-02']);
    });

    test('includeRuleIds adds an off-by-default rule (keyed by statement Sid)', () => {
      expect(ruleNames(new FixtureChecks(undefined, { includeRuleIds: ['TX-03'] }).validateScope(mixedStack()))).toEqual([
        'HardenedECS-TX-01[Container::web]', 'HardenedECS-TX-02', 'HardenedECS-TX-03[Statement::Everything]',
      ]);
    });

    test('ruleIds runs exactly those rules, case-insensitively', () => {
      const checks = new FixtureChecks(undefined, { ruleIds: ['tx-03', 'TX-02'] });
      expect(checks.ruleIds).toEqual(['TX-02', 'TX-03']);
      expect(ruleNames(checks.validateScope(mixedStack()))).toEqual(['HardenedECS-TX-02', 'HardenedECS-TX-03[Statement::Everything]']);
    });

    test('minSeverity drops milder rules', () => {
      expect(ruleNames(new FixtureChecks(undefined, { minSeverity: CheckSeverity.HIGH }).validateScope(mixedStack()))).toEqual([
        'HardenedECS-TX-01[Container::web]',
      ]);
      expect(ruleNames(new FixtureChecks(undefined, { minSeverity: CheckSeverity.CRITICAL }).validateScope(mixedStack()))).toEqual([]);
    });

    test('excludeRuleIds removes a rule', () => {
      expect(ruleNames(new FixtureChecks(undefined, { excludeRuleIds: ['TX-01'] }).validateScope(mixedStack()))).toEqual(['HardenedECS-TX-02']);
    });

    test('an unknown rule id throws in the constructor, listing the known ids', () => {
      expect(() => new FixtureChecks(undefined, { excludeRuleIds: ['TX-99'] })).toThrow(
        "HardenedEcsChecks: Unknown rule id 'TX-99'. Known ids: TX-01, TX-02, TX-03, TX-04.",
      );
      expect(() => new HardenedEcsChecks(undefined, { ruleIds: ['NOPE-1'] })).toThrow(/Unknown rule id 'NOPE-1'\. Known ids: /);
    });

    test('a retention that is not a positive whole number throws', () => {
      expect(() => new FixtureChecks(undefined, { minLogRetentionDays: 0 })).toThrow(/minLogRetentionDays must be a positive whole number/);
    });
  });
});
