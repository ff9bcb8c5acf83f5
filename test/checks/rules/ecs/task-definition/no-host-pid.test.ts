import * as ecs from 'aws-cdk-lib/aws-ecs';
import { WINDOWS_TASK, container, stringParameter, template } from './fixtures';
import { noHostPid } from '../../../../../lib/checks/rules/ecs/task-definition/no-host-pid';
import { describeRule } from '../../harness';

const nginx = () => ecs.ContainerImage.fromRegistry('nginx');

describeRule(noHostPid, {
  passing: [
    { name: 'PidMode absent', template: template([container('web')]) },
    { name: 'PidMode task', template: template([container('web')], { PidMode: 'task' }) },
    { name: 'task from a parameter default', template: template([container('web')], { PidMode: { Ref: 'Pid' } }, { Pid: stringParameter('task') }) },
    { name: 'cdk: pidMode TASK', cdk: (stack) => new ecs.FargateTaskDefinition(stack, 'Task', { pidMode: ecs.PidMode.TASK, runtimePlatform: { operatingSystemFamily: ecs.OperatingSystemFamily.LINUX } }).addContainer('web', { image: nginx() }) },
  ],
  failing: [
    { name: 'PidMode host on EC2', template: template([container('web')], { RequiresCompatibilities: ['EC2'], NetworkMode: 'bridge', PidMode: 'host' }) },
    { name: 'peer bug 34: PidMode host from Fn::Sub of a parameter (CT fails on type)', template: template([container('web')], { PidMode: { 'Fn::Sub': '${Pid}' } }, { Pid: stringParameter('host') }) },
    { name: 'host from Fn::Join', template: template([container('web')], { PidMode: { 'Fn::Join': ['', ['ho', 'st']] } }) },
    { name: 'cdk: Ec2TaskDefinition pidMode HOST', cdk: (stack) => new ecs.Ec2TaskDefinition(stack, 'Task', { pidMode: ecs.PidMode.HOST }).addContainer('web', { image: nginx(), memoryLimitMiB: 256 }) },
  ],
  unresolvable: [
    { name: 'peer bug 34: PidMode as a Ref without default', template: template([container('web')], { PidMode: { Ref: 'Pid' } }, { Pid: stringParameter() }) },
    { name: 'PidMode from an import', template: template([container('web')], { PidMode: { 'Fn::ImportValue': 'pid' } }) },
    { name: 'PidMode from a resource attribute', template: template([container('web')], { PidMode: { 'Fn::GetAtt': ['Cfg', 'Pid'] } }, {}, { Cfg: { Type: 'Custom::Cfg' } }) },
  ],
  notApplicable: [{ name: 'Windows task definition', template: template([container('web')], { ...WINDOWS_TASK, PidMode: 'host' }) }],
});
