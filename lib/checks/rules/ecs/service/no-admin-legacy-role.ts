import { policiesOfRole, roleIdentifiedBy } from '../../../model/ecs-roles';
import { displayValue, isOpaque } from '../../../model/opaque';
import { property } from '../../../model/values';
import { Outcome, Rule, fail, pass, unverified } from '../../../rule';
import { appliesToAllResources, grantsEveryAction, opaqueActions } from '../../iam/statement-views';

/** SVC-06: the legacy service `Role` (classic load balancer registration) is not an administrator role. */
export const noAdminLegacyRole: Rule = {
  id: 'SVC-06',
  name: 'no-admin-legacy-role',
  title: 'Legacy service role is not an administrator role',
  severity: 'medium',
  rationale:
    'AWS::ECS::Service `Role` is a legacy setting from before the ECS service-linked role: ECS assumes it to register ' +
    'tasks with load balancers. Templates copied from old examples often point it at a broad or administrator role, which ' +
    'ECS then holds for the life of the service. The role must not grant every action on every resource, through its ' +
    'inline `Policies`, attached AWS::IAM::Policy / ManagedPolicy resources or AdministratorAccess. Omitting `Role` is ' +
    'best: ECS then uses its service-linked role. A role defined outside the template cannot be verified.',
  fix:
    'Remove `Role` from the AWS::ECS::Service (the service-linked role AWSServiceRoleForECS is used), or scope the role to ' +
    'the AmazonEC2ContainerServiceRole actions; aws-cdk-lib services never set it.',
  applicability: { os: ['linux', 'windows'], launchTypes: ['EC2', 'EXTERNAL'] },
  resourceTypes: ['AWS::ECS::Service'],
  compliance: {
    related: ['KICS 01986452', 'KICS 9e8c89b3'],
  },
  enabledByDefault: true,

  evaluate(properties, context) {
    const value = property(properties, 'Role');
    if (value === undefined) return [pass('', 'No legacy service role: ECS uses its service-linked role.')];
    const role = roleIdentifiedBy(context.model, value);
    if (!role) {
      const reason = isOpaque(value) && value.details.reason ? ` (${value.details.reason})` : '';
      return [unverified('', `The legacy service role ${displayValue(value)} is not defined in this template${reason}, so its permissions cannot be checked; prefer omitting Role.`)];
    }
    const outcomes: Outcome[] = [];
    for (const policy of policiesOfRole(context.model, role)) {
      if (policy.source === 'key-policy') continue;
      // The model knows the content of the administrator-level AWS managed policies; any other
      // AWS managed policy (typically AmazonEC2ContainerServiceRole) is not an admin grant.
      if (policy.unknown && policy.source === 'aws-managed') continue;
      if (policy.unknown) {
        outcomes.push(unverified(`Policy::${policy.name}`, `Policy ${policy.name} of the legacy service role ${role.logicalId} cannot be read: ${policy.unknown.details.reason ?? policy.unknown.display}.`));
        continue;
      }
      for (const statement of policy.statements) {
        if (statement.effect === 'Deny' || !appliesToAllResources(statement)) continue;
        const key = `Policy::${policy.name}/${statement.key.replace(/^Statement::/, '')}`;
        if (grantsEveryAction(statement)) {
          outcomes.push(statement.effect === 'Allow'
            ? fail(key, `The legacy service role ${role.logicalId} allows every action on every resource through ${policy.name} (administrator access).`)
            : unverified(key, `A statement of ${policy.name} grants every action on every resource, and its Effect cannot be resolved.`));
        } else if (opaqueActions(statement).length > 0) {
          outcomes.push(unverified(key, `Action ${opaqueActions(statement)[0].display} of ${policy.name} cannot be resolved and applies to every resource.`));
        }
      }
    }
    return outcomes.length > 0 ? outcomes : [pass('', `The legacy service role ${role.logicalId} has no administrator statement; prefer omitting Role.`)];
  },
};
