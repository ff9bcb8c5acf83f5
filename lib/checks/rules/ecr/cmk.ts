import { kmsKeyReference } from '../../model/kms-key-reference';
import { isOpaque } from '../../model/opaque';
import { property, recordValue, stringValue } from '../../model/values';
import { Rule, fail, pass, unverified } from '../../rule';

/** ECR-04: the repository is encrypted with a customer managed KMS key. */
export const cmk: Rule = {
  id: 'ECR-04',
  name: 'cmk',
  title: 'Repository is encrypted with a customer managed key',
  severity: 'medium',
  rationale:
    'ECR encrypts images with AES-256 by default, or with the AWS managed key aws/ecr when EncryptionType is KMS without ' +
    'a key; neither lets a key policy restrict or audit who can decrypt image layers. Security Hub ECR.5 requires a ' +
    'customer managed key (Checkov accepts aws/ecr). The encryption settings cannot be changed after creation.',
  fix:
    'Set `EncryptionConfiguration: { EncryptionType: KMS (or KMS_DSSE), KmsKey: <customer key ARN> }` on the ' +
    'AWS::ECR::Repository when creating it; in aws-cdk-lib `encryption: ecr.RepositoryEncryption.KMS, encryptionKey`.',
  applicability: { os: ['linux', 'windows'], launchTypes: ['FARGATE', 'EC2', 'EXTERNAL', 'MANAGED_INSTANCES'] },
  resourceTypes: ['AWS::ECR::Repository'],
  compliance: {
    securityHub: ['ECR.5'],
    related: ['CKV_AWS_136'],
  },
  enabledByDefault: true,

  evaluate(properties, context) {
    const encryption = recordValue(property(properties, 'EncryptionConfiguration'));
    if (isOpaque(encryption)) {
      return [unverified('', `EncryptionConfiguration is ${encryption.display}, which cannot be resolved: ${encryption.details.reason ?? 'unknown value'}.`)];
    }
    const type = stringValue(encryption && property(encryption, 'EncryptionType')) ?? 'AES256';
    if (isOpaque(type)) return [unverified('', `EncryptionType is ${type.display}, which cannot be resolved: ${type.details.reason ?? 'unknown value'}.`)];
    if (!/^KMS(_DSSE)?$/i.test(type)) return [fail('', `EncryptionType is ${type}, which uses an AWS-owned key instead of a customer managed key.`)];

    const key = kmsKeyReference(context.model, encryption && property(encryption, 'KmsKey'));
    switch (key.kind) {
      case 'absent':
        return [fail('', `EncryptionType is ${type} without KmsKey, so the AWS managed key aws/ecr is used.`)];
      case 'aws-managed':
        return [fail('', `KmsKey is the AWS managed key ${key.shown}.`)];
      case 'template-key':
        return [pass('', `Encrypted (${type}) with the customer managed key ${key.key.logicalId}.`)];
      case 'customer-literal':
        return [pass('', `Encrypted (${type}) with the customer managed key ${key.shown}.`)];
      default:
        return [unverified('', `KmsKey is ${key.value.display}, which cannot be resolved: ${key.value.details.reason ?? 'unknown value'}.`)];
    }
  },
};
