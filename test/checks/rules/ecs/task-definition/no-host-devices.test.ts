import * as ecs from 'aws-cdk-lib/aws-ecs';
import { EC2_TASK, WINDOWS_TASK, container, stringParameter, template } from './fixtures';
import { noHostDevices } from '../../../../../lib/checks/rules/ecs/task-definition/no-host-devices';
import { describeRule } from '../../harness';

const devices = (list: unknown) => ({ LinuxParameters: { Devices: list } });
const nginx = () => ecs.ContainerImage.fromRegistry('nginx');

describeRule(noHostDevices, {
  passing: [
    { name: 'no devices', template: template([container('web')], EC2_TASK) },
    { name: 'an empty device list', template: template([container('web', devices([]))], EC2_TASK) },
    { name: 'GPU through ResourceRequirements', template: template([container('web', { ResourceRequirements: [{ Type: 'GPU', Value: '1' }] })], EC2_TASK) },
    { name: 'cdk: a container with linux parameters but no devices', cdk: (stack) => new ecs.Ec2TaskDefinition(stack, 'Task').addContainer('web', { image: nginx(), memoryLimitMiB: 256, linuxParameters: new ecs.LinuxParameters(stack, 'Linux', { initProcessEnabled: true }) }) },
  ],
  failing: [
    { name: 'a block device', template: template([container('web', devices([{ HostPath: '/dev/xvdb' }]))], EC2_TASK), key: 'Container::web' },
    { name: 'a device path from a parameter', template: template([container('web', devices([{ HostPath: { Ref: 'Dev' } }]))], EC2_TASK, { Dev: stringParameter('/dev/mem') }), key: 'Container::web' },
    { name: 'a device path from Fn::Sub / Fn::Join', template: template([container('web', devices([{ HostPath: { 'Fn::Sub': '/dev/${Dev}' } }, { HostPath: { 'Fn::Join': ['', ['/dev/', 'tty0']] } }]))], EC2_TASK, { Dev: stringParameter('sda') }), key: 'Container::web' },
    {
      name: 'cdk: addDevices',
      cdk: (stack) => {
        const linuxParameters = new ecs.LinuxParameters(stack, 'Linux');
        linuxParameters.addDevices({ hostPath: '/dev/fuse' });
        new ecs.Ec2TaskDefinition(stack, 'Task').addContainer('web', { image: nginx(), memoryLimitMiB: 256, linuxParameters });
      },
      key: 'Container::web',
    },
  ],
  unresolvable: [
    { name: 'Devices from an import', template: template([container('web', devices({ 'Fn::ImportValue': 'devices' }))], EC2_TASK), key: 'Container::web' },
    { name: 'LinuxParameters from a resource attribute', template: template([container('web', { LinuxParameters: { 'Fn::GetAtt': ['Cfg', 'Linux'] } })], EC2_TASK, {}, { Cfg: { Type: 'Custom::Cfg' } }), key: 'Container::web' },
  ],
  notApplicable: [{ name: 'Windows task definition', template: template([container('web', devices([{ HostPath: '/dev/xvdb' }]))], WINDOWS_TASK) }],
});
