import * as ecs from 'aws-cdk-lib/aws-ecs';
import { WINDOWS_TASK, container, stringParameter, template } from './fixtures';
import { initProcess } from '../../../../../lib/checks/rules/ecs/task-definition/init-process';
import { describeRule } from '../../harness';

const init = (value: unknown) => ({ LinuxParameters: { InitProcessEnabled: value } });
const nginx = () => ecs.ContainerImage.fromRegistry('nginx');

describeRule(initProcess, {
  passing: [
    { name: 'InitProcessEnabled true', template: template([container('web')]) },
    { name: 'from a parameter default', template: template([container('web', init({ Ref: 'Init' }))], {}, { Init: stringParameter('true') }) },
    { name: 'from Fn::Join', template: template([container('web', init({ 'Fn::Join': ['', ['tr', 'ue']] }))]) },
    { name: 'cdk: initProcessEnabled', cdk: (stack) => new ecs.FargateTaskDefinition(stack, 'Task').addContainer('web', { image: nginx(), linuxParameters: new ecs.LinuxParameters(stack, 'Linux', { initProcessEnabled: true }) }) },
  ],
  failing: [
    { name: 'no LinuxParameters', template: template([container('web', { LinuxParameters: undefined })]), key: 'Container::web' },
    { name: 'false from Fn::Sub', template: template([container('web', init({ 'Fn::Sub': '${Init}' }))], {}, { Init: stringParameter('false') }), key: 'Container::web' },
    { name: 'cdk: default container', cdk: (stack) => new ecs.FargateTaskDefinition(stack, 'Task').addContainer('web', { image: nginx() }), key: 'Container::web' },
  ],
  unresolvable: [
    { name: 'from an import', template: template([container('web', init({ 'Fn::ImportValue': 'init' }))]), key: 'Container::web' },
    { name: 'from a resource attribute', template: template([container('web', init({ 'Fn::GetAtt': ['Cfg', 'Init'] }))], {}, {}, { Cfg: { Type: 'Custom::Cfg' } }), key: 'Container::web' },
  ],
  notApplicable: [{ name: 'Windows task definition', template: template([container('web', { LinuxParameters: undefined })], WINDOWS_TASK) }],
});
