import { albFargateService, serviceTemplate } from './fixtures';
import { noAdminLegacyRole } from '../../../../../lib/checks/rules/ecs/service/no-admin-legacy-role';
import { describeRule } from '../../harness';

const TRUST = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ecs.amazonaws.com' }, Action: 'sts:AssumeRole' }] };
const ELB_ACTIONS = ['elasticloadbalancing:RegisterTargets', 'elasticloadbalancing:DeregisterTargets', 'ec2:Describe*'];

function withRole(roleValue: unknown, roleProperties: object, extra: object = {}): object {
  return serviceTemplate(
    { Role: roleValue },
    { LegacyRole: { Type: 'AWS::IAM::Role', Properties: { AssumeRolePolicyDocument: TRUST, ...roleProperties } }, ...extra },
  );
}

const inline = (statement: object) => ({ Policies: [{ PolicyName: 'ecs-service', PolicyDocument: { Version: '2012-10-17', Statement: [statement] } }] });

describeRule(noAdminLegacyRole, {
  passing: [
    { name: 'no legacy role', template: serviceTemplate({}) },
    { name: 'scoped inline policy, role by Ref', template: withRole({ Ref: 'LegacyRole' }, inline({ Effect: 'Allow', Action: ELB_ACTIONS, Resource: '*' })) },
    {
      name: 'AWS managed AmazonEC2ContainerServiceRole, role by GetAtt',
      template: withRole({ 'Fn::GetAtt': ['LegacyRole', 'Arn'] }, {
        ManagedPolicyArns: [{ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::aws:policy/service-role/AmazonEC2ContainerServiceRole']] }],
      }),
    },
    { name: 'cdk: ecs-patterns ApplicationLoadBalancedFargateService sets no Role', cdk: (stack) => albFargateService(stack) },
  ],
  failing: [
    { name: 'inline "*" on "*"', template: withRole({ Ref: 'LegacyRole' }, inline({ Effect: 'Allow', Action: '*', Resource: '*' })) },
    {
      name: 'AdministratorAccess managed policy (ARN via Fn::Sub)',
      template: withRole({ 'Fn::GetAtt': ['LegacyRole', 'Arn'] }, { ManagedPolicyArns: [{ 'Fn::Sub': 'arn:${AWS::Partition}:iam::aws:policy/AdministratorAccess' }] }),
    },
    {
      name: 'attached AWS::IAM::Policy with "*:*"',
      template: withRole({ Ref: 'LegacyRole' }, {}, {
        Admin: { Type: 'AWS::IAM::Policy', Properties: { PolicyName: 'admin', Roles: [{ Ref: 'LegacyRole' }], PolicyDocument: { Statement: [{ Effect: 'Allow', Action: '*:*', Resource: '*' }] } } },
      }),
    },
  ],
  unresolvable: [
    { name: 'role imported from another stack', template: serviceTemplate({ Role: { 'Fn::ImportValue': 'EcsServiceRoleArn' } }) },
    { name: 'literal role ARN of another stack', template: serviceTemplate({ Role: 'arn:aws:iam::111111111111:role/ecsServiceRole' }) },
    { name: 'inline policy document imported', template: withRole({ Ref: 'LegacyRole' }, { Policies: [{ PolicyName: 'p', PolicyDocument: { 'Fn::ImportValue': 'Doc' } }] }) },
  ],
});
