import { trustStatements } from './trust-statements';
import { PolicyStatement, PrincipalEntry, conditionClauses, flatten, isOwnAccount, splitArn } from '../../model/iam-policy';
import { Opaque } from '../../model/opaque';
import { Outcome, Rule, fail, pass, unverified } from '../../rule';

/** IAM-03: cross-account trust requires an external id or MFA. */
export const crossAccountTrust: Rule = {
  id: 'IAM-03',
  name: 'cross-account-trust',
  title: 'Cross-account trust requires sts:ExternalId or MFA',
  severity: 'medium',
  rationale:
    'A role that another account may assume should require `sts:ExternalId` (for third parties) or ' +
    '`aws:MultiFactorAuthPresent` (for people), so that the other account cannot be tricked into using it for someone else. ' +
    'Every statement is read, not only the first (Checkov\'s CKV_AWS_61 reads only `Statement[0]`). The stack\'s own account ' +
    '(`${AWS::AccountId}`) is fine. A literal account id is treated as another account: write `${AWS::AccountId}` for your own.',
  fix:
    'Add `Condition: { StringEquals: { "sts:ExternalId": "<id>" } }` (or `Bool: { "aws:MultiFactorAuthPresent": "true" }`) to ' +
    'the cross-account statement of `AssumeRolePolicyDocument`. In aws-cdk-lib: `new iam.AccountPrincipal(id)` with ' +
    '`externalIds` on the role, or `.withConditions(...)`.',
  applicability: { os: ['linux', 'windows'], launchTypes: ['FARGATE', 'EC2', 'EXTERNAL', 'MANAGED_INSTANCES'] },
  resourceTypes: ['AWS::IAM::Role'],
  compliance: { nist80053: ['AC-3', 'AC-6', 'AC-20'], related: ['CKV_AWS_61', 'KICS'] },
  enabledByDefault: true,

  evaluate(properties) {
    const statements = trustStatements(properties);
    if (!Array.isArray(statements)) return [statements];
    const outcomes = statements.map(judge).filter((o): o is Outcome => o !== undefined);
    return outcomes.length ? outcomes : [pass('', 'The trust policy names no other account.')];
  },
};

type Ownership = 'own' | 'other' | 'public' | Opaque;

function judge(statement: PolicyStatement): Outcome | undefined {
  const aws = (statement.principals ?? []).filter((p) => p.type === 'AWS');
  if (!aws.length) return undefined;
  const owners = aws.map((p) => ({ principal: p, owner: ownership(p) }));
  const others = owners.filter((o) => o.owner === 'other');
  const opaque = owners.find((o) => o.owner instanceof Opaque);
  if (!others.length) {
    if (opaque) return unverified(statement.key, `Principal ${flatten(opaque.principal.value)} cannot be resolved; it may be another account.`);
    return pass(statement.key, 'The trusted AWS principals are in this account (public principals are IAM-02\'s).');
  }
  const guarded = conditionClauses(statement, 'sts:ExternalId').length > 0
    // IAM ORs the values of one key: ["true", "false"] lets a caller without MFA in.
    || conditionClauses(statement, 'aws:MultiFactorAuthPresent', ['Bool']).some((c) => c.values.length > 0 && c.values.every((v) => v === 'true'));
  const names = others.map((o) => flatten(o.principal.value)).join(', ');
  if (guarded) return pass(statement.key, `Cross-account trust of ${names} requires an external id or MFA.`);
  return fail(statement.key, `The role trusts ${names} (another account, unless it is this stack's own: then write \${AWS::AccountId}) without sts:ExternalId or MFA.`);
}

function ownership(principal: PrincipalEntry): Ownership {
  const value = principal.value;
  if (typeof value === 'string') {
    if (/^\*+$/.test(value)) return 'public';
    if (/^\d{12}$/.test(value)) return 'other';
  }
  if (isOwnAccount(value)) return 'own';
  // A Ref/GetAtt names a role or user of this template, hence this account.
  if (value instanceof Opaque && (value.kind === 'ref' || value.kind === 'getatt')) return 'own';
  const fields = splitArn(value);
  if (!fields) return value instanceof Opaque ? value : 'other';
  const account = fields[4];
  if (isOwnAccount(account)) return 'own';
  if (account instanceof Opaque) return account;
  return /^\d{12}$/.test(account) ? 'other' : 'public';
}
