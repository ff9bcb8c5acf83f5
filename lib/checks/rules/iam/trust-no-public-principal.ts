import { trustStatements } from './trust-statements';
import { PolicyStatement, conditionClauses, hasPublicPrincipal } from '../../model/iam-policy';
import { Opaque } from '../../model/opaque';
import { Outcome, Rule, fail, pass, unverified } from '../../rule';

/** Condition keys that tie a public principal to known callers; with a literal, non-wildcard value they make the trust non-public. */
const RESTRICTING_KEYS = ['aws:PrincipalOrgID', 'aws:PrincipalAccount', 'aws:PrincipalArn', 'aws:SourceAccount', 'aws:SourceArn', 'aws:SourceOrgID', 'sts:ExternalId'];

/** IAM-02: no role may be assumed by anyone. */
export const trustNoPublicPrincipal: Rule = {
  id: 'IAM-02',
  name: 'trust-no-public-principal',
  title: 'Role trust policies have no public principal',
  severity: 'critical',
  rationale:
    'A trust statement with `Principal: "*"` or `{"AWS": "*"}` lets any AWS account assume the role unless a condition ' +
    'pins the caller (organization, account, principal ARN or external id). Both forms are read, including the bare ' +
    'string `"*"` that Checkov\'s CKV_AWS_60 ignores. All roles are checked, not only ECS roles.',
  fix:
    'Name the trusted principal (`Principal: { Service: "ecs-tasks.amazonaws.com" }` or an account/role ARN) in ' +
    '`AssumeRolePolicyDocument`, or add a `StringEquals` condition on `aws:PrincipalOrgID`/`aws:PrincipalAccount`. In ' +
    'aws-cdk-lib, never use `new iam.AnyPrincipal()`/`StarPrincipal` as `assumedBy`.',
  applicability: { os: ['linux', 'windows'], launchTypes: ['FARGATE', 'EC2', 'EXTERNAL', 'MANAGED_INSTANCES'] },
  resourceTypes: ['AWS::IAM::Role'],
  compliance: {
    nist80053: ['AC-3', 'AC-6'],
    related: ['CKV_AWS_60', 'KICS f80e3aa7'],
  },
  enabledByDefault: true,

  evaluate(properties) {
    const statements = trustStatements(properties);
    if (!Array.isArray(statements)) return [statements];
    const outcomes = statements.map(judge);
    return outcomes.length ? outcomes : [pass('', 'The trust policy has no Allow statement.')];
  },
};

function judge(statement: PolicyStatement): Outcome {
  const opaque = (statement.principals ?? []).find((p) => p.value instanceof Opaque && mayBeWildcard(p.value));
  if (!hasPublicPrincipal(statement)) {
    if (opaque) return unverified(statement.key, `Principal ${(opaque.value as Opaque).display} cannot be resolved; it may be "*".`);
    return pass(statement.key, 'The trusted principals are named.');
  }
  const restricting = RESTRICTING_KEYS.flatMap((k) => conditionClauses(statement, k)).filter(
    (c) => !/Not/i.test(c.baseOperator) && c.values.length > 0 && c.values.every((v) => typeof v !== 'string' || !/^[*?]+$/.test(v)),
  );
  if (restricting.length) {
    return pass(statement.key, `The public principal is restricted by ${restricting.map((c) => c.key).join(', ')}.`);
  }
  return fail(statement.key, 'Anyone can assume the role: the trust allows Principal "*" without a condition on the caller\'s organization, account or ARN.');
}

/** An opaque principal may resolve to `*` unless it names a resource or has literal ARN text around its intrinsics. */
function mayBeWildcard(value: Opaque): boolean {
  if (value.kind === 'ref' || value.kind === 'getatt' || value.kind === 'pseudo') return false;
  if (value.kind === 'composite') return !(value.details.parts ?? []).some((p) => typeof p === 'string' && /[^*?]/.test(p));
  return true;
}
