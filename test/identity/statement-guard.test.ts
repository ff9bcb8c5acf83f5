import { CfnResource, Stack } from 'aws-cdk-lib';
import { ConstructViolation } from '../../lib/checks/construct-validation';
import { AttachedStatement } from '../../lib/identity/attached-statements';
import { guardStatements, StatementChecker } from '../../lib/identity/statement-guard';

// The guard's job is plumbing: have each statement judged on its own, match acknowledgments, format
// errors. The rules themselves are the shared rule functions (tested with the rule catalogue); here a
// checker double flags any statement whose Action contains '*', so the plumbing can be tested alone.
const eachStatement = (judge: (statement: any) => ConstructViolation[]): StatementChecker => (statements) => statements.map(judge);

const flagsWildcardActions = eachStatement((s) => {
  const actions: string[] = [].concat(s.Action ?? []);
  return actions.filter(a => a.includes('*')).map(a => ({
    ruleId: 'IAM-05',
    title: 'No service wildcards',
    key: `Action::${a}`,
    status: 'fail' as const,
    message: `${a} allows every action`,
    fix: 'list the actions',
  }));
});

function attached(statements: Array<Record<string, unknown>>): AttachedStatement[] {
  const policy = new CfnResource(new Stack(), 'Policy', { type: 'AWS::IAM::Policy' });
  return statements.map((statement, index) => ({ policy, index, statement }));
}

const wildcard = { Sid: 'Broad', Effect: 'Allow', Action: 's3:*', Resource: 'arn:aws:s3:::b' };
const exact = { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' };
const unnamed = { Effect: 'Allow', Action: ['dynamodb:*'], Resource: '*' };

test('a clean statement passes', () => {
  expect(guardStatements('Svc/Task', attached([exact]), [], 'task', flagsWildcardActions))
    .toEqual({ errors: [], warnings: [], accepted: [], unusedAcceptances: [] });
});

test('the whole rejection message for a task role: statement, findings, fix and acknowledgment', () => {
  expect(guardStatements('Svc/Task', attached([wildcard]), [], 'task', flagsWildcardActions).errors).toEqual([
    'statement Sid \'Broad\' (Allow Action ["s3:*"] on Resource ["arn:aws:s3:::b"]) is not allowed on a task role.\n' +
      '  - [IAM-05] No service wildcards (Action::s3:*): s3:* allows every action\n    Fix: list the actions\n' +
      '  Grant specific actions on specific ARNs instead. If this statement is really intended, acknowledge it on Svc/Task: ' +
      "taskRole.acknowledgeStatement({ sid: 'Broad', reason: '<why, who approved, until when>' }).",
  ]);
});

test('the whole rejection message for an execution role points to the grant methods instead of an acknowledgment', () => {
  expect(guardStatements('Svc/Exec', attached([wildcard]), [], 'execution', flagsWildcardActions).errors).toEqual([
    'statement Sid \'Broad\' (Allow Action ["s3:*"] on Resource ["arn:aws:s3:::b"]) is not allowed on an execution role.\n' +
      '  - [IAM-05] No service wildcards (Action::s3:*): s3:* allows every action\n    Fix: list the actions\n' +
      "  Grant specific actions on specific ARNs instead. The execution role only needs what HardenedExecutionRole's grant* " +
      'methods add; remove this statement from Svc/Exec.',
  ]);
});

test('unverified findings become one warning per statement; failed findings of the same statement stay an error', () => {
  const mixed = eachStatement(() => [
    { ruleId: 'IAM-17', title: 'Scoped resources', key: '', status: 'unverified', message: 'imported ARN', fix: 'check the ARN' },
    { ruleId: 'IAM-05', title: 'No service wildcards', key: 'Action::s3:*', status: 'fail', message: 'wildcard', fix: 'list them' },
  ]);
  const result = guardStatements('Svc/Task', attached([wildcard]), [], 'task', mixed);
  expect(result.warnings).toEqual([
    'statement Sid \'Broad\' (Allow Action ["s3:*"] on Resource ["arn:aws:s3:::b"]) cannot be fully checked at synth:\n' +
      '  - [IAM-17] Scoped resources: imported ARN\n    Fix: check the ARN',
  ]);
  expect(result.errors).toHaveLength(1);
  expect(result.errors[0]).toContain('on a task role.\n  - [IAM-05] No service wildcards (Action::s3:*): wildcard\n    Fix: list them\n  Grant');
  expect(result.errors[0]).not.toContain('IAM-17');
});

test('an acknowledgment naming neither sid nor action matches nothing, even with the right rule', () => {
  const byRuleOnly = { ruleId: 'IAM-05', reason: 'rule alone selects no statement' };
  const result = guardStatements('Svc/Task', attached([wildcard]), [byRuleOnly], 'task', flagsWildcardActions);
  expect(result.errors).toHaveLength(1);
  expect(result.accepted).toEqual([]);
  expect(result.unusedAcceptances).toEqual([byRuleOnly]);
});

test('an acknowledgment limited to the finding\'s rule accepts it', () => {
  const ack = { sid: 'Broad', ruleId: 'IAM-05', reason: 'scratch bucket, SEC-1' };
  const result = guardStatements('Svc/Task', attached([wildcard]), [ack], 'task', flagsWildcardActions);
  expect(result.errors).toEqual([]);
  expect(result.accepted.map(a => [a.attached.statement.Sid, a.violation.ruleId, a.acceptance])).toEqual([['Broad', 'IAM-05', ack]]);
});

test('an empty Sid or a statement without string actions still gets an acknowledgment hint', () => {
  const alwaysFails = eachStatement(() => [{ ruleId: 'IAM-06', title: 't', key: 'k', status: 'fail', message: 'm', fix: 'f' }]);
  const errors = guardStatements('Svc/Task', attached([
    { Sid: '', Effect: 'Allow', NotAction: 'iam:*', Resource: '*' },
    { Effect: 'Allow', Action: [{ Ref: 'ActionParam' }], Resource: '*' },
  ]), [], 'task', alwaysFails).errors;
  expect(errors[0]).toContain("acknowledgeStatement({ action: 'iam:*', reason:");
  expect(errors[1]).toContain("acknowledgeStatement({ action: '<action>', reason:");
});

test('a rejected statement is named by Sid, with actions, resources, rule, fix and the acknowledgment API', () => {
  const [error] = guardStatements('Svc/Task', attached([exact, wildcard]), [], 'task', flagsWildcardActions).errors;
  expect(error).toContain("statement Sid 'Broad' (Allow Action [\"s3:*\"] on Resource [\"arn:aws:s3:::b\"]) is not allowed on a task role");
  expect(error).toContain('[IAM-05] No service wildcards (Action::s3:*): s3:* allows every action\n    Fix: list the actions');
  expect(error).toContain("acknowledge it on Svc/Task: taskRole.acknowledgeStatement({ sid: 'Broad', reason:");
});

test('a statement without Sid is named by position and policy path, and acknowledged by action', () => {
  const [error] = guardStatements('Svc/Task', attached([exact, unnamed]), [], 'task', flagsWildcardActions).errors;
  expect(error).toContain('statement #1 of Default/Policy (Allow Action ["dynamodb:*"] on Resource ["*"])');
  expect(error).toContain("acknowledgeStatement({ action: 'dynamodb:*', reason:");
});

test('an acknowledgment by sid accepts the statement and is reported for recording', () => {
  const ack = { sid: 'Broad', reason: 'bucket is a scratch area, SEC-1' };
  const otherSid = { Sid: 'Other', Effect: 'Allow', Action: 'ec2:*', Resource: 'arn:aws:ec2:eu-west-1:111111111111:instance/i-1' };
  const result = guardStatements('Svc/Task', attached([wildcard, otherSid]), [ack], 'task', flagsWildcardActions);
  expect(result.errors).toEqual([expect.stringContaining("statement Sid 'Other'")]);
  expect(result.accepted.map(a => [a.violation.key, a.acceptance])).toEqual([['Action::s3:*', ack]]);
  expect(result.unusedAcceptances).toEqual([]);
});

test('an acknowledgment by action matches only statements containing that action', () => {
  const result = guardStatements('Svc/Task', attached([wildcard, unnamed]), [{ action: 'dynamodb:*', reason: 'legacy table scan job' }], 'task', flagsWildcardActions);
  expect(result.errors).toHaveLength(1);
  expect(result.errors[0]).toContain("Sid 'Broad'");
});

test('an acknowledgment limited to another rule does not accept the finding', () => {
  const result = guardStatements('Svc/Task', attached([wildcard]), [{ sid: 'Broad', ruleId: 'IAM-08', reason: 'only escalation accepted' }], 'task', flagsWildcardActions);
  expect(result.errors).toHaveLength(1);
  expect(result.unusedAcceptances).toHaveLength(1);
});

test('the checker receives every statement of the role at once, in order, with the role kind', () => {
  const calls: unknown[] = [];
  guardStatements('Svc/Exec', attached([exact, wildcard]), [], 'execution', (statements, options) => {
    calls.push([statements, options.roleKind]);
    return statements.map(() => []);
  });
  expect(calls).toEqual([[[exact, wildcard], 'execution']]);
});

test('a checker that does not judge every statement is an error, never a silent pass', () => {
  expect(() => guardStatements('Svc/Exec', attached([exact, wildcard]), [], 'execution', () => [[]]))
    .toThrow('Svc/Exec: the statement checker judged 1 of 2 statements.');
});

test('statement-level finding keys carry the statement\'s real position in its policy', () => {
  const keyedByStatement = eachStatement(() => [{
    ruleId: 'IAM-05', title: 't', key: 'Statement::0', status: 'fail', message: 'm', fix: 'f',
  }]);
  const result = guardStatements('Svc/Task', attached([exact, unnamed]), [{ action: 'dynamodb:*', reason: 'accepted for the test' }], 'task', keyedByStatement);
  expect(result.accepted.map(a => a.violation.key)).toEqual(['Statement::1']);
  expect(result.errors[0]).toContain('(Statement::0)');
});
