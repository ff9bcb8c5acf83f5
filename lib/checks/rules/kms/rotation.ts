import { isOpaque } from '../../model/opaque';
import { booleanValue, property, stringValue } from '../../model/values';
import { Rule, fail, notApplicable, pass, unverified } from '../../rule';

/** KMS-01: symmetric customer managed keys rotate their key material automatically. */
export const rotation: Rule = {
  id: 'KMS-01',
  name: 'rotation',
  title: 'Symmetric KMS key has automatic rotation enabled',
  severity: 'medium',
  rationale:
    'Automatic rotation creates new key material yearly (or on the configured period) while old ciphertext stays ' +
    'decryptable, which limits how much data a single compromised key version protects. Rotation exists only for ' +
    'symmetric encryption keys with AWS-generated material: asymmetric and HMAC keys, keys with imported material and ' +
    'keys in custom key stores are not applicable.',
  fix:
    'Set `EnableKeyRotation: true` (optionally `RotationPeriodInDays`) on the AWS::KMS::Key; in aws-cdk-lib ' +
    '`enableKeyRotation: true` on kms.Key (cdk-hardened-ecs keys do this).',
  applicability: { os: ['linux', 'windows'], launchTypes: ['FARGATE', 'EC2', 'EXTERNAL', 'MANAGED_INSTANCES'] },
  resourceTypes: ['AWS::KMS::Key'],
  compliance: {
    controlTower: ['CT.KMS.PR.1'],
    configRules: ['cmk-backing-key-rotation-enabled'],
    nist80053: ['SC-12', 'SC-12(2)', 'SC-28(3)'],
    pciDss: ['2.2', '3.6.4'],
    related: ['CKV_AWS_7', 'AwsSolutions-KMS5'],
  },
  enabledByDefault: true,

  evaluate(properties) {
    const spec = stringValue(property(properties, 'KeySpec')) ?? 'SYMMETRIC_DEFAULT';
    if (isOpaque(spec)) return [unverified('', `KeySpec is ${spec.display}, which cannot be resolved: ${spec.details.reason ?? 'unknown value'}.`)];
    if (spec.toUpperCase() !== 'SYMMETRIC_DEFAULT') {
      return [notApplicable('', `KeySpec ${spec} (asymmetric or HMAC) does not support automatic rotation.`)];
    }
    const origin = stringValue(property(properties, 'Origin')) ?? 'AWS_KMS';
    if (typeof origin === 'string' && origin.toUpperCase() !== 'AWS_KMS') {
      return [notApplicable('', `Origin ${origin}: keys with imported material or in a custom key store cannot rotate automatically.`)];
    }
    const enabled = booleanValue(property(properties, 'EnableKeyRotation'));
    if (isOpaque(enabled)) {
      return [unverified('', `EnableKeyRotation is ${enabled.display}, which cannot be resolved: ${enabled.details.reason ?? 'unknown value'}.`)];
    }
    if (enabled !== true) return [fail('', `EnableKeyRotation is ${enabled === false ? 'false' : 'not set'}, so the key material never rotates.`)];
    return [pass('', 'Automatic key rotation is enabled.')];
  },
};
