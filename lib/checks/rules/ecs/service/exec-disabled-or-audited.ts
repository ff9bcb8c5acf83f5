import { clusterOf } from '../../../model/ecs-cluster-reference';
import { auditClusterExecuteCommand } from '../../../model/execute-command-audit';
import { isOpaque } from '../../../model/opaque';
import { booleanValue, property } from '../../../model/values';
import { Rule, fail, pass, unverified } from '../../../rule';

/** SVC-04: ECS Exec is off, or the service's cluster logs and encrypts exec sessions. */
export const execDisabledOrAudited: Rule = {
  id: 'SVC-04',
  name: 'exec-disabled-or-audited',
  title: 'ECS Exec is disabled or its sessions are logged and encrypted',
  severity: 'medium',
  rationale:
    'ECS Exec gives anyone with ecs:ExecuteCommand an interactive shell inside running tasks. When it is on, the only ' +
    'record of what was done is the session log the cluster configures, so the cluster must log sessions (Logging not ' +
    'NONE) to an encrypted destination and encrypt the session with a customer managed key. The rule follows the ' +
    "service's Cluster to an AWS::ECS::Cluster of the same template; a cluster from elsewhere cannot be verified. " +
    'Task sets inherit ECS Exec from their service, so the service is judged.',
  fix:
    'Leave `EnableExecuteCommand` false (the default), or give the cluster `Configuration.ExecuteCommandConfiguration` ' +
    'with `KmsKeyId`, `Logging: OVERRIDE` and encrypted CloudWatch/S3 output; in cdk-hardened-ecs use HardenedCluster ' +
    'with `allowExecuteCommand: true`, in aws-cdk-lib `executeCommandConfiguration` on ecs.Cluster.',
  applicability: { os: ['linux', 'windows'], launchTypes: ['FARGATE', 'EC2', 'EXTERNAL', 'MANAGED_INSTANCES'] },
  resourceTypes: ['AWS::ECS::Service'],
  compliance: {
    related: ['CKV_AWS_223 (TF, cluster only)', 'CKV_AWS_224 (TF, cluster only)'],
  },
  enabledByDefault: true,

  evaluate(properties, context) {
    const exec = booleanValue(property(properties, 'EnableExecuteCommand'));
    if (isOpaque(exec)) {
      return [unverified('', `EnableExecuteCommand is ${exec.display}, which cannot be resolved: ${exec.details.reason ?? 'unknown value'}.`)];
    }
    if (exec !== true) return [pass('', 'ECS Exec is disabled.')];

    const cluster = clusterOf(context.model, properties);
    if (!cluster.resource) {
      return [unverified('', `ECS Exec is enabled, and whether its sessions are logged and encrypted cannot be verified: ${cluster.description}.`)];
    }
    const audit = auditClusterExecuteCommand(context.model, cluster.resource);
    const message = `ECS Exec is enabled; in ${cluster.description}, ${audit.message}.`;
    if (audit.status === 'pass') return [pass('', message)];
    if (audit.status === 'fail') return [fail('', message)];
    return [unverified('', message)];
  },
};
