import { PERMISSION_RESOURCE_TYPES, ecsPermissions, judgeAllowStatements } from './ecs-policy-scope';
import { LEAST_PRIVILEGE_FRAMEWORKS } from './iam-control-mappings';
import { literalActions, opaqueActions } from './statement-views';
import { isUnconstrainedAllow } from './unconstrained-statements';
import { requiresWildcardResource, sensitiveCategories } from '../../model/iam-actions';
import { flatten } from '../../model/iam-policy';
import { Rule, fail, pass, unverified } from '../../rule';

/** IAM-10: no write, permissions, credential or exfiltration action on every resource without a condition. */
export const noUnconstrainedSensitive: Rule = {
  id: 'IAM-10',
  name: 'no-unconstrained-sensitive',
  title: 'Sensitive actions are not allowed on every resource',
  severity: 'medium',
  rationale:
    'Write, permissions-management, credential-exposure (`sts:AssumeRole`, `secretsmanager:GetSecretValue`...) and data ' +
    'exfiltration (`s3:GetObject`...) actions on `Resource: "*"` reach every resource of that kind in the account. Read-only ' +
    'metadata actions are not flagged, and neither are actions IAM authorises only on `*` (`ecr:GetAuthorizationToken`, ' +
    'ECS Exec channels, X-Ray, `cloudwatch:PutMetricData`). Wildcard actions count when they can match a sensitive action.',
  fix:
    'Scope `Resource` to the ARNs the task uses (or add a narrowing condition such as `aws:ResourceTag/...`). In aws-cdk-lib, ' +
    'use the resource\'s `grant*` methods rather than `resources: ["*"]`.',
  applicability: { os: ['linux', 'windows'], launchTypes: ['FARGATE', 'EC2', 'EXTERNAL', 'MANAGED_INSTANCES'] },
  resourceTypes: PERMISSION_RESOURCE_TYPES,
  compliance: { ...LEAST_PRIVILEGE_FRAMEWORKS, related: ['CKV_AWS_107', 'CKV_AWS_108', 'CKV_AWS_109', 'CKV_AWS_111', 'KICS e835bd0d', 'Prowler'] },
  enabledByDefault: true,

  evaluate(properties, context) {
    const permissions = ecsPermissions(properties, context);
    if (!('statements' in permissions)) return [permissions];
    return judgeAllowStatements(permissions, (statement) => {
      if (!isUnconstrainedAllow({ ...statement, effect: 'Allow' })) return [pass(statement.key, 'Scoped to resources or conditioned.')];
      if (statement.notActions) return [fail(statement.key, `Allows every action except ${statement.notActions.map(flatten).join(', ')} on every resource.`)];
      const sensitive = literalActions(statement)
        .filter((a) => !requiresWildcardResource(a))
        .map((a) => ({ action: a, categories: sensitiveCategories(a) }))
        .filter((x) => x.categories.length);
      if (sensitive.length) {
        return [fail(statement.key, `Allows on every resource, without condition: ${sensitive.map((x) => `${x.action} (${x.categories.join(', ')})`).join(', ')}.`)];
      }
      const unknown = opaqueActions(statement)[0];
      if (unknown) return [unverified(statement.key, `Action ${unknown.display} on every resource cannot be resolved.`)];
      return [pass(statement.key, 'Only read-only or wildcard-only actions on every resource.')];
    });
  },
};
