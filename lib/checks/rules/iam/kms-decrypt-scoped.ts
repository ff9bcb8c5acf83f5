import { PERMISSION_RESOURCE_TYPES, ecsPermissions, judgeAllowStatements } from './ecs-policy-scope';
import { appliesToAllResources } from './statement-views';
import { EcsRoleKind, ecsRoleKinds, roleIdentifiedBy } from '../../model/ecs-roles';
import { PolicyStatement, conditionClauses, coversAction, flatten, parseStatements } from '../../model/iam-policy';
import { Opaque } from '../../model/opaque';
import { property } from '../../model/values';
import { Outcome, Rule, RuleContext, fail, notApplicable, pass, unverified } from '../../rule';

const DECRYPT_ACTIONS = ['kms:Decrypt', 'kms:ReEncryptFrom'];
const SECRET_SERVICES = /^(secretsmanager|ssm)\.(<AWS::Region>|[a-z0-9*?-]+)\.(amazonaws\.com|<AWS::URLSuffix>)$/;

/** IAM-11: `kms:Decrypt` is scoped to keys and, for secrets, to the calling service. */
export const kmsDecryptScoped: Rule = {
  id: 'IAM-11',
  name: 'kms-decrypt-scoped',
  title: 'kms:Decrypt is scoped to keys and to the secret service',
  severity: 'medium',
  rationale:
    '`kms:Decrypt` on every key decrypts any data the account encrypted. Identity statements fail on `*` (or a `key/*` ' +
    'pattern) without a `kms:ViaService`/`kms:EncryptionContext` condition. With such a condition they still fail: the ' +
    'catalogue calls it a warning, this checker has only pass/fail, and Security Hub KMS.1/KMS.2 fail it too; scoping ' +
    '`Resource` to the key ARN costs nothing. A `kms:ViaService` value with a wildcard under `StringEquals` never matches ' +
    '(a common, silent mistake): it fails. On execution roles, whose only use of a key is secrets, decrypt must carry ' +
    '`kms:ViaService` = `secretsmanager.<region>.amazonaws.com` or `ssm.<region>.amazonaws.com`. KMS key policies are read too: ' +
    'their statements that name an ECS role are judged the same way (there `Resource: "*"` is the key itself).',
  fix:
    'Use `Resource: <key ARN>` with `Condition: { StringEquals: { "kms:ViaService": "secretsmanager.${AWS::Region}.amazonaws.com" } }` ' +
    '(`StringLike` if you need a wildcard). cdk-hardened-ecs secrets grant exactly this on the execution role; in aws-cdk-lib ' +
    'add the statement yourself instead of `key.grantDecrypt(role)`.',
  applicability: { os: ['linux', 'windows'], launchTypes: ['FARGATE', 'EC2', 'EXTERNAL', 'MANAGED_INSTANCES'] },
  resourceTypes: [...PERMISSION_RESOURCE_TYPES, 'AWS::KMS::Key'],
  compliance: {
    securityHub: ['KMS.1', 'KMS.2'],
    configRules: ['iam-customer-policy-blocked-kms-actions', 'iam-inline-policy-blocked-kms-actions'],
    nist80053: ['AC-2', 'AC-3', 'AC-3(15)', 'AC-5', 'AC-6'],
    related: ['cdk-nag AwsSolutions-IAM5 (ignores conditions)'],
  },
  enabledByDefault: true,

  evaluate(properties, context) {
    if (context.resource.type === 'AWS::KMS::Key') return evaluateKeyPolicy(properties, context);
    const permissions = ecsPermissions(properties, context);
    if (!('statements' in permissions)) return [permissions];
    const execution = permissions.kinds.has('execution') && !permissions.kinds.has('task');
    return judgeAllowStatements(permissions, (s) => judge(s, execution, false), 'No statement grants kms:Decrypt.');
  },
};

function evaluateKeyPolicy(properties: Record<string, unknown>, { model }: RuleContext): Outcome[] {
  const outcomes: Outcome[] = [];
  for (const statement of parseStatements(property(properties, 'KeyPolicy'))) {
    if (statement.invalid || statement.effect !== 'Allow') continue;
    const kinds = new Set<EcsRoleKind>();
    for (const principal of statement.principals ?? []) {
      if (principal.type !== 'AWS') continue;
      const role = roleIdentifiedBy(model, principal.value);
      if (role) ecsRoleKinds(model, role).forEach((k) => kinds.add(k));
    }
    if (!kinds.size) continue;
    outcomes.push(...judge(statement, kinds.has('execution') && !kinds.has('task'), true));
  }
  return outcomes.length ? outcomes : [notApplicable('', 'The key policy grants no ECS role kms:Decrypt.')];
}

function judge(statement: PolicyStatement, executionRole: boolean, keyPolicy: boolean): Outcome[] {
  const covered = DECRYPT_ACTIONS.map((a) => ({ action: a, covers: coversAction(statement, a) }));
  const opaque = covered.find((c) => c.covers instanceof Opaque);
  const granted = covered.filter((c) => c.covers === true).map((c) => c.action);
  if (!granted.length) {
    return opaque ? [unverified(statement.key, `Action ${(opaque.covers as Opaque).display} cannot be resolved; it may grant kms:Decrypt.`)] : [];
  }
  const what = granted.join('/');
  const via = conditionClauses(statement, 'kms:ViaService');
  const neverMatches = via.filter((c) => /^StringEquals(IgnoreCase)?$/i.test(c.baseOperator) && c.values.some((v) => /[*?]/.test(flatten(v))));
  if (neverMatches.length) {
    return [fail(statement.key, `kms:ViaService ${neverMatches.flatMap((c) => c.values).map(flatten).join(', ')} uses StringEquals with a wildcard, which never matches (use StringLike).`)];
  }
  const context = statement.conditions.filter((c) => /^kms:EncryptionContext/i.test(c.key));
  const allKeys = !keyPolicy && (appliesToAllResources(statement) || (statement.resources ?? []).some((r) => /:key\/\*$|:alias\/\*$/.test(flatten(r))));
  if (allKeys) {
    if (!via.length && !context.length) return [fail(statement.key, `${what} on every KMS key without kms:ViaService or encryption-context condition.`)];
    return [fail(statement.key, `${what} on every KMS key, narrowed only by ${[...via, ...context].map((c) => c.key).join(', ')}: scope Resource to the key ARN.`)];
  }
  if (executionRole) {
    const secretVia = via.some((c) => !/Not/i.test(c.baseOperator) && c.values.length > 0 && c.values.every((v) => SECRET_SERVICES.test(flatten(v).toLowerCase().replace('<aws::region>', '<AWS::Region>').replace('<aws::urlsuffix>', '<AWS::URLSuffix>'))));
    if (!secretVia) {
      return [fail(statement.key, `The execution role may ${what} without kms:ViaService = secretsmanager.<region>.amazonaws.com or ssm.<region>.amazonaws.com.`)];
    }
  }
  return [pass(statement.key, `${what} is scoped to specific keys${via.length ? ' and to the calling service' : ''}.`)];
}
