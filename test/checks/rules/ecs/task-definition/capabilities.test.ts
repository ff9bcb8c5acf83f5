import * as ecs from 'aws-cdk-lib/aws-ecs';
import { WINDOWS_TASK, container, stringParameter, template } from './fixtures';
import { capabilities } from '../../../../../lib/checks/rules/ecs/task-definition/capabilities';
import { describeRule, outcomesOf } from '../../harness';

const caps = (add: unknown, drop: unknown = ['ALL']) => ({ LinuxParameters: { Capabilities: { Add: add, Drop: drop } } });
const nginx = () => ecs.ContainerImage.fromRegistry('nginx');

describeRule(capabilities, {
  passing: [
    { name: 'drop ALL, add nothing', template: template([container('web')]) },
    { name: 'NET_BIND_SERVICE from a parameter default', template: template([container('web', caps([{ Ref: 'Cap' }]))], {}, { Cap: stringParameter('NET_BIND_SERVICE') }) },
    { name: 'CHOWN from Fn::Join', template: template([container('web', caps([{ 'Fn::Join': ['', ['CH', 'OWN']] }]))]) },
    { name: 'Drop lists ALL after another capability', template: template([container('web', caps(['NET_BIND_SERVICE'], ['NET_RAW', 'ALL']))]) },
    { name: 'Drop CAP_ALL, lower case, with the CAP_ prefix', template: template([container('web', caps([], ['cap_all']))]) },
    { name: 'drops only NET_RAW: passes, with the advice to drop ALL', template: template([container('web', caps(['CHOWN'], ['NET_RAW']))]) },
    {
      name: 'Drop entry imported: passes, with the advice to drop ALL',
      template: template([container('web', caps(['CHOWN'], [{ 'Fn::ImportValue': 'DroppedCapability' }]))]),
    },
    {
      name: 'cdk: dropCapabilities(ALL)',
      cdk: (stack) => {
        const linuxParameters = new ecs.LinuxParameters(stack, 'Linux');
        linuxParameters.dropCapabilities(ecs.Capability.ALL);
        new ecs.FargateTaskDefinition(stack, 'Task').addContainer('web', { image: nginx(), linuxParameters });
      },
    },
  ],
  failing: [
    { name: 'peer bug 10: Capabilities.Add SYS_ADMIN (CT ECS.PR.11 passes it)', template: template([container('web', caps(['SYS_ADMIN']))]), key: 'Container::web' },
    { name: 'CAP_NET_RAW with the CAP_ prefix, lower case', template: template([container('web', caps(['cap_net_raw']))]), key: 'Container::web' },
    { name: 'SYS_PTRACE on Fargate (the only one Fargate allows, still dangerous)', template: template([container('web', caps(['SYS_PTRACE']))]), key: 'Container::web' },
    {
      name: 'two dangerous capabilities, one padded and lower case: both are named',
      template: template([container('web', caps(['NET_ADMIN', 'CHOWN', ' sys_admin ']))]),
      key: 'Container::web',
    },
    { name: 'ALL from Fn::Sub', template: template([container('web', caps([{ 'Fn::Sub': '${Cap}' }]))], {}, { Cap: stringParameter('ALL') }), key: 'Container::web' },
    {
      name: 'cdk: addCapabilities(NET_ADMIN)',
      cdk: (stack) => {
        const linuxParameters = new ecs.LinuxParameters(stack, 'Linux');
        linuxParameters.addCapabilities(ecs.Capability.NET_ADMIN);
        new ecs.Ec2TaskDefinition(stack, 'Task').addContainer('web', { image: nginx(), memoryLimitMiB: 256, linuxParameters });
      },
      key: 'Container::web',
    },
  ],
  unresolvable: [
    { name: 'a capability from an import', template: template([container('web', caps([{ 'Fn::ImportValue': 'cap' }]))]), key: 'Container::web' },
    { name: 'the whole Add list from a parameter without a default', template: template([container('web', caps({ Ref: 'Caps' }))], {}, { Caps: { Type: 'CommaDelimitedList' } }), key: 'Container::web' },
    { name: 'Capabilities from a resource attribute', template: template([container('web', { LinuxParameters: { Capabilities: { 'Fn::GetAtt': ['Cfg', 'Caps'] } } })], {}, {}, { Cfg: { Type: 'Custom::Cfg' } }), key: 'Container::web' },
  ],
  notApplicable: [{ name: 'Windows task definition', template: template([container('web', caps(['SYS_ADMIN']))], WINDOWS_TASK) }],
});

test('TD-20 recommends dropping ALL when nothing is dropped', () => {
  const [outcome] = outcomesOf(capabilities, { name: 'no drop', template: template([container('web', { LinuxParameters: {} })]) });
  expect(outcome.status).toBe('pass');
  expect(outcome.message).toMatch(/Drop \["ALL"\]/);
});
