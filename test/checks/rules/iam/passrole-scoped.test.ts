import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as iam from 'aws-cdk-lib/aws-iam';
import { passroleScoped } from '../../../../lib/checks/rules/iam/passrole-scoped';
import { describeRule } from '../harness';
import { ecsIamTemplate, joinArn, subArn } from './iam-fixtures';

const passedTo = { StringLike: { 'iam:PassedToService': 'ecs-tasks.amazonaws.com' } };

describeRule(passroleScoped, {
  passing: [
    {
      name: 'GetAtt, Fn::Join and Fn::Sub role ARNs with PassedToService',
      template: ecsIamTemplate({
        taskStatements: [{ Effect: 'Allow', Action: 'iam:PassRole', Resource: [{ 'Fn::GetAtt': ['ExecRole', 'Arn'] }, joinArn('iam', 'role/a'), subArn('iam', 'role/b')], Condition: passedTo }],
      }),
      logicalId: 'TaskRolePolicy',
    },
    {
      name: 'cdk: the task definition pattern grant (explicit roles + PassedToService)',
      cdk: (stack) => {
        const td = new ecs.FargateTaskDefinition(stack, 'Td');
        td.addContainer('app', { image: ecs.ContainerImage.fromRegistry('nginx') });
        td.addToTaskRolePolicy(new iam.PolicyStatement({ actions: ['iam:PassRole'], resources: [td.taskRole.roleArn], conditions: passedTo }));
      },
    },
  ],
  failing: [
    { name: 'PassRole on * with PassedToService (warning in the catalogue)', template: ecsIamTemplate({ taskStatements: [{ Effect: 'Allow', Action: 'iam:PassRole', Resource: '*', Condition: passedTo }] }), key: 'Statement::0' },
    { name: 'iam:Pass* on a named role without PassedToService', template: ecsIamTemplate({ taskStatements: [{ Effect: 'Allow', Action: 'iam:Pass*', Resource: subArn('iam', 'role/app') }] }), key: 'Statement::0' },
    { name: 'iam:* on role/*', template: ecsIamTemplate({ taskStatements: [{ Effect: 'Allow', Action: 'iam:*', Resource: joinArn('iam', 'role/*'), Condition: passedTo }] }), key: 'Statement::0' },
    {
      name: 'cdk: PassRole on *',
      cdk: (stack) => {
        const td = new ecs.FargateTaskDefinition(stack, 'Td');
        td.addContainer('app', { image: ecs.ContainerImage.fromRegistry('nginx') });
        td.addToTaskRolePolicy(new iam.PolicyStatement({ actions: ['iam:PassRole'], resources: ['*'] }));
      },
    },
  ],
  unresolvable: [
    { name: 'role ARN from Fn::ImportValue', template: ecsIamTemplate({ taskStatements: [{ Effect: 'Allow', Action: 'iam:PassRole', Resource: { 'Fn::ImportValue': 'RoleArn' }, Condition: passedTo }] }), key: 'Statement::0' },
  ],
});
