import { checkEachPolicyStatement } from '../../../../lib/checks/construct-validation';

/** The statement rules must work on the synthetic Role + Policy + TaskDefinition shape that constructs validate with. */
describe('IAM statement rules on the construct-validation shape', () => {
  test('a minimal execution role passes every statement rule', () => {
    const violations = checkEachPolicyStatement([
      { Effect: 'Allow', Action: 'ecr:GetAuthorizationToken', Resource: '*' },
      { Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: 'arn:aws:logs:eu-west-1:111111111111:log-group:app:*' },
      { Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: 'arn:aws:secretsmanager:eu-west-1:111111111111:secret:app/db-??????' },
      {
        Effect: 'Allow',
        Action: 'kms:Decrypt',
        Resource: 'arn:aws:kms:eu-west-1:111111111111:key/1234',
        Condition: { StringEquals: { 'kms:ViaService': 'secretsmanager.eu-west-1.amazonaws.com' } },
      },
    ], { roleKind: 'execution' });
    expect(violations).toEqual([[], [], [], []]);
  });

  test('admin, service wildcard, escalation and unscoped decrypt are reported with statement keys', () => {
    const [admin, decrypt] = checkEachPolicyStatement([
      { Sid: 'Admin', Effect: 'Allow', Action: '*', Resource: '*' },
      { Effect: 'Allow', Action: 'kms:Decrypt', Resource: '*' },
    ], { roleKind: 'task' });
    expect(admin.map((v) => `${v.ruleId} ${v.key}`)).toEqual(
      expect.arrayContaining(['IAM-04 Statement::Admin', 'IAM-05 Statement::Admin', 'IAM-08 Statement::Admin', 'IAM-17 Statement::Admin']));
    // Each statement is judged as the only one of its policy, so the second one is keyed by position 0.
    expect(decrypt.map((v) => `${v.ruleId} ${v.key}`)).toEqual(expect.arrayContaining(['IAM-11 Statement::0', 'IAM-17 Statement::0']));
  });

  test('the execution-role decrypt without kms:ViaService fails only for the execution role', () => {
    const statement = { Effect: 'Allow', Action: 'kms:Decrypt', Resource: 'arn:aws:kms:eu-west-1:111111111111:key/1234' };
    expect(checkEachPolicyStatement([statement], { roleKind: 'execution', ruleIds: ['IAM-11'] })[0].map((v) => v.ruleId)).toEqual(['IAM-11']);
    expect(checkEachPolicyStatement([statement], { roleKind: 'task', ruleIds: ['IAM-11'] })).toEqual([[]]);
  });
});
