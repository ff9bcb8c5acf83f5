import { Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { withDefaults } from '../../../lib/checks/check-options';
import { checkModel, evaluateResource } from '../../../lib/checks/engine';
import { TemplateModel } from '../../../lib/checks/model/template-model';
import { Outcome, Rule, Status } from '../../../lib/checks/rule';

/**
 * A template to run a rule against: CloudFormation JSON as an object, or a function that
 * builds real CDK constructs in a fresh stack (so CDK tokens are covered as they really synthesize).
 */
export interface RuleFixture {
  readonly name: string;
  readonly template?: object;
  readonly cdk?: (stack: Stack) => void;
  /** Only outcomes of this resource count (default: every resource of the rule's types). */
  readonly logicalId?: string;
  /** The granular key that must carry the expected status (default: any key). */
  readonly key?: string;
  /** Check options for this fixture. */
  readonly options?: Parameters<typeof withDefaults>[0];
}

export interface RuleFixtures {
  /** Compliant templates: no outcome of the rule may be `fail` or `unverified`. */
  readonly passing: readonly RuleFixture[];
  /** Non-compliant templates: at least one `fail` (on `key` when given). */
  readonly failing: readonly RuleFixture[];
  /** Templates where the decisive value is an intrinsic the model cannot resolve: at least one `unverified`, and no `pass` for that key. */
  readonly unresolvable: readonly RuleFixture[];
  /** Optional: templates where the rule must not apply (Windows for a Linux rule...): only `not-applicable` or nothing. */
  readonly notApplicable?: readonly RuleFixture[];
}

const REQUIRED_INTRINSICS = ['Ref', 'Fn::GetAtt', 'Fn::Join', 'Fn::Sub', 'Fn::ImportValue'];

/**
 * Set only by the Stryker configurations (test/mutation/rule-fixtures-without-cdk.ts): synthesizing the
 * CDK fixtures again for every mutant costs about a second each, so mutation runs use the template
 * fixtures alone. Their score is therefore a lower bound; `npm test` always runs every fixture.
 */
const TEMPLATE_FIXTURES_ONLY = process.env.HARDENED_ECS_RULE_FIXTURES === 'templates-only';

/** Materializes a fixture's template. */
export function fixtureTemplate(fixture: RuleFixture): object {
  if (fixture.template) return fixture.template;
  if (fixture.cdk) {
    const stack = new Stack();
    fixture.cdk(stack);
    return Template.fromStack(stack).toJSON();
  }
  throw new Error(`fixture '${fixture.name}' has neither template nor cdk`);
}

/** One outcome and the logical id of the resource it is about. */
interface LocatedOutcome extends Outcome {
  readonly logicalId: string;
}

function evaluateFixture(rule: Rule, fixture: RuleFixture): LocatedOutcome[] {
  const model = new TemplateModel(fixtureTemplate(fixture));
  const options = withDefaults(fixture.options);
  return [...model.resources.values()]
    .filter((r) => rule.resourceTypes.includes(r.type) && (!fixture.logicalId || r.logicalId === fixture.logicalId))
    .flatMap((r) => evaluateResource(rule, r, model, options).map((o) => ({ ...o, logicalId: r.logicalId })));
}

/** Runs one rule over a fixture and returns its outcomes. */
export function outcomesOf(rule: Rule, fixture: RuleFixture): Outcome[] {
  return evaluateFixture(rule, fixture).map(({ logicalId: _logicalId, ...outcome }) => outcome);
}

/**
 * What the rule reports, one line per outcome (`LogicalId status key: message`), as users read it.
 * The rule tests keep these lines as snapshots beside them, so a changed message, key or status is
 * a reviewed diff, not a silent change.
 */
function reportLines(outcomes: LocatedOutcome[]): string[] {
  return outcomes.map((o) => `${o.logicalId} ${o.status} ${o.key || '(resource)'}: ${o.message}`);
}

function statuses(outcomes: Outcome[], key?: string): Status[] {
  return outcomes.filter((o) => key === undefined || o.key === key).map((o) => o.status);
}

/**
 * The standard test block for a rule: metadata is complete, and the rule behaves on its
 * passing, failing and unresolvable fixtures. Also asserts the fixtures exercise every
 * CloudFormation intrinsic the standards name, so no rule silently passes an intrinsic.
 */
export function describeRule(rule: Rule, fixtures: RuleFixtures): void {
  describe(`${rule.id} ${rule.name}`, () => {
    test('has complete metadata', () => {
      expect(rule.id).toMatch(/^[A-Z]+-\d{2}$/);
      expect(rule.name).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      for (const text of [rule.title, rule.rationale, rule.fix]) expect(text.length).toBeGreaterThan(10);
      expect(rule.resourceTypes.length).toBeGreaterThan(0);
      expect(rule.applicability.os.length).toBeGreaterThan(0);
      expect(rule.applicability.launchTypes.length).toBeGreaterThan(0);
    });

    test('has passing, failing and unresolvable fixtures that exercise every intrinsic', () => {
      expect(fixtures.passing.length).toBeGreaterThan(0);
      expect(fixtures.failing.length).toBeGreaterThan(0);
      expect(fixtures.unresolvable.length).toBeGreaterThan(0);
      const all = JSON.stringify([...fixtures.passing, ...fixtures.failing, ...fixtures.unresolvable].map(fixtureTemplate));
      for (const intrinsic of REQUIRED_INTRINSICS) expect({ intrinsic, present: all.includes(`"${intrinsic}"`) }).toEqual({ intrinsic, present: true });
    });

    const runnable = (list: readonly RuleFixture[]) => (TEMPLATE_FIXTURES_ONLY ? list.filter((f) => f.cdk === undefined) : list);
    for (const fixture of runnable(fixtures.passing)) {
      test(`passes: ${fixture.name}`, () => {
        const outcomes = evaluateFixture(rule, fixture);
        const found = statuses(outcomes, fixture.key);
        expect(found.filter((s) => s === 'fail' || s === 'unverified')).toEqual([]);
        expect(found).toContain('pass');
        expect(reportLines(outcomes)).toMatchSnapshot();
      });
    }
    for (const fixture of runnable(fixtures.failing)) {
      test(`fails: ${fixture.name}`, () => {
        const outcomes = evaluateFixture(rule, fixture);
        expect(statuses(outcomes, fixture.key)).toContain('fail');
        expect(reportLines(outcomes)).toMatchSnapshot();
      });
    }
    for (const fixture of runnable(fixtures.unresolvable)) {
      test(`cannot verify: ${fixture.name}`, () => {
        const outcomes = evaluateFixture(rule, fixture);
        const found = statuses(outcomes, fixture.key);
        expect(found).toContain('unverified');
        if (fixture.key !== undefined) expect(found).not.toContain('pass');
        expect(reportLines(outcomes)).toMatchSnapshot();
      });
    }
    for (const fixture of runnable(fixtures.notApplicable ?? [])) {
      test(`does not apply: ${fixture.name}`, () => {
        const outcomes = evaluateFixture(rule, fixture);
        expect(statuses(outcomes, fixture.key).filter((s) => s !== 'not-applicable')).toEqual([]);
        expect(reportLines(outcomes)).toMatchSnapshot();
      });
    }
    test('never throws through the engine on its fixtures', () => {
      for (const fixture of runnable([...fixtures.passing, ...fixtures.failing, ...fixtures.unresolvable])) {
        const result = checkModel(new TemplateModel(fixtureTemplate(fixture)), [rule]);
        expect(result.findings.filter((f) => f.message.startsWith('The rule could not evaluate'))).toEqual([]);
      }
    });
  });
}

/** A minimal task definition template with the given container definitions and task properties. */
export function taskDefinitionTemplate(containers: object[], taskProperties: object = {}, extra: object = {}): object {
  return {
    Parameters: { ImageTag: { Type: 'String', Default: 'v1' } },
    Resources: {
      TaskDefinition: {
        Type: 'AWS::ECS::TaskDefinition',
        Properties: {
          Family: 'app',
          RequiresCompatibilities: ['FARGATE'],
          NetworkMode: 'awsvpc',
          Cpu: '256',
          Memory: '512',
          ContainerDefinitions: containers,
          ...taskProperties,
        },
      },
      ...extra,
    },
  };
}
