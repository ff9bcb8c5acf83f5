import { PolicyStatement, parseStatements } from '../../../../lib/checks/model/iam-policy';
import { Opaque } from '../../../../lib/checks/model/opaque';
import {
  appliesToAllResources,
  grantsEveryAction,
  isAllResourcesPattern,
  literalActions,
  opaqueActions,
  opaqueResources,
} from '../../../../lib/checks/rules/iam/statement-views';

/** Opaque values as the resolver renders them. */
const partition = new Opaque('pseudo', '<AWS::Partition>', { target: 'AWS::Partition' });
const account = new Opaque('pseudo', '<AWS::AccountId>', { target: 'AWS::AccountId' });
const queueRef = new Opaque('ref', '<Queue>', { target: 'Queue' });
const bucketArn = new Opaque('getatt', '<Bucket.Arn>', { target: 'Bucket', attribute: 'Arn' });
const imported = new Opaque('import', '<ImportValue:TableArn>', { reason: 'imported from another stack (export TableArn)' });
const parameter = new Opaque('parameter', '<TopicArn>', { target: 'TopicArn', reason: 'parameter TopicArn has no default' });
const composite = (parts: Array<string | Opaque>) =>
  new Opaque('composite', parts.map((p) => (typeof p === 'string' ? p : p.display)).join(''), { parts });

function statement(entry: Record<string, unknown>): PolicyStatement {
  return parseStatements([{ Effect: 'Allow', ...entry }])[0];
}

describe('isAllResourcesPattern', () => {
  test.each([
    ['*', '*'],
    ['**', '**'],
    ['arn:*', 'arn:*'],
    ['arn:*:*', 'arn:*:*'],
    ['arn:**:*', 'arn:**:*'],
    ['arn:aws:*:*:*:*', 'arn:aws:*:*:*:*'],
    ['arn:aws:**', 'arn:aws:**'],
    ['arn:aws-cn:*:*:*:* (other partition)', 'arn:aws-cn:*:*:*:*'],
    ['arn:${AWS::Partition}:*:*:*:* (Fn::Sub)', composite(['arn:', partition, ':*:*:*:*'])],
  ])('every resource: %s', (_name, value) => {
    expect(isAllResourcesPattern(value)).toBe(true);
  });

  test.each([
    ['*/private (a path, not every resource)', '*/private'],
    ['arn:aws:s3:::* (every bucket of one service)', 'arn:aws:s3:::*'],
    ['arn:aws:*:*:*:table/orders (a named resource in any service)', 'arn:aws:*:*:*:table/orders'],
    ['an object key that contains arn:aws:*', 'arn:aws:s3:::backup/arn:aws:*'],
    ['arn:aws:*:*:${AWS::AccountId}:* (one account)', composite(['arn:aws:*:*:', account, ':*'])],
    ['a reference to a resource of the template', bucketArn],
  ])('not every resource: %s', (_name, value) => {
    expect(isAllResourcesPattern(value)).toBe(false);
  });
});

describe('appliesToAllResources', () => {
  test('one all-resources pattern among named ARNs is enough', () => {
    expect(appliesToAllResources(statement({ Action: 's3:GetObject', Resource: ['arn:aws:s3:::orders/*', '*'] }))).toBe(true);
  });
  test('NotResource applies to every other resource', () => {
    expect(appliesToAllResources(statement({ Action: 's3:GetObject', NotResource: 'arn:aws:s3:::private/*' }))).toBe(true);
  });
  test('named ARNs and references do not', () => {
    expect(appliesToAllResources(statement({ Action: 's3:GetObject', Resource: ['arn:aws:s3:::orders/*', queueRef] }))).toBe(false);
  });
  test('a statement without Resource does not', () => {
    expect(appliesToAllResources(statement({ Action: 's3:GetObject' }))).toBe(false);
  });
});

describe('action views', () => {
  const mixed = statement({ Action: ['s3:GetObject', imported, 's3:Put*'], Resource: '*' });
  const notAction = statement({ NotAction: 'iam:*', Resource: '*' });

  test('literalActions keeps the literal patterns in order', () => {
    expect(literalActions(mixed)).toEqual(['s3:GetObject', 's3:Put*']);
  });
  test('opaqueActions keeps the intrinsics', () => {
    expect(opaqueActions(mixed)).toEqual([imported]);
  });
  test('a NotAction statement has no Action values', () => {
    expect(literalActions(notAction)).toEqual([]);
    expect(opaqueActions(notAction)).toEqual([]);
    expect(grantsEveryAction(notAction)).toBe(false);
  });
  test('grantsEveryAction: * and *:* grant every action, a service wildcard does not', () => {
    expect(grantsEveryAction(statement({ Action: ['s3:GetObject', '*'], Resource: '*' }))).toBe(true);
    expect(grantsEveryAction(statement({ Action: '*:*', Resource: '*' }))).toBe(true);
    expect(grantsEveryAction(statement({ Action: ['s3:*', imported], Resource: '*' }))).toBe(false);
  });
});

describe('opaqueResources', () => {
  test('keeps values that may be anything, not references or ARNs built around them', () => {
    const arn = composite(['arn:', partition, ':s3:::orders/*']);
    const s = statement({ Action: 's3:GetObject', Resource: ['arn:aws:s3:::a/*', queueRef, bucketArn, arn, imported, parameter] });
    expect(opaqueResources(s)).toEqual([imported, parameter]);
  });
  test('a NotResource statement has no Resource values', () => {
    expect(opaqueResources(statement({ Action: 's3:GetObject', NotResource: imported }))).toEqual([]);
  });
});
