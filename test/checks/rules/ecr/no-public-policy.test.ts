import * as ecr from 'aws-cdk-lib/aws-ecr';
import * as iam from 'aws-cdk-lib/aws-iam';
import { noPublicPolicy } from '../../../../lib/checks/rules/ecr/no-public-policy';
import { describeRule } from '../harness';
import { repositoryTemplate } from './fixtures';

const PULL = ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'];
const policy = (...statements: object[]) => repositoryTemplate({ RepositoryPolicyText: { Version: '2012-10-17', Statement: statements } }, { Role: { Type: 'AWS::IAM::Role', Properties: {} } });

describeRule(noPublicPolicy, {
  passing: [
    { name: 'no repository policy', template: repositoryTemplate({}) },
    { name: 'a role of this template', template: policy({ Effect: 'Allow', Principal: { AWS: { 'Fn::GetAtt': ['Role', 'Arn'] } }, Action: PULL }) },
    {
      name: 'public principal within the organization',
      template: policy({ Sid: 'OrgPull', Effect: 'Allow', Principal: '*', Action: PULL, Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-abc123' } } }),
    },
    {
      name: 'service principal with aws:SourceAccount from Fn::Sub',
      template: policy({ Sid: 'Lambda', Effect: 'Allow', Principal: { AWS: '*' }, Action: PULL, Condition: { StringEquals: { 'aws:SourceAccount': { 'Fn::Sub': '${AWS::AccountId}' } } } }),
    },
    {
      name: 'policy as a JSON string joined from literals',
      template: repositoryTemplate({ RepositoryPolicyText: { 'Fn::Join': ['', ['{"Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111111111111:root"},', '"Action":"ecr:BatchGetImage"}]}']] } }),
    },
    { name: 'cdk: ecr.Repository grantPull to a role', cdk: (stack) => new ecr.Repository(stack, 'Repo').grantPull(new iam.Role(stack, 'Role', { assumedBy: new iam.AccountRootPrincipal() })) },
  ],
  failing: [
    { name: 'Principal "*" without conditions', key: 'Statement::Public', template: policy({ Sid: 'Public', Effect: 'Allow', Principal: '*', Action: PULL }) },
    { name: 'AWS "*" with an unrelated condition', template: policy({ Effect: 'Allow', Principal: { AWS: '*' }, Action: PULL, Condition: { Bool: { 'aws:SecureTransport': 'true' } } }) },
    {
      name: 'cdk: addToResourcePolicy with AnyPrincipal',
      cdk: (stack) => new ecr.Repository(stack, 'Repo').addToResourcePolicy(new iam.PolicyStatement({ principals: [new iam.AnyPrincipal()], actions: PULL })),
    },
  ],
  unresolvable: [
    { name: 'policy imported', template: repositoryTemplate({ RepositoryPolicyText: { 'Fn::ImportValue': 'RepoPolicy' } }) },
    { name: 'principal from a parameter without a default', template: policy({ Effect: 'Allow', Principal: { AWS: { Ref: 'NoDefault' } }, Action: PULL }) },
  ],
});
