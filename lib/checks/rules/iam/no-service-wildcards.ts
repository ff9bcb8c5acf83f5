import { PERMISSION_RESOURCE_TYPES, ecsPermissions, judgeAllowStatements } from './ecs-policy-scope';
import { NO_FULL_ACCESS_CONTROLS } from './iam-control-mappings';
import { literalActions, opaqueActions } from './statement-views';
import { isFullWildcardAction, isServiceWildcardAction } from '../../model/iam-actions';
import { Rule, fail, pass, unverified } from '../../rule';

/** IAM-05: no `svc:*` or `*` actions in ECS role policies. */
export const noServiceWildcards: Rule = {
  id: 'IAM-05',
  name: 'no-service-wildcards',
  title: 'ECS role policies do not allow every action of a service',
  severity: 'medium',
  rationale:
    '`s3:*` or `ecr-public:*` grants every current and future action of the service, including deletes and policy changes. ' +
    'Any service prefix counts, hyphenated ones too (the cdk-nag FullAccess regex and Control Tower IAM.PR.3/5 miss ' +
    '`ecr-public:*`). Whatever the resource, the action list should name what the application calls.',
  fix:
    'List the actions in `Action` (e.g. `s3:GetObject`, `s3:PutObject`) instead of `svc:*`; in aws-cdk-lib prefer ' +
    '`grantRead`/`grantWrite` over `new PolicyStatement({ actions: ["svc:*"] })`.',
  applicability: { os: ['linux', 'windows'], launchTypes: ['FARGATE', 'EC2', 'EXTERNAL', 'MANAGED_INSTANCES'] },
  resourceTypes: PERMISSION_RESOURCE_TYPES,
  compliance: { ...NO_FULL_ACCESS_CONTROLS, related: ['cdk-nag IAMPolicyNoStatementsWithFullAccess', 'Prowler iam_policy_no_full_access_to_*'] },
  enabledByDefault: true,

  evaluate(properties, context) {
    const permissions = ecsPermissions(properties, context);
    if (!('statements' in permissions)) return [permissions];
    return judgeAllowStatements(permissions, (statement) => {
      const wide = literalActions(statement).filter((a) => isFullWildcardAction(a) || isServiceWildcardAction(a));
      if (wide.length) return [fail(statement.key, `Allows every action of a service: ${wide.join(', ')}.`)];
      const unknown = opaqueActions(statement)[0];
      if (unknown) return [unverified(statement.key, `Action ${unknown.display} cannot be resolved; it may be a service wildcard.`)];
      return [pass(statement.key, 'The actions are named.')];
    });
  },
};
