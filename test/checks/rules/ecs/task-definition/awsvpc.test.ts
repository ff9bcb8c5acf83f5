import * as ecs from 'aws-cdk-lib/aws-ecs';
import { WINDOWS_TASK, container, stringParameter, template } from './fixtures';
import { awsvpc } from '../../../../../lib/checks/rules/ecs/task-definition/awsvpc';
import { describeRule } from '../../harness';

const nginx = () => ecs.ContainerImage.fromRegistry('nginx');

describeRule(awsvpc, {
  passing: [
    { name: 'Fargate awsvpc', template: template([container('web')]) },
    { name: 'EC2 awsvpc from a parameter default', template: template([container('web')], { RequiresCompatibilities: ['EC2'], NetworkMode: { Ref: 'Mode' } }, { Mode: stringParameter('awsvpc') }) },
    { name: 'awsvpc from Fn::Join', template: template([container('web')], { NetworkMode: { 'Fn::Join': ['', ['aws', 'vpc']] } }) },
    { name: 'cdk: FargateTaskDefinition', cdk: (stack) => new ecs.FargateTaskDefinition(stack, 'Task').addContainer('web', { image: nginx() }) },
  ],
  failing: [
    { name: 'EC2 bridge', template: template([container('web')], { RequiresCompatibilities: ['EC2'], NetworkMode: 'bridge' }) },
    { name: 'NetworkMode absent, no compatibilities (bridge)', template: template([container('web')], { RequiresCompatibilities: undefined, NetworkMode: undefined }) },
    { name: 'Windows EC2 NAT (absent)', template: template([container('web')], { ...WINDOWS_TASK, RequiresCompatibilities: ['EC2'], NetworkMode: undefined }) },
    { name: 'EC2 + EXTERNAL with host', template: template([container('web')], { RequiresCompatibilities: ['EC2', 'EXTERNAL'], NetworkMode: 'host' }) },
    { name: 'bridge from Fn::Sub', template: template([container('web')], { RequiresCompatibilities: ['EC2'], NetworkMode: { 'Fn::Sub': '${Mode}' } }, { Mode: stringParameter('bridge') }) },
    { name: 'cdk: Ec2TaskDefinition default (bridge)', cdk: (stack) => new ecs.Ec2TaskDefinition(stack, 'Task').addContainer('web', { image: nginx(), memoryLimitMiB: 256 }) },
  ],
  unresolvable: [
    { name: 'mode from an import', template: template([container('web')], { NetworkMode: { 'Fn::ImportValue': 'mode' } }) },
    { name: 'mode from a resource attribute', template: template([container('web')], { NetworkMode: { 'Fn::GetAtt': ['Cfg', 'Mode'] } }, {}, { Cfg: { Type: 'Custom::Cfg' } }) },
    { name: 'bridge with compatibilities from a parameter without default', template: template([container('web')], { RequiresCompatibilities: { Ref: 'Compat' }, NetworkMode: 'bridge' }, { Compat: { Type: 'CommaDelimitedList' } }) },
  ],
  notApplicable: [
    { name: 'EXTERNAL only, bridge', template: template([container('web')], { RequiresCompatibilities: ['EXTERNAL'], NetworkMode: 'bridge' }) },
    { name: 'cdk: ExternalTaskDefinition', cdk: (stack) => new ecs.ExternalTaskDefinition(stack, 'Task').addContainer('web', { image: nginx(), memoryLimitMiB: 256 }) },
  ],
});
