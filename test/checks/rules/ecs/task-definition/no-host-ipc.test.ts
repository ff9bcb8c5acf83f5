import * as ecs from 'aws-cdk-lib/aws-ecs';
import { EC2_TASK, WINDOWS_TASK, container, stringParameter, template } from './fixtures';
import { noHostIpc } from '../../../../../lib/checks/rules/ecs/task-definition/no-host-ipc';
import { describeRule } from '../../harness';

const nginx = () => ecs.ContainerImage.fromRegistry('nginx');

describeRule(noHostIpc, {
  passing: [
    { name: 'EC2, IpcMode absent', template: template([container('web')], EC2_TASK) },
    { name: 'EC2, IpcMode task from a parameter default', template: template([container('web')], { ...EC2_TASK, IpcMode: { Ref: 'Ipc' } }, { Ipc: stringParameter('task') }) },
    { name: 'EC2, IpcMode none from Fn::Join', template: template([container('web')], { ...EC2_TASK, IpcMode: { 'Fn::Join': ['', ['no', 'ne']] } }) },
    { name: 'cdk: Ec2TaskDefinition ipcMode TASK', cdk: (stack) => new ecs.Ec2TaskDefinition(stack, 'Task', { ipcMode: ecs.IpcMode.TASK }).addContainer('web', { image: nginx(), memoryLimitMiB: 256 }) },
  ],
  failing: [
    { name: 'EC2, IpcMode host', template: template([container('web')], { ...EC2_TASK, IpcMode: 'host' }) },
    { name: 'host from Fn::Sub', template: template([container('web')], { ...EC2_TASK, IpcMode: { 'Fn::Sub': '${Ipc}' } }, { Ipc: stringParameter('host') }) },
    { name: 'cdk: Ec2TaskDefinition ipcMode HOST', cdk: (stack) => new ecs.Ec2TaskDefinition(stack, 'Task', { ipcMode: ecs.IpcMode.HOST }).addContainer('web', { image: nginx(), memoryLimitMiB: 256 }) },
  ],
  unresolvable: [
    { name: 'IpcMode from an import', template: template([container('web')], { ...EC2_TASK, IpcMode: { 'Fn::ImportValue': 'ipc' } }) },
    { name: 'IpcMode from a resource attribute', template: template([container('web')], { ...EC2_TASK, IpcMode: { 'Fn::GetAtt': ['Cfg', 'Ipc'] } }, {}, { Cfg: { Type: 'Custom::Cfg' } }) },
  ],
  notApplicable: [
    { name: 'Windows task definition', template: template([container('web')], { ...WINDOWS_TASK, RequiresCompatibilities: ['EC2'], IpcMode: 'host' }) },
    { name: 'Fargate without IpcMode', template: template([container('web')]) },
  ],
});
