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
  ],
});
