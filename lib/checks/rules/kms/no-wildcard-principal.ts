import { judgePublicPrincipals } from '../../model/public-principal';
import { property } from '../../model/values';
import { Rule } from '../../rule';

/** KMS-02: a key policy allows `Principal: "*"` only together with a `kms:CallerAccount` condition. */
export const noWildcardPrincipal: Rule = {
  id: 'KMS-02',
  name: 'no-wildcard-principal',
  title: 'Key policy does not allow a public principal without kms:CallerAccount',
  severity: 'high',
  rationale:
    'A key policy statement that allows Principal "*" lets any AWS account use the key unless a condition narrows it. ' +
    'AWS managed key policies use exactly this shape safely, with kms:CallerAccount (and usually kms:ViaService) naming ' +
    'the owning account. Deny statements with a public principal are guardrails and pass. cdk-nag never reads key policies.',
  fix:
    'Name the principals explicitly in the AWS::KMS::Key `KeyPolicy`, or add `StringEquals: { "kms:CallerAccount": ' +
    '"<account>" }` (plus `kms:ViaService`) to the statement; in aws-cdk-lib use `key.grant*(principal)` or ' +
    '`addToResourcePolicy` with `conditions`.',
  applicability: { os: ['linux', 'windows'], launchTypes: ['FARGATE', 'EC2', 'EXTERNAL', 'MANAGED_INSTANCES'] },
  resourceTypes: ['AWS::KMS::Key'],
  compliance: {
    related: ['CKV_AWS_33', 'KICS (KMS key with vulnerable policy)'],
  },
  enabledByDefault: true,

  evaluate(properties) {
    return judgePublicPrincipals(property(properties, 'KeyPolicy'), ['kms:CallerAccount'], 'key policy');
  },
};
