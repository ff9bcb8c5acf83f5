import { albFargateService, fargateService, serviceTemplate } from './fixtures';
import { serviceNoPublicIp } from '../../../../../lib/checks/rules/ecs/service/service-no-public-ip';
import { describeRule } from '../../harness';

const awsvpc = (assign: unknown) => ({ NetworkConfiguration: { AwsvpcConfiguration: { Subnets: ['subnet-1'], AssignPublicIp: assign } } });

describeRule(serviceNoPublicIp, {
  passing: [
    { name: 'DISABLED', template: serviceTemplate(awsvpc('DISABLED')) },
    { name: 'absent means DISABLED', template: serviceTemplate({ NetworkConfiguration: { AwsvpcConfiguration: { Subnets: ['subnet-1'] } } }) },
    { name: 'no network configuration (bridge mode)', template: serviceTemplate({}) },
    { name: 'peer bug #34: Ref resolved through the parameter default', template: serviceTemplate(awsvpc({ Ref: 'PublicIp' })) },
    { name: 'Fn::Join over literals', template: serviceTemplate(awsvpc({ 'Fn::Join': ['', ['DIS', 'ABLED']] })) },
    { name: 'cdk: ecs-patterns ApplicationLoadBalancedFargateService', cdk: (stack) => albFargateService(stack) },
  ],
  failing: [
    { name: 'ENABLED', template: serviceTemplate(awsvpc('ENABLED')) },
    { name: 'capital-V spelling of the task-set key on a service', template: serviceTemplate({ NetworkConfiguration: { AwsVpcConfiguration: { AssignPublicIp: 'ENABLED' } } }) },
    {
      name: 'parameter with ENABLED among its allowed values (worst variant)',
      template: serviceTemplate(awsvpc({ Ref: 'Choice' }), {}, { Choice: { Type: 'String', AllowedValues: ['DISABLED', 'ENABLED'] } }),
    },
    { name: 'cdk: FargateService assignPublicIp true', cdk: (stack) => fargateService(stack, { assignPublicIp: true }) },
  ],
  unresolvable: [
    { name: 'peer bug #34: Ref to a parameter without a default', template: serviceTemplate(awsvpc({ Ref: 'NoDefault' })) },
    { name: 'Fn::ImportValue', template: serviceTemplate(awsvpc({ 'Fn::ImportValue': 'AssignPublicIp' })) },
    { name: 'Fn::Sub over a parameter without a default', template: serviceTemplate(awsvpc({ 'Fn::Sub': '${NoDefault}' })) },
    {
      name: 'Fn::GetAtt of a custom resource',
      template: serviceTemplate(awsvpc({ 'Fn::GetAtt': ['Settings', 'AssignPublicIp'] }), { Settings: { Type: 'Custom::Settings', Properties: {} } }),
    },
  ],
});
