import { Opaque } from '../../../lib/checks/model/opaque';
import { readSecretReference } from '../../../lib/checks/model/secret-reference';
import { TemplateModel } from '../../../lib/checks/model/template-model';

const PARTIAL =
  'it is a partial Secrets Manager ARN (no 6-character suffix); ECS cannot match it against the grant and the task fails with AccessDeniedException';
const NEITHER = 'it is neither a Secrets Manager secret ARN nor an SSM parameter ARN';
const NOT_VALID = 'it is not a valid Secrets Manager ARN or SSM parameter name';
const SSM_REASON = 'SSM parameter ARN in the deploying account and region';

function pseudo(name: string): Opaque {
  return new Opaque('pseudo', `<${name}>`, { target: name, reason: `${name} is known only at deploy time` });
}

/** The SSM parameter ARN the module builds for a name or a name reference. */
function ssmArnOf(tail: string | Opaque): Opaque {
  const parts = ['arn:', pseudo('AWS::Partition'), ':ssm:', pseudo('AWS::Region'), ':', pseudo('AWS::AccountId'), ...(typeof tail === 'string' ? [`:parameter${tail}`] : [':parameter/', tail])];
  const display = parts.map((p) => (typeof p === 'string' ? p : p.display)).join('');
  return new Opaque('composite', display, { parts, reason: SSM_REASON });
}

function composite(...parts: Array<string | Opaque>): Opaque {
  const display = parts.map((p) => (typeof p === 'string' ? p : p.display)).join('');
  return new Opaque('composite', display, { parts, reason: `string built from values known only at deploy time (${display})` });
}

function resolved(value: unknown): { model: TemplateModel; value: unknown } {
  const model = new TemplateModel({
    Resources: {
      Secret: { Type: 'AWS::SecretsManager::Secret', Properties: {} },
      Param: { Type: 'AWS::SSM::Parameter', Properties: { Type: 'String', Value: 'x' } },
      Role: { Type: 'AWS::IAM::Role', Properties: {} },
      Task: { Type: 'AWS::ECS::TaskDefinition', Properties: { ValueFrom: value } },
    },
  } as never);
  return { model, value: model.properties(model.resource('Task')!).ValueFrom };
}

describe('readSecretReference: literal Secrets Manager ARNs', () => {
  test('a complete secret ARN grants itself', () => {
    const { model } = resolved('x');
    expect(readSecretReference(model, 'arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCd12')).toEqual({
      store: 'secretsmanager',
      grantResource: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCd12',
    });
  });

  test('a JSON key is dropped from the grant resource', () => {
    const { model } = resolved('x');
    expect(readSecretReference(model, 'arn:aws:secretsmanager:us-east-1:1:secret:db-AbCd12:password')).toEqual({
      store: 'secretsmanager',
      grantResource: 'arn:aws:secretsmanager:us-east-1:1:secret:db-AbCd12',
    });
  });

  test('JSON key, version stage and version id are all dropped', () => {
    const { model } = resolved('x');
    expect(readSecretReference(model, 'arn:aws:secretsmanager:us-east-1:1:secret:db-AbCd12:password:AWSCURRENT:v1')).toEqual({
      store: 'secretsmanager',
      grantResource: 'arn:aws:secretsmanager:us-east-1:1:secret:db-AbCd12',
    });
  });

  test('empty key and stage segments (`::`) are accepted', () => {
    const { model } = resolved('x');
    expect(readSecretReference(model, 'arn:aws:secretsmanager:us-east-1:1:secret:db-AbCd12:::v1')).toEqual({
      store: 'secretsmanager',
      grantResource: 'arn:aws:secretsmanager:us-east-1:1:secret:db-AbCd12',
    });
  });

  test('a fourth suffix segment makes it an unrecognised ARN', () => {
    const { model } = resolved('x');
    expect(readSecretReference(model, 'arn:aws:secretsmanager:us-east-1:1:secret:db-AbCd12:key:stage:id:extra')).toEqual({ invalid: NEITHER });
  });

  test('an empty partition segment makes it an unrecognised ARN', () => {
    const { model } = resolved('x');
    expect(readSecretReference(model, 'arn::secretsmanager:us-east-1:1:secret:db-AbCd12')).toEqual({ invalid: NEITHER });
  });

  test('empty region and account segments are tolerated', () => {
    const { model } = resolved('x');
    expect(readSecretReference(model, 'arn:aws:secretsmanager:::secret:db-AbCd12')).toEqual({
      store: 'secretsmanager',
      grantResource: 'arn:aws:secretsmanager:::secret:db-AbCd12',
    });
  });

  test('an ARN with no secret name is unrecognised', () => {
    const { model } = resolved('x');
    expect(readSecretReference(model, 'arn:aws:secretsmanager:us-east-1:1:secret:')).toEqual({ invalid: NEITHER });
  });

  test('a string that contains but does not start with an ARN is not a valid reference', () => {
    const { model } = resolved('x');
    expect(readSecretReference(model, 'xarn:aws:secretsmanager:us-east-1:1:secret:db-AbCd12')).toEqual({ invalid: NOT_VALID });
  });

  test('a partial ARN (no random suffix) is invalid', () => {
    const { model } = resolved('x');
    expect(readSecretReference(model, 'arn:aws:secretsmanager:us-east-1:1:secret:db')).toEqual({ invalid: PARTIAL });
  });

  test('a five-character suffix is partial', () => {
    const { model } = resolved('x');
    expect(readSecretReference(model, 'arn:aws:secretsmanager:us-east-1:1:secret:db-AbCd1')).toEqual({ invalid: PARTIAL });
  });

  test('the suffix must end the name: seven characters after the dash is partial', () => {
    const { model } = resolved('x');
    expect(readSecretReference(model, 'arn:aws:secretsmanager:us-east-1:1:secret:db-AbCd123')).toEqual({ invalid: PARTIAL });
  });

  test('the suffix must follow a dash and be alphanumeric', () => {
    const { model } = resolved('x');
    expect(readSecretReference(model, 'arn:aws:secretsmanager:us-east-1:1:secret:db_AbCd12')).toEqual({ invalid: PARTIAL });
    expect(readSecretReference(model, 'arn:aws:secretsmanager:us-east-1:1:secret:db-AbC_12')).toEqual({ invalid: PARTIAL });
  });

  test('a name with dashes and a valid suffix is complete', () => {
    const { model } = resolved('x');
    expect(readSecretReference(model, 'arn:aws-cn:secretsmanager:cn-north-1:1:secret:my-db-pass-zZ09aA')).toEqual({
      store: 'secretsmanager',
      grantResource: 'arn:aws-cn:secretsmanager:cn-north-1:1:secret:my-db-pass-zZ09aA',
    });
  });
});

describe('readSecretReference: literal SSM references', () => {
  test('a parameter ARN grants itself', () => {
    const { model } = resolved('x');
    expect(readSecretReference(model, 'arn:aws:ssm:us-east-1:1:parameter/app/db')).toEqual({
      store: 'ssm',
      grantResource: 'arn:aws:ssm:us-east-1:1:parameter/app/db',
    });
  });

  test('a parameter ARN with empty region and account is tolerated', () => {
    const { model } = resolved('x');
    expect(readSecretReference(model, 'arn:aws:ssm:::parameter/db')).toEqual({ store: 'ssm', grantResource: 'arn:aws:ssm:::parameter/db' });
  });

  test('parameter ARNs with an empty partition, no name, or no slash are unrecognised', () => {
    const { model } = resolved('x');
    expect(readSecretReference(model, 'arn::ssm:us-east-1:1:parameter/db')).toEqual({ invalid: NEITHER });
    expect(readSecretReference(model, 'arn:aws:ssm:us-east-1:1:parameter/')).toEqual({ invalid: NEITHER });
    expect(readSecretReference(model, 'arn:aws:ssm:us-east-1:1:parameter')).toEqual({ invalid: NEITHER });
    expect(readSecretReference(model, 'arn:aws:ssm:us-east-1:1:parameterdb')).toEqual({ invalid: NEITHER });
    expect(readSecretReference(model, 'arn:aws:ssm:us-east-1:1:document/db')).toEqual({ invalid: NEITHER });
  });

  test('a string that contains but does not start with a parameter ARN is not valid', () => {
    const { model } = resolved('x');
    expect(readSecretReference(model, 'xarn:aws:ssm:us-east-1:1:parameter/db')).toEqual({ invalid: NOT_VALID });
  });

  test('an ARN of another service is neither', () => {
    const { model } = resolved('x');
    expect(readSecretReference(model, 'arn:aws:s3:::bucket/key')).toEqual({ invalid: NEITHER });
  });

  test('a parameter name becomes an ARN in the deploying account, adding the leading slash', () => {
    const { model } = resolved('x');
    expect(readSecretReference(model, 'app/db_password.v1-x')).toEqual({ store: 'ssm', grantResource: ssmArnOf('/app/db_password.v1-x') });
  });

  test('a parameter path keeps its single leading slash', () => {
    const { model } = resolved('x');
    const result = readSecretReference(model, '/app/DB9');
    expect(result).toEqual({ store: 'ssm', grantResource: ssmArnOf('/app/DB9') });
    expect(String((result as { grantResource: Opaque }).grantResource)).toBe('arn:<AWS::Partition>:ssm:<AWS::Region>:<AWS::AccountId>:parameter/app/DB9');
  });

  test('names with characters outside the parameter alphabet, or empty, are not valid', () => {
    const { model } = resolved('x');
    expect(readSecretReference(model, 'db password')).toEqual({ invalid: NOT_VALID });
    expect(readSecretReference(model, '!db')).toEqual({ invalid: NOT_VALID });
    expect(readSecretReference(model, 'db!')).toEqual({ invalid: NOT_VALID });
    expect(readSecretReference(model, '')).toEqual({ invalid: NOT_VALID });
  });
});

describe('readSecretReference: non-string values', () => {
  test('a number, an object or an absent value is not a string', () => {
    const { model } = resolved('x');
    expect(readSecretReference(model, 42)).toEqual({ invalid: 'it is not a string' });
    expect(readSecretReference(model, { a: 1 })).toEqual({ invalid: 'it is not a string' });
    expect(readSecretReference(model, undefined)).toEqual({ invalid: 'it is not a string' });
  });

  test('an import cannot be judged and is returned as is', () => {
    const { model, value } = resolved({ 'Fn::ImportValue': 'shared-secret' });
    expect(readSecretReference(model, value)).toBe(value);
  });

  test('a composite without parts is returned as is', () => {
    const { model } = resolved('x');
    const value = new Opaque('composite', '<?>');
    expect(readSecretReference(model, value)).toBe(value);
  });
});

describe('readSecretReference: in-template secrets and parameters', () => {
  test('Ref to a secret is the complete ARN', () => {
    const { model, value } = resolved({ Ref: 'Secret' });
    expect(readSecretReference(model, value)).toEqual({ store: 'secretsmanager', grantResource: value, resource: model.resource('Secret') });
  });

  test('Ref to a secret followed by a JSON key grants the secret ARN only', () => {
    const { model, value } = resolved({ 'Fn::Join': ['', [{ Ref: 'Secret' }, ':password::']] });
    const result = readSecretReference(model, value) as { grantResource: Opaque };
    expect(result).toEqual({ store: 'secretsmanager', grantResource: (value as Opaque).details.parts![0], resource: model.resource('Secret') });
    expect(result.grantResource.display).toBe('<Secret>');
  });

  test('a secret reference not at the start of the composite is not taken as the ARN', () => {
    const { model, value } = resolved({ 'Fn::Join': ['', [{ Ref: 'AWS::Region' }, { Ref: 'Secret' }]] });
    expect(readSecretReference(model, value)).toBe(value);
  });

  test('a literal prefix before the secret reference is not taken as the ARN', () => {
    const { model, value } = resolved({ 'Fn::Join': ['', ['prefix', { Ref: 'Secret' }]] });
    expect(readSecretReference(model, value)).toBe(value);
  });

  test('Ref to an SSM parameter (its name) becomes the parameter ARN', () => {
    const { model, value } = resolved({ Ref: 'Param' });
    expect(readSecretReference(model, value)).toEqual({ store: 'ssm', grantResource: ssmArnOf(value as Opaque), resource: model.resource('Param') });
  });

  test('a parameter ARN built around the parameter reference grants the composite', () => {
    const { model, value } = resolved({ 'Fn::Sub': 'arn:aws:ssm:${AWS::Region}:1:parameter/${Param}' });
    const result = readSecretReference(model, value) as { grantResource: unknown };
    expect(result).toEqual({ store: 'ssm', grantResource: value });
    expect(result.grantResource).toBe(value);
  });

  test('a reference to another kind of resource cannot be judged', () => {
    const { model, value } = resolved({ 'Fn::GetAtt': ['Role', 'Arn'] });
    expect(readSecretReference(model, value)).toBe(value);
  });
});

describe('readSecretReference: composite ARNs', () => {
  test('a secret ARN with symbolic region and a literal name grants the composite itself', () => {
    const { model, value } = resolved({ 'Fn::Sub': 'arn:aws:secretsmanager:${AWS::Region}:1:secret:db-AbCd12' });
    const result = readSecretReference(model, value) as { grantResource: unknown };
    expect(result).toEqual({ store: 'secretsmanager', grantResource: value });
    expect(result.grantResource).toBe(value);
  });

  test('a JSON key and stage in the last literal part are cut from the grant resource', () => {
    const { model, value } = resolved({ 'Fn::Sub': 'arn:${AWS::Partition}:secretsmanager:${AWS::Region}:${AWS::AccountId}:secret:db-AbCd12:password::' });
    const parts = ['arn:', pseudo('AWS::Partition'), ':secretsmanager:', pseudo('AWS::Region'), ':', pseudo('AWS::AccountId'), ':secret:db-AbCd12'];
    expect(readSecretReference(model, value)).toEqual({
      store: 'secretsmanager',
      grantResource: new Opaque('composite', 'arn:<AWS::Partition>:secretsmanager:<AWS::Region>:<AWS::AccountId>:secret:db-AbCd12', {
        parts,
        reason: (value as Opaque).details.reason,
      }),
    });
  });

  test('symbolic parts after the secret name are dropped whole', () => {
    const { model } = resolved('x');
    const value = composite('arn:aws:secretsmanager:', pseudo('AWS::Region'), ':1:secret:db-AbCd12', ':', pseudo('AWS::StackName'));
    expect(readSecretReference(model, value)).toEqual({
      store: 'secretsmanager',
      grantResource: new Opaque('composite', 'arn:aws:secretsmanager:<AWS::Region>:1:secret:db-AbCd12', {
        parts: ['arn:aws:secretsmanager:', pseudo('AWS::Region'), ':1:secret:db-AbCd12'],
        reason: value.details.reason,
      }),
    });
  });

  test('an empty partition segment is accepted in a composite', () => {
    const { model } = resolved('x');
    const value = composite('arn::secretsmanager:', pseudo('AWS::Region'), ':1:secret:db-AbCd12');
    expect(readSecretReference(model, value)).toEqual({ store: 'secretsmanager', grantResource: value });
  });

  test('a composite secret ARN without the suffix is partial', () => {
    const { model, value } = resolved({ 'Fn::Sub': 'arn:aws:secretsmanager:${AWS::Region}:1:secret:db:password::' });
    expect(readSecretReference(model, value)).toEqual({ invalid: PARTIAL });
  });

  test('a symbolic secret name cannot be judged', () => {
    const { model } = resolved('x');
    const whole = composite('arn:aws:secretsmanager:', pseudo('AWS::Region'), ':1:secret:', pseudo('AWS::StackName'));
    expect(readSecretReference(model, whole)).toBe(whole);
    const suffix = composite('arn:aws:secretsmanager:us-east-1:1:secret:db-', pseudo('AWS::StackName'));
    expect(readSecretReference(model, suffix)).toBe(suffix);
  });

  test('a composite that does not start with a secret ARN is not one', () => {
    const { model } = resolved('x');
    const prefixed = composite('xarn:aws:secretsmanager:', pseudo('AWS::Region'), ':1:secret:db-AbCd12');
    expect(readSecretReference(model, prefixed)).toBe(prefixed);
    const noArn = composite(pseudo('AWS::Region'), ':secret:db-AbCd12');
    expect(readSecretReference(model, noArn)).toBe(noArn);
  });

  test('a Secrets Manager ARN that is not a secret cannot be judged', () => {
    const { model } = resolved('x');
    const value = composite('arn:aws:secretsmanager:', pseudo('AWS::Region'), ':1:other:db-AbCd12');
    expect(readSecretReference(model, value)).toBe(value);
  });

  test('an SSM parameter ARN composite grants itself', () => {
    const { model } = resolved('x');
    const value = composite('arn:aws:ssm:', pseudo('AWS::Region'), ':1:parameter/app/db');
    expect(readSecretReference(model, value)).toEqual({ store: 'ssm', grantResource: value });
    const emptyPartition = composite('arn::ssm:', pseudo('AWS::Region'), ':1:parameter/app/db');
    expect(readSecretReference(model, emptyPartition)).toEqual({ store: 'ssm', grantResource: emptyPartition });
  });

  test('an SSM composite that is not a parameter ARN, or not at the start, cannot be judged', () => {
    const { model } = resolved('x');
    const document = composite('arn:aws:ssm:', pseudo('AWS::Region'), ':1:document/app');
    expect(readSecretReference(model, document)).toBe(document);
    const prefixed = composite('xarn:aws:ssm:', pseudo('AWS::Region'), ':1:parameter/app');
    expect(readSecretReference(model, prefixed)).toBe(prefixed);
    const noArn = composite(pseudo('AWS::Region'), ':1:parameter/app');
    expect(readSecretReference(model, noArn)).toBe(noArn);
  });
});
