import { PERMISSION_RESOURCE_TYPES, ecsPermissions, judgeAllowStatements } from './ecs-policy-scope';
import { LEAST_PRIVILEGE_FRAMEWORKS } from './iam-control-mappings';
import { PolicyValue, conditionClauses, coversAction, flatten } from '../../model/iam-policy';
import { Opaque } from '../../model/opaque';
import { Outcome, Rule, fail, pass, unverified } from '../../rule';

/** IAM-09: `iam:PassRole` only on named roles and only to a named service. */
export const passroleScoped: Rule = {
  id: 'IAM-09',
  name: 'passrole-scoped',
  title: 'iam:PassRole is limited to named roles and iam:PassedToService',
  severity: 'high',
  rationale:
    '`iam:PassRole` lets the caller hand a role to a service, which then acts with that role\'s permissions. It must name ' +
    'the roles (explicit role ARNs, no wildcard) and the service (`iam:PassedToService`), as aws-cdk-lib\'s own grant does ' +
    '(`[taskRole, executionRole]` + `StringLike iam:PassedToService = ecs-tasks.amazonaws.com`). Grants through `iam:*`, ' +
    '`iam:Pass*` or `*` count. `*` with `iam:PassedToService` still fails (the catalogue\'s "warning"): any role of the ' +
    'account can be passed to that service.',
  fix:
    'Set `Resource` to the role ARNs (`Fn::GetAtt [Role, Arn]`) and add `Condition: { StringEquals: { "iam:PassedToService": ' +
    '"ecs-tasks.amazonaws.com" } }`. In aws-cdk-lib use `role.grantPassRole(grantee)`, which scopes both.',
  applicability: { os: ['linux', 'windows'], launchTypes: ['FARGATE', 'EC2', 'EXTERNAL', 'MANAGED_INSTANCES'] },
  resourceTypes: PERMISSION_RESOURCE_TYPES,
  compliance: { ...LEAST_PRIVILEGE_FRAMEWORKS, related: ['Prowler iam_policy_allows_privilege_escalation (PassRole)'] },
  enabledByDefault: true,

  evaluate(properties, context) {
    const permissions = ecsPermissions(properties, context);
    if (!('statements' in permissions)) return [permissions];
    return judgeAllowStatements(permissions, (statement): Outcome[] => {
      const covers = coversAction(statement, 'iam:PassRole');
      if (covers === false) return [];
      if (covers instanceof Opaque) return [unverified(statement.key, `Action ${covers.display} cannot be resolved; it may grant iam:PassRole.`)];
      const problems: string[] = [];
      if (statement.notResources) problems.push('it uses NotResource (every other role)');
      const loose = (statement.resources ?? []).filter((r) => !isNamedRole(r));
      const unknown = loose.find((r): r is Opaque => r instanceof Opaque && !['ref', 'getatt', 'composite'].includes(r.kind));
      const wild = loose.filter((r) => r !== unknown);
      if (wild.length) problems.push(`it applies to ${wild.map(flatten).join(', ')}, not named role ARNs`);
      if (!conditionClauses(statement, 'iam:PassedToService').length) problems.push('it has no iam:PassedToService condition');
      if (problems.length) return [fail(statement.key, `iam:PassRole is not scoped: ${problems.join('; ')}.`)];
      if (unknown) return [unverified(statement.key, `iam:PassRole resource ${unknown.display} cannot be resolved.`)];
      return [pass(statement.key, 'iam:PassRole names the roles and the service.')];
    }, 'No statement grants iam:PassRole.');
  },
};

/** A role ARN without wildcards: a `Ref`/`GetAtt`, or an ARN whose literal text has `:role/<name>` and no `*`/`?`. */
function isNamedRole(value: PolicyValue): boolean {
  if (value instanceof Opaque && (value.kind === 'ref' || value.kind === 'getatt')) return true;
  const literal = typeof value === 'string' ? value : (value.details.parts ?? []).filter((p): p is string => typeof p === 'string').join('\u0000');
  if (/[*?]/.test(literal)) return false;
  return /:role\//.test(typeof value === 'string' ? value : value.display);
}
