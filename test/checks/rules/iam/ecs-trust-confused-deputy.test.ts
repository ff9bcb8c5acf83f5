import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as iam from 'aws-cdk-lib/aws-iam';
import { ecsTrustConfusedDeputy } from '../../../../lib/checks/rules/iam/ecs-trust-confused-deputy';
import { describeRule } from '../harness';
import { CDK_DEFAULT_TRUST, OWN_ACCOUNT_TRUST, ecsIamTemplate } from './iam-fixtures';

const withCondition = (condition: object) => ({ ...CDK_DEFAULT_TRUST, Condition: condition });

describeRule(ecsTrustConfusedDeputy, {
  passing: [
    { name: 'SourceAccount = Ref AWS::AccountId and SourceArn via Fn::Sub', template: ecsIamTemplate({ trust: [OWN_ACCOUNT_TRUST] }), logicalId: 'TaskRole' },
    {
      name: 'SourceAccount written as a Fn::Sub of AWS::AccountId alone',
      template: ecsIamTemplate({ trust: [withCondition({ StringEquals: { 'aws:SourceAccount': { 'Fn::Sub': '${AWS::AccountId}' } } })] }),
      logicalId: 'TaskRole',
    },
    {
      name: 'literal account in both conditions, SourceArn via Fn::Join',
      template: ecsIamTemplate({
        trust: [withCondition({
          StringEquals: { 'aws:SourceAccount': '111111111111' },
          ArnLike: { 'aws:SourceArn': { 'Fn::Join': [':', ['arn', { Ref: 'AWS::Partition' }, 'ecs', { Ref: 'AWS::Region' }, '111111111111', '*']] } },
        })],
      }),
      logicalId: 'TaskRole',
    },
    {
      name: 'ArnEquals SourceArn with a literal account (wildcards match under ArnEquals)',
      template: ecsIamTemplate({ trust: [withCondition({ ArnEquals: { 'aws:SourceArn': 'arn:aws:ecs:eu-west-1:111111111111:*' } })] }),
      logicalId: 'TaskRole',
    },
    {
      name: 'StringLike SourceArn of the own account via Fn::Sub',
      template: ecsIamTemplate({ trust: [withCondition({ StringLike: { 'aws:SourceArn': { 'Fn::Sub': 'arn:${AWS::Partition}:ecs:${AWS::Region}:${AWS::AccountId}:*' } } })] }),
      logicalId: 'TaskRole',
    },
    {
      name: 'StringEquals SourceArn naming one exact task ARN (no wildcard)',
      template: ecsIamTemplate({
        trust: [withCondition({ StringEquals: { 'aws:SourceArn': 'arn:aws:ecs:eu-west-1:111111111111:task/app-cluster/0123456789abcdef0123456789abcdef' } })],
      }),
      logicalId: 'TaskRole',
    },
    {
      name: 'cdk: ServicePrincipal.withConditions on an injected task role',
      cdk: (stack) => {
        const taskRole = new iam.Role(stack, 'TaskRole', {
          assumedBy: new iam.ServicePrincipal('ecs-tasks.amazonaws.com').withConditions({
            StringEquals: { 'aws:SourceAccount': stack.account },
            ArnLike: { 'aws:SourceArn': `arn:${stack.partition}:ecs:${stack.region}:${stack.account}:*` },
          }),
        });
        new ecs.FargateTaskDefinition(stack, 'Td', { taskRole }).addContainer('app', { image: ecs.ContainerImage.fromRegistry('nginx') });
      },
      key: 'Statement::0',
    },
  ],
  failing: [
    { name: 'peer bug #31: the aws-cdk-lib default ecs-tasks trust', template: ecsIamTemplate(), logicalId: 'TaskRole', key: 'Statement::0' },
    {
      name: 'cdk: default FargateTaskDefinition task role',
      cdk: (stack) => new ecs.FargateTaskDefinition(stack, 'Td').addContainer('app', { image: ecs.ContainerImage.fromRegistry('nginx') }),
      key: 'Statement::0',
    },
    {
      name: '* account in SourceArn',
      template: ecsIamTemplate({ trust: [withCondition({ ArnLike: { 'aws:SourceArn': 'arn:aws:ecs:eu-west-1:*:*' } })] }),
      logicalId: 'TaskRole',
    },
    {
      name: 'StringEquals with a wildcard SourceArn never matches',
      template: ecsIamTemplate({ trust: [withCondition({ StringEquals: { 'aws:SourceArn': 'arn:aws:ecs:eu-west-1:111111111111:*' } })] }),
      logicalId: 'TaskRole',
    },
    {
      name: 'StringLike SourceAccount "*"',
      template: ecsIamTemplate({ trust: [withCondition({ StringLike: { 'aws:SourceAccount': '*' } })] }),
      logicalId: 'TaskRole',
    },
    {
      name: 'mismatched accounts',
      template: ecsIamTemplate({
        trust: [withCondition({ StringEquals: { 'aws:SourceAccount': '111111111111' }, ArnLike: { 'aws:SourceArn': 'arn:aws:ecs:eu-west-1:222222222222:*' } })],
      }),
      logicalId: 'TaskRole',
    },
    {
      name: 'ecs-tasks among several service principals without conditions',
      template: ecsIamTemplate({ trust: [{ ...CDK_DEFAULT_TRUST, Principal: { Service: ['ecs-tasks.amazonaws.com', 'lambda.amazonaws.com'] } }] }),
      logicalId: 'TaskRole',
      key: 'Statement::0',
    },
    {
      name: 'StringNotEquals SourceAccount excludes one account, it does not bind one',
      template: ecsIamTemplate({ trust: [withCondition({ StringNotEquals: { 'aws:SourceAccount': '111111111111' } })] }),
      logicalId: 'TaskRole',
    },
    {
      name: 'ArnNotLike SourceArn does not bind the account',
      template: ecsIamTemplate({ trust: [withCondition({ ArnNotLike: { 'aws:SourceArn': 'arn:aws:ecs:eu-west-1:111111111111:*' } })] }),
      logicalId: 'TaskRole',
    },
    {
      name: 'an account id where SourceArn expects an ARN',
      template: ecsIamTemplate({ trust: [withCondition({ ArnLike: { 'aws:SourceArn': '111111111111' } })] }),
      logicalId: 'TaskRole',
    },
    {
      name: 'SourceArn of another service (Lambda)',
      template: ecsIamTemplate({
        trust: [withCondition({
          StringEquals: { 'aws:SourceAccount': '111111111111' },
          ArnLike: { 'aws:SourceArn': 'arn:aws:lambda:eu-west-1:111111111111:function:*' },
        })],
      }),
      logicalId: 'TaskRole',
    },
    {
      name: 'both conditions match any account (two problems reported)',
      template: ecsIamTemplate({ trust: [withCondition({ StringLike: { 'aws:SourceAccount': '*' }, ArnLike: { 'aws:SourceArn': 'arn:aws:ecs:eu-west-1:*:*' } })] }),
      logicalId: 'TaskRole',
    },
    {
      name: 'StringEquals SourceAccount with a wildcard never matches',
      template: ecsIamTemplate({ trust: [withCondition({ StringEquals: { 'aws:SourceAccount': '1111111111*' } })] }),
      logicalId: 'TaskRole',
    },
    {
      name: 'ArnEquals SourceArn with a "*" account matches any account',
      template: ecsIamTemplate({ trust: [withCondition({ ArnEquals: { 'aws:SourceArn': 'arn:aws:ecs:eu-west-1:*:*' } })] }),
      logicalId: 'TaskRole',
    },
    {
      name: 'a 13-digit SourceAccount typo is not an account id',
      template: ecsIamTemplate({ trust: [withCondition({ StringEquals: { 'aws:SourceAccount': '1111111111111' } })] }),
      logicalId: 'TaskRole',
    },
    {
      name: 'execution role when requireExecutionRoleTrustConditions is on',
      template: ecsIamTemplate(),
      logicalId: 'ExecRole',
      options: { requireExecutionRoleTrustConditions: true },
    },
  ],
  unresolvable: [
    {
      name: 'SourceAccount from Fn::ImportValue',
      template: ecsIamTemplate({ trust: [withCondition({ StringEquals: { 'aws:SourceAccount': { 'Fn::ImportValue': 'AccountId' } } })] }),
      logicalId: 'TaskRole',
      key: 'Statement::0',
    },
    {
      name: 'SourceAccount from a parameter without default',
      template: ecsIamTemplate({
        parameters: { Account: { Type: 'String' } },
        trust: [withCondition({ StringEquals: { 'aws:SourceAccount': { Ref: 'Account' } } })],
      }),
      logicalId: 'TaskRole',
      key: 'Statement::0',
    },
    {
      name: 'trust policy imported with Fn::ImportValue',
      template: ecsIamTemplate({ taskRoleProperties: { AssumeRolePolicyDocument: { 'Fn::ImportValue': 'TaskTrustPolicy' } } }),
      logicalId: 'TaskRole',
      key: '',
    },
    {
      name: 'service principal from Fn::ImportValue may be ecs-tasks',
      template: ecsIamTemplate({ trust: [{ ...CDK_DEFAULT_TRUST, Principal: { Service: { 'Fn::ImportValue': 'TrustedService' } } }] }),
      logicalId: 'TaskRole',
      key: 'Statement::0',
    },
    {
      name: 'SourceArn from Fn::ImportValue',
      template: ecsIamTemplate({ trust: [withCondition({ ArnLike: { 'aws:SourceArn': { 'Fn::ImportValue': 'ClusterTaskArnPattern' } } })] }),
      logicalId: 'TaskRole',
      key: 'Statement::0',
    },
    {
      name: 'literal SourceAccount with a SourceArn in ${AWS::AccountId}: equal only if the stack deploys there',
      template: ecsIamTemplate({
        trust: [withCondition({
          StringEquals: { 'aws:SourceAccount': '111111111111' },
          ArnLike: { 'aws:SourceArn': { 'Fn::Sub': 'arn:${AWS::Partition}:ecs:${AWS::Region}:${AWS::AccountId}:*' } },
        })],
      }),
      logicalId: 'TaskRole',
      key: 'Statement::0',
    },
  ],
  notApplicable: [
    { name: 'execution role by default', template: ecsIamTemplate(), logicalId: 'ExecRole' },
    {
      name: 'a role that ECS does not assume',
      template: ecsIamTemplate({ extraResources: { Lambda: { Type: 'AWS::IAM::Role', Properties: { AssumeRolePolicyDocument: { Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] } } } } }),
      logicalId: 'Lambda',
    },
  ],
});
