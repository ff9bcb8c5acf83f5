import { PERMISSION_RESOURCE_TYPES, ecsPermissions, judgeAllowStatements } from './ecs-policy-scope';
import { LEAST_PRIVILEGE_FRAMEWORKS } from './iam-control-mappings';
import { literalActions } from './statement-views';
import { hasWildcard, requiresWildcardResource } from '../../model/iam-actions';
import { PolicyStatement, flatten } from '../../model/iam-policy';
import { Opaque } from '../../model/opaque';
import { Outcome, Rule, fail, pass, unverified } from '../../rule';

/** IAM-07: every wildcard in an ECS role's Allow statements is its own, acknowledgeable finding. */
export const wildcardEvidence: Rule = {
  id: 'IAM-07',
  name: 'wildcard-evidence',
  title: 'Wildcards in ECS role policies are individually justified',
  severity: 'medium',
  rationale:
    'Each wildcard action becomes `Action::<action>` and each wildcard resource `Resource::<flattened ARN>` (intrinsics shown ' +
    'as `<Logical.Attr>`), so a reviewer acknowledges exactly one wildcard and a new one fails again (cdk-nag IAM5 style, ' +
    'with its gaps fixed: NotAction is reported instead of throwing, NotResource is read, `?` wildcards count). Documented ' +
    'exceptions pass: `Resource: "*"` for actions IAM authorises only on `*` (ecr:GetAuthorizationToken, the ECS Exec ' +
    '`ssmmessages` channels, X-Ray, cloudwatch:PutMetricData), the `:*` log-stream suffix of a named log group, and the ' +
    '`-??????` suffix of a named secret (catalogue §4.5: it matches exactly the 6-character suffix Secrets Manager appends). ' +
    "Off by default: aws-cdk-lib's grants (`bucket.grantRead(service)`) use scoped verb wildcards such as `s3:GetObject*` on a " +
    'named bucket, which this rule reports one by one; IAM-17 (on by default) fails what matters, `Resource: "*"` on a task role. ' +
    'Turn IAM-07 on for an audit that wants every wildcard justified.',
  fix:
    'Replace the wildcard with the exact action or ARN in the `Action`/`Resource` of the statement, or acknowledge the ' +
    'finding key with a reason (`Validations.of(policy).acknowledge("HardenedECS-IAM-07[Resource::*]", reason)` in the cdk-nag ' +
    'pack).',
  applicability: { os: ['linux', 'windows'], launchTypes: ['FARGATE', 'EC2', 'EXTERNAL', 'MANAGED_INSTANCES'] },
  resourceTypes: PERMISSION_RESOURCE_TYPES,
  compliance: { ...LEAST_PRIVILEGE_FRAMEWORKS, related: ['cdk-nag AwsSolutions-IAM5 (granular)'] },
  enabledByDefault: false,

  evaluate(properties, context) {
    const permissions = ecsPermissions(properties, context);
    if (!('statements' in permissions)) return [permissions];
    return judgeAllowStatements(permissions, judge, 'No wildcard in any Allow statement.');
  },
};

function judge(statement: PolicyStatement): Outcome[] {
  const outcomes: Outcome[] = [];
  const where = `in ${statement.key}`;
  for (const action of literalActions(statement).filter(hasWildcard)) {
    outcomes.push(fail(`Action::${action}`, `Wildcard action ${action} ${where}.`));
  }
  for (const action of statement.notActions ?? []) {
    outcomes.push(fail(`Action::NotAction:${flatten(action)}`, `Allow + NotAction ${flatten(action)} ${where} grants every other action.`));
  }
  const onlyWildcardResourceActions = literalActions(statement).length > 0
    && (statement.actions ?? []).every((a) => typeof a === 'string' && requiresWildcardResource(a));
  for (const resource of statement.resources ?? []) {
    const text = flatten(resource);
    if (resource instanceof Opaque && !['ref', 'getatt', 'composite', 'pseudo'].includes(resource.kind)) {
      outcomes.push(unverified(`Resource::${text}`, `Resource ${text} ${where} cannot be resolved: ${resource.details.reason ?? 'unknown value'}.`));
      continue;
    }
    if (!literalPartsHaveWildcard(resource)) continue;
    if (/^\*+$/.test(text) && onlyWildcardResourceActions) continue;
    if (isLogStreamSuffix(text) || isSecretSuffixPattern(text)) continue;
    outcomes.push(fail(`Resource::${text}`, `Wildcard resource ${text} ${where}.`));
  }
  for (const resource of statement.notResources ?? []) {
    outcomes.push(fail(`Resource::NotResource:${flatten(resource)}`, `Allow + NotResource ${flatten(resource)} ${where} applies to every other resource.`));
  }
  if (!outcomes.length) outcomes.push(pass(statement.key, 'No wildcard action or resource.'));
  return outcomes;
}

/** Wildcards count only in literal text: `<Bucket.Arn>/*` has one, `<Secret>` has none. */
function literalPartsHaveWildcard(value: string | Opaque): boolean {
  if (typeof value === 'string') return hasWildcard(value);
  const parts = value.kind === 'composite' ? value.details.parts ?? [] : [];
  return parts.some((p) => typeof p === 'string' && hasWildcard(p));
}

/** `arn:...:log-group:<name>:*` (or `:log-stream:*`) with a named group: the streams of one group. */
function isLogStreamSuffix(text: string): boolean {
  const match = /:log-group:([^*?]+?)(:log-stream:\*|:\*)$/.exec(text);
  return match !== null && match[1] !== '';
}

/** `...:secret:<name>-??????`: one named secret, whatever its random suffix (catalogue §4.5). */
function isSecretSuffixPattern(text: string): boolean {
  return /:secret:[^*?]+-\?{6}$/.test(text);
}
