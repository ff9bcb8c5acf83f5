import { judgePublicPrincipals } from '../../model/public-principal';
import { property } from '../../model/values';
import { Rule, pass } from '../../rule';

/** ECR-05: a repository policy allows `Principal: "*"` only within an organization or account. */
export const noPublicPolicy: Rule = {
  id: 'ECR-05',
  name: 'no-public-policy',
  title: 'Repository policy does not allow a public principal without an organization or account condition',
  severity: 'high',
  rationale:
    'A repository policy that allows Principal "*" lets any AWS account pull (or, with write actions, push) images ' +
    'unless a condition narrows it to your organization (aws:PrincipalOrgID) or account (aws:SourceAccount). Private ' +
    'images often contain internal code and configuration. cdk-nag ECR1 flags any "*" and ignores conditions.',
  fix:
    'Name the principals explicitly in `RepositoryPolicyText`, or add `StringEquals: { "aws:PrincipalOrgID": "o-..." }` ' +
    'to the statement; in aws-cdk-lib use `repository.grantPull(principal)` or `addToResourcePolicy` with ' +
    '`conditions`, or `grantPull(new iam.OrganizationPrincipal(orgId))`.',
  applicability: { os: ['linux', 'windows'], launchTypes: ['FARGATE', 'EC2', 'EXTERNAL', 'MANAGED_INSTANCES'] },
  resourceTypes: ['AWS::ECR::Repository'],
  compliance: {
    related: ['CKV_AWS_32', 'AwsSolutions-ECR1'],
  },
  enabledByDefault: true,

  evaluate(properties) {
    const policy = property(properties, 'RepositoryPolicyText');
    if (policy === undefined) return [pass('', 'The repository has no resource policy, so only IAM identities of this account can use it.')];
    return judgePublicPrincipals(policy, ['aws:PrincipalOrgID', 'aws:SourceAccount'], 'repository policy');
  },
};
