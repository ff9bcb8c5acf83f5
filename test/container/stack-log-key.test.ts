import { App, NestedStack, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as kms from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';
import { HardenedCluster } from '../../lib/cluster/hardened-cluster';
import { STACK_LOG_KEY_ID, stackLogKey } from '../../lib/container/stack-log-key';
import { HardenedFargateService, HardenedFargateServiceProps } from '../../lib/service/hardened-fargate-service';
import { container, logicalId } from '../service/service-fixture';

function services(scope: Construct, count: number, extra: Partial<HardenedFargateServiceProps> = {}): HardenedFargateService[] {
  const stack = Stack.of(scope);
  const vpc = new ec2.Vpc(scope, 'Vpc', { natGateways: 1, maxAzs: 2 });
  const { cluster } = new HardenedCluster(scope, 'Cluster', { vpc });
  return Array.from({ length: count }, (_, i) => new HardenedFargateService(scope, `Service${i}`, { cluster, container: container(stack), ...extra }));
}

const newStack = (id = 'LogKeyStack') => new Stack(new App(), id, { env: { account: '111111111111', region: 'eu-west-1' } });

describe('the stack log key', () => {
  test('the services of a stack share one rotating, retained key, whose policy lets CloudWatch Logs use it once', () => {
    const stack = newStack();
    const [first, second, third] = services(stack, 3);
    const template = Template.fromStack(stack);

    const key = stack.node.findChild(STACK_LOG_KEY_ID);
    expect([first.logEncryptionKey, second.logEncryptionKey, third.logEncryptionKey]).toEqual([key, key, key]);
    template.resourceCountIs('AWS::KMS::Key', 1);
    const keyId = logicalId(stack, key);
    template.hasResource('AWS::KMS::Key', {
      Properties: {
        EnableKeyRotation: true,
        Description: 'Encrypts the CloudWatch Logs log groups of the hardened ECS services of LogKeyStack',
      },
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
    });
    const policy = template.findResources('AWS::KMS::Key')[keyId].Properties.KeyPolicy;
    expect(policy.Statement.filter((s: { Sid?: string }) => s.Sid === 'AllowCloudWatchLogsUseOfTheKey')).toEqual([
      expect.objectContaining({ Principal: { Service: 'logs.eu-west-1.amazonaws.com' } }),
    ]);
    template.resourcePropertiesCountIs('AWS::Logs::LogGroup', { KmsKeyId: { 'Fn::GetAtt': [keyId, 'Arn'] } }, 3);
  });

  test('each stack, nested stacks included, has its own key', () => {
    const app = new App();
    const parent = new Stack(app, 'Parent', { env: { account: '111111111111', region: 'eu-west-1' } });
    const nested = new NestedStack(parent, 'Nested');
    const [outer] = services(parent, 1);
    const [inner] = services(nested, 1);
    expect(outer.logEncryptionKey).toBe(parent.node.findChild(STACK_LOG_KEY_ID));
    expect(inner.logEncryptionKey).toBe(nested.node.findChild(STACK_LOG_KEY_ID));
    expect(inner.logEncryptionKey).not.toBe(outer.logEncryptionKey);
  });

  test('a service given a key uses it, and no stack key is created for it', () => {
    const stack = newStack();
    const own = new kms.Key(stack, 'OwnKey', { enableKeyRotation: true });
    const [service] = services(stack, 1, { logEncryptionKey: own });
    expect(service.logEncryptionKey).toBe(own);
    expect(stack.node.tryFindChild(STACK_LOG_KEY_ID)).toBeUndefined();
    Template.fromStack(stack).resourceCountIs('AWS::KMS::Key', 1);
  });

  test('returns the same key for every construct of the stack', () => {
    const stack = newStack();
    const a = new Construct(stack, 'A');
    const b = new Construct(new Construct(stack, 'B'), 'Deep');
    expect(stackLogKey(a)).toBe(stackLogKey(b));
    expect(stackLogKey(b)).toBeInstanceOf(kms.Key);
  });

  test('a construct of another kind under the key\'s id is an error that names it and the fix', () => {
    const stack = newStack();
    new Construct(stack, STACK_LOG_KEY_ID);
    expect(() => services(stack, 1)).toThrow(
      `LogKeyStack/Service0: the stack LogKeyStack already has a construct with the id '${STACK_LOG_KEY_ID}' that is not a KMS key, ` +
        'so the stack\'s shared log key cannot be created. Fix: rename that construct, or pass logEncryptionKey.',
    );
  });

  test('the key encrypts only log groups: it is not used by the task definitions or the roles', () => {
    const stack = newStack();
    services(stack, 2);
    const template = Template.fromStack(stack);
    const keyId = logicalId(stack, stack.node.findChild(STACK_LOG_KEY_ID));
    const users = Object.entries(template.toJSON().Resources as Record<string, { Type: string; Properties?: unknown }>)
      .filter(([, r]) => JSON.stringify(r.Properties ?? {}).includes(`"${keyId}"`))
      .map(([, r]) => r.Type);
    expect(users.sort()).toEqual(['AWS::Logs::LogGroup', 'AWS::Logs::LogGroup']);
    template.hasResourceProperties('AWS::KMS::Key', { KeyPolicy: { Statement: Match.arrayWith([Match.objectLike({ Action: 'kms:*' })]) } });
  });
});
