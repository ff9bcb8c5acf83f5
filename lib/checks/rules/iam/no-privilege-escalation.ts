import { PERMISSION_RESOURCE_TYPES, ecsPermissions, judgeAllowStatements } from './ecs-policy-scope';
import { LEAST_PRIVILEGE_FRAMEWORKS } from './iam-control-mappings';
import { opaqueActions } from './statement-views';
import { isUnconstrainedAllow, unconstrainedStatementsOfRoles } from './unconstrained-statements';
import { ESCALATION_ACTIONS, ESCALATION_COMBINATIONS } from '../../model/iam-actions';
import { PolicyStatement, coversAction } from '../../model/iam-policy';
import { Rule, fail, pass, unverified } from '../../rule';

/** IAM-08: no privilege-escalation action or combination on `*` without a narrowing condition. */
export const noPrivilegeEscalation: Rule = {
  id: 'IAM-08',
  name: 'no-privilege-escalation',
  title: 'ECS roles cannot escalate their own privileges',
  severity: 'high',
  rationale:
    'Some actions let a compromised task give itself more power: editing policies, creating credentials, changing trust, ' +
    'replacing code that runs under another role, or passing any role to a new task, instance, function or stack ' +
    '(catalogue §4.4, including `iam:PassRole` with `ecs:RegisterTaskDefinition` + `RunTask`/`CreateService`, and ' +
    '`ecs:ExecuteCommand` + `DescribeTasks`). Verb wildcards (`iam:Put*`, `iam:*Policy*`, `sts:Assume*`) are expanded against ' +
    'the escalation list; combinations are assembled across every policy of the role. A statement fails when it grants such ' +
    'an action on `*` (or with `NotResource`) without any narrowing condition (cloudsplaining counts any condition; Prowler ' +
    'ignores them).',
  fix:
    'Remove the action from the task or execution role, or scope `Resource` to specific ARNs and add a condition (e.g. ' +
    '`iam:PassedToService`, `iam:PermissionsBoundary`). In aws-cdk-lib, grant on the specific resources (`role.grantPassRole(...)`) ' +
    'instead of `resources: ["*"]`.',
  applicability: { os: ['linux', 'windows'], launchTypes: ['FARGATE', 'EC2', 'EXTERNAL', 'MANAGED_INSTANCES'] },
  resourceTypes: PERMISSION_RESOURCE_TYPES,
  compliance: { ...LEAST_PRIVILEGE_FRAMEWORKS, related: ['CKV_AWS_110', 'Prowler iam_policy_allows_privilege_escalation', 'cloudsplaining privilege escalation'] },
  enabledByDefault: true,

  evaluate(properties, context) {
    const permissions = ecsPermissions(properties, context);
    if (!('statements' in permissions)) return [permissions];
    const roleWide = unconstrainedStatementsOfRoles(context.model, permissions.roles);
    const grantedRoleWide = (action: string) => roleWide.some((s) => coversAction(s, action) === true);
    const combinations = ESCALATION_COMBINATIONS.filter((c) => c.requires.every((group) => group.some(grantedRoleWide)));
    return judgeAllowStatements(permissions, (statement) => {
      if (!isUnconstrainedAllow({ ...statement, effect: 'Allow' })) return [pass(statement.key, 'Scoped to resources or conditioned.')];
      const singles = ESCALATION_ACTIONS.filter((a) => coversAction(statement, a) === true);
      const combos = combinations.filter((c) => contributes(statement, c.requires)).map((c) => c.description);
      if (singles.length || combos.length) {
        const parts = [singles.length ? `escalation actions ${singles.join(', ')}` : '', combos.length ? `escalation combinations: ${combos.join('; ')}` : ''].filter(Boolean);
        return [fail(statement.key, `Grants on every resource, without condition, ${parts.join(' and ')}.`)];
      }
      const unknown = opaqueActions(statement)[0];
      if (unknown) return [unverified(statement.key, `Action ${unknown.display} on every resource cannot be resolved; it may escalate privilege.`)];
      return [pass(statement.key, 'No escalation action on every resource.')];
    });
  },
};

function contributes(statement: PolicyStatement, requires: ReadonlyArray<readonly string[]>): boolean {
  return requires.some((group) => group.some((a) => coversAction(statement, a) === true));
}
