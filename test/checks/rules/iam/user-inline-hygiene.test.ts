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
    {
      name: 'empty Policies and ManagedPolicyArns lists count as none',
      template: {
        Resources: {
          U: { Type: 'AWS::IAM::User', Properties: { Policies: [], ManagedPolicyArns: [] } },
          Role: { Type: 'AWS::IAM::Role', Properties: { Policies: [], ManagedPolicyArns: [{ Ref: 'Mp' }] } },
          Mp: { Type: 'AWS::IAM::ManagedPolicy', Properties: { Users: [], PolicyDocument: { Statement: [] } } },
        },
      },
    },
  ],
  failing: [
    { name: 'user with inline policies', template: { Resources: { U: { Type: 'AWS::IAM::User', Properties: { Policies: [{ PolicyName: 'p', PolicyDocument: { Statement: [] } }] } } } } },
    { name: 'AWS::IAM::Policy attached to users', template: { Resources: { P: { Type: 'AWS::IAM::Policy', Properties: { Users: [{ Ref: 'UserName' }] } } } }, key: 'Users' },
    {
      name: 'user with an AWS managed policy ARN (Fn::Join)',
      template: {
        Resources: {
          U: { Type: 'AWS::IAM::User', Properties: { ManagedPolicyArns: [{ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::aws:policy/ReadOnlyAccess']] }] } },
        },
      },
    },
    {
      name: 'user with ManagedPolicyArns written as one string instead of a list (still attached)',
      template: { Resources: { U: { Type: 'AWS::IAM::User', Properties: { ManagedPolicyArns: 'arn:aws:iam::aws:policy/ReadOnlyAccess' } } } },
    },
    {
      name: 'AWS::IAM::Policy attached to a role only: inline, but no user',
      template: {
        Resources: {
          Role: { Type: 'AWS::IAM::Role', Properties: {} },
          P: { Type: 'AWS::IAM::Policy', Properties: { PolicyName: 'p', Roles: [{ Ref: 'Role' }], PolicyDocument: { Statement: [] } } },
        },
      },
      logicalId: 'P',
    },
    {
      name: 'managed policy attached to users',
      template: {
        Resources: {
          U: { Type: 'AWS::IAM::User', Properties: {} },
          Mp: { Type: 'AWS::IAM::ManagedPolicy', Properties: { Users: [{ Ref: 'U' }], PolicyDocument: { Statement: [] } } },
        },
      },
      key: 'Users',
    },
    {
      name: 'role with inline Policies',
      template: { Resources: { Role: { Type: 'AWS::IAM::Role', Properties: { Policies: [{ PolicyName: 'p', PolicyDocument: { Statement: [] } }] } } } },
    },
    { name: 'cdk: a grant creates an inline DefaultPolicy', cdk: (stack) => new iam.Role(stack, 'R', { assumedBy: new iam.AccountRootPrincipal() }).addToPolicy(new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: ['*'] })) },
  ],
  unresolvable: [
    { name: 'user Policies from Fn::ImportValue', template: { Resources: { U: { Type: 'AWS::IAM::User', Properties: { Policies: { 'Fn::ImportValue': 'UserPolicies' } } } } }, key: '' },
    {
      name: 'user ManagedPolicyArns from Fn::GetAtt of a custom resource',
      template: {
        Resources: {
          Lookup: { Type: 'Custom::PolicyLookup', Properties: {} },
          U: { Type: 'AWS::IAM::User', Properties: { ManagedPolicyArns: { 'Fn::GetAtt': ['Lookup', 'Arns'] } } },
        },
      },
      logicalId: 'U',
      key: '',
    },
    {
      name: 'managed policy Users from a list parameter without a default',
      template: {
        Parameters: { UserNames: { Type: 'CommaDelimitedList' } },
        Resources: { Mp: { Type: 'AWS::IAM::ManagedPolicy', Properties: { Users: { Ref: 'UserNames' }, PolicyDocument: { Statement: [] } } } },
      },
      key: 'Users',
    },
  ],
});
