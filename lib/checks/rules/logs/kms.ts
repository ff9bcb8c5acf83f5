import { coversAction, flatten, isAllow, isOpaqueDocument, parseStatements, servicePrincipals } from '../../model/iam-policy';
import { kmsKeyReference } from '../../model/kms-key-reference';
import { ModelResource, TemplateModel } from '../../model/template-model';
import { property } from '../../model/values';
import { Outcome, Rule, fail, pass, unverified } from '../../rule';

/** Actions CloudWatch Logs needs on the key to write and read encrypted events. */
const LOGS_ACTIONS = ['kms:Encrypt', 'kms:Decrypt', 'kms:GenerateDataKey'];
/** `logs.<region>.amazonaws.com`, with the region and URL suffix possibly still pseudo parameters. */
const LOGS_PRINCIPAL = /^logs\.(<AWS::Region>|[a-z0-9-]+)\.(<AWS::URLSuffix>|amazonaws\.com(\.cn)?)$/i;

/** LOG-02: the log group is encrypted with an in-template customer key whose policy lets CloudWatch Logs use it. */
export const kms: Rule = {
  id: 'LOG-02',
  name: 'kms',
  title: 'Log group is encrypted with a customer managed key that CloudWatch Logs may use',
  severity: 'medium',
  rationale:
    'CloudWatch Logs encrypts events with an AWS-owned key unless KmsKeyId names a customer managed key; a customer key ' +
    'lets its policy decide who can read container logs, which often carry personal data and tokens. The key policy must ' +
    'allow the regional service principal logs.<region>.amazonaws.com, or the log group fails to deploy; aws-cdk-lib ' +
    'does not add that statement for logs.LogGroup({ encryptionKey }). A key outside the template (import, parameter, ' +
    'literal ARN) cannot be verified; Control Tower CT.CLOUDWATCH.PR.3 fails those outright.',
  fix:
    'Set `KmsKeyId` on the AWS::Logs::LogGroup to an AWS::KMS::Key of the same template whose `KeyPolicy` allows ' +
    '`Service: logs.<region>.amazonaws.com` kms:Encrypt*, kms:Decrypt*, kms:ReEncrypt*, kms:GenerateDataKey*, ' +
    'kms:Describe* (scoped with `kms:EncryptionContext:aws:logs:arn`); cdk-hardened-ecs EncryptedLogGroup does both.',
  applicability: { os: ['linux', 'windows'], launchTypes: ['FARGATE', 'EC2', 'EXTERNAL', 'MANAGED_INSTANCES'] },
  resourceTypes: ['AWS::Logs::LogGroup'],
  compliance: {
    controlTower: ['CT.CLOUDWATCH.PR.3'],
    configRules: ['cloudwatch-log-group-encrypted'],
    nist80053: ['CA-9(1)', 'CM-3(6)', 'SC-7(10)', 'SC-12(2)', 'SC-13', 'SC-28', 'SC-28(1)', 'SI-7(6)'],
    pciDss: ['3.4'],
    related: ['CKV_AWS_158', 'cdk-nag NIST/HIPAA/PCI CloudWatchLogGroupEncrypted'],
  },
  enabledByDefault: true,

  evaluate(properties, context) {
    const key = kmsKeyReference(context.model, property(properties, 'KmsKeyId'));
    switch (key.kind) {
      case 'absent':
        return [fail('', 'KmsKeyId is not set, so the log group is encrypted with an AWS-owned key that no key policy governs.')];
      case 'aws-managed':
        return [fail('', `KmsKeyId is the AWS managed key ${key.shown}, which CloudWatch Logs cannot use.`)];
      case 'customer-literal':
        return [unverified('', `KmsKeyId ${key.shown} is a key outside this template, so its key policy cannot be checked for logs.<region>.amazonaws.com.`)];
      case 'unresolved':
        return [unverified('', `KmsKeyId is ${key.value.display}, which cannot be resolved: ${key.value.details.reason ?? 'unknown value'}.`)];
      default:
        return [judgeKeyPolicy(context.model, key.key)];
    }
  },
};

function judgeKeyPolicy(model: TemplateModel, key: ModelResource): Outcome {
  const policy = property(model.properties(key), 'KeyPolicy');
  const opaque = isOpaqueDocument(policy);
  if (opaque) return unverified('', `The key policy of ${key.logicalId} is ${opaque.display}, which cannot be resolved.`);
  const statements = parseStatements(policy).filter((s) => isAllow(s) && servicePrincipals(s).some((p) => LOGS_PRINCIPAL.test(flatten(p))));
  if (statements.length === 0) {
    return fail('', `The key policy of ${key.logicalId} does not allow logs.<region>.amazonaws.com, so CloudWatch Logs cannot use the key and the log group deployment fails.`);
  }
  const verdicts = LOGS_ACTIONS.map((action) => ({ action, allowed: statements.map((st) => coversAction(st, action)) }));
  const missing = verdicts.filter((v) => v.allowed.every((a) => a === false)).map((v) => v.action);
  if (missing.length > 0) {
    return fail('', `The key policy of ${key.logicalId} allows CloudWatch Logs but not ${missing.join(', ')}.`);
  }
  const undecided = verdicts.filter((v) => !v.allowed.includes(true)).map((v) => v.action);
  if (undecided.length > 0) {
    return unverified('', `Whether the key policy of ${key.logicalId} allows CloudWatch Logs ${undecided.join(', ')} cannot be resolved.`);
  }
  return pass('', `Encrypted with ${key.logicalId}, whose key policy allows CloudWatch Logs to use it.`);
}
