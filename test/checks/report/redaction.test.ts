import { sampleFinding } from './sample-report';
import { redactFinding, redactText } from '../../../lib/checks/report/redaction';

const GITHUB_TOKEN = 'ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789';

describe('redactText', () => {
  test.each([
    ['an access key id', 'key AKIAZ7QXW2M4T9VB3KLP in env', 'AKIAZ7QXW2M4T9VB3KLP'],
    ['a PEM private key block', 'x -----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAx9fLq2Zb8\n-----END RSA PRIVATE KEY----- y', 'MIIEowIBAAKCAQEAx9fLq2Zb8'],
    ['a truncated PEM block', 'x -----BEGIN PRIVATE KEY-----\nMIIEowIBAAKCAQEAx9fLq2Zb8', 'MIIEowIBAAKCAQEAx9fLq2Zb8'],
    ['a URL with a password', 'dsn postgres://admin:s3cr3tPw@db.example.com:5432/app', 's3cr3tPw'],
    ['a credential-named assignment', 'DB_PASSWORD=hunter2horse', 'hunter2horse'],
    ['a GitHub token', `token ${GITHUB_TOKEN}`, GITHUB_TOKEN],
  ])('removes %s', (_, text, secret) => {
    const redacted = redactText(text);
    expect(redacted).not.toContain(secret);
    expect(redacted).toContain('[REDACTED');
  });

  test.each([
    ['a PEM block', 'x -----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAx9fLq2Zb8\n-----END RSA PRIVATE KEY----- y', 'x [REDACTED a PEM private key block] y'],
    ['a credential-shaped token', `token ${GITHUB_TOKEN} here`, 'token [REDACTED credential-shaped value] here'],
    // Anchored vendor patterns would miss a token that ends a sentence; the punctuation itself is kept.
    ['a token at the end of a sentence', `token ${GITHUB_TOKEN}.`, 'token [REDACTED credential-shaped value].'],
    ['a token before several punctuation marks', `really ${GITHUB_TOKEN}?!`, 'really [REDACTED credential-shaped value]?!'],
    ['an access key id before a colon', 'key AKIAZ7QXW2M4T9VB3KLP: used', 'key [REDACTED credential-shaped value]: used'],
    ['a credential-named assignment', 'set DB_PASSWORD=hunter2horse;', 'set DB_PASSWORD=[REDACTED value of DB_PASSWORD];'],
    // The assignment wins over the token pass: the name says what was removed.
    ['an unquoted assignment of a token', `GH=${GITHUB_TOKEN}`, 'GH=[REDACTED value of GH]'],
    ['a double-quoted assignment of a token', `GH="${GITHUB_TOKEN}"`, 'GH=[REDACTED value of GH]'],
    ['a single-quoted assignment', "DB_PASSWORD='hunter2horse' ok", 'DB_PASSWORD=[REDACTED value of DB_PASSWORD] ok'],
  ])('replaces %s with a placeholder that says what was there', (_, text, expected) => {
    expect(redactText(text)).toBe(expected);
  });

  test('only surrounding quotes are stripped from an assigned value before it is judged', () => {
    // Without its inner quote this value would be a GitHub token; with it, it is not one.
    const text = 'X="ghp_aBcDeFgHiJ\'kLmNoPqRsTuVwXyZ0123456789"';
    expect(redactText(text)).toBe(text);
  });

  test('an empty value leaks nothing, even under a name reserved for credentials', () => {
    expect(redactText('AWS_SECRET_ACCESS_KEY="" was set')).toBe('AWS_SECRET_ACCESS_KEY="" was set');
    expect(redactText('AWS_SECRET_ACCESS_KEY=x')).toBe('AWS_SECRET_ACCESS_KEY=[REDACTED value of AWS_SECRET_ACCESS_KEY]');
  });

  test('a bare token must be at least 16 characters to be judged by its shape', () => {
    expect(redactText('at a://user:pass@hh now')).toBe('at [REDACTED credential-shaped value] now');
    expect(redactText('at a://user:pas@hh now')).toBe('at a://user:pas@hh now');
  });

  test.each([
    'Container web has a writable root file system.',
    'Role ServiceTaskDefExecutionRoleDefaultPolicy1F4A1B2C grants kms:Decrypt on *',
    'arn:aws:ecs:us-east-1:123456789012:task-definition/MyFamily:12',
    'Set `LogConfiguration: { LogDriver: awslogs }`; TOKEN_TTL=300; NetworkMode=awsvpc',
    'the value is an AWS access key id (AKIA…/ASIA…)',
    'ReadonlyRootFilesystem is <ImportValue:shared-readonly-setting>.',
    // High entropy alone is not enough: generated names look like this.
    'Resource q7Ld2Vx9Pm4Rt8Zk3Wn6Bj1Hc5Fg0YsXa changed',
    'SOME_ID=q7Ld2Vx9Pm4Rt8Zk3Wn6Bj1Hc5Fg0YsXa',
    '',
  ])('keeps ordinary text: %s', (text) => {
    expect(redactText(text)).toBe(text);
  });
});

describe('redactFinding', () => {
  test('redacts every free-text field and keeps the rest', () => {
    const secret = GITHUB_TOKEN;
    const finding = sampleFinding({
      title: `title ${secret}`,
      key: `Env ${secret}`,
      message: `message ${secret}`,
      fix: `fix ${secret}`,
      container: `c ${secret}`,
      resource: { logicalId: `L ${secret}`, type: 'AWS::ECS::TaskDefinition', name: `N ${secret}` },
      source: { file: `f ${secret}`, stack: `s ${secret}` },
      condition: `cond ${secret}`,
      acknowledged: { reason: `reason ${secret}` },
      controls: { securityHub: ['ECS.5'] },
    });
    const r = '[REDACTED credential-shaped value]';
    expect(redactFinding(finding)).toEqual({
      ruleId: 'FAKE-RO',
      ruleName: 'fake-fake-ro',
      severity: 'high',
      status: 'fail',
      controls: { securityHub: ['ECS.5'] },
      title: `title ${r}`,
      key: `Env ${r}`,
      message: `message ${r}`,
      fix: `fix ${r}`,
      container: `c ${r}`,
      resource: { logicalId: `L ${r}`, type: 'AWS::ECS::TaskDefinition', name: `N ${r}` },
      source: { file: `f ${r}`, stack: `s ${r}` },
      condition: `cond ${r}`,
      acknowledged: { reason: `reason ${r}` },
    });
  });

  test('absent optional fields stay absent', () => {
    const redacted = redactFinding(sampleFinding({ container: undefined, source: {}, condition: undefined, acknowledged: undefined }));
    expect(redacted.container).toBeUndefined();
    expect(redacted.source).toEqual({ file: undefined, stack: undefined });
    expect(redacted.condition).toBeUndefined();
    expect(redacted.acknowledged).toBeUndefined();
  });

  test('ordinary optional fields are kept as they are', () => {
    const redacted = redactFinding(sampleFinding({ source: { file: 'a/b.json', stack: 'Stack' }, condition: 'IsProd', acknowledged: { reason: 'ok' } }));
    expect(redacted).toMatchObject({ container: 'web', source: { file: 'a/b.json', stack: 'Stack' }, condition: 'IsProd', acknowledged: { reason: 'ok' } });
  });
});
