import { ALL_RULES } from './catalogue';
import { checkModel } from './engine';
import { TemplateModel } from './model/template-model';
import { detectCredential as detectCredentialSignal } from './rules/ecs/task-definition/credential-detector';

/**
 * Front door 3: the constructs validate their own props with the same rules that the cdk-nag
 * pack and the CLI run on templates, by placing the prop values in a minimal synthetic template.
 */

/** A rule failure found in a construct's props. */
export interface ConstructViolation {
  readonly ruleId: string;
  readonly title: string;
  readonly key: string;
  readonly status: 'fail' | 'unverified';
  readonly message: string;
  readonly fix: string;
}

export interface ContainerCheckOptions {
  readonly os?: 'linux' | 'windows';
  readonly launchType?: 'FARGATE' | 'EC2';
  /** Rules to run; defaults to every enabled task definition rule that judges a single container. */
  readonly ruleIds?: readonly string[];
}

/** Rules that judge one container on its own (not the task, not other resources). */
export const CONTAINER_RULE_IDS: readonly string[] = ['TD-01', 'TD-02', 'TD-03', 'TD-04', 'TD-10', 'TD-14', 'TD-15', 'TD-20', 'TD-22', 'TD-23', 'TD-24'];

/** Rules that judge IAM statements on their own. */
export const STATEMENT_RULE_IDS: readonly string[] = ['IAM-04', 'IAM-05', 'IAM-06', 'IAM-08', 'IAM-09', 'IAM-10', 'IAM-11', 'IAM-12', 'IAM-17'];

const SYNTHETIC_TASK = 'TaskDefinition';
const SYNTHETIC_ROLE = 'Role';
const SYNTHETIC_POLICY = 'Policy';

/**
 * Checks one CloudFormation-shaped container definition (PascalCase keys). Pass values through
 * `Stack.of(scope).resolve(...)` first so tokens become intrinsics the rules understand.
 */
export function checkContainerDefinition(container: unknown, options: ContainerCheckOptions = {}): ConstructViolation[] {
  const windows = options.os === 'windows';
  const template = {
    Resources: {
      [SYNTHETIC_TASK]: {
        Type: 'AWS::ECS::TaskDefinition',
        Properties: {
          RequiresCompatibilities: [options.launchType ?? 'FARGATE'],
          NetworkMode: 'awsvpc',
          RuntimePlatform: { OperatingSystemFamily: windows ? 'WINDOWS_SERVER_2022_CORE' : 'LINUX' },
          ContainerDefinitions: [container],
        },
      },
    },
  };
  return run(template, options.ruleIds ?? CONTAINER_RULE_IDS, [SYNTHETIC_TASK]);
}

export interface StatementCheckOptions {
  /** Which role the statements are attached to: the task role (application) or the execution role (platform). */
  readonly roleKind: 'task' | 'execution';
  /** Rules to run; defaults to every rule that judges IAM statements on their own. */
  readonly ruleIds?: readonly string[];
}

/**
 * Checks CloudFormation-shaped IAM statements as if each were the only statement of its own policy
 * (an `AWS::IAM::Policy`) on its own ECS task role or execution role: result `i` holds the findings
 * of `statements[i]`, keyed as in a one-statement policy. One engine run judges them all, so a
 * role's statements cost one synthetic template, not one each.
 */
export function checkEachPolicyStatement(statements: readonly unknown[], options: StatementCheckOptions): ConstructViolation[][] {
  if (statements.length === 0) return []; // a role without statements (a new task role) costs no engine run
  const resources: Record<string, unknown> = {};
  statements.forEach((statement, i) => Object.assign(resources, statementResources(statement, options.roleKind, String(i))));
  const policies = statements.map((_, i) => `${SYNTHETIC_POLICY}${i}`);
  const byPolicy = new Map<string, ConstructViolation[]>();
  for (const [logicalId, violation] of runPerResource({ Resources: resources }, options.ruleIds ?? STATEMENT_RULE_IDS, policies)) {
    byPolicy.set(logicalId, [...(byPolicy.get(logicalId) ?? []), violation]);
  }
  return policies.map((policy) => byPolicy.get(policy) ?? []);
}

/** A synthetic role used by a Fargate task definition, with `statement` alone in a policy attached to it. */
function statementResources(statement: unknown, roleKind: 'task' | 'execution', suffix: string): Record<string, unknown> {
  const role = `${SYNTHETIC_ROLE}${suffix}`;
  return {
    [role]: {
      Type: 'AWS::IAM::Role',
      Properties: {
        AssumeRolePolicyDocument: {
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Principal: { Service: 'ecs-tasks.amazonaws.com' }, Action: 'sts:AssumeRole' }],
        },
      },
    },
    [`${SYNTHETIC_POLICY}${suffix}`]: {
      Type: 'AWS::IAM::Policy',
      Properties: {
        PolicyName: 'ConstructPolicy',
        PolicyDocument: { Version: '2012-10-17', Statement: [statement] },
        Roles: [{ Ref: role }],
      },
    },
    [`${SYNTHETIC_TASK}${suffix}`]: {
      Type: 'AWS::ECS::TaskDefinition',
      Properties: {
        // One family name for every synthetic task, so messages read the same whichever statement they judge.
        Family: SYNTHETIC_TASK,
        RequiresCompatibilities: ['FARGATE'],
        NetworkMode: 'awsvpc',
        [roleKind === 'task' ? 'TaskRoleArn' : 'ExecutionRoleArn']: { 'Fn::GetAtt': [role, 'Arn'] },
        ContainerDefinitions: [],
      },
    },
  };
}

/** Renders violations as a synth-time error message that names the construct and the fixes. */
export function describeViolations(constructPath: string, violations: readonly ConstructViolation[]): string {
  const lines = violations.map((v) => {
    const what = v.status === 'unverified' ? 'cannot be verified' : 'fails';
    return `  - [${v.ruleId}] ${v.title}${v.key ? ` (${v.key})` : ''} ${what}: ${v.message}\n    Fix: ${v.fix}`;
  });
  return `${constructPath}: ${violations.length} hardening check(s) failed:\n${lines.join('\n')}`;
}

/** TD-15's detector, for inputs that are not CloudFormation (Dockerfile ENV/ARG lines). */
export function detectCredential(name: string, value: string | undefined): { reason: string } | undefined {
  return detectCredentialSignal(name, value);
}

function run(template: object, ruleIds: readonly string[], judged: readonly string[]): ConstructViolation[] {
  return runPerResource(template, ruleIds, judged).map(([, violation]) => violation);
}

/**
 * The violations of the `judged` resources of a synthetic template, each with the logical id of the
 * resource it was found on. The other synthetic resources (the role, the task definition that uses
 * it) are context only: rules follow references into them, but their own findings are not asked for.
 */
function runPerResource(template: object, ruleIds: readonly string[], judged: readonly string[]): Array<[string, ConstructViolation]> {
  const wanted = new Set(ruleIds);
  const rules = ALL_RULES.filter((r) => wanted.has(r.id));
  const result = checkModel(new TemplateModel(template), rules, {}, new Set(judged));
  return result.findings.map((f) => [
    f.resource.logicalId,
    { ruleId: f.ruleId, title: f.title, key: f.key, status: f.status, message: f.message, fix: f.fix },
  ]);
}
