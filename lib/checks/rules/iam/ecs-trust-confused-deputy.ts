import { LEAST_PRIVILEGE_FRAMEWORKS } from './iam-control-mappings';
import { trustStatements } from './trust-statements';
import { ecsRoleKinds } from '../../model/ecs-roles';
import { ConditionClause, PolicyStatement, PolicyValue, conditionClauses, flatten, isOwnAccount, servicePrincipals, splitArn } from '../../model/iam-policy';
import { Opaque } from '../../model/opaque';
import { Outcome, Rule, fail, notApplicable, pass, unverified } from '../../rule';

const ECS_TASKS = 'ecs-tasks.amazonaws.com';

/** An account as a condition names it: a literal id, the stack's own account, or undecidable. */
type Account = { kind: 'literal'; id: string } | { kind: 'own' } | { kind: 'opaque'; value: Opaque };

/** IAM-01: roles that ECS tasks assume carry `aws:SourceAccount` / `aws:SourceArn` conditions. */
export const ecsTrustConfusedDeputy: Rule = {
  id: 'IAM-01',
  name: 'ecs-trust-confused-deputy',
  title: 'ECS task role trust is bound to the account (confused deputy)',
  severity: 'medium',
  rationale:
    'Without `aws:SourceAccount` or `aws:SourceArn`, the ECS service can be made to assume the role on behalf of a task in ' +
    'any account (the confused-deputy problem). The AWS ECS task-role documentation recommends both conditions; `aws:SourceArn` ' +
    'is the task ARN, so it can be narrowed to an account and region (`arn:<p>:ecs:<region>:<account>:*`) but not to a cluster. ' +
    'The check fails when the account in the ARN is `*`, when a wildcard value sits under `StringEquals`/`ArnEquals`-style exact ' +
    'operators where it is either never matched or wrongly assumed to match, and when the two conditions name different accounts. ' +
    '`${AWS::AccountId}` is accepted as the stack\'s own account. aws-cdk-lib\'s default trust has no condition and fails. ' +
    'Task roles are always checked; execution roles only with `requireExecutionRoleTrustConditions`, because conditions on ' +
    'the execution role are not yet verified to work at deploy time.',
  fix:
    'Add to the `ecs-tasks.amazonaws.com` trust statement `Condition: { StringEquals: { "aws:SourceAccount": "${AWS::AccountId}" }, ' +
    'ArnLike: { "aws:SourceArn": "arn:${AWS::Partition}:ecs:${AWS::Region}:${AWS::AccountId}:*" } }`. In aws-cdk-lib: ' +
    '`new iam.ServicePrincipal("ecs-tasks.amazonaws.com").withConditions({...})` on the role you pass as `taskRole`; ' +
    'cdk-hardened-ecs task definitions create their task role this way.',
  applicability: { os: ['linux', 'windows'], launchTypes: ['FARGATE', 'EC2', 'EXTERNAL', 'MANAGED_INSTANCES'] },
  resourceTypes: ['AWS::IAM::Role'],
  compliance: {
    ...LEAST_PRIVILEGE_FRAMEWORKS,
    related: ['AWS ECS developer guide: task IAM role (confused deputy prevention)', 'Prowler iam_role_cross_service_confused_deputy_prevention (runtime)'],
  },
  enabledByDefault: true,

  evaluate(properties, { model, resource, options }) {
    const kinds = ecsRoleKinds(model, resource);
    if (kinds.size > 0 && !kinds.has('task') && !options.requireExecutionRoleTrustConditions) {
      return [notApplicable('', 'The role is used only as an execution role; enable requireExecutionRoleTrustConditions to check it.')];
    }
    const statements = trustStatements(properties);
    if (!Array.isArray(statements)) return [statements];
    const outcomes: Outcome[] = [];
    for (const statement of statements) {
      const services = servicePrincipals(statement);
      const ecs = services.some((s) => s === ECS_TASKS);
      const opaque = services.find((s): s is Opaque => s instanceof Opaque);
      if (!ecs && opaque) {
        outcomes.push(unverified(statement.key, `Service principal ${opaque.display} cannot be resolved, so this may be an ECS trust without conditions.`));
      }
      if (ecs) outcomes.push(judgeTrust(statement));
    }
    if (!outcomes.length) return [notApplicable('', `The role does not trust ${ECS_TASKS}.`)];
    return outcomes;
  },
};

function judgeTrust(statement: PolicyStatement): Outcome {
  const key = statement.key;
  const accounts: Account[] = [];
  const problems: string[] = [];
  let undecided: string | undefined;

  for (const clause of conditionClauses(statement, 'aws:SourceAccount')) {
    const base = clause.baseOperator.toLowerCase();
    if (base !== 'stringequals' && base !== 'stringlike') {
      problems.push(`aws:SourceAccount uses ${clause.operator}, which does not bind the account`);
      continue;
    }
    for (const value of clause.values) {
      const account = accountOf(value, clause, problems);
      if (account) accounts.push(account);
    }
  }
  for (const clause of conditionClauses(statement, 'aws:SourceArn')) {
    const base = clause.baseOperator.toLowerCase();
    if (!['arnlike', 'arnequals', 'stringlike', 'stringequals'].includes(base)) {
      problems.push(`aws:SourceArn uses ${clause.operator}, which does not bind the account`);
      continue;
    }
    for (const value of clause.values) {
      const fields = splitArn(value);
      if (!fields) {
        if (value instanceof Opaque) undecided ??= `aws:SourceArn is ${value.display}, which cannot be resolved`;
        else problems.push(`aws:SourceArn ${value} is not an ARN`);
        continue;
      }
      if (typeof fields[2] === 'string' && fields[2].toLowerCase() !== 'ecs') problems.push(`aws:SourceArn ${flatten(value)} is not an ECS ARN`);
      if (base === 'stringequals' && /[*?]/.test(flatten(value))) {
        problems.push(`aws:SourceArn ${flatten(value)} has a wildcard under StringEquals, which never matches a task ARN (use ArnLike)`);
        continue;
      }
      const account = accountOf(fields[4], clause, problems, `account of aws:SourceArn ${flatten(value)}`);
      if (account) accounts.push(account);
    }
  }

  if (problems.length) return fail(key, `The ECS trust statement is not bound to the account: ${problems.join('; ')}.`);
  const opaqueAccount = accounts.find((a): a is Extract<Account, { kind: 'opaque' }> => a.kind === 'opaque');
  if (opaqueAccount) undecided ??= `the account ${opaqueAccount.value.display} cannot be resolved`;
  if (undecided) return unverified(key, `Cannot verify the confused-deputy conditions of the ECS trust: ${undecided}.`);
  if (!accounts.length) {
    return fail(key, `The role trusts ${ECS_TASKS} without aws:SourceAccount or aws:SourceArn (confused deputy).`);
  }
  const literal = new Set(accounts.filter((a) => a.kind === 'literal').map((a) => (a as { id: string }).id));
  const own = accounts.some((a) => a.kind === 'own');
  if (literal.size > 1) return fail(key, `aws:SourceAccount and aws:SourceArn name different accounts (${[...literal].join(', ')}).`);
  if (literal.size === 1 && own) {
    return unverified(key, `The conditions mix account ${[...literal][0]} and \${AWS::AccountId}; they match only if the stack deploys to that account.`);
  }
  return pass(key, `The ECS trust is bound to ${own ? 'the stack\'s own account' : `account ${[...literal][0]}`}.`);
}

function accountOf(value: PolicyValue, clause: ConditionClause, problems: string[], what = 'aws:SourceAccount'): Account | undefined {
  if (isOwnAccount(value)) return { kind: 'own' };
  if (value instanceof Opaque) return { kind: 'opaque', value };
  if (/[*?]/.test(value)) {
    problems.push(/^(StringEquals|ArnEquals)$/i.test(clause.baseOperator) && what === 'aws:SourceAccount'
      ? `${what} "${value}" has a wildcard under ${clause.operator}, which never matches (and would allow any account under a Like operator)`
      : `${what} is "${value}", which matches any account`);
    return undefined;
  }
  if (!/^\d{12}$/.test(value)) {
    problems.push(`${what} "${value}" is not a 12-digit account id`);
    return undefined;
  }
  return { kind: 'literal', id: value };
}
