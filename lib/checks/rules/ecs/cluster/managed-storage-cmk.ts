import { displayValue, isOpaque } from '../../../model/opaque';
import { property, recordValue } from '../../../model/values';
import { Rule, fail, pass, unverified } from '../../../rule';

/** Key properties of `Configuration.ManagedStorageConfiguration` and what each one encrypts. */
const STORAGE_KEYS = [
  { property: 'FargateEphemeralStorageKmsKeyId', encrypts: 'Fargate ephemeral storage' },
  { property: 'KmsKeyId', encrypts: 'ECS-managed EBS volumes' },
];

/** CL-03 (off by default): the cluster encrypts ECS-managed storage with a customer managed key. */
export const managedStorageCmk: Rule = {
  id: 'CL-03',
  name: 'managed-storage-cmk',
  title: 'Cluster encrypts managed storage with a customer managed key',
  severity: 'low',
  rationale:
    'Fargate ephemeral storage and ECS-managed EBS volumes are encrypted with AWS-owned keys unless the cluster names ' +
    'a customer managed key. A customer key lets the key policy control and CloudTrail record who can read task data ' +
    'at rest. Off by default: the AWS-owned encryption is adequate for many workloads and the key adds cost.',
  fix:
    'Set `Configuration.ManagedStorageConfiguration.FargateEphemeralStorageKmsKeyId` (and `KmsKeyId` for EBS volumes) on ' +
    'the AWS::ECS::Cluster; in aws-cdk-lib pass `managedStorageConfiguration: { fargateEphemeralStorageKmsKey, kmsKey }` to ecs.Cluster.',
  applicability: { os: ['linux', 'windows'], launchTypes: ['FARGATE', 'EC2', 'MANAGED_INSTANCES'] },
  resourceTypes: ['AWS::ECS::Cluster'],
  compliance: {},
  enabledByDefault: false,

  evaluate(properties) {
    const configuration = recordValue(property(properties, 'Configuration'));
    if (isOpaque(configuration)) {
      return [unverified('', `Configuration is ${configuration.display}, which cannot be resolved: ${configuration.details.reason ?? 'unknown value'}.`)];
    }
    const storage = recordValue(configuration && property(configuration, 'ManagedStorageConfiguration'));
    if (isOpaque(storage)) {
      return [unverified('', `ManagedStorageConfiguration is ${storage.display}, which cannot be resolved: ${storage.details.reason ?? 'unknown value'}.`)];
    }
    const configured = STORAGE_KEYS.filter((k) => {
      const value = storage && property(storage, k.property);
      return value !== undefined && value !== '';
    });
    if (configured.length === 0) {
      return [fail('', 'The cluster sets no ManagedStorageConfiguration key, so Fargate ephemeral storage and managed EBS volumes use AWS-owned keys.')];
    }
    // Any key reference counts: the rule asks that a customer key be chosen, not which one.
    const described = configured.map((k) => `${k.encrypts} with ${displayValue(storage && property(storage, k.property))}`);
    return [pass('', `Managed storage is encrypted: ${described.join('; ')}.`)];
  },
};
