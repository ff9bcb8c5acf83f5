import * as iam from 'aws-cdk-lib/aws-iam';
import { crossAccountTrust } from '../../../../lib/checks/rules/iam/cross-account-trust';
import { describeRule } from '../harness';
import { CDK_DEFAULT_TRUST, OWN_ACCOUNT_TRUST, ecsIamTemplate } from './iam-fixtures';

const awsTrust = (principal: unknown, condition?: object) => ({ Effect: 'Allow', Principal: { AWS: principal }, Action: 'sts:AssumeRole', ...(condition ? { Condition: condition } : {}) });

describeRule(crossAccountTrust, {
  passing: [
    { name: 'service principal only', template: ecsIamTemplate({ trust: [OWN_ACCOUNT_TRUST] }), logicalId: 'TaskRole' },
    {
      name: 'own account root via Fn::Join and a role via Fn::GetAtt',
      template: ecsIamTemplate({
        trust: [awsTrust([{ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::', { Ref: 'AWS::AccountId' }, ':root']] }, { 'Fn::GetAtt': ['ExecRole', 'Arn'] }])],
      }),
      logicalId: 'TaskRole',
    },
    {
      name: 'other account with sts:ExternalId',
      template: ecsIamTemplate({ trust: [awsTrust('arn:aws:iam::222222222222:root', { StringEquals: { 'sts:ExternalId': 'partner-1' } })] }),
      logicalId: 'TaskRole',
    },
    {
      name: 'other account with Bool aws:MultiFactorAuthPresent "true"',
      template: ecsIamTemplate({ trust: [awsTrust('arn:aws:iam::222222222222:root', { Bool: { 'aws:MultiFactorAuthPresent': 'true' } })] }),
      logicalId: 'TaskRole',
    },
    {
      name: 'Principal { AWS: "*" } is left to IAM-02; the literal-ARN wildcard account too',
      template: ecsIamTemplate({ trust: [awsTrust(['*', 'arn:aws:iam::*:root'])] }),
      logicalId: 'TaskRole',
    },
    {
      name: 'own account as a bare pseudo parameter: Ref and Fn::Sub of AWS::AccountId',
      template: ecsIamTemplate({ trust: [awsTrust([{ Ref: 'AWS::AccountId' }, { 'Fn::Sub': '${AWS::AccountId}' }])] }),
      logicalId: 'TaskRole',
    },
    {
      name: 'a Ref to a user of this template names this account',
      template: ecsIamTemplate({
        trust: [awsTrust({ Ref: 'DeployUser' })],
        extraResources: { DeployUser: { Type: 'AWS::IAM::User', Properties: {} } },
      }),
      logicalId: 'TaskRole',
    },
    {
      name: 'Deny and invalid (no Action) statements naming another account are not trust grants',
      template: ecsIamTemplate({
        trust: [
          CDK_DEFAULT_TRUST,
          { Effect: 'Deny', Principal: { AWS: 'arn:aws:iam::222222222222:root' }, Action: 'sts:AssumeRole' },
          { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::333333333333:root' } },
        ],
      }),
      logicalId: 'TaskRole',
    },
    { name: 'cdk: own account root', cdk: (stack) => new iam.Role(stack, 'R', { assumedBy: new iam.AccountRootPrincipal() }) },
  ],
  failing: [
    {
      name: 'peer bug #30: cross-account principal in statement 2',
      template: ecsIamTemplate({ trust: [CDK_DEFAULT_TRUST, awsTrust('arn:aws:iam::222222222222:root')] }),
      logicalId: 'TaskRole',
      key: 'Statement::1',
    },
    {
      name: 'bare account id via Fn::Sub',
      template: ecsIamTemplate({ trust: [awsTrust({ 'Fn::Sub': 'arn:${AWS::Partition}:iam::333333333333:role/ci' })] }),
      logicalId: 'TaskRole',
    },
    {
      name: 'two other accounts (bare id and role ARN) in one statement',
      template: ecsIamTemplate({ trust: [awsTrust(['222222222222', 'arn:aws:iam::333333333333:role/deployer'])] }),
      logicalId: 'TaskRole',
      key: 'Statement::0',
    },
    {
      name: 'a principal that is not an ARN (the unique id IAM shows for a deleted role) is treated as another account',
      template: ecsIamTemplate({ trust: [awsTrust('AROAJ52OTH4H7LEXAMPLE')] }),
      logicalId: 'TaskRole',
      key: 'Statement::0',
    },
    {
      name: 'aws:MultiFactorAuthPresent ["true", "false"] is not an MFA requirement (IAM ORs the values)',
      template: ecsIamTemplate({ trust: [awsTrust('arn:aws:iam::222222222222:root', { Bool: { 'aws:MultiFactorAuthPresent': ['true', 'false'] } })] }),
      logicalId: 'TaskRole',
    },
    {
      name: 'aws:MultiFactorAuthPresent "false" is not an MFA requirement',
      template: ecsIamTemplate({ trust: [awsTrust('arn:aws:iam::222222222222:root', { Bool: { 'aws:MultiFactorAuthPresent': 'false' } })] }),
      logicalId: 'TaskRole',
      key: 'Statement::0',
    },
    { name: 'cdk: AccountPrincipal of another account', cdk: (stack) => new iam.Role(stack, 'R', { assumedBy: new iam.AccountPrincipal('444444444444') }) },
  ],
  unresolvable: [
    { name: 'principal imported with Fn::ImportValue', template: ecsIamTemplate({ trust: [awsTrust({ 'Fn::ImportValue': 'PartnerArn' })] }), logicalId: 'TaskRole', key: 'Statement::0' },
    {
      name: 'account from a parameter without default (Ref)',
      template: ecsIamTemplate({ parameters: { Partner: { Type: 'String' } }, trust: [awsTrust({ 'Fn::Sub': 'arn:aws:iam::${Partner}:root' })] }),
      logicalId: 'TaskRole',
      key: 'Statement::0',
    },
    {
      name: 'trust policy imported with Fn::ImportValue',
      template: ecsIamTemplate({ taskRoleProperties: { AssumeRolePolicyDocument: { 'Fn::ImportValue': 'SharedTrustPolicy' } } }),
      logicalId: 'TaskRole',
      key: '',
    },
  ],
});
