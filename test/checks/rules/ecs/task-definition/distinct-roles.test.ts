import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as iam from 'aws-cdk-lib/aws-iam';
import { container, stringParameter, template } from './fixtures';
import { distinctRoles } from '../../../../../lib/checks/rules/ecs/task-definition/distinct-roles';
import { describeRule } from '../../harness';

const ROLES = { TaskRole: { Type: 'AWS::IAM::Role' }, ExecRole: { Type: 'AWS::IAM::Role' } };
const nginx = () => ecs.ContainerImage.fromRegistry('nginx');
const arn = (name: string) => `arn:aws:iam::111111111111:role/${name}`;
const NAMED_ROLE = { AppRole: { Type: 'AWS::IAM::Role', Properties: { RoleName: 'App-Role' } } };

describeRule(distinctRoles, {
  passing: [
    { name: 'two in-template roles', template: template([container('web')], { TaskRoleArn: { 'Fn::GetAtt': ['TaskRole', 'Arn'] }, ExecutionRoleArn: { 'Fn::GetAtt': ['ExecRole', 'Arn'] } }, {}, ROLES) },
    { name: 'two literal role ARNs', template: template([container('web')], { TaskRoleArn: arn('app'), ExecutionRoleArn: arn('app-exec') }) },
    { name: 'an empty TaskRoleArn means no task role', template: template([container('web')], { TaskRoleArn: '', ExecutionRoleArn: { 'Fn::ImportValue': 'ExecRoleArn' } }) },
    { name: 'an imported task role and an execution role this stack creates', template: template([container('web')], { TaskRoleArn: { 'Fn::ImportValue': 'task-role' }, ExecutionRoleArn: { 'Fn::GetAtt': ['ExecRole', 'Arn'] } }, {}, ROLES) },
    { name: 'only an execution role', template: template([container('web')], { ExecutionRoleArn: { Ref: 'ExecRole' } }, {}, ROLES) },
    { name: 'only a task role', template: template([container('web')], { TaskRoleArn: { 'Fn::GetAtt': ['TaskRole', 'Arn'] } }, {}, ROLES) },
    { name: 'a whitespace-only ExecutionRoleArn means no execution role', template: template([container('web')], { TaskRoleArn: arn('app'), ExecutionRoleArn: ' ' }) },
    { name: 'a task role this stack creates and an imported execution role', template: template([container('web')], { TaskRoleArn: { 'Fn::GetAtt': ['TaskRole', 'Arn'] }, ExecutionRoleArn: { 'Fn::ImportValue': 'exec-role' } }, {}, ROLES) },
    { name: 'an in-template role with a RoleName and a literal ARN of another name', template: template([container('web')], { TaskRoleArn: { 'Fn::GetAtt': ['AppRole', 'Arn'] }, ExecutionRoleArn: arn('app-exec') }, {}, NAMED_ROLE) },
    { name: 'two different role names (not ARNs)', template: template([container('web')], { TaskRoleArn: 'app', ExecutionRoleArn: 'app-exec' }) },
    { name: 'Sub-built ARNs with different names', template: template([container('web')], { TaskRoleArn: { 'Fn::Sub': 'arn:${AWS::Partition}:iam::${AWS::AccountId}:role/app' }, ExecutionRoleArn: { 'Fn::Sub': 'arn:${AWS::Partition}:iam::${AWS::AccountId}:role/exec' } }) },
    {
      name: 'cdk: default roles (task role and a lazily created execution role)',
      cdk: (stack) => new ecs.FargateTaskDefinition(stack, 'Task').addContainer('web', { image: nginx(), logging: ecs.LogDrivers.awsLogs({ streamPrefix: 'web' }) }),
    },
  ],
  failing: [
    { name: 'a role name and the ARN of the same role (ECS takes either)', template: template([container('web')], { TaskRoleArn: 'app', ExecutionRoleArn: arn('app') }) },
    { name: 'two role names that differ only in case (IAM role names are case-insensitive)', template: template([container('web')], { TaskRoleArn: 'App', ExecutionRoleArn: 'app' }) },
    { name: 'Ref and GetAtt Arn of the same role', template: template([container('web')], { TaskRoleArn: { Ref: 'TaskRole' }, ExecutionRoleArn: { 'Fn::GetAtt': ['TaskRole', 'Arn'] } }, {}, ROLES) },
    { name: 'a literal ARN and a Join-built ARN with the same name (case-insensitive)', template: template([container('web')], { TaskRoleArn: arn('App-Role'), ExecutionRoleArn: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::', { Ref: 'AWS::AccountId' }, ':role/app-role']] } }) },
    { name: 'an in-template role with a RoleName and a literal ARN of that name', template: template([container('web')], { TaskRoleArn: { 'Fn::GetAtt': ['AppRole', 'Arn'] }, ExecutionRoleArn: arn('app-role') }, {}, NAMED_ROLE) },
    {
      name: 'a literal path ARN and a Sub-built path ARN of the same role',
      template: template([container('web')], { TaskRoleArn: arn('service-role/App'), ExecutionRoleArn: { 'Fn::Sub': 'arn:${AWS::Partition}:iam::${AWS::AccountId}:role/service-role/app' } }),
    },
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
    { name: 'a literal role ARN and an imported execution role', template: template([container('web')], { TaskRoleArn: arn('app'), ExecutionRoleArn: { 'Fn::ImportValue': 'exec-role' } }) },
    { name: 'an in-template task role and an execution role parameter', template: template([container('web')], { TaskRoleArn: { Ref: 'TaskRole' }, ExecutionRoleArn: { Ref: 'RoleArn' } }, { RoleArn: stringParameter() }, ROLES) },
    { name: 'a task role parameter and an in-template execution role', template: template([container('web')], { TaskRoleArn: { Ref: 'RoleArn' }, ExecutionRoleArn: { Ref: 'ExecRole' } }, { RoleArn: stringParameter() }, ROLES) },
    {
      name: 'both roles picked from the same imported list (not comparable)',
      template: template([container('web')], {
        TaskRoleArn: { 'Fn::Select': [0, { 'Fn::Split': [',', { 'Fn::ImportValue': 'roles' }] }] },
        ExecutionRoleArn: { 'Fn::Select': [0, { 'Fn::Split': [',', { 'Fn::ImportValue': 'roles' }] }] },
      }),
    },
    {
      name: 'a task role picked from an imported list and a literal execution role',
      template: template([container('web')], { TaskRoleArn: { 'Fn::Select': [0, { 'Fn::Split': [',', { 'Fn::ImportValue': 'roles' }] }] }, ExecutionRoleArn: arn('exec') }),
    },
    { name: 'a parameter and a literal role ARN', template: template([container('web')], { TaskRoleArn: { Ref: 'RoleArn' }, ExecutionRoleArn: arn('exec') }, { RoleArn: stringParameter() }) },
  ],
});
