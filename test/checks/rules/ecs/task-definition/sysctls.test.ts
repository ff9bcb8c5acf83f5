import * as ecs from 'aws-cdk-lib/aws-ecs';
import { EC2_TASK, WINDOWS_TASK, container, stringParameter, template } from './fixtures';
import { sysctls } from '../../../../../lib/checks/rules/ecs/task-definition/sysctls';
import { describeRule } from '../../harness';

const controls = (...namespaces: unknown[]) => ({ SystemControls: namespaces.map((Namespace) => ({ Namespace, Value: '1' })) });
const HOST = { RequiresCompatibilities: ['EC2'], NetworkMode: 'host' };
const nginx = () => ecs.ContainerImage.fromRegistry('nginx');

describeRule(sysctls, {
  passing: [
    { name: 'no sysctls', template: template([container('web')]) },
    { name: 'net.* in awsvpc mode', template: template([container('web', controls('net.ipv4.tcp_keepalive_time'))]) },
    { name: 'net.* from a parameter default in bridge mode', template: template([container('web', controls({ Ref: 'Ns' }))], EC2_TASK, { Ns: stringParameter('net.core.somaxconn') }) },
    { name: 'net.* from Fn::Join in awsvpc mode', template: template([container('web', controls({ 'Fn::Join': ['.', ['net', 'core', 'somaxconn']] }))]) },
    { name: 'cdk: systemControls net.* on Fargate', cdk: (stack) => new ecs.FargateTaskDefinition(stack, 'Task').addContainer('web', { image: nginx(), systemControls: [{ namespace: 'net.ipv4.ip_local_port_range', value: '1024 65000' }] }) },
  ],
  failing: [
    { name: 'kernel.* anywhere', template: template([container('web', controls('kernel.shmmax'))]), key: 'Container::web' },
    { name: 'net.* with host networking', template: template([container('web', controls('net.ipv4.ip_forward'))], HOST), key: 'Container::web' },
    { name: 'kernel.* from Fn::Sub', template: template([container('web', controls({ 'Fn::Sub': 'kernel.${K}' }))], {}, { K: stringParameter('msgmax') }), key: 'Container::web' },
    { name: 'cdk: kernel.sem', cdk: (stack) => new ecs.Ec2TaskDefinition(stack, 'Task').addContainer('web', { image: nginx(), memoryLimitMiB: 256, systemControls: [{ namespace: 'kernel.sem', value: '250 32000 100 128' }] }), key: 'Container::web' },
  ],
  unresolvable: [
    { name: 'a namespace from an import', template: template([container('web', controls({ 'Fn::ImportValue': 'ns' }))]), key: 'Container::web' },
    { name: 'net.* with NetworkMode from a resource attribute', template: template([container('web', controls('net.core.somaxconn'))], { NetworkMode: { 'Fn::GetAtt': ['Cfg', 'Mode'] } }, {}, { Cfg: { Type: 'Custom::Cfg' } }), key: 'Container::web' },
  ],
  notApplicable: [{ name: 'Windows task definition', template: template([container('web', controls('kernel.shmmax'))], WINDOWS_TASK) }],
});
