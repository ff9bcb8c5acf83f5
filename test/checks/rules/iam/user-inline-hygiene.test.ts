import * as iam from 'aws-cdk-lib/aws-iam';
import { userInlineHygiene } from '../../../../lib/checks/rules/iam/user-inline-hygiene';
import { describeRule } from '../harness';
import { joinArn, subArn } from './iam-fixtures';

describeRule(userInlineHygiene, {
  passing: [
    {
      name: 'managed policy attached to a role (Ref, Fn::GetAtt)',
      template: {
        Resources: {
          Role: { Type: 'AWS::IAM::Role', Properties: { ManagedPolicyArns: [{ Ref: 'Mp' }], Description: { 'Fn::GetAtt': ['Mp', 'PolicyArn'] } } },
          Mp: { Type: 'AWS::IAM::ManagedPolicy', Properties: { PolicyDocument: { Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: [subArn('s3', 'b/*'), joinArn('s3', 'c/*')] }] } } },
        },
      },
    },
    { name: 'cdk: user without policies', cdk: (stack) => new iam.User(stack, 'U') },
  ],
  failing: [
    { name: 'user with inline policies', template: { Resources: { U: { Type: 'AWS::IAM::User', Properties: { Policies: [{ PolicyName: 'p', PolicyDocument: { Statement: [] } }] } } } } },
    { name: 'AWS::IAM::Policy attached to users', template: { Resources: { P: { Type: 'AWS::IAM::Policy', Properties: { Users: [{ Ref: 'UserName' }] } } } }, key: 'Users' },
    { name: 'cdk: a grant creates an inline DefaultPolicy', cdk: (stack) => new iam.Role(stack, 'R', { assumedBy: new iam.AccountRootPrincipal() }).addToPolicy(new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: ['*'] })) },
  ],
  unresolvable: [
    { name: 'user Policies from Fn::ImportValue', template: { Resources: { U: { Type: 'AWS::IAM::User', Properties: { Policies: { 'Fn::ImportValue': 'UserPolicies' } } } } }, key: '' },
  ],
});
