import { kmsKeyReference } from '../../../lib/checks/model/kms-key-reference';
import { Opaque } from '../../../lib/checks/model/opaque';
import { TemplateModel } from '../../../lib/checks/model/template-model';

function model(): TemplateModel {
  return new TemplateModel({
    Parameters: { KeyParam: { Type: 'String' } },
    Resources: {
      Key: { Type: 'AWS::KMS::Key', Properties: { KeyPolicy: {} } },
      OtherKey: { Type: 'AWS::KMS::Key', Properties: { KeyPolicy: {} } },
      Alias: { Type: 'AWS::KMS::Alias', Properties: { AliasName: 'alias/app', TargetKeyId: { 'Fn::GetAtt': ['Key', 'Arn'] } } },
      AwsAlias: { Type: 'AWS::KMS::Alias', Properties: { AliasName: 'alias/aws/ecs', TargetKeyId: { Ref: 'Key' } } },
      ForeignAlias: { Type: 'AWS::KMS::Alias', Properties: { AliasName: 'alias/foreign', TargetKeyId: 'arn:aws:kms:eu-west-1:111111111111:key/1234' } },
      OddAlias: { Type: 'AWS::KMS::Alias', Properties: { AliasName: { Ref: 'KeyParam' }, TargetKeyId: { Ref: 'Bucket' } } },
      Bucket: { Type: 'AWS::S3::Bucket', Properties: {} },
    },
  });
}

/** The reference with the key shown by its logical id, for compact expectations. */
function describeRef(m: TemplateModel, raw: unknown): Record<string, unknown> {
  const ref = kmsKeyReference(m, m.resolve(raw));
  if (ref.kind === 'template-key') return { kind: ref.kind, key: ref.key.logicalId, shown: ref.shown };
  if (ref.kind === 'unresolved') return { kind: ref.kind, value: ref.value.display, reason: ref.value.details.reason };
  return { ...ref };
}

describe('kmsKeyReference: literals', () => {
  test('absent, null and empty mean the default encryption', () => {
    const m = model();
    expect(kmsKeyReference(m, undefined)).toEqual({ kind: 'absent' });
    expect(kmsKeyReference(m, null)).toEqual({ kind: 'absent' });
    expect(kmsKeyReference(m, '')).toEqual({ kind: 'absent' });
  });

  test.each([
    ['alias/aws/ecs'],
    ['ALIAS/AWS/secretsmanager'],
    ['arn:aws:kms:eu-west-1:111111111111:alias/aws/ebs'],
  ])('%s is an AWS managed key', (value) => {
    expect(kmsKeyReference(model(), value)).toEqual({ kind: 'aws-managed', shown: value });
  });

  test.each([
    ['alias/app'],
    ['alias/aws-app'],
    ['alias/awsome/x'],
    ['myalias/aws/x'],
    ['1234abcd-12ab-34cd-56ef-1234567890ab'],
    ['arn:aws:kms:eu-west-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab'],
  ])('%s is a customer key from elsewhere', (value) => {
    expect(kmsKeyReference(model(), value)).toEqual({ kind: 'customer-literal', shown: value });
  });

  test('a value that is neither a string nor an intrinsic is unresolved, not a key id', () => {
    const ref = kmsKeyReference(model(), { Id: 'x' });
    expect(ref).toEqual({ kind: 'unresolved', value: new Opaque('unsupported', '{"Id":"x"}', { reason: 'not a key id' }) });
    expect(kmsKeyReference(model(), 42)).toEqual({ kind: 'unresolved', value: new Opaque('unsupported', '42', { reason: 'not a key id' }) });
  });
});

describe('kmsKeyReference: references into the template', () => {
  test('a Ref, GetAtt or composite ARN of a key of the template is that key', () => {
    const m = model();
    expect(describeRef(m, { Ref: 'Key' })).toEqual({ kind: 'template-key', key: 'Key', shown: '<Key>' });
    expect(describeRef(m, { 'Fn::GetAtt': ['OtherKey', 'Arn'] })).toEqual({ kind: 'template-key', key: 'OtherKey', shown: '<OtherKey.Arn>' });
    expect(describeRef(m, { 'Fn::Sub': 'arn:${AWS::Partition}:kms:${AWS::Region}:${AWS::AccountId}:key/${Key}' })).toEqual({
      kind: 'template-key',
      key: 'Key',
      shown: 'arn:<AWS::Partition>:kms:<AWS::Region>:<AWS::AccountId>:key/<Key>',
    });
  });

  test('an alias of the template leads to its target key, shown as written', () => {
    const m = model();
    expect(describeRef(m, { Ref: 'Alias' })).toEqual({ kind: 'template-key', key: 'Key', shown: '<Alias>' });
    const ref = kmsKeyReference(m, m.resolve({ Ref: 'Alias' }));
    expect(ref.kind === 'template-key' && ref.key).toBe(m.resource('Key'));
  });

  test('an alias of the template named alias/aws/... is AWS managed, shown by its name', () => {
    expect(describeRef(model(), { Ref: 'AwsAlias' })).toEqual({ kind: 'aws-managed', shown: 'alias/aws/ecs' });
  });

  test('an alias whose target is not a key of the template is unresolved', () => {
    const m = model();
    expect(describeRef(m, { Ref: 'ForeignAlias' })).toEqual({ kind: 'unresolved', value: '<ForeignAlias>', reason: 'reference to resource ForeignAlias' });
    expect(describeRef(m, { Ref: 'OddAlias' })).toEqual({ kind: 'unresolved', value: '<OddAlias>', reason: 'reference to resource OddAlias' });
  });

  test('a reference to another resource type, a parameter or an import is unresolved and kept as is', () => {
    const m = model();
    expect(describeRef(m, { Ref: 'Bucket' })).toEqual({ kind: 'unresolved', value: '<Bucket>', reason: 'reference to resource Bucket' });
    expect(describeRef(m, { Ref: 'KeyParam' })).toEqual({ kind: 'unresolved', value: '<KeyParam>', reason: 'parameter KeyParam has no default' });
    const imported = m.resolve({ 'Fn::ImportValue': 'shared-key' });
    expect(kmsKeyReference(m, imported)).toEqual({ kind: 'unresolved', value: imported });
  });
});

describe('kmsKeyReference: composite strings', () => {
  test('literal parts naming an AWS managed alias make it AWS managed', () => {
    expect(describeRef(model(), { 'Fn::Sub': 'arn:${AWS::Partition}:kms:${AWS::Region}:${AWS::AccountId}:alias/aws/ecs' })).toEqual({
      kind: 'aws-managed',
      shown: 'arn:<AWS::Partition>:kms:<AWS::Region>:<AWS::AccountId>:alias/aws/ecs',
    });
    expect(describeRef(model(), { 'Fn::Join': ['', ['alias/aws/', { Ref: 'KeyParam' }]] })).toEqual({ kind: 'aws-managed', shown: 'alias/aws/<KeyParam>' });
  });

  test('literal parts showing a key id or a customer alias make it a customer key', () => {
    expect(describeRef(model(), { 'Fn::Sub': 'arn:${AWS::Partition}:kms:eu-west-1:111111111111:key/1234' })).toEqual({
      kind: 'customer-literal',
      shown: 'arn:<AWS::Partition>:kms:eu-west-1:111111111111:key/1234',
    });
    expect(describeRef(model(), { 'Fn::Sub': 'arn:${AWS::Partition}:kms:${AWS::Region}:${AWS::AccountId}:alias/app' })).toEqual({
      kind: 'customer-literal',
      shown: 'arn:<AWS::Partition>:kms:<AWS::Region>:<AWS::AccountId>:alias/app',
    });
  });

  test('a key id or alias name that is itself deploy-time is unresolved', () => {
    expect(describeRef(model(), { 'Fn::Sub': 'arn:${AWS::Partition}:kms:eu-west-1:111111111111:key/${KeyParam}' })).toMatchObject({
      kind: 'unresolved',
      value: 'arn:<AWS::Partition>:kms:eu-west-1:111111111111:key/<KeyParam>',
    });
    expect(describeRef(model(), { 'Fn::Sub': 'arn:${AWS::Partition}:kms:eu-west-1:1:key//x' })).toMatchObject({ kind: 'unresolved' });
  });

  test('literal text without ":key/" or ":alias/" is unresolved', () => {
    expect(describeRef(model(), { 'Fn::Sub': 'key/${KeyParam}' })).toMatchObject({ kind: 'unresolved', value: 'key/<KeyParam>' });
    expect(describeRef(model(), { 'Fn::Sub': 'arn:${AWS::Partition}:kms:eu-west-1:1:mykey/1' })).toMatchObject({ kind: 'unresolved' });
  });

  test('only composites are read for literal text', () => {
    const notComposite = new Opaque('parameter', 'alias/aws/ecs', { reason: 'parameter' });
    expect(kmsKeyReference(model(), notComposite)).toEqual({ kind: 'unresolved', value: notComposite });
    const withKeyDisplay = new Opaque('import', 'arn:aws:kms:eu-west-1:1:key/1');
    expect(kmsKeyReference(model(), withKeyDisplay)).toEqual({ kind: 'unresolved', value: withKeyDisplay });
  });

  test('a composite without parts is unresolved', () => {
    const empty = new Opaque('composite', ':key/1');
    expect(kmsKeyReference(model(), empty)).toEqual({ kind: 'unresolved', value: empty });
  });
});
