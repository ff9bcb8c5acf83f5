import { PERMISSION_RESOURCE_TYPES, ecsPermissions, familiesOf } from './ecs-policy-scope';
import { NO_ADMIN_CONTROLS } from './iam-control-mappings';
import { appliesToAllResources, grantsEveryAction, opaqueActions } from './statement-views';
import { awsManagedPolicyName, managedPolicyBaseName } from '../../model/ecs-roles';
import { PolicyStatement } from '../../model/iam-policy';
import { Opaque } from '../../model/opaque';
import { property } from '../../model/values';
import { Outcome, Rule, fail, pass, unverified } from '../../rule';

/** IAM-04: no ECS role policy grants full administrator access. */
export const noAdmin: Rule = {
  id: 'IAM-04',
  name: 'no-admin',
  title: 'ECS role policies do not grant administrator access',
  severity: 'high',
  rationale:
    'A task that can do anything turns any application bug into an account takeover. Admin means an Allow of `*` or `*:*` on ' +
    'every resource (`*`, `arn:*`, `arn:${AWS::Partition}:*`), `*` with `NotResource`, or the AdministratorAccess managed ' +
    'policy. Every statement is read in any key order (peer checkers stop at the first statement, miss `*:*`, skip ' +
    '`NotResource`, or regex-match one key order). A statement IAM would reject (e.g. no `Effect`) is reported here as invalid ' +
    'rather than assumed to be a Deny. Only roles used by ECS task definitions of the template are in scope.',
  fix:
    'Replace `Action: "*"` with the actions the application calls, on the ARNs it uses, in the `PolicyDocument` of the ' +
    '`AWS::IAM::Policy` or the role\'s `Policies`; remove AdministratorAccess from `ManagedPolicyArns`. In aws-cdk-lib use ' +
    'grants (`bucket.grantRead(taskDefinition.taskRole)`) instead of `addToPolicy` with `*`.',
  applicability: { os: ['linux', 'windows'], launchTypes: ['FARGATE', 'EC2', 'EXTERNAL', 'MANAGED_INSTANCES'] },
  resourceTypes: PERMISSION_RESOURCE_TYPES,
  compliance: { ...NO_ADMIN_CONTROLS, related: ['CKV_AWS_62', 'CKV_AWS_63', 'KICS 953b3cdb', 'cdk-nag IAMPolicyNoStatementsWithAdminAccess', 'Prowler iam_*_no_administrative_privileges'] },
  enabledByDefault: true,

  evaluate(properties, context) {
    const permissions = ecsPermissions(properties, context);
    if (!('statements' in permissions)) return [permissions];
    const outcomes: Outcome[] = [...permissions.unreadable];
    for (const statement of permissions.statements) outcomes.push(judge(statement));
    if (context.resource.type === 'AWS::IAM::Role') {
      for (const arn of asList(property(properties, 'ManagedPolicyArns'))) {
        const name = awsManagedPolicyName(arn);
        if (name && managedPolicyBaseName(name).toLowerCase() === 'administratoraccess') {
          outcomes.push(fail(`ManagedPolicy::${name}`, `The role (used by ${familiesOf(permissions.uses)}) has the AdministratorAccess managed policy.`));
        }
      }
    }
    return outcomes.length ? outcomes : [pass('', 'No statement grants administrator access.')];
  },
};

function judge(statement: PolicyStatement): Outcome {
  if (statement.invalid) return fail(statement.key, `The ${statement.invalid}; IAM rejects it, and it must not be read as a Deny.`);
  if (statement.effect === 'Deny') return pass(statement.key, 'Deny statement.');
  const everyAction = grantsEveryAction(statement);
  const allResources = appliesToAllResources(statement);
  const effectOpaque = statement.effect instanceof Opaque ? statement.effect : undefined;
  if (everyAction && allResources) {
    const message = statement.notResources
      ? 'Allows every action on every resource except its NotResource list (administrator access).'
      : 'Allows every action on every resource (administrator access).';
    return effectOpaque ? unverified(statement.key, `${message} Its Effect ${effectOpaque.display} cannot be resolved.`) : fail(statement.key, message);
  }
  const unknownAction = opaqueActions(statement)[0];
  if (unknownAction && allResources) {
    return unverified(statement.key, `Action ${unknownAction.display} cannot be resolved and the statement applies to every resource.`);
  }
  return pass(statement.key, 'The statement does not grant administrator access.');
}

function asList(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}
