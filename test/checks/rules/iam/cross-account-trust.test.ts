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
  ],
});
