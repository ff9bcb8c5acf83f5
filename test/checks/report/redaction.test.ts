import { redactText } from '../../../lib/checks/report/redaction';

describe('redactText', () => {
  test.each([
    ['an access key id', 'key AKIAZ7QXW2M4T9VB3KLP in env', 'AKIAZ7QXW2M4T9VB3KLP'],
    ['a PEM private key block', 'x -----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAx9fLq2Zb8\n-----END RSA PRIVATE KEY----- y', 'MIIEowIBAAKCAQEAx9fLq2Zb8'],
    ['a truncated PEM block', 'x -----BEGIN PRIVATE KEY-----\nMIIEowIBAAKCAQEAx9fLq2Zb8', 'MIIEowIBAAKCAQEAx9fLq2Zb8'],
    ['a URL with a password', 'dsn postgres://admin:s3cr3tPw@db.example.com:5432/app', 's3cr3tPw'],
    ['a credential-named assignment', 'DB_PASSWORD=hunter2horse', 'hunter2horse'],
    ['a GitHub token', 'token ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789', 'ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789'],
  ])('removes %s', (_, text, secret) => {
    const redacted = redactText(text);
    expect(redacted).not.toContain(secret);
    expect(redacted).toContain('[REDACTED');
  });

  test.each([
    'Container web has a writable root file system.',
    'Role ServiceTaskDefExecutionRoleDefaultPolicy1F4A1B2C grants kms:Decrypt on *',
    'arn:aws:ecs:us-east-1:123456789012:task-definition/MyFamily:12',
    'Set `LogConfiguration: { LogDriver: awslogs }`; TOKEN_TTL=300; NetworkMode=awsvpc',
    'the value is an AWS access key id (AKIA…/ASIA…)',
    'ReadonlyRootFilesystem is <ImportValue:shared-readonly-setting>.',
  ])('keeps ordinary text: %s', (text) => {
    expect(redactText(text)).toBe(text);
  });
});
