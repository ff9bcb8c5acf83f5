import * as iam from 'aws-cdk-lib/aws-iam';
import { trustNoPublicPrincipal } from '../../../../lib/checks/rules/iam/trust-no-public-principal';
import { describeRule } from '../harness';
import { CDK_DEFAULT_TRUST, OWN_ACCOUNT_TRUST, ecsIamTemplate } from './iam-fixtures';

const publicTrust = (principal: unknown, condition?: object) => ({ Effect: 'Allow', Principal: principal, Action: 'sts:AssumeRole', ...(condition ? { Condition: condition } : {}) });

describeRule(trustNoPublicPrincipal, {
  passing: [
    { name: 'ecs-tasks service principal with Ref/Sub conditions', template: ecsIamTemplate({ trust: [OWN_ACCOUNT_TRUST] }), logicalId: 'TaskRole' },
    {
      name: 'public principal restricted by PrincipalOrgID (Fn::Join)',
      template: ecsIamTemplate({ trust: [publicTrust({ AWS: '*' }, { StringEquals: { 'aws:PrincipalOrgID': { 'Fn::Join': ['', ['o-', 'abc123']] } } })] }),
      logicalId: 'TaskRole',
    },
    {
      name: 'a role via Ref and Fn::GetAtt and the account via Ref AWS::AccountId are named principals',
      template: ecsIamTemplate({
        trust: [publicTrust({ AWS: [{ Ref: 'DeployUser' }, { 'Fn::GetAtt': ['ExecRole', 'Arn'] }, { Ref: 'AWS::AccountId' }] })],
        extraResources: { DeployUser: { Type: 'AWS::IAM::User', Properties: {} } },
      }),
      logicalId: 'TaskRole',
    },
    {
      name: 'a role ARN built with Fn::Sub has literal ARN text, so it is not "*"',
      template: ecsIamTemplate({ trust: [publicTrust({ AWS: { 'Fn::Sub': 'arn:${AWS::Partition}:iam::${AWS::AccountId}:role/ci' } })] }),
      logicalId: 'TaskRole',
    },
    {
      name: 'public principal restricted by PrincipalOrgID and PrincipalAccount',
      template: ecsIamTemplate({
        trust: [publicTrust('*', { StringEquals: { 'aws:PrincipalOrgID': 'o-abc123', 'aws:PrincipalAccount': ['111111111111', '222222222222'] } })],
      }),
      logicalId: 'TaskRole',
    },
    {
      name: 'public principal restricted by an ArnLike PrincipalArn pattern ending in a wildcard',
      template: ecsIamTemplate({ trust: [publicTrust({ AWS: '*' }, { ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::111111111111:role/*' } })] }),
      logicalId: 'TaskRole',
    },
    {
      name: 'a Deny statement with Principal "*" grants nothing',
      template: ecsIamTemplate({ trust: [{ Effect: 'Deny', Principal: '*', Action: 'sts:AssumeRole' }] }),
      logicalId: 'TaskRole',
    },
    {
      name: 'an invalid statement (no Action) with Principal "*" is rejected by IAM, not judged',
      template: ecsIamTemplate({ trust: [{ Effect: 'Allow', Principal: '*' }] }),
      logicalId: 'TaskRole',
    },
    {
      name: 'cdk: role assumed by an account principal',
      cdk: (stack) => new iam.Role(stack, 'R', { assumedBy: new iam.AccountRootPrincipal() }),
    },
  ],
  failing: [
    { name: 'peer bug #29: Principal "*" as a string', template: ecsIamTemplate({ trust: [CDK_DEFAULT_TRUST, publicTrust('*')] }), logicalId: 'TaskRole', key: 'Statement::1' },
    { name: 'Principal { AWS: "*" }', template: ecsIamTemplate({ trust: [publicTrust({ AWS: ['*'] })] }), logicalId: 'TaskRole' },
    {
      name: 'a wildcard-only condition restricts nothing',
      template: ecsIamTemplate({ trust: [publicTrust({ AWS: '*' }, { StringLike: { 'aws:PrincipalOrgID': '*' } })] }),
      logicalId: 'TaskRole',
    },
    {
      name: 'an empty PrincipalOrgID list restricts nothing',
      template: ecsIamTemplate({ trust: [publicTrust({ AWS: '*' }, { StringEquals: { 'aws:PrincipalOrgID': [] } })] }),
      logicalId: 'TaskRole',
    },
    {
      name: 'StringNotEquals on PrincipalOrgID excludes one organization, it does not restrict to one',
      template: ecsIamTemplate({ trust: [publicTrust({ AWS: '*' }, { StringNotEquals: { 'aws:PrincipalOrgID': 'o-abc123' } })] }),
      logicalId: 'TaskRole',
    },
    {
      name: 'a PrincipalOrgID list that also contains "*" restricts nothing',
      template: ecsIamTemplate({ trust: [publicTrust({ AWS: '*' }, { StringLike: { 'aws:PrincipalOrgID': ['o-abc123', '*'] } })] }),
      logicalId: 'TaskRole',
    },
    { name: 'cdk: AnyPrincipal', cdk: (stack) => new iam.Role(stack, 'R', { assumedBy: new iam.AnyPrincipal() }) },
  ],
  unresolvable: [
    {
      name: 'principal from Fn::ImportValue',
      template: ecsIamTemplate({ trust: [publicTrust({ AWS: { 'Fn::ImportValue': 'TrustedPrincipal' } })], parameters: { P: { Type: 'String', Default: 'x' } } }),
      logicalId: 'TaskRole',
      key: 'Statement::0',
    },
    {
      name: 'principal from Fn::GetAtt of an unknown resource attribute is still named (Ref parameter without default is not)',
      template: ecsIamTemplate({ parameters: { Who: { Type: 'String' } }, trust: [publicTrust({ AWS: { Ref: 'Who' } })] }),
      logicalId: 'TaskRole',
      key: 'Statement::0',
    },
    {
      name: 'principal joined from two parameters without default (Fn::Join) may be "*"',
      template: ecsIamTemplate({
        parameters: { Prefix: { Type: 'String' }, Suffix: { Type: 'String' } },
        trust: [publicTrust({ AWS: { 'Fn::Join': ['', [{ Ref: 'Prefix' }, { Ref: 'Suffix' }]] } })],
      }),
      logicalId: 'TaskRole',
      key: 'Statement::0',
    },
    {
      name: 'principal Fn::Sub "*${Suffix}" has only wildcard literal text, so it may be "*"',
      template: ecsIamTemplate({ parameters: { Suffix: { Type: 'String' } }, trust: [publicTrust({ AWS: { 'Fn::Sub': '*${Suffix}' } })] }),
      logicalId: 'TaskRole',
      key: 'Statement::0',
    },
    {
      name: 'trust statements from a parameter without default',
      template: ecsIamTemplate({
        parameters: { TrustStatements: { Type: 'String' } },
        taskRoleProperties: { AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: { Ref: 'TrustStatements' } } },
      }),
      logicalId: 'TaskRole',
      key: '',
    },
  ],
});
