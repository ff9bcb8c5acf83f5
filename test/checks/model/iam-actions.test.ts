import {
  ESCALATION_ACTIONS,
  actionMatches,
  expandAction,
  isFullWildcardAction,
  isServiceWildcardAction,
  requiresWildcardResource,
  resourceGlobMatches,
  sensitiveCategories,
} from '../../../lib/checks/model/iam-actions';

describe('action globbing', () => {
  test('is case-insensitive and supports * and ?', () => {
    expect(actionMatches('IAM:passrole', 'iam:PassRole')).toBe(true);
    expect(actionMatches('iam:Pass*', 'iam:PassRole')).toBe(true);
    expect(actionMatches('s3:Get?bject', 's3:GetObject')).toBe(true);
    expect(actionMatches('s3:Get?bject', 's3:GetObjectAcl')).toBe(false);
    expect(actionMatches('*', 'kms:Decrypt')).toBe(true);
  });

  test('treats regex metacharacters literally', () => {
    expect(actionMatches('iam:Pass.ole', 'iam:PassRole')).toBe(false);
  });

  test('a name without wildcards folds case exactly as a case-insensitive regular expression does', () => {
    // The exact-name path compares code units instead of compiling /^name$/i: the two must agree on
    // every pair of code units that some case mapping relates, including the non-ASCII ones that fold
    // differently (Kelvin sign, long s, dotless i, sharp s).
    const escape = (c: string) => c.replace(/[.+^${}()|[\]\\*?]/g, '\\$&');
    const differences: string[] = [];
    for (let code = 0; code < 0x10000; code++) {
      const a = String.fromCharCode(code);
      for (const mapped of new Set([a.toUpperCase(), a.toLowerCase()])) {
        for (let i = 0; i < mapped.length; i++) {
          const b = mapped[i];
          if ('*?'.includes(a) || '*?'.includes(b)) continue;
          if (actionMatches(`x:${a}`, `x:${b}`) !== new RegExp(`^x:${escape(a)}$`, 'is').test(`x:${b}`)) differences.push(`${code}/${b.charCodeAt(0)}`);
        }
      }
    }
    // And on every pair of ASCII characters, related by case or not.
    for (let x = 0; x < 128; x++) {
      for (let y = 0; y < 128; y++) {
        const [a, b] = [String.fromCharCode(x), String.fromCharCode(y)];
        if ('*?'.includes(a) || '*?'.includes(b)) continue;
        if (actionMatches(`x:${a}`, `x:${b}`) !== new RegExp(`^x:${escape(a)}$`, 'is').test(`x:${b}`)) differences.push(`${x}/${y}`);
      }
    }
    expect(differences).toEqual([]);
    expect(actionMatches('\u212A', 'k')).toBe(false);
    expect(actionMatches('iam:PassRole', 'iam:PassRoles')).toBe(false);
    expect(actionMatches('iam:PassRole', 'iam:PassRolf')).toBe(false);
  });

  test('a resource without wildcards must equal the ARN', () => {
    expect(resourceGlobMatches('arn:aws:s3:::b', 'arn:aws:s3:::b')).toBe(true);
    expect(resourceGlobMatches('arn:aws:s3:::b', 'arn:aws:s3:::B')).toBe(false);
    expect(resourceGlobMatches('arn:aws:s3:::b', 'arn:aws:s3:::b/x')).toBe(false);
  });

  test('resources compare case-sensitively', () => {
    expect(resourceGlobMatches('arn:aws:s3:::Bucket/*', 'arn:aws:s3:::bucket/x')).toBe(false);
    expect(resourceGlobMatches('arn:aws:secretsmanager:*:*:secret:app/db-??????', 'arn:aws:secretsmanager:eu-west-1:1:secret:app/db-AbCdEf')).toBe(true);
  });
});

describe('verb-wildcard expansion against the escalation catalogue', () => {
  test.each([
    ['iam:Put*', ['iam:PutUserPolicy', 'iam:PutGroupPolicy', 'iam:PutRolePolicy']],
    ['iam:*Policy*', ['iam:CreatePolicyVersion', 'iam:SetDefaultPolicyVersion', 'iam:AttachUserPolicy']],
    ['iam:attach*', ['iam:AttachUserPolicy', 'iam:AttachGroupPolicy', 'iam:AttachRolePolicy']],
    ['lambda:Update*', ['lambda:UpdateFunctionCode', 'lambda:UpdateFunctionConfiguration']],
  ])('%s grants %p', (pattern, expected) => {
    expect(expandAction(pattern, ESCALATION_ACTIONS)).toEqual(expect.arrayContaining(expected));
  });

  test('read-only patterns grant no escalation', () => {
    expect(expandAction('iam:Get*', ESCALATION_ACTIONS)).toEqual([]);
    expect(expandAction('iam:List*', ESCALATION_ACTIONS)).toEqual([]);
  });
});

describe('wildcard shapes', () => {
  test('full and service wildcards', () => {
    expect(isFullWildcardAction('*')).toBe(true);
    expect(isFullWildcardAction('*:*')).toBe(true);
    expect(isFullWildcardAction('s3:*')).toBe(false);
    expect(isServiceWildcardAction('ecr-public:*')).toBe(true);
    expect(isServiceWildcardAction('s3:Get*')).toBe(false);
  });

  test('actions that IAM authorises only on *', () => {
    expect(requiresWildcardResource('ECR:GetAuthorizationToken')).toBe(true);
    expect(requiresWildcardResource('ecr:Get*')).toBe(false);
    expect(requiresWildcardResource('ecr:BatchGetImage')).toBe(false);
  });
});

describe('sensitive categories', () => {
  test.each([
    ['s3:PutObject', ['write']],
    ['s3:GetObject', ['data-exfiltration']],
    ['secretsmanager:GetSecretValue', ['credential-exposure']],
    ['iam:CreateRole', ['permissions-management', 'write']],
    ['s3:PutBucketPolicy', ['permissions-management', 'write']],
    ['s3:Get*', ['data-exfiltration']],
  ])('%s is %p', (action, categories) => {
    expect(sensitiveCategories(action)).toEqual(categories);
  });

  test('read-only actions are not sensitive', () => {
    expect(sensitiveCategories('logs:DescribeLogStreams')).toEqual([]);
    expect(sensitiveCategories('ec2:Describe*')).toEqual([]);
  });

  test('a full wildcard is everything', () => {
    expect(sensitiveCategories('*')).toEqual(['permissions-management', 'credential-exposure', 'data-exfiltration', 'write']);
  });
});
