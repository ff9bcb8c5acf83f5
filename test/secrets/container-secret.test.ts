import { App, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import * as ssm from 'aws-cdk-lib/aws-ssm';
import { HardenedExecutionRole } from '../../lib/identity/hardened-execution-role';
import { ContainerSecret } from '../../lib/secrets/container-secret';

const ENV = { account: '111111111111', region: 'eu-west-1' };
const COMPLETE_ARN = 'arn:aws:secretsmanager:eu-west-1:111111111111:secret:app/api-key-AbCdEf';
const OTHER_ACCOUNT_ARN = 'arn:aws:secretsmanager:eu-west-1:222222222222:secret:shared/db-Xy12Zw';
const OTHER_ACCOUNT_KEY = 'arn:aws:kms:eu-west-1:222222222222:key/1234abcd-12ab-34cd-56ef-1234567890ab';

function stack(id = 'Svc'): Stack {
  return new Stack(new App(), id, { env: ENV });
}

function statements(s: Stack): any[] {
  return Object.values(Template.fromStack(s).findResources('AWS::IAM::Policy'))
    .flatMap((p: any) => p.Properties.PolicyDocument.Statement);
}

describe('ValueFrom rendering', () => {
  const cases: Array<[string, object, string]> = [
    ['whole secret', {}, COMPLETE_ARN],
    ['JSON field', { field: 'password' }, `${COMPLETE_ARN}:password::`],
    ['version stage', { versionStage: 'AWSPREVIOUS' }, `${COMPLETE_ARN}::AWSPREVIOUS:`],
    ['field + version stage', { field: 'password', versionStage: 'AWSPREVIOUS' }, `${COMPLETE_ARN}:password:AWSPREVIOUS:`],
    ['version id', { versionId: 'ea9ae7b2-0000-4000-8000-000000000001' }, `${COMPLETE_ARN}:::ea9ae7b2-0000-4000-8000-000000000001`],
  ];
  test.each(cases)('%s', (_name, options, expected) => {
    const s = stack();
    const secret = secretsmanager.Secret.fromSecretCompleteArn(s, 'S', COMPLETE_ARN);
    const cs = ContainerSecret.fromSecretsManager(secret, options);
    expect(cs.valueFrom).toBe(expected);
    expect(cs.hasField).toBe('field' in options);
  });

  test('an owned secret renders its Ref (the complete ARN)', () => {
    const s = stack();
    const cs = ContainerSecret.fromSecretsManager(new secretsmanager.Secret(s, 'Owned'), { field: 'password' });
    expect(s.resolve(cs.valueFrom)).toEqual({ 'Fn::Join': ['', [{ Ref: expect.stringMatching(/^Owned/) }, ':password::']] });
  });

  test('an SSM parameter renders its ARN, a /path name without a double slash', () => {
    const s = stack();
    const cs = ContainerSecret.fromSsmParameter(ssm.StringParameter.fromStringParameterName(s, 'P', '/app/config/url'));
    expect(s.resolve(cs.valueFrom)).toEqual({
      'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':ssm:eu-west-1:111111111111:parameter/app/config/url']],
    });
  });
});

describe('bad inputs fail at synth with the construct path and the fix', () => {
  test.each([
    ['fromSecretNameV2', (s: Stack) => secretsmanager.Secret.fromSecretNameV2(s, 'Imported', 'app/db-creds')],
    ['fromSecretPartialArn', (s: Stack) => secretsmanager.Secret.fromSecretPartialArn(s, 'Imported', 'arn:aws:secretsmanager:eu-west-1:111111111111:secret:app/db-creds')],
  ])('partial ARN via %s', (_name, importSecret) => {
    const s = stack();
    expect(() => ContainerSecret.fromSecretsManager(importSecret(s))).toThrow(
      /^Svc\/Imported: this secret is known only by its name or a partial ARN .*AccessDeniedException\. Fix: import the secret with its complete ARN .*fromSecretCompleteArn.*fromSecretAttributes/s,
    );
  });

  test('versionStage and versionId together', () => {
    const s = stack();
    const secret = secretsmanager.Secret.fromSecretCompleteArn(s, 'S', COMPLETE_ARN);
    expect(() => ContainerSecret.fromSecretsManager(secret, { versionStage: 'AWSCURRENT', versionId: 'abc' }))
      .toThrow(/^Svc\/S: versionStage and versionId are both set\. Fix: select the version by one of them only/);
  });

  test.each([['field', { field: 'a:b' }, "contains ':'"], ['field', { field: '' }, 'empty'], ['versionStage', { versionStage: 'X:Y' }, "contains ':'"]])(
    'a %s that breaks the ValueFrom format (%j)', (name, options, problem) => {
      const s = stack();
      const secret = secretsmanager.Secret.fromSecretCompleteArn(s, 'S', COMPLETE_ARN);
      expect(() => ContainerSecret.fromSecretsManager(secret, options)).toThrow(
        new RegExp(`^Svc/S: ${name} '.*' is ${problem}, which breaks the ECS ValueFrom format .*Fix: omit the option`),
      );
    });

  test('a key referenced by alias', () => {
    const s = stack();
    const secret = secretsmanager.Secret.fromSecretCompleteArn(s, 'S', COMPLETE_ARN);
    expect(() => ContainerSecret.fromSecretsManager(secret, { encryptionKey: kms.Alias.fromAliasName(s, 'A', 'alias/app') }))
      .toThrow(/^Svc\/S: the encryption key is referenced by an alias .*Import the key itself with kms\.Key\.fromKeyArn/);
  });
});

describe('KMS decrypt in every case: one identity statement, kms:ViaService, no key-policy edit', () => {
  const viaSecretsManager = { StringEquals: { 'kms:ViaService': 'secretsmanager.eu-west-1.amazonaws.com' } };

  test('secret and key in the same stack', () => {
    const s = stack();
    const key = new kms.Key(s, 'Key');
    const role = new HardenedExecutionRole(s, 'Exec');
    role.grantSecretRead(ContainerSecret.fromSecretsManager(new secretsmanager.Secret(s, 'Db', { encryptionKey: key })));
    expect(statements(s)).toContainEqual({
      Effect: 'Allow', Action: 'kms:Decrypt', Resource: { 'Fn::GetAtt': [expect.stringMatching(/^Key/), 'Arn'] }, Condition: viaSecretsManager,
    });
    expect(JSON.stringify(Template.fromStack(s).findResources('AWS::KMS::Key'))).not.toContain('Exec');
  });

  test('secret and key in another stack of the same app: no dependency cycle, the dependency points to the data stack', () => {
    const app = new App();
    const data = new Stack(app, 'Data', { env: ENV });
    const key = new kms.Key(data, 'Key');
    const secret = new secretsmanager.Secret(data, 'Db', { encryptionKey: key });
    const svc = new Stack(app, 'Service', { env: ENV });
    const role = new HardenedExecutionRole(svc, 'Exec');
    role.grantSecretRead(ContainerSecret.fromSecretsManager(secret, { field: 'password' }));
    expect(() => app.synth()).not.toThrow();
    expect(svc.dependencies.map(d => d.stackName)).toEqual(['Data']);
    expect(data.dependencies).toEqual([]);
    const st = statements(svc);
    expect(st).toContainEqual({
      Effect: 'Allow', Action: 'kms:Decrypt', Resource: { 'Fn::ImportValue': expect.stringMatching(/^Data:ExportsOutputFnGetAttKey/) }, Condition: viaSecretsManager,
    });
    expect(st).toContainEqual({ Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: { 'Fn::ImportValue': expect.stringMatching(/^Data:ExportsOutputRefDb/) } });
  });

  test('imported secret with an imported key (fromSecretAttributes)', () => {
    const s = stack();
    const key = kms.Key.fromKeyArn(s, 'Key', 'arn:aws:kms:eu-west-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab');
    const secret = secretsmanager.Secret.fromSecretAttributes(s, 'Db', { secretCompleteArn: COMPLETE_ARN, encryptionKey: key });
    new HardenedExecutionRole(s, 'Exec').grantSecretRead(ContainerSecret.fromSecretsManager(secret));
    expect(statements(s)).toEqual([
      { Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: COMPLETE_ARN },
      { Effect: 'Allow', Action: 'kms:Decrypt', Resource: 'arn:aws:kms:eu-west-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab', Condition: viaSecretsManager },
    ]);
  });

  test('imported secret with the key given as an option', () => {
    const s = stack();
    const key = kms.Key.fromKeyArn(s, 'Key', 'arn:aws:kms:eu-west-1:111111111111:key/k');
    const secret = secretsmanager.Secret.fromSecretCompleteArn(s, 'Db', COMPLETE_ARN);
    new HardenedExecutionRole(s, 'Exec').grantSecretRead(ContainerSecret.fromSecretsManager(secret, { encryptionKey: key }));
    expect(statements(s)).toContainEqual({ Effect: 'Allow', Action: 'kms:Decrypt', Resource: 'arn:aws:kms:eu-west-1:111111111111:key/k', Condition: viaSecretsManager });
  });

  test('a secret with the AWS managed key gets no kms statement', () => {
    const s = stack();
    new HardenedExecutionRole(s, 'Exec').grantSecretRead(ContainerSecret.fromSecretsManager(secretsmanager.Secret.fromSecretCompleteArn(s, 'Db', COMPLETE_ARN)));
    expect(statements(s).map(st => st.Action)).toEqual(['secretsmanager:GetSecretValue']);
  });

  test.each([
    ['key on the imported parameter', (s: Stack, key: kms.IKey) => ContainerSecret.fromSsmParameter(
      ssm.StringParameter.fromSecureStringParameterAttributes(s, 'P', { parameterName: '/app/token', encryptionKey: key }))],
    ['key as an option', (s: Stack, key: kms.IKey) => ContainerSecret.fromSsmParameter(
      ssm.StringParameter.fromStringParameterName(s, 'P', '/app/token'), { encryptionKey: key })],
  ])('SSM SecureString, %s: ssm:GetParameters on the parameter + kms:Decrypt via ssm', (_name, make) => {
    const s = stack();
    const key = new kms.Key(s, 'Key');
    new HardenedExecutionRole(s, 'Exec').grantSecretRead(make(s, key));
    expect(statements(s)).toEqual([
      { Effect: 'Allow', Action: 'ssm:GetParameters', Resource: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':ssm:eu-west-1:111111111111:parameter/app/token']] } },
      {
        Effect: 'Allow',
        Action: 'kms:Decrypt',
        Resource: { 'Fn::GetAtt': [expect.stringMatching(/^Key/), 'Arn'] },
        Condition: { StringEquals: { 'kms:ViaService': 'ssm.eu-west-1.amazonaws.com' } },
      },
    ]);
  });

  test('an SSM String parameter created in the app: ssm:GetParameters on its ARN, no kms', () => {
    const s = stack();
    const parameter = new ssm.StringParameter(s, 'Url', { parameterName: '/app/config/url', stringValue: 'https://example.com' });
    new HardenedExecutionRole(s, 'Exec').grantSecretRead(ContainerSecret.fromSsmParameter(parameter));
    expect(statements(s)).toEqual([{
      Effect: 'Allow',
      Action: 'ssm:GetParameters',
      Resource: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':ssm:eu-west-1:111111111111:parameter', { Ref: expect.stringMatching(/^Url/) }]] },
    }]);
  });

  test('environment-agnostic stack: ViaService uses the region pseudo parameter', () => {
    const s = new Stack(new App(), 'Agnostic');
    const key = new kms.Key(s, 'Key');
    new HardenedExecutionRole(s, 'Exec').grantSecretRead(ContainerSecret.fromSecretsManager(new secretsmanager.Secret(s, 'Db', { encryptionKey: key })));
    expect(statements(s)).toContainEqual(expect.objectContaining({
      Action: 'kms:Decrypt',
      Condition: { StringEquals: { 'kms:ViaService': { 'Fn::Join': ['', ['secretsmanager.', { Ref: 'AWS::Region' }, '.amazonaws.com']] } } },
    }));
  });
});

describe('cross-account secrets', () => {
  function crossAccountSecret(s: Stack) {
    return secretsmanager.Secret.fromSecretAttributes(s, 'Shared', {
      secretCompleteArn: OTHER_ACCOUNT_ARN,
      encryptionKey: kms.Key.fromKeyArn(s, 'SharedKey', OTHER_ACCOUNT_KEY),
    });
  }

  test('without the opt-in: synth error naming the role, the secret and the fix', () => {
    const s = stack();
    const role = new HardenedExecutionRole(s, 'Exec');
    expect(() => role.grantSecretRead(ContainerSecret.fromSecretsManager(crossAccountSecret(s)))).toThrow(
      /^Svc\/Exec: the secret Svc\/Shared is in account 222222222222, but the stack deploys to account 111111111111\..*Fix: pass \{ crossAccount: \{ ownerAccount: '222222222222' \}, encryptionKey \}/s,
    );
  });

  test('with the opt-in: identity statements here, owner-account statements as outputs', () => {
    const s = stack();
    const role = new HardenedExecutionRole(s, 'Exec');
    role.grantSecretRead(ContainerSecret.fromSecretsManager(crossAccountSecret(s), { field: 'password', crossAccount: { ownerAccount: '222222222222' } }));
    expect(statements(s)).toEqual([
      { Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: OTHER_ACCOUNT_ARN },
      { Effect: 'Allow', Action: 'kms:Decrypt', Resource: OTHER_ACCOUNT_KEY, Condition: { StringEquals: { 'kms:ViaService': 'secretsmanager.eu-west-1.amazonaws.com' } } },
    ]);
    const outputs = Template.fromStack(s).findOutputs('*');
    const byName = (suffix: string) => Object.entries(outputs).find(([k]) => k.includes(suffix))![1] as any;
    const resourcePolicy = byName('ResourcePolicyStatement');
    expect(resourcePolicy.Description).toBe(`Add this statement to the resource policy of secret ${OTHER_ACCOUNT_ARN} in account 222222222222`);
    const roleArn = { 'Fn::GetAtt': [expect.stringMatching(/^Exec/), 'Arn'] };
    expect(JSON.stringify(resourcePolicy.Value)).toContain('\\"Action\\":\\"secretsmanager:GetSecretValue\\"');
    expect(resourcePolicy.Value['Fn::Join'][1]).toContainEqual(roleArn);
    const keyPolicy = byName('KeyPolicyStatement');
    expect(keyPolicy.Description).toMatch(/^Add this statement to the key policy of the KMS key that encrypts secret/);
    expect(JSON.stringify(keyPolicy.Value)).toContain('\\"kms:ViaService\\":\\"secretsmanager.eu-west-1.amazonaws.com\\"');
    expect(keyPolicy.Value['Fn::Join'][1]).toContainEqual(roleArn);
  });

  test('a generated role name draws a warning; a fixed roleName puts the literal role ARN into the outputs', () => {
    const s1 = stack();
    new HardenedExecutionRole(s1, 'Exec').grantSecretRead(
      ContainerSecret.fromSecretsManager(crossAccountSecret(s1), { crossAccount: { ownerAccount: '222222222222' } }));
    Annotations.fromStack(s1).hasWarning('/Svc/Exec', Match.stringLikeRegexp('Set roleName on the HardenedExecutionRole'));

    const s2 = stack();
    new HardenedExecutionRole(s2, 'Exec', { roleName: 'reporting-execution' }).grantSecretRead(
      ContainerSecret.fromSecretsManager(crossAccountSecret(s2), { crossAccount: { ownerAccount: '222222222222' } }));
    Annotations.fromStack(s2).hasNoWarning('/Svc/Exec', Match.anyValue());
    const values = Object.values(Template.fromStack(s2).findOutputs('*')).map((o: any) => JSON.stringify(o.Value));
    expect(values).toHaveLength(2);
    for (const v of values) expect(v).toContain(':iam::111111111111:role/reporting-execution');
    Template.fromStack(s2).hasResourceProperties('AWS::IAM::Role', { RoleName: 'reporting-execution' });
  });

  test('opt-in without a customer managed key is rejected: the AWS managed key cannot be shared', () => {
    const s = stack();
    const secret = secretsmanager.Secret.fromSecretCompleteArn(s, 'Shared', OTHER_ACCOUNT_ARN);
    expect(() => ContainerSecret.fromSecretsManager(secret, { crossAccount: { ownerAccount: '222222222222' } }))
      .toThrow(/^Svc\/Shared: a secret read from another account must be encrypted with a customer managed key .*Fix: pass encryptionKey/s);
  });

  test('opt-in naming the wrong owner account', () => {
    const s = stack();
    expect(() => ContainerSecret.fromSecretsManager(crossAccountSecret(s), { crossAccount: { ownerAccount: '333333333333' } }))
      .toThrow(/^Svc\/Shared: crossAccount\.ownerAccount is 333333333333 but the secret's ARN is in account 222222222222\. Fix: set ownerAccount to '222222222222'/);
  });

  test('opt-in with a malformed account id', () => {
    const s = stack();
    expect(() => ContainerSecret.fromSecretsManager(crossAccountSecret(s), { crossAccount: { ownerAccount: 'prod' } }))
      .toThrow(/^Svc\/Shared: crossAccount\.ownerAccount 'prod' is not a 12-digit account id/);
  });

  test('opt-in on a same-account secret is rejected', () => {
    const s = stack();
    const secret = secretsmanager.Secret.fromSecretAttributes(s, 'Local', {
      secretCompleteArn: COMPLETE_ARN, encryptionKey: kms.Key.fromKeyArn(s, 'K', 'arn:aws:kms:eu-west-1:111111111111:key/k'),
    });
    const cs = ContainerSecret.fromSecretsManager(secret, { crossAccount: { ownerAccount: '111111111111' } });
    expect(() => new HardenedExecutionRole(s, 'Exec').grantSecretRead(cs))
      .toThrow(/^Svc\/Exec: the secret Svc\/Local is in the stack's own account, but crossAccount is set\. Fix: remove the crossAccount option/);
  });

  test('environment-agnostic stack with a literal secret ARN: a warning, since the accounts cannot be compared', () => {
    const s = new Stack(new App(), 'Agnostic');
    const role = new HardenedExecutionRole(s, 'Exec');
    role.grantSecretRead(ContainerSecret.fromSecretsManager(secretsmanager.Secret.fromSecretCompleteArn(s, 'Db', COMPLETE_ARN)));
    Annotations.fromStack(s).hasWarning('/Agnostic/Exec', Match.stringLikeRegexp('cannot be compared with the account of this environment-agnostic stack'));
  });

  test('an SSM parameter in another account is rejected with the alternative', () => {
    const s = stack();
    const p = ssm.StringParameter.fromStringParameterArn(s, 'P', 'arn:aws:ssm:eu-west-1:222222222222:parameter/shared/token');
    expect(() => new HardenedExecutionRole(s, 'Exec').grantSecretRead(ContainerSecret.fromSsmParameter(p)))
      .toThrow('Svc/Exec: the SSM parameter Svc/P is in account 222222222222, not in the stack\'s account 111111111111. ' +
        'Cross-account parameters are not supported by this library; copy the value into a Secrets Manager secret and use ' +
        'ContainerSecret.fromSecretsManager with crossAccount.');
  });
});

describe('grants are idempotent', () => {
  test('granting the same ContainerSecret twice adds one set of statements', () => {
    const s = stack();
    const role = new HardenedExecutionRole(s, 'Exec');
    const cs = ContainerSecret.fromSecretsManager(secretsmanager.Secret.fromSecretCompleteArn(s, 'Db', COMPLETE_ARN));
    role.grantSecretRead(cs);
    role.grantSecretRead(cs);
    expect(statements(s)).toHaveLength(1);
  });
});
