import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as iam from 'aws-cdk-lib/aws-iam';
import { noAllowNotElements } from '../../../../lib/checks/rules/iam/no-allow-not-elements';
import { describeRule } from '../harness';
import { ecsIamTemplate, joinArn, subArn } from './iam-fixtures';

describeRule(noAllowNotElements, {
  passing: [
    { name: 'Deny + NotAction guardrail', template: ecsIamTemplate({ taskStatements: [{ Effect: 'Deny', NotAction: 's3:GetObject', Resource: subArn('s3', 'b/*') }, { Effect: 'Allow', Action: 's3:GetObject', Resource: joinArn('s3', 'b/*') }] }), logicalId: 'TaskRolePolicy' },
    { name: 'Allow + NotResource with named actions', template: ecsIamTemplate({ taskStatements: [{ Effect: 'Allow', Action: 's3:GetObject', NotResource: subArn('s3', 'secret/*') }] }), logicalId: 'TaskRolePolicy' },
    {
      name: 'cdk: plain Allow',
      cdk: (stack) => {
        const td = new ecs.FargateTaskDefinition(stack, 'Td');
        td.addContainer('app', { image: ecs.ContainerImage.fromRegistry('nginx') });
        td.addToTaskRolePolicy(new iam.PolicyStatement({ actions: ['sqs:SendMessage'], resources: ['*'] }));
      },
    },
  ],
  failing: [
    { name: 'peer bug #23: Allow + NotAction', template: ecsIamTemplate({ taskStatements: [{ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' }] }), key: 'Statement::0' },
    { name: 'Allow + NotResource with s3:*', template: ecsIamTemplate({ taskStatements: [{ Effect: 'Allow', Action: 's3:*', NotResource: joinArn('s3', 'x') }] }), key: 'Statement::0' },
    {
      name: 'cdk: notActions on an Allow',
      cdk: (stack) => {
        const td = new ecs.FargateTaskDefinition(stack, 'Td');
        td.addContainer('app', { image: ecs.ContainerImage.fromRegistry('nginx') });
        td.addToTaskRolePolicy(new iam.PolicyStatement({ notActions: ['iam:*'], resources: ['*'] }));
      },
    },
  ],
  unresolvable: [
    { name: 'NotResource with an imported action', template: ecsIamTemplate({ taskStatements: [{ Effect: 'Allow', Action: { 'Fn::ImportValue': 'A' }, NotResource: 'arn:aws:s3:::x' }] }), key: 'Statement::0' },
  ],
});
