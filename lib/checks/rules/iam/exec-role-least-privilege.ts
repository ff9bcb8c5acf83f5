import { PERMISSION_RESOURCE_TYPES, ecsPermissions, judgeAllowStatements } from './ecs-policy-scope';
import { LEAST_PRIVILEGE_FRAMEWORKS } from './iam-control-mappings';
import { isAllResourcesPattern } from './statement-views';
import { awsManagedPolicyName, managedPolicyBaseName } from '../../model/ecs-roles';
import { PolicyStatement, PolicyValue, flatten } from '../../model/iam-policy';
import { Opaque } from '../../model/opaque';
import { property } from '../../model/values';
import { Outcome, Rule, fail, notApplicable, pass, unverified } from '../../rule';

/** What the ECS agent needs from an execution role: each action, and whether `*` is acceptable for it. */
const EXECUTION_ACTIONS: Record<string, { readonly resource: RegExp; readonly anyResource?: boolean }> = {
  'ecr:getauthorizationtoken': { resource: /.*/, anyResource: true },
  'ecr:batchchecklayeravailability': { resource: /:repository\// },
  'ecr:getdownloadurlforlayer': { resource: /:repository\// },
  'ecr:batchgetimage': { resource: /:repository\// },
  'logs:createlogstream': { resource: /:log-group:/ },
  'logs:putlogevents': { resource: /:log-group:/ },
  'secretsmanager:getsecretvalue': { resource: /:secret:/ },
  'ssm:getparameters': { resource: /:parameter/ },
  'kms:decrypt': { resource: /:key\// },
};

/** IAM-13: the execution role holds only what the ECS agent needs, on named resources. */
export const execRoleLeastPrivilege: Rule = {
  id: 'IAM-13',
  name: 'exec-role-least-privilege',
  title: 'Execution role grants only image pull, logs, referenced secrets and scoped decrypt',
  severity: 'medium',
  rationale:
    'The execution role is used by the ECS agent, not the application: it needs `ecr:GetAuthorizationToken` (on `*`, the ' +
    'only action that requires it), image pull on the repositories, `logs:CreateLogStream`/`PutLogEvents` on the task\'s log ' +
    'groups, `secretsmanager:GetSecretValue`/`ssm:GetParameters` on the referenced secrets, and `kms:Decrypt` on their keys. ' +
    'Anything else is extra reach for whoever can start a task. The managed `AmazonECSTaskExecutionRolePolicy` grants its ' +
    'actions on `*` and fails, as does any other AWS managed policy. aws-cdk-lib also grants `secretsmanager:DescribeSecret` ' +
    'and three extra SSM reads, which fail here. GuardDuty Runtime Monitoring needs pull access to the GuardDuty ECR ' +
    'repositories: list them explicitly. Roles also used as task roles are left to TD-18/IAM-16.',
  fix:
    'Remove `ManagedPolicyArns` and extra actions from the execution role; grant the actions above on the exact ARNs. ' +
    'cdk-hardened-ecs task definitions build their execution role this way; in aws-cdk-lib do not attach ' +
    '`ManagedPolicy.fromAwsManagedPolicyName("service-role/AmazonECSTaskExecutionRolePolicy")`.',
  applicability: { os: ['linux', 'windows'], launchTypes: ['FARGATE', 'EC2', 'EXTERNAL', 'MANAGED_INSTANCES'] },
  resourceTypes: PERMISSION_RESOURCE_TYPES,
  compliance: { ...LEAST_PRIVILEGE_FRAMEWORKS, related: ['cdk-nag AwsSolutions-IAM4'] },
  enabledByDefault: true,

  evaluate(properties, context) {
    const permissions = ecsPermissions(properties, context);
    if (!('statements' in permissions)) return [permissions];
    if (!permissions.kinds.has('execution')) return [notApplicable('', 'Not an execution role.')];
    if (permissions.kinds.has('task')) return [notApplicable('', 'The role is also a task role (see TD-18 and IAM-16).')];
    const outcomes = judgeAllowStatements(permissions, judge, 'No Allow statement.');
    if (context.resource.type === 'AWS::IAM::Role') {
      for (const arn of asList(property(properties, 'ManagedPolicyArns'))) {
        const name = awsManagedPolicyName(arn);
        if (name) outcomes.push(fail(`ManagedPolicy::${name}`, `AWS managed policy ${managedPolicyBaseName(name)} on the execution role grants more than the task needs (all on *).`));
        else if (arn instanceof Opaque && arn.kind !== 'ref' && arn.kind !== 'getatt') outcomes.push(unverified(`ManagedPolicy::${arn.display}`, `Managed policy ${arn.display} cannot be resolved.`));
      }
    }
    return outcomes;
  },
};

function judge(statement: PolicyStatement): Outcome[] {
  if (statement.notActions) return [fail(statement.key, 'Allow + NotAction on the execution role grants almost everything.')];
  const problems: string[] = [];
  let undecided: string | undefined;
  for (const action of statement.actions ?? []) {
    if (action instanceof Opaque) {
      undecided ??= `action ${action.display} cannot be resolved`;
      continue;
    }
    const need = EXECUTION_ACTIONS[action.toLowerCase()];
    if (!need) {
      problems.push(`${action} is not needed by the ECS agent`);
      continue;
    }
    if (need.anyResource) continue;
    if (statement.notResources) problems.push(`${action} with NotResource`);
    for (const resource of statement.resources ?? []) {
      const verdict = resourceFits(resource, need.resource);
      if (verdict === false) problems.push(`${action} on ${flatten(resource)}`);
      else if (verdict instanceof Opaque) undecided ??= `resource ${verdict.display} cannot be resolved`;
    }
  }
  if (problems.length) return [fail(statement.key, `Execution role grants more than the agent needs: ${problems.join('; ')}.`)];
  if (undecided) return [unverified(statement.key, `Cannot verify the execution role statement: ${undecided}.`)];
  return [pass(statement.key, 'Only agent actions on named resources.')];
}

function resourceFits(resource: PolicyValue, shape: RegExp): boolean | Opaque {
  if (isAllResourcesPattern(resource)) return false;
  if (resource instanceof Opaque && (resource.kind === 'ref' || resource.kind === 'getatt')) return true;
  if (resource instanceof Opaque && resource.kind !== 'composite') return resource;
  const text = flatten(resource);
  if (!shape.test(text)) return false;
  // A wildcard in the resource name (repository/*, log-group:*, secret:*) is every resource of the kind.
  return !/(repository\/|log-group:|secret:|parameter\/?|key\/)\*/.test(text);
}

function asList(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}
