import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as ecsPatterns from 'aws-cdk-lib/aws-ecs-patterns';
import * as logs from 'aws-cdk-lib/aws-logs';
import { retention } from '../../../../lib/checks/rules/logs/retention';
import { describeRule, outcomesOf } from '../harness';

function logGroup(properties: object | undefined, parameters: object = {}): object {
  return {
    Parameters: { Days: { Type: 'Number', Default: 400 }, NoDefault: { Type: 'Number' }, ...parameters },
    Resources: {
      Settings: { Type: 'Custom::Settings', Properties: {} },
      // `undefined` properties model the CDK shape with no Properties key at all (peer bug #32).
      Logs: properties === undefined ? { Type: 'AWS::Logs::LogGroup', DeletionPolicy: 'Retain' } : { Type: 'AWS::Logs::LogGroup', Properties: properties },
    },
  };
}

const peerBug32 = { name: 'peer bug #32: CDK log group without a Properties key', template: logGroup(undefined) };

describeRule(retention, {
  passing: [
    { name: 'one year', template: logGroup({ RetentionInDays: 365 }) },
    { name: 'Ref to a parameter default above the minimum', template: logGroup({ RetentionInDays: { Ref: 'Days' } }) },
    { name: 'string number via Fn::Join', template: logGroup({ RetentionInDays: { 'Fn::Join': ['', ['7', '31']] } }) },
    { name: 'peer bug #33: absent passes when failOnMissingRetention is off', options: { failOnMissingRetention: false }, template: logGroup({}) },
    { name: 'a lower configured minimum', options: { minLogRetentionDays: 30 }, template: logGroup({ RetentionInDays: 30 }) },
    { name: 'cdk: logs.LogGroup defaults (731 days)', cdk: (stack) => new logs.LogGroup(stack, 'Logs') },
  ],
  failing: [
    peerBug32,
    { name: 'peer bug #33: RetentionInDays absent fails by default', template: logGroup({ LogGroupName: 'app' }) },
    { name: 'below the minimum', template: logGroup({ RetentionInDays: 30 }) },
    { name: 'a parameter with a short allowed value (worst variant)', template: logGroup({ RetentionInDays: { Ref: 'Choice' } }, { Choice: { Type: 'Number', AllowedValues: [7, 400] } }) },
    {
      name: 'cdk: ecs-patterns ApplicationLoadBalancedFargateService auto-created log group never expires',
      cdk: (stack) => new ecsPatterns.ApplicationLoadBalancedFargateService(stack, 'Web', { taskImageOptions: { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27') } }),
    },
    { name: 'cdk: logs.LogGroup retention ONE_WEEK', cdk: (stack) => new logs.LogGroup(stack, 'Logs', { retention: logs.RetentionDays.ONE_WEEK }) },
  ],
  unresolvable: [
    { name: 'imported retention', template: logGroup({ RetentionInDays: { 'Fn::ImportValue': 'LogRetention' } }) },
    { name: 'parameter without a default via Fn::Sub', template: logGroup({ RetentionInDays: { 'Fn::Sub': '${NoDefault}' } }) },
    { name: 'retention from a custom resource', template: logGroup({ RetentionInDays: { 'Fn::GetAtt': ['Settings', 'Days'] } }) },
  ],
});

describe('LOG-01 reasons', () => {
  test('peer bug #32: a log group without Properties fails for its missing retention, not for a missing key', () => {
    const [outcome] = outcomesOf(retention, peerBug32);
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toMatch(/RetentionInDays is not set/);
    expect(outcome.message).not.toMatch(/Properties/);
  });
});
