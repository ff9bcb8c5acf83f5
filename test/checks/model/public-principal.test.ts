import { Opaque } from '../../../lib/checks/model/opaque';
import { judgePublicPrincipals } from '../../../lib/checks/model/public-principal';

const KEYS = ['kms:CallerAccount', 'aws:PrincipalOrgID'];
const FAIL_PUBLIC = 'Allows Principal "*" without a kms:CallerAccount or aws:PrincipalOrgID condition, so any AWS account can use it.';

function allow(extra: Record<string, unknown>): Record<string, unknown> {
  return { Effect: 'Allow', Action: 'kms:Decrypt', Resource: '*', ...extra };
}

function judge(statements: unknown[], keys: readonly string[] = KEYS): Array<{ status: string; key: string; message: string }> {
  return judgePublicPrincipals({ Statement: statements }, keys, 'key policy').map(({ status, key, message }) => ({ status, key, message }));
}

describe('judgePublicPrincipals: documents', () => {
  test('an opaque document is one resource-level unverified outcome with its reason', () => {
    const document = new Opaque('import', '<ImportValue:policy>', { reason: 'imported from another stack (export policy)' });
    expect(judgePublicPrincipals(document, KEYS, 'KeyPolicy')).toEqual([
      { status: 'unverified', key: '', message: 'KeyPolicy is <ImportValue:policy>, which cannot be resolved: imported from another stack (export policy).' },
    ]);
  });

  test('an opaque Statement without a reason says "unknown value"', () => {
    expect(judgePublicPrincipals({ Statement: new Opaque('unsupported', '<If:C>') }, KEYS, 'repository policy')).toEqual([
      { status: 'unverified', key: '', message: 'repository policy is <If:C>, which cannot be resolved: unknown value.' },
    ]);
  });

  test('a document without a public statement is one resource-level pass naming the policy', () => {
    expect(judgePublicPrincipals({ Statement: [allow({ Principal: { AWS: 'arn:aws:iam::111111111111:root' } })] }, KEYS, 'key policy')).toEqual([
      { status: 'pass', key: '', message: 'No statement of the key policy allows a public principal.' },
    ]);
    expect(judgePublicPrincipals(undefined, KEYS, 'repository policy')).toEqual([
      { status: 'pass', key: '', message: 'No statement of the repository policy allows a public principal.' },
    ]);
  });

  test('one outcome per public statement, keyed by Sid or index, and no resource-level pass', () => {
    expect(
      judge([
        allow({ Principal: { AWS: 'arn:aws:iam::111111111111:root' } }),
        allow({ Sid: 'Open', Principal: '*' }),
        allow({ Principal: { AWS: '*' }, Condition: { StringEquals: { 'kms:CallerAccount': '111111111111' } } }),
      ]),
    ).toEqual([
      { status: 'fail', key: 'Statement::Open', message: FAIL_PUBLIC },
      { status: 'pass', key: 'Statement::2', message: 'The public principal is limited by StringEquals kms:CallerAccount = 111111111111.' },
    ]);
  });
});

describe('judgePublicPrincipals: public principals', () => {
  test('"*", {"AWS": "*"} and "**" are public', () => {
    expect(judge([allow({ Principal: '*' })])).toEqual([{ status: 'fail', key: 'Statement::0', message: FAIL_PUBLIC }]);
    expect(judge([allow({ Principal: { AWS: ['arn:aws:iam::1:root', '*'] } })])).toEqual([{ status: 'fail', key: 'Statement::0', message: FAIL_PUBLIC }]);
    expect(judge([allow({ Principal: { AWS: '**' } })])).toEqual([{ status: 'fail', key: 'Statement::0', message: FAIL_PUBLIC }]);
  });

  test('a Deny with a public principal is a guardrail', () => {
    expect(judge([{ Effect: 'Deny', Principal: '*', Action: 'kms:*', Resource: '*' }])).toEqual([
      { status: 'pass', key: '', message: 'No statement of the key policy allows a public principal.' },
    ]);
  });

  test('an identity-style statement without Principal is not public', () => {
    expect(judge([allow({})])).toEqual([{ status: 'pass', key: '', message: 'No statement of the key policy allows a public principal.' }]);
  });

  test('a service principal "*" is not an account principal', () => {
    expect(judge([allow({ Principal: { Service: '*' } })])).toEqual([
      { status: 'pass', key: '', message: 'No statement of the key policy allows a public principal.' },
    ]);
  });

  test('an opaque Effect on a public statement is unverified', () => {
    expect(judge([allow({ Effect: new Opaque('unsupported', '<If:Strict>'), Principal: '*' })])).toEqual([
      { status: 'unverified', key: 'Statement::0', message: 'The Effect (<If:Strict>) of a statement with a public principal cannot be resolved.' },
    ]);
  });

  test('a public statement without a valid Effect fails as invalid', () => {
    const invalid = 'A statement with a public principal has no valid Effect, so the policy document is invalid.';
    expect(judge([allow({ Effect: 'Permit', Principal: '*' })])).toEqual([{ status: 'fail', key: 'Statement::0', message: invalid }]);
    expect(judge([{ Principal: '*', Action: 'kms:*' }])).toEqual([{ status: 'fail', key: 'Statement::0', message: invalid }]);
  });

  test('the needed keys are listed with "or", a single key alone', () => {
    expect(judge([allow({ Principal: '*' })], ['aws:PrincipalOrgID'])).toEqual([
      { status: 'fail', key: 'Statement::0', message: 'Allows Principal "*" without a aws:PrincipalOrgID condition, so any AWS account can use it.' },
    ]);
  });
});

describe('judgePublicPrincipals: principals that may be public', () => {
  test.each([
    ['import' as const, '<ImportValue:x>'],
    ['parameter' as const, '<P>'],
    ['unsupported' as const, '<If:C>'],
  ])('an AWS principal of kind %s is unverified without a restriction', (kind, display) => {
    const value = new Opaque(kind, display);
    expect(judge([allow({ Principal: { AWS: value } })])).toEqual([
      {
        status: 'unverified',
        key: 'Statement::0',
        message: `Principal ${value.display} cannot be resolved and may be "*"; without a kms:CallerAccount or aws:PrincipalOrgID condition that would be public.`,
      },
    ]);
  });

  test('a whole Principal that is an import may be public', () => {
    expect(judge([allow({ Principal: new Opaque('import', '<ImportValue:p>') })])[0].status).toBe('unverified');
  });

  test('resource references, pseudo parameters, composites and service principals cannot be "*"', () => {
    const pass = [{ status: 'pass', key: '', message: 'No statement of the key policy allows a public principal.' }];
    expect(judge([allow({ Principal: { AWS: new Opaque('getatt', '<Role.Arn>', { target: 'Role' }) } })])).toEqual(pass);
    expect(judge([allow({ Principal: { AWS: new Opaque('ref', '<Role>', { target: 'Role' }) } })])).toEqual(pass);
    expect(judge([allow({ Principal: { AWS: new Opaque('pseudo', '<AWS::AccountId>') } })])).toEqual(pass);
    expect(judge([allow({ Principal: { AWS: new Opaque('composite', 'arn:aws:iam::<AWS::AccountId>:root') } })])).toEqual(pass);
    expect(judge([allow({ Principal: { Service: new Opaque('import', '<ImportValue:svc>') } })])).toEqual(pass);
  });

  test('a restriction covers a principal that may be public', () => {
    expect(judge([allow({ Principal: { AWS: new Opaque('import', '<ImportValue:x>') }, Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-123' } } })])).toEqual([
      { status: 'pass', key: 'Statement::0', message: 'The public principal is limited by StringEquals aws:PrincipalOrgID = o-123.' },
    ]);
  });

  test('a literal "*" next to an undecided principal fails rather than being unverified', () => {
    expect(judge([allow({ Principal: { AWS: [new Opaque('import', '<ImportValue:x>'), '*'] } })])).toEqual([
      { status: 'fail', key: 'Statement::0', message: FAIL_PUBLIC },
    ]);
  });
});

describe('judgePublicPrincipals: conditions', () => {
  function verdict(condition: unknown, keys: readonly string[] = KEYS): string {
    const [outcome] = judge([allow({ Principal: '*', Condition: condition })], keys);
    return `${outcome.status}: ${outcome.message}`;
  }

  test('a positive clause on a listed key restricts, shown with all its values', () => {
    expect(verdict({ StringEquals: { 'kms:CallerAccount': ['111111111111', '222222222222'] } })).toBe(
      'pass: The public principal is limited by StringEquals kms:CallerAccount = 111111111111, 222222222222.',
    );
    expect(verdict({ 'ForAnyValue:StringEquals': { 'aws:principalorgid': 'o-1' } })).toBe(
      'pass: The public principal is limited by ForAnyValue:StringEquals aws:principalorgid = o-1.',
    );
    expect(verdict({ StringEquals: { 'kms:CallerAccount': new Opaque('pseudo', '<AWS::AccountId>') } })).toBe(
      'pass: The public principal is limited by StringEquals kms:CallerAccount = <AWS::AccountId>.',
    );
  });

  test('the later key is used when the first has no clause', () => {
    expect(verdict({ StringEquals: { 'aws:PrincipalOrgID': 'o-1' } })).toBe('pass: The public principal is limited by StringEquals aws:PrincipalOrgID = o-1.');
  });

  test('keys are tried in the order given', () => {
    const condition = { StringEquals: { 'aws:PrincipalOrgID': 'o-1', 'kms:CallerAccount': '1' } };
    expect(verdict(condition)).toBe('pass: The public principal is limited by StringEquals kms:CallerAccount = 1.');
    expect(verdict(condition, ['aws:PrincipalOrgID', 'kms:CallerAccount'])).toBe('pass: The public principal is limited by StringEquals aws:PrincipalOrgID = o-1.');
  });

  test('a clause on another key does not restrict', () => {
    expect(verdict({ StringEquals: { 'aws:SourceVpc': 'vpc-1' } })).toBe(`fail: ${FAIL_PUBLIC}`);
  });

  test.each([
    [{ StringNotEquals: { 'kms:CallerAccount': '1' } }],
    [{ 'ForAllValues:StringNotLike': { 'kms:CallerAccount': '1' } }],
    [{ Null: { 'kms:CallerAccount': 'false' } }],
    [{ StringEqualsIfExists: { 'kms:CallerAccount': '1' } }],
    [{ StringLike: { 'kms:CallerAccount': '*' } }],
    [{ ArnLike: { 'kms:CallerAccount': ['1', '?*'] } }],
    [{ StringEquals: { 'kms:CallerAccount': '' } }],
    [{ StringEquals: { 'kms:CallerAccount': [] } }],
  ])('%j does not restrict', (condition) => {
    expect(verdict(condition)).toBe(`fail: ${FAIL_PUBLIC}`);
  });

  test('"*" is literal under a non-wildcard operator, and a partial pattern restricts', () => {
    expect(verdict({ StringEquals: { 'kms:CallerAccount': '*' } })).toBe('pass: The public principal is limited by StringEquals kms:CallerAccount = *.');
    expect(verdict({ StringLike: { 'kms:CallerAccount': '1111*' } })).toBe('pass: The public principal is limited by StringLike kms:CallerAccount = 1111*.');
  });

  test('a skipped clause does not stop the search for a restrictive one', () => {
    expect(verdict({ StringNotEquals: { 'kms:CallerAccount': '2' }, StringEquals: { 'kms:CallerAccount': '1' } })).toBe(
      'pass: The public principal is limited by StringEquals kms:CallerAccount = 1.',
    );
  });

  test('an opaque Condition block is unverified', () => {
    expect(verdict(new Opaque('unsupported', '<If:Restrict>'))).toBe(
      'unverified: The Condition (<If:Restrict>) of a statement with a public principal cannot be resolved.',
    );
  });
});
