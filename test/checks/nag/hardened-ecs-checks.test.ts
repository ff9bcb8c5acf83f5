import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, CfnResource, IPolicyValidationContext, NestedStack, Stack, Stage, Validations } from 'aws-cdk-lib';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import { FixtureChecks, bridgeTask, fargateTask, newStack, ruleNames } from './test-checks';
import { CheckSeverity, HardenedEcsChecks, HardenedEcsChecksProps } from '../../../lib/checks/nag/hardened-ecs-checks';
import { Rule, fail } from '../../../lib/checks/rule';

function override(task: ecs.TaskDefinition, propertyPath: string, value: unknown): void {
  (task.node.defaultChild as CfnResource).addPropertyOverride(propertyPath, value);
}

/** The pack drawing on `rules` only. */
function checksWith(rules: readonly Rule[], props: HardenedEcsChecksProps = {}): HardenedEcsChecks {
  class CatalogueChecks extends HardenedEcsChecks {
    protected _catalogue(): readonly Rule[] {
      return rules;
    }
  }
  return new CatalogueChecks(undefined, props);
}

const taskRule = {
  rationale: 'Exercises the pack.',
  applicability: { os: ['linux' as const], launchTypes: ['FARGATE' as const] },
  resourceTypes: ['AWS::ECS::TaskDefinition'],
  enabledByDefault: true,
};

/** Critical, mapped to two controls in every framework: reports what the template model knows of the resource. */
const reportsModel: Rule = {
  ...taskRule,
  id: 'TX-05',
  name: 'test-reports-model',
  title: 'Reports the model',
  severity: 'critical',
  fix: 'Nothing to fix.',
  compliance: { securityHub: ['ECS.1', 'ECS.2'], controlTower: ['CT.ECS.PR.1', 'CT.ECS.PR.2'], nist80053: ['AC-6', 'CM-7'], pciDss: ['2.2', '7.1'] },
  evaluate: (_properties, { model, resource }) => [
    fail('', `${model.displayName(resource)} in stack ${model.source.stack} from ${model.source.file ?? 'memory'}`),
  ],
};

/** Info, mapped to nothing: reports the options the pack hands to rules. */
const reportsOptions: Rule = {
  ...taskRule,
  id: 'TX-06',
  name: 'test-reports-options',
  title: 'Reports the options',
  severity: 'info',
  fix: 'Nothing to fix either.',
  compliance: {},
  evaluate: (_properties, { options }) => [
    fail('', `minLogRetentionDays ${options.minLogRetentionDays}, execution role trust conditions ${options.requireExecutionRoleTrustConditions}`),
  ],
};

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

    test('HardenedECS-ACK lists every unreasoned acknowledgment, (app) for the root, with one resource per construct and the fix', () => {
      const app = new App();
      const stack = newStack('S', app);
      const web = fargateTask(stack, 'Web', 'web', true);
      Validations.of(web).acknowledge({ id: 'HardenedECS-TX-01[Container::web]', reason: '' });
      Validations.of(web).acknowledge({ id: 'HardenedECS::HardenedECS-TX-02', reason: '' });
      Validations.of(app).acknowledge({ id: 'HardenedECS-TX-03[Statement::0]', reason: '' });
      expect(new FixtureChecks().validateScope(stack)).toEqual({
        success: false,
        violations: [{
          ruleName: 'HardenedECS-ACK',
          description: 'Acknowledgments of HardenedECS findings need a reason; these have none: ' +
            "'HardenedECS-TX-01[Container::web]' on S/Web; 'HardenedECS-TX-02' on S/Web; 'HardenedECS-TX-03[Statement::0]' on (app).",
          fix: 'Give each acknowledgment a reason an auditor can check: why the finding is accepted, who approved it, until when: ' +
            "Validations.of(construct).acknowledge({ id: 'HardenedECS-TD-02[Container::web]', reason: 'Legacy image writes to /app/cache; SEC-123, until 2027-01' }).",
          severity: 'error',
          violatingResources: [{ constructPath: 'S/Web', locations: ['Metadata'] }, { constructPath: '', locations: ['Metadata'] }],
        }],
      });
    });

    test('an acknowledgment recorded by hand with a non-string reason suppresses the finding but counts as unreasoned', () => {
      const stack = newStack();
      const task = fargateTask(stack, 'Web');
      task.node.addMetadata(Validations.ACKNOWLEDGED_RULES_METADATA_KEY, { 'HardenedECS-TX-01[Container::web]': 42 });
      expect(new FixtureChecks().validateScope(stack).violations).toEqual([expect.objectContaining({
        ruleName: 'HardenedECS-ACK',
        description: "Acknowledgments of HardenedECS findings need a reason; these have none: 'HardenedECS-TX-01[Container::web]' on S/Web.",
      })]);
    });

    test('metadata that is not an acknowledgment, or not an { id: reason } record, acknowledges nothing', () => {
      const stack = newStack();
      fargateTask(stack, 'Web');
      stack.node.addMetadata('team:review', { 'HardenedECS::HardenedECS-TX-01[Container::web]': '' });
      stack.node.addMetadata(Validations.ACKNOWLEDGED_RULES_METADATA_KEY, 'HardenedECS::HardenedECS-TX-01[Container::web]');
      expect(ruleNames(new FixtureChecks().validateScope(stack))).toEqual(['HardenedECS-TX-01[Container::web]']);
    });

    test('an unreasoned acknowledgment on an ancestor of the validated scope is found', () => {
      const app = new App();
      const stack = newStack('S', app);
      fargateTask(stack, 'Web', 'web', true);
      Validations.of(app).acknowledge({ id: 'HardenedECS::HardenedECS-TX-02', reason: '' });
      expect(ruleNames(new FixtureChecks().validateScope(stack))).toEqual(['HardenedECS-ACK']);
    });
  });

  describe('what rules are handed and what violations carry', () => {
    test('a critical finding is an ERROR carrying the fix and every control mapping; an unmapped info finding is a WARN with its severity only', () => {
      const stack = newStack();
      fargateTask(stack, 'Web', 'web', true);
      const report = checksWith([reportsModel, reportsOptions]).validateScope(stack);
      expect(report.violations).toEqual([
        {
          ruleName: 'HardenedECS-TX-05',
          description: 'Reports the model: Web3C8945DB in stack S from memory',
          severity: 'error',
          fix: 'Nothing to fix.',
          ruleMetadata: {
            severity: 'critical',
            securityHub: 'ECS.1, ECS.2',
            controlTower: 'CT.ECS.PR.1, CT.ECS.PR.2',
            nist80053: 'AC-6, CM-7',
            pciDss: '2.2, 7.1',
          },
          violatingResources: [{ constructPath: 'S/Web/Resource', locations: ['Properties'] }],
        },
        {
          ruleName: 'HardenedECS-TX-06',
          description: 'Reports the options: minLogRetentionDays 365, execution role trust conditions false',
          severity: 'warning',
          fix: 'Nothing to fix either.',
          ruleMetadata: { severity: 'info' },
          violatingResources: [{ constructPath: 'S/Web/Resource', locations: ['Properties'] }],
        },
      ]);
    });

    test('minLogRetentionDays and requireExecutionRoleTrustConditions reach the rules', () => {
      const stack = newStack();
      fargateTask(stack, 'Web', 'web', true);
      const checks = checksWith([reportsOptions], { minLogRetentionDays: 1, requireExecutionRoleTrustConditions: true });
      expect(checks.validateScope(stack).violations.map((v) => v.description)).toEqual([
        'Reports the options: minLogRetentionDays 1, execution role trust conditions true',
      ]);
    });

    test('the registry allow-list, credential names, required tags and the Fargate memory option reach the rules, trimmed', () => {
      const seen: unknown[] = [];
      const spy: Rule = { ...reportsOptions, id: 'TX-07', evaluate: (_properties, { options }) => (seen.push(options), []) };
      const stack = newStack();
      fargateTask(stack, 'Web', 'web', true);
      checksWith([spy], {
        allowedRegistries: [' public.ecr.aws '],
        extraCredentialNames: ['LEGACY_DB_PASS'],
        requiredTags: ['team'],
        fargateTaskMemoryCountsAsLimit: true,
      }).validateScope(stack);
      expect(seen[0]).toMatchObject({
        allowedRegistries: ['public.ecr.aws'],
        extraCredentialNames: ['LEGACY_DB_PASS'],
        requiredTags: ['team'],
        fargateTaskMemoryCountsAsLimit: true,
      });
    });

    test('a blank list entry is refused, naming the option and the index', () => {
      expect(() => new HardenedEcsChecks(undefined, { requiredTags: ['team', ' '] }))
        .toThrow('HardenedEcsChecks: requiredTags[1] is blank; give each entry a value or leave the entry out.');
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

    test('an unknown rule id throws in the constructor, listing the known ids and the options to check', () => {
      expect(() => new FixtureChecks(undefined, { excludeRuleIds: ['TX-99'] })).toThrow(new Error(
        "HardenedEcsChecks: Unknown rule id 'TX-99'. Known ids: TX-01, TX-02, TX-03, TX-04. " +
        'Check ruleIds, includeRuleIds, excludeRuleIds and minSeverity.',
      ));
      expect(() => new HardenedEcsChecks(undefined, { ruleIds: ['NOPE-1'] })).toThrow(/Unknown rule id 'NOPE-1'\. Known ids: /);
    });

    test('an unknown severity throws in the constructor, listing the severities', () => {
      expect(() => new FixtureChecks(undefined, { minSeverity: 'urgent' as CheckSeverity })).toThrow(new Error(
        "HardenedEcsChecks: Unknown severity 'urgent'. Use one of: critical, high, medium, low, info. " +
        'Check ruleIds, includeRuleIds, excludeRuleIds and minSeverity.',
      ));
    });

    test('any other error from the catalogue is thrown unchanged', () => {
      class BrokenCatalogueChecks extends HardenedEcsChecks {
        protected _catalogue(): readonly Rule[] {
          throw new Error('catalogue unavailable');
        }
      }
      expect(() => new BrokenCatalogueChecks()).toThrow(/^catalogue unavailable$/);
    });

    test.each([0, -1, 1.5])('a retention of %p days throws', (days) => {
      expect(() => new FixtureChecks(undefined, { minLogRetentionDays: days })).toThrow(new Error(
        `HardenedEcsChecks: minLogRetentionDays must be a positive whole number of days, got ${days}.`,
      ));
    });
  });
});

describe('HardenedEcsChecks.validate (as CDK calls it after writing the templates)', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hardened-ecs-checks-'));
  });
  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** Writes the template CDK would hand over for `stack`, holding only `resources`, each under its task definition's logical id. */
  function writtenTemplate(stack: Stack, resources: Array<[ecs.TaskDefinition, unknown]>): string {
    const file = path.join(dir, `${stack.node.path}.template.json`);
    const entries = resources.map(([task, resource]) => [stack.resolve((task.node.defaultChild as CfnResource).logicalId), resource]);
    fs.writeFileSync(file, JSON.stringify({ Resources: Object.fromEntries(entries) }));
    return file;
  }

  function readOnlyTask(containerName: string): unknown {
    return { Type: 'AWS::ECS::TaskDefinition', Properties: { NetworkMode: 'awsvpc', ContainerDefinitions: [{ Name: containerName, ReadonlyRootFilesystem: true }] } };
  }

  /** The validation context CDK passes; without `stackTemplates`, as older CDK versions pass it. */
  function context(app: App, stackTemplates?: Array<[string, string]>): IPolicyValidationContext {
    const files = (stackTemplates ?? []).map(([stackConstructPath, templatePath]) => ({ stackConstructPath, templatePath }));
    const listed = stackTemplates ? { stackTemplates: files } : {};
    return { appConstruct: app, templatePaths: files.map((f) => f.templatePath), ...listed } as unknown as IPolicyValidationContext;
  }

  test('the rules read the written template, not the construct tree; validateScope afterwards renders again', () => {
    const app = new App();
    const stack = newStack('S', app);
    const task = fargateTask(stack, 'Web'); // writable in the tree, read-only in the written template
    const checks = new FixtureChecks(app);
    expect(checks.validate(context(app, [['S', writtenTemplate(stack, [[task, readOnlyTask('web')]])]]))).toEqual({ success: true, violations: [] });
    expect(ruleNames(checks.validateScope(stack))).toEqual(['HardenedECS-TX-01[Container::web]']);
  });

  test('unlisted stacks are skipped, resources absent from the written template are skipped, and an unreadable template is unverified', () => {
    const app = new App();
    const listed = newStack('Listed', app);
    const kept = fargateTask(listed, 'Kept', 'kept');
    fargateTask(listed, 'Removed', 'removed'); // e.g. dropped by an override of the stack template
    fargateTask(newStack('Unlisted', app), 'Web');
    fargateTask(newStack('Unreadable', app), 'Web');
    const missing = path.join(dir, 'Unreadable.missing.json');
    const report = new FixtureChecks(app).validate(context(app, [['Listed', writtenTemplate(listed, [[kept, readOnlyTask('kept')]])], ['Unreadable', missing]]));
    expect(report.violations.map((v) => [v.ruleName, v.violatingResources.map((r) => r.constructPath)])).toEqual([
      ['HardenedECS-TX-01[Unverified]', ['Unreadable/Web/Resource']],
      ['HardenedECS-TX-02[Unverified]', ['Unreadable/Web/Resource']],
    ]);
    expect(report.violations[0].description).toBe(
      `Containers have a read-only root file system: cannot verify: could not read ${missing} to check stack Unreadable: ` +
      `ENOENT: no such file or directory, open '${missing}'`,
    );
  });

  test('a CDK that does not list the stack templates gets every stack checked from its rendered template', () => {
    const app = new App();
    fargateTask(newStack('A', app), 'Web');
    fargateTask(newStack('B', app), 'Web');
    const report = new FixtureChecks(app).validate(context(app));
    expect(report.violations.map((v) => [v.ruleName, v.violatingResources.map((r) => r.constructPath)])).toEqual([
      ['HardenedECS-TX-01[Container::web]', ['A/Web/Resource', 'B/Web/Resource']],
    ]);
  });
});
