import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as iam from 'aws-cdk-lib/aws-iam';
import { container, stringParameter, template } from './fixtures';
import { distinctRoles } from '../../../../../lib/checks/rules/ecs/task-definition/distinct-roles';
import { describeRule } from '../../harness';

const ROLES = { TaskRole: { Type: 'AWS::IAM::Role' }, ExecRole: { Type: 'AWS::IAM::Role' } };
const nginx = () => ecs.ContainerImage.fromRegistry('nginx');
const arn = (name: string) => `arn:aws:iam::111111111111:role/${name}`;

describeRule(distinctRoles, {
  passing: [
    { name: 'two in-template roles', template: template([container('web')], { TaskRoleArn: { 'Fn::GetAtt': ['TaskRole', 'Arn'] }, ExecutionRoleArn: { 'Fn::GetAtt': ['ExecRole', 'Arn'] } }, {}, ROLES) },
    { name: 'two literal role ARNs', template: template([container('web')], { TaskRoleArn: arn('app'), ExecutionRoleArn: arn('app-exec') }) },
    { name: 'an empty TaskRoleArn means no task role', template: template([container('web')], { TaskRoleArn: '', ExecutionRoleArn: { 'Fn::ImportValue': 'ExecRoleArn' } }) },
    { name: 'an imported task role and an execution role this stack creates', template: template([container('web')], { TaskRoleArn: { 'Fn::ImportValue': 'task-role' }, ExecutionRoleArn: { 'Fn::GetAtt': ['ExecRole', 'Arn'] } }, {}, ROLES) },
    { name: 'only an execution role', template: template([container('web')], { ExecutionRoleArn: { Ref: 'ExecRole' } }, {}, ROLES) },
    { name: 'Sub-built ARNs with different names', template: template([container('web')], { TaskRoleArn: { 'Fn::Sub': 'arn:${AWS::Partition}:iam::${AWS::AccountId}:role/app' }, ExecutionRoleArn: { 'Fn::Sub': 'arn:${AWS::Partition}:iam::${AWS::AccountId}:role/exec' } }) },
    {
      name: 'cdk: default roles (task role and a lazily created execution role)',
      cdk: (stack) => new ecs.FargateTaskDefinition(stack, 'Task').addContainer('web', { image: nginx(), logging: ecs.LogDrivers.awsLogs({ streamPrefix: 'web' }) }),
    },
  ],
  failing: [
    { name: 'Ref and GetAtt Arn of the same role', template: template([container('web')], { TaskRoleArn: { Ref: 'TaskRole' }, ExecutionRoleArn: { 'Fn::GetAtt': ['TaskRole', 'Arn'] } }, {}, ROLES) },
    { name: 'a literal ARN and a Join-built ARN with the same name (case-insensitive)', template: template([container('web')], { TaskRoleArn: arn('App-Role'), ExecutionRoleArn: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::', { Ref: 'AWS::AccountId' }, ':role/app-role']] } }) },
    { name: 'the same import twice', template: template([container('web')], { TaskRoleArn: { 'Fn::ImportValue': 'shared-role' }, ExecutionRoleArn: { 'Fn::ImportValue': 'shared-role' } }) },
    { name: 'the same parameter twice', template: template([container('web')], { TaskRoleArn: { Ref: 'RoleArn' }, ExecutionRoleArn: { Ref: 'RoleArn' } }, { RoleArn: stringParameter() }) },
    {
      name: 'cdk: one role passed as both',
      cdk: (stack) => {
        const role = new iam.Role(stack, 'Shared', { assumedBy: new iam.ServicePrincipal('ecs-tasks.amazonaws.com') });
        new ecs.FargateTaskDefinition(stack, 'Task', { taskRole: role, executionRole: role }).addContainer('web', { image: nginx() });
      },
    },
  ],
  unresolvable: [
    { name: 'two different imports', template: template([container('web')], { TaskRoleArn: { 'Fn::ImportValue': 'task-role' }, ExecutionRoleArn: { 'Fn::ImportValue': 'exec-role' } }) },
    { name: 'a parameter and a literal role ARN', template: template([container('web')], { TaskRoleArn: { Ref: 'RoleArn' }, ExecutionRoleArn: arn('exec') }, { RoleArn: stringParameter() }) },
  ],
});
