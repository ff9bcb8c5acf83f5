import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as iam from 'aws-cdk-lib/aws-iam';
import { noPrivilegeEscalation } from '../../../../lib/checks/rules/iam/no-privilege-escalation';
import { describeRule } from '../harness';
import { ecsIamTemplate, joinArn, subArn } from './iam-fixtures';

describeRule(noPrivilegeEscalation, {
  passing: [
    {
      name: 'PassRole on named roles with PassedToService, RunTask on a Fn::Sub ARN',
      template: ecsIamTemplate({
        taskStatements: [
          { Effect: 'Allow', Action: 'iam:PassRole', Resource: { 'Fn::GetAtt': ['ExecRole', 'Arn'] }, Condition: { StringLike: { 'iam:PassedToService': 'ecs-tasks.amazonaws.com' } } },
          { Effect: 'Allow', Action: 'ecs:RunTask', Resource: subArn('ecs', 'task-definition/app:*') },
          { Effect: 'Allow', Action: 'iam:GetRole', Resource: joinArn('iam', 'role/x') },
        ],
      }),
      logicalId: 'TaskRolePolicy',
    },
    {
      name: 'cdk: grantPassRole',
      cdk: (stack) => {
        const td = new ecs.FargateTaskDefinition(stack, 'Td');
        td.addContainer('app', { image: ecs.ContainerImage.fromRegistry('nginx') });
        new iam.Role(stack, 'Other', { assumedBy: new iam.ServicePrincipal('ecs-tasks.amazonaws.com') }).grantPassRole(td.taskRole);
      },
    },
  ],
  failing: [
    { name: 'iam:Put* on * (verb wildcard expanded)', template: ecsIamTemplate({ taskStatements: [{ Effect: 'Allow', Action: 'iam:Put*', Resource: '*' }] }), key: 'Statement::0' },
    { name: 'iam:*Policy* on *', template: ecsIamTemplate({ taskStatements: [{ Effect: 'Allow', Action: 'iam:*Policy*', Resource: '*' }] }), key: 'Statement::0' },
    {
      name: 'PassRole + RegisterTaskDefinition + RunTask split across statements',
      template: ecsIamTemplate({ taskStatements: [{ Sid: 'Pass', Effect: 'Allow', Action: 'iam:PassRole', Resource: '*' }, { Sid: 'Ecs', Effect: 'Allow', Action: ['ecs:RegisterTaskDefinition', 'ecs:RunTask'], Resource: '*' }] }),
      key: 'Statement::Ecs',
    },
    {
      name: 'combination split across an inline policy and an attached policy',
      template: ecsIamTemplate({
        taskRoleProperties: { Policies: [{ PolicyName: 'exec', PolicyDocument: { Statement: [{ Effect: 'Allow', Action: 'ecs:ExecuteCommand', Resource: '*' }] } }] },
        taskStatements: [{ Effect: 'Allow', Action: 'ecs:DescribeTasks', Resource: '*' }],
      }),
      logicalId: 'TaskRolePolicy',
      key: 'Statement::0',
    },
    {
      name: 'cdk: sts:Assume* plus iam:UpdateAssumeRolePolicy',
      cdk: (stack) => {
        const td = new ecs.FargateTaskDefinition(stack, 'Td');
        td.addContainer('app', { image: ecs.ContainerImage.fromRegistry('nginx') });
        td.addToTaskRolePolicy(new iam.PolicyStatement({ actions: ['sts:Assume*', 'iam:UpdateAssumeRolePolicy'], resources: ['*'] }));
      },
    },
  ],
  unresolvable: [
    { name: 'imported actions on *', template: ecsIamTemplate({ taskStatements: [{ Effect: 'Allow', Action: { 'Fn::ImportValue': 'Actions' }, Resource: '*' }] }), key: 'Statement::0' },
  ],
});
