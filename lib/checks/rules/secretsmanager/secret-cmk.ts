import { kmsKeyReference } from '../../model/kms-key-reference';
import { property } from '../../model/values';
import { Rule, fail, pass, unverified } from '../../rule';

/** SEC-01: a secret is encrypted with a customer managed key, not `aws/secretsmanager`. */
export const secretCmk: Rule = {
  id: 'SEC-01',
  name: 'secret-cmk',
  title: 'Secret is encrypted with a customer managed key',
  severity: 'medium',
  rationale:
    'Without KmsKeyId, Secrets Manager uses the AWS managed key aws/secretsmanager, whose key policy cannot be changed: ' +
    'access is governed by IAM alone, the secret cannot be shared across accounts, and key use cannot be limited with ' +
    'kms:ViaService or encryption-context conditions. A customer managed key adds a second, auditable control.',
  fix:
    'Set `KmsKeyId` on the AWS::SecretsManager::Secret to a customer managed key; in aws-cdk-lib pass `encryptionKey` to ' +
    'secretsmanager.Secret, and grant the ECS execution role kms:Decrypt with kms:ViaService (cdk-hardened-ecs ' +
    'ContainerSecret does this).',
  applicability: { os: ['linux', 'windows'], launchTypes: ['FARGATE', 'EC2', 'EXTERNAL', 'MANAGED_INSTANCES'] },
  resourceTypes: ['AWS::SecretsManager::Secret'],
  compliance: {
    related: ['CKV_AWS_149', 'NIST/HIPAA/PCI SecretsManagerUsingKMSKey'],
  },
  enabledByDefault: true,

  evaluate(properties, context) {
    const key = kmsKeyReference(context.model, property(properties, 'KmsKeyId'));
    switch (key.kind) {
      case 'absent':
        return [fail('', 'KmsKeyId is not set, so the secret uses the AWS managed key aws/secretsmanager.')];
      case 'aws-managed':
        return [fail('', `KmsKeyId is the AWS managed key ${key.shown}.`)];
      case 'template-key':
        return [pass('', `Encrypted with the customer managed key ${key.key.logicalId}.`)];
      case 'customer-literal':
        return [pass('', `Encrypted with the customer managed key ${key.shown}.`)];
      default:
        return [unverified('', `KmsKeyId is ${key.value.display}, which cannot be resolved: ${key.value.details.reason ?? 'unknown value'}.`)];
    }
  },
};
