import { Aws } from 'aws-cdk-lib';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { WINDOWS_TASK, container, stringParameter, template } from './fixtures';
import { readonlyRootFs } from '../../../../../lib/checks/rules/ecs/task-definition/readonly-root-fs';
import { describeRule } from '../../harness';

describeRule(readonlyRootFs, {
  passing: [
    { name: 'ReadonlyRootFilesystem true on every container', template: template([container('app'), container('log-router')]) },
    { name: 'peer bug 8: ReadonlyRootFilesystem "true" as a string (CT fails it)', template: template([container('web', { ReadonlyRootFilesystem: 'true' })]), key: 'Container::web' },
    { name: 'from a parameter default', template: template([container('web', { ReadonlyRootFilesystem: { Ref: 'Ro' } })], {}, { Ro: stringParameter('true') }) },
    { name: 'from Fn::Sub of a parameter', template: template([container('web', { ReadonlyRootFilesystem: { 'Fn::Sub': '${Ro}' } })], {}, { Ro: stringParameter('true') }) },
    {
      name: 'cdk: readonlyRootFilesystem: true',
      cdk: (stack) => new ecs.FargateTaskDefinition(stack, 'Task').addContainer('web', { image: ecs.ContainerImage.fromRegistry('nginx'), readonlyRootFilesystem: true }),
    },
    {
      name: 'peer bug 37: addPropertyOverride sets ReadonlyRootFilesystem (cdk-nag reads L1 props; the template is what counts)',
      cdk: (stack) => {
        const task = new ecs.FargateTaskDefinition(stack, 'Task');
        task.addContainer('web', { image: ecs.ContainerImage.fromRegistry('nginx') });
        (task.node.defaultChild as ecs.CfnTaskDefinition).addPropertyOverride('ContainerDefinitions.0.ReadonlyRootFilesystem', true);
      },
      key: 'Container::web',
    },
  ],
  failing: [
    { name: 'ReadonlyRootFilesystem absent (ECS default is writable)', template: template([container('web', { ReadonlyRootFilesystem: undefined })]), key: 'Container::web' },
    { name: 'ReadonlyRootFilesystem false', template: template([container('web', { ReadonlyRootFilesystem: false })]), key: 'Container::web' },
    { name: 'a writable sidecar next to a read-only app', template: template([container('app'), container('envoy', { ReadonlyRootFilesystem: undefined })]), key: 'Container::envoy' },
    { name: 'Fn::Join of literals giving "false"', template: template([container('web', { ReadonlyRootFilesystem: { 'Fn::Join': ['', ['fa', 'lse']] } })]), key: 'Container::web' },
    {
      name: 'cdk: default container (no readonlyRootFilesystem)',
      cdk: (stack) => new ecs.FargateTaskDefinition(stack, 'Task').addContainer('web', { image: ecs.ContainerImage.fromRegistry('nginx'), environment: { REGION: Aws.REGION } }),
      key: 'Container::web',
    },
  ],
  unresolvable: [
    { name: 'from an import', template: template([container('web', { ReadonlyRootFilesystem: { 'Fn::ImportValue': 'ro-flag' } })]), key: 'Container::web' },
    { name: 'from a resource attribute', template: template([container('web', { ReadonlyRootFilesystem: { 'Fn::GetAtt': ['Config', 'Ro'] } })], {}, {}, { Config: { Type: 'Custom::Config' } }), key: 'Container::web' },
    { name: 'OS family from a parameter without default', template: template([container('web')], { RuntimePlatform: { OperatingSystemFamily: { Ref: 'Os' } } }, { Os: stringParameter() }) },
  ],
  notApplicable: [
    { name: 'peer bug 14: Windows task definition without ReadonlyRootFilesystem (CT, Checkov, Prowler fail it)', template: template([container('web', { ReadonlyRootFilesystem: undefined })], WINDOWS_TASK) },
    { name: 'Windows inferred from an mcr.microsoft.com/windows image', template: template([container('web', { ReadonlyRootFilesystem: undefined, Image: 'mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022' })], { RequiresCompatibilities: ['EC2'], NetworkMode: undefined }) },
  ],
});
