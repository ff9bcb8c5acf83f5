import { PERMISSION_RESOURCE_TYPES, ecsPermissions, judgeAllowStatements } from './ecs-policy-scope';
import { LEAST_PRIVILEGE_FRAMEWORKS } from './iam-control-mappings';
import { appliesToAllResources, literalActions, opaqueActions } from './statement-views';
import { requiresWildcardResource } from '../../model/iam-actions';
import { PolicyStatement, PolicyValue, flatten } from '../../model/iam-policy';
import { Opaque } from '../../model/opaque';
import { Outcome, Rule, fail, notApplicable, pass, unverified } from '../../rule';

/**
 * IAM-17: a task role's Allow statements name the resources they apply to.
 *
 * The application's permissions are the blast radius of a compromised container. aws-cdk-lib's
 * grants (`bucket.grantRead(service)`) always name the resource, so they pass; `Resource: "*"`
 * or `NotResource` reaches every resource of the account and fails unless every action in the
 * statement is one IAM authorises only on `*` (X-Ray, `cloudwatch:PutMetricData`, the ECS Exec channels).
 */
export const taskRoleResourcesScoped: Rule = {
  id: 'IAM-17',
  name: 'task-role-resources-scoped',
  title: 'Task role permissions name the resources they apply to',
  severity: 'high',
  rationale:
    'The task role is what a compromised container can do. An Allow on `Resource: "*"` (or with `NotResource`) applies to ' +
    'every bucket, table, queue and key of the account, present and future. Actions IAM authorises only on `*` are the ' +
    'documented exception. Partial wildcards inside a named resource (`<Bucket.Arn>/*`) and the verb wildcards of ' +
    "aws-cdk-lib's grants are scoped and pass here; IAM-07 reports them individually when you want that evidence.",
  fix:
    'Replace `Resource: "*"` with the ARNs of the resources the application uses (`bucket.grantRead(service)`, ' +
    '`table.grantReadData(service)`, or `service.taskRole.addToPrincipalPolicy(new iam.PolicyStatement({ actions, resources: [arn] }))`). ' +
    'If the action truly needs `*`, acknowledge it with a reason: `service.taskRole.acknowledgeStatement({ sid, reason })`.',
  applicability: { os: ['linux', 'windows'], launchTypes: ['FARGATE', 'EC2', 'EXTERNAL', 'MANAGED_INSTANCES'] },
  resourceTypes: PERMISSION_RESOURCE_TYPES,
  compliance: { ...LEAST_PRIVILEGE_FRAMEWORKS, securityHub: ['IAM.1'], related: ['cdk-nag AwsSolutions-IAM5 (Resource::*)', 'Checkov CKV_AWS_355'] },
  enabledByDefault: true,

  evaluate(properties, context) {
    const permissions = ecsPermissions(properties, context);
    if (!('statements' in permissions)) return [permissions];
    if (!permissions.kinds.has('task')) {
      return [notApplicable('', 'The policy applies to execution roles only (IAM-13 judges those).')];
    }
    return judgeAllowStatements(permissions, judge, 'No Allow statement to judge.');
  },
};

function judge(statement: PolicyStatement): Outcome[] {
  if (!appliesToAllResources(statement)) {
    const unknown = (statement.resources ?? []).filter(isUndeterminedResource);
    if (unknown.length > 0) {
      return [unverified(statement.key, `${statement.key} applies to ${unknown.map(flatten).join(', ')}, which cannot be resolved here (it could be "*").`)];
    }
    return [pass(statement.key, `${statement.key} names its resources.`)];
  }
  const where = statement.notResources ? 'NotResource (every other resource)' : 'Resource "*"';
  if (statement.notActions) return [fail(statement.key, `${statement.key} allows NotAction on ${where}.`)];
  const opaque = opaqueActions(statement);
  const scopedActions = literalActions(statement).filter((a) => !requiresWildcardResource(a));
  if (scopedActions.length > 0) {
    return [fail(statement.key, `${statement.key} allows ${scopedActions.join(', ')} on ${where}.`)];
  }
  if (opaque.length > 0) {
    return [unverified(statement.key, `${statement.key} applies to ${where} with actions ${opaque.map(flatten).join(', ')} that cannot be resolved.`)];
  }
  return [pass(statement.key, `${statement.key} uses "*" only for actions IAM authorises only on "*".`)];
}

/**
 * A resource whose whole value comes from outside the template (an import, a parameter without
 * default): it may be `"*"`. An ARN skeleton with an imported name in it (`arn:aws:sqs:...:<Import>`)
 * or a reference to a resource of this template is determined enough.
 */
function isUndeterminedResource(value: PolicyValue): boolean {
  if (!(value instanceof Opaque)) return false;
  const external = value.leaves().filter((leaf) => leaf.kind !== 'ref' && leaf.kind !== 'getatt' && leaf.kind !== 'pseudo');
  if (external.length === 0) return false;
  if (value.kind !== 'composite') return true;
  const literal = (value.details.parts ?? []).filter((p): p is string => typeof p === 'string').join('');
  return !literal.includes(':');
}
