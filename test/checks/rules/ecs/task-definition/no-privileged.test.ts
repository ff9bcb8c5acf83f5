import * as ecs from 'aws-cdk-lib/aws-ecs';
import { WINDOWS_TASK, container, stringParameter, template } from './fixtures';
import { noPrivileged } from '../../../../../lib/checks/rules/ecs/task-definition/no-privileged';
import { describeRule } from '../../harness';

describeRule(noPrivileged, {
  passing: [
    { name: 'Privileged absent', template: template([container('web', { Privileged: undefined })]) },
    { name: 'peer bug 9: Privileged "false" as a string (CT ECS.PR.11 fails it)', template: template([container('web', { Privileged: 'false' })]), key: 'Container::web' },
    { name: 'Privileged from a parameter default', template: template([container('web', { Privileged: { Ref: 'Priv' } })], {}, { Priv: stringParameter('false') }) },
    { name: 'Privileged from Fn::Join of literals', template: template([container('web', { Privileged: { 'Fn::Join': ['', ['fal', 'se']] } })]) },
    {
      name: 'cdk: Ec2TaskDefinition container without privileged',
      cdk: (stack) => new ecs.Ec2TaskDefinition(stack, 'Task').addContainer('web', { image: ecs.ContainerImage.fromRegistry('nginx'), memoryLimitMiB: 256 }),
    },
  ],
  failing: [
    { name: 'Privileged true', template: template([container('web', { Privileged: true })]), key: 'Container::web' },
    { name: 'Privileged "TRUE" as a string', template: template([container('web', { Privileged: 'TRUE' })]), key: 'Container::web' },
    { name: 'a privileged sidecar next to a clean app', template: template([container('app'), container('agent', { Privileged: true })]), key: 'Container::agent' },
    { name: 'Windows task definition still reported', template: template([container('web', { Privileged: true })], WINDOWS_TASK), key: 'Container::web' },
    { name: 'Privileged from Fn::Sub of a parameter defaulting to true', template: template([container('web', { Privileged: { 'Fn::Sub': '${Priv}' } })], {}, { Priv: stringParameter('true') }) },
    { name: 'Fn::If with a privileged branch (worst variant wins)', template: { ...template([container('web', { Privileged: { 'Fn::If': ['Debug', true, false] } })]), Conditions: { Debug: { 'Fn::Equals': ['a', 'b'] } } } },
    {
      name: 'cdk: Ec2TaskDefinition container with privileged: true',
      cdk: (stack) => new ecs.Ec2TaskDefinition(stack, 'Task').addContainer('web', { image: ecs.ContainerImage.fromRegistry('nginx'), memoryLimitMiB: 256, privileged: true }),
      key: 'Container::web',
    },
  ],
  unresolvable: [
    { name: 'Privileged from an import', template: template([container('web', { Privileged: { 'Fn::ImportValue': 'shared-privileged' } })]), key: 'Container::web' },
    { name: 'Privileged from a resource attribute', template: template([container('web', { Privileged: { 'Fn::GetAtt': ['Config', 'Privileged'] } })], {}, {}, { Config: { Type: 'Custom::Config' } }), key: 'Container::web' },
    { name: 'Privileged from a parameter without default', template: template([container('web', { Privileged: { Ref: 'Priv' } })], {}, { Priv: stringParameter() }), key: 'Container::web' },
    { name: 'Privileged is not a boolean', template: template([container('web', { Privileged: 'maybe' })]), key: 'Container::web' },
  ],
});
