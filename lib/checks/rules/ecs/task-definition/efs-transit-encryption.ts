import { outcomeUnlessOs, taskPlatform } from '../../../model/ecs-platform';
import { evaluateVolumes } from '../../../model/ecs-volumes';
import { isOpaque } from '../../../model/opaque';
import { unresolvedOutcome } from '../../../model/unresolved-outcome';
import { property, recordValue, stringValue } from '../../../model/values';
import { Outcome, Rule, fail, notApplicable, pass } from '../../../rule';

/** TD-17: every EFS volume encrypts data in transit. */
export const efsTransitEncryption: Rule = {
  id: 'TD-17',
  name: 'efs-transit-encryption',
  title: 'EFS volumes use transit encryption',
  severity: 'high',
  rationale:
    'Without `TransitEncryption: ENABLED` the NFS traffic between the task and the EFS mount target crosses the network ' +
    'in clear text; absent means DISABLED. Every EFS volume is checked (Checkov CKV_AWS_97 reads only the first). IAM ' +
    'authorization and an access point are recommended alongside, so the file system policy can tell tasks apart. EFS ' +
    'volumes are Linux-only.',
  fix:
    'Set `EFSVolumeConfiguration: { TransitEncryption: ENABLED, AuthorizationConfig: { IAM: ENABLED, AccessPointId } }` on ' +
    'each volume; in aws-cdk-lib pass `efsVolumeConfiguration: { fileSystemId, transitEncryption: "ENABLED", ' +
    'authorizationConfig: { iam: "ENABLED", accessPointId } }` to `addVolume`.',
  applicability: { os: ['linux'], launchTypes: ['FARGATE', 'EC2', 'EXTERNAL', 'MANAGED_INSTANCES'] },
  resourceTypes: ['AWS::ECS::TaskDefinition'],
  compliance: {
    securityHub: ['ECS.18'],
    configRules: ['ecs-task-definition-efs-encryption-enabled'],
    related: ['CKV_AWS_97', 'KICS 6c131358', 'Trivy'],
  },
  enabledByDefault: true,

  evaluate(properties) {
    const notLinux = outcomeUnlessOs(taskPlatform(properties), 'linux');
    if (notLinux) return [notLinux];
    const outcomes = evaluateVolumes(properties, (volume): Outcome[] => {
      const efs = recordValue(property(volume.definition, 'EFSVolumeConfiguration'));
      if (efs === undefined) return [];
      if (isOpaque(efs)) return [unresolvedOutcome(volume.key, `EFSVolumeConfiguration of volume ${volume.name}`, efs)];
      const transit = stringValue(property(efs, 'TransitEncryption'));
      if (isOpaque(transit)) return [unresolvedOutcome(volume.key, `TransitEncryption of volume ${volume.name}`, transit)];
      if (transit?.toUpperCase() !== 'ENABLED') {
        return [fail(volume.key, `EFS volume ${volume.name} has TransitEncryption ${transit ?? 'not set (DISABLED)'}.`)];
      }
      const authorization = recordValue(property(efs, 'AuthorizationConfig'));
      const iam = authorization && !isOpaque(authorization) ? stringValue(property(authorization, 'IAM')) : undefined;
      const advice = iam === 'ENABLED' ? '' : ' Consider AuthorizationConfig IAM: ENABLED with an access point.';
      return [pass(volume.key, `EFS volume ${volume.name} encrypts data in transit.${advice}`)];
    });
    return outcomes.length > 0 ? outcomes : [notApplicable('', 'The task definition has no EFS volumes.')];
  },
};
