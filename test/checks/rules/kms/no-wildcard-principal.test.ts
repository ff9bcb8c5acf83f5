import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import { noWildcardPrincipal } from '../../../../lib/checks/rules/kms/no-wildcard-principal';
import { describeRule } from '../harness';

const ROOT = { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::', { Ref: 'AWS::AccountId' }, ':root']] };
const ADMIN_STATEMENT = { Sid: 'Admin', Effect: 'Allow', Principal: { AWS: ROOT }, Action: 'kms:*', Resource: '*' };

function key(...statements: object[]): object {
  return {
    Parameters: { Who: { Type: 'String' } },
    Resources: {
      Role: { Type: 'AWS::IAM::Role', Properties: {} },
      Key: { Type: 'AWS::KMS::Key', Properties: { KeyPolicy: { Version: '2012-10-17', Statement: [ADMIN_STATEMENT, ...statements] } } },
    },
  };
}

const viaAnyone = (condition?: object) => ({
  Sid: 'UseViaSecrets',
  Effect: 'Allow',
  Principal: { AWS: '*' },
  Action: ['kms:Decrypt'],
  Resource: '*',
  ...(condition ? { Condition: condition } : {}),
});

describeRule(noWildcardPrincipal, {
  passing: [
    { name: 'account root and a role only', template: key({ Effect: 'Allow', Principal: { AWS: { 'Fn::GetAtt': ['Role', 'Arn'] } }, Action: 'kms:Decrypt', Resource: '*' }) },
    {
      name: 'public principal with kms:CallerAccount = AWS::AccountId (Fn::Sub) and ViaService',
      key: 'Statement::UseViaSecrets',
      template: key(viaAnyone({ StringEquals: { 'kms:CallerAccount': { 'Fn::Sub': '${AWS::AccountId}' }, 'kms:ViaService': 'secretsmanager.eu-west-1.amazonaws.com' } })),
    },
    { name: 'Deny with a public principal is a guardrail', template: key({ Sid: 'DenyAll', Effect: 'Deny', Principal: '*', Action: 'kms:*', Resource: '*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }) },
    { name: 'cdk: kms.Key default policy', cdk: (stack) => new kms.Key(stack, 'Key', { enableKeyRotation: true }) },
  ],
  failing: [
    // Found by the property-based engine invariants: a public principal without Effect used to crash the rule.
    { name: 'public principal in a statement without Effect (invalid document)', key: 'Statement::1', template: key({ Principal: { AWS: '*' } }) },
    { name: 'AWS "*" without conditions', key: 'Statement::UseViaSecrets', template: key(viaAnyone()) },
    { name: 'string Principal "*" as the second statement', key: 'Statement::1', template: key({ Effect: 'Allow', Principal: '*', Action: 'kms:Encrypt', Resource: '*' }) },
    { name: 'CallerAccount with a wildcard value', template: key(viaAnyone({ StringLike: { 'kms:CallerAccount': '*' } })) },
    { name: 'only a ViaService condition', template: key(viaAnyone({ StringEquals: { 'kms:ViaService': 'ssm.eu-west-1.amazonaws.com' } })) },
    {
      name: 'cdk: addToResourcePolicy with AnyPrincipal',
      cdk: (stack) => new kms.Key(stack, 'Key').addToResourcePolicy(new iam.PolicyStatement({ principals: [new iam.AnyPrincipal()], actions: ['kms:Decrypt'], resources: ['*'] })),
    },
  ],
  unresolvable: [
    { name: 'key policy imported', template: { Resources: { Key: { Type: 'AWS::KMS::Key', Properties: { KeyPolicy: { 'Fn::ImportValue': 'KeyPolicy' } } } } } },
    { name: 'principal from a parameter without a default', key: 'Statement::1', template: key({ Effect: 'Allow', Principal: { AWS: { Ref: 'Who' } }, Action: 'kms:Decrypt', Resource: '*' }) },
  ],
});
