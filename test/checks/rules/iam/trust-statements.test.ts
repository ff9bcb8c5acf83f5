import { Opaque } from '../../../../lib/checks/model/opaque';
import { trustStatements } from '../../../../lib/checks/rules/iam/trust-statements';

describe('trustStatements', () => {
  test('an unreadable document without a reason is reported as an unknown value', () => {
    expect(trustStatements({ AssumeRolePolicyDocument: new Opaque('unsupported', '<Custom>') })).toEqual({
      status: 'unverified',
      key: '',
      message: 'AssumeRolePolicyDocument is <Custom>, which cannot be resolved: unknown value.',
    });
  });

  test('keeps Allow statements and statements with an unresolved Effect, drops Deny and invalid ones', () => {
    const effect = new Opaque('parameter', '<Effect>', { reason: 'parameter Effect has no default' });
    const statements = trustStatements({
      AssumeRolePolicyDocument: {
        Statement: [
          { Sid: 'Allowed', Effect: 'Allow', Principal: { Service: 'ecs-tasks.amazonaws.com' }, Action: 'sts:AssumeRole' },
          { Sid: 'Denied', Effect: 'Deny', Principal: '*', Action: 'sts:AssumeRole' },
          { Sid: 'NoAction', Effect: 'Allow', Principal: '*' },
          { Sid: 'Switchable', Effect: effect, Principal: '*', Action: 'sts:AssumeRole' },
        ],
      },
    });
    expect(Array.isArray(statements) ? statements.map((s) => s.key) : statements).toEqual(['Statement::Allowed', 'Statement::Switchable']);
  });
});
