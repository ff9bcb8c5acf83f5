import * as ecs from 'aws-cdk-lib/aws-ecs';
import { taskSetTemplate } from './fixtures';
import { tasksetNoPublicIp } from '../../../../../lib/checks/rules/ecs/service/taskset-no-public-ip';
import { describeRule } from '../../harness';

const awsVpc = (assign: unknown) => ({ NetworkConfiguration: { AwsVpcConfiguration: { Subnets: ['subnet-1'], AssignPublicIp: assign } } });

describeRule(tasksetNoPublicIp, {
  passing: [
    { name: 'DISABLED (capital V, as CloudFormation spells it on task sets)', template: taskSetTemplate(awsVpc('DISABLED')) },
    { name: 'absent means DISABLED', template: taskSetTemplate({ NetworkConfiguration: { AwsVpcConfiguration: { Subnets: ['subnet-1'] } } }) },
    { name: 'Fn::Join over literals', template: taskSetTemplate(awsVpc({ 'Fn::Join': ['', ['DISA', 'BLED']] })) },
    {
      name: 'cdk: ecs.CfnTaskSet with assignPublicIp DISABLED',
      cdk: (stack) => new ecs.CfnTaskSet(stack, 'TaskSet', {
        cluster: 'prod',
        service: 'web',
        taskDefinition: 'app:1',
        networkConfiguration: { awsVpcConfiguration: { subnets: ['subnet-0123456789abcdef0'], assignPublicIp: 'DISABLED' } },
      }),
    },
  ],
  failing: [
    { name: 'peer bug #13: AwsVpcConfiguration.AssignPublicIp ENABLED (CT ECS.PR.9 has no task-set coverage)', template: taskSetTemplate(awsVpc('ENABLED')) },
    { name: 'service spelling AwsvpcConfiguration on a task set', template: taskSetTemplate({ NetworkConfiguration: { AwsvpcConfiguration: { AssignPublicIp: 'ENABLED' } } }) },
    {
      name: 'cdk: ecs.CfnTaskSet with assignPublicIp ENABLED',
      cdk: (stack) => new ecs.CfnTaskSet(stack, 'TaskSet', {
        cluster: 'prod',
        service: 'web',
        taskDefinition: 'app:1',
        networkConfiguration: { awsVpcConfiguration: { subnets: ['subnet-0123456789abcdef0'], assignPublicIp: 'ENABLED' } },
      }),
    },
  ],
  unresolvable: [
    { name: 'Ref to a parameter without a default', template: taskSetTemplate(awsVpc({ Ref: 'NoDefault' })) },
    { name: 'Fn::ImportValue', template: taskSetTemplate(awsVpc({ 'Fn::ImportValue': 'AssignPublicIp' })) },
    { name: 'Fn::Sub over a parameter without a default', template: taskSetTemplate(awsVpc({ 'Fn::Sub': '${NoDefault}' })) },
    { name: 'Fn::GetAtt', template: taskSetTemplate(awsVpc({ 'Fn::GetAtt': ['Settings', 'Ip'] }), { Settings: { Type: 'Custom::Settings', Properties: {} } }) },
  ],
});
