import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as iam from 'aws-cdk-lib/aws-iam';
import { AWS_SOLUTIONS_ACKNOWLEDGMENTS, acknowledgeAwsSolutions } from '../audit/aws-solutions';
import { WritablePath, WritablePathStorage } from '../container/hardened-container-options';
import { HardenedTaskRole } from '../identity/hardened-task-role';

/**
 * ECS Exec hardening: what a service needs when ECS Exec is on.
 *
 * aws-cdk-lib's own ECS Exec wiring is bypassed (the service sets `EnableExecuteCommand` on the
 * L1 resource), because it also edits the cluster key's policy with `kms:*` for the account and
 * wildcard `logs` statements. The statements here are the ones the AWS ECS Exec documentation
 * lists for the task role, on the exact key and log group.
 */

/**
 * Where the SSM agent that ECS Exec injects writes. They must be writable even though the root
 * filesystem is read-only; the agent runs as root, so root-owned ephemeral volumes suit it.
 */
export const EXEC_AGENT_WRITABLE_PATHS: readonly WritablePath[] = ['/managed-agents', '/var/lib/amazon/ssm', '/var/log/amazon/ssm']
  .map((containerPath) => ({ containerPath, storage: WritablePathStorage.EPHEMERAL_VOLUME }));

const SSM_MESSAGES_SID = 'EcsExecSsmMessagesChannels';
const DESCRIBE_LOG_GROUPS_SID = 'EcsExecDescribeLogGroups';

/** Throws with the fix unless the cluster's exec configuration encrypts sessions with a CMK and logs them encrypted. */
export function requireHardenedExecConfiguration(servicePath: string, cluster: ecs.ICluster): ecs.ExecuteCommandConfiguration {
  const config = cluster.executeCommandConfiguration;
  const problems: string[] = [];
  if (!config) {
    problems.push('it has no execute-command configuration');
  } else {
    if (!config.kmsKey) problems.push('sessions are not encrypted with a customer managed key (kmsKey)');
    if (config.logging !== ecs.ExecuteCommandLogging.OVERRIDE) problems.push('session logging is not OVERRIDE with an explicit destination');
    const log = config.logConfiguration;
    const cloudWatch = log?.cloudWatchLogGroup && log.cloudWatchEncryptionEnabled;
    const s3 = log?.s3Bucket && log.s3EncryptionEnabled;
    if (!cloudWatch && !s3) problems.push('session output is not sent to an encrypted CloudWatch log group or S3 bucket');
  }
  if (problems.length > 0 || !config) {
    throw new Error(
      `${servicePath}: ECS Exec is enabled, but the cluster ${cluster.node.path} is not hardened for it: ${problems.join('; ')}. ` +
        'Fix: use new HardenedCluster(scope, id, { vpc, allowExecuteCommand: true }).cluster, or give your cluster an ' +
        'executeCommandConfiguration with kmsKey, logging OVERRIDE and an encrypted CloudWatch log group (or S3 bucket).',
    );
  }
  return config;
}

/** Grants the task role exactly the ECS Exec actions; the two without resource scope are acknowledged by the library. */
export function grantExecuteCommand(taskRole: HardenedTaskRole, config: ecs.ExecuteCommandConfiguration): void {
  taskRole.addToPrincipalPolicy(new iam.PolicyStatement({
    sid: SSM_MESSAGES_SID,
    actions: ['ssmmessages:CreateControlChannel', 'ssmmessages:CreateDataChannel', 'ssmmessages:OpenControlChannel', 'ssmmessages:OpenDataChannel'],
    resources: ['*'],
  }));
  acknowledgeAwsSolutions(taskRole, AWS_SOLUTIONS_ACKNOWLEDGMENTS.resourceWildcardWithoutScope);
  // Library-owned acknowledgments: recorded if a rule flags the statement, silent when the rules already accept it.
  taskRole._acknowledgeLibraryStatement({
    sid: SSM_MESSAGES_SID,
    reason: 'ECS Exec: the ssmmessages channel actions support no resource-level scope (AWS ECS Exec documentation)',
  }, 'enableExecuteCommand');
  if (config.kmsKey) {
    taskRole.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['kms:Decrypt'], resources: [config.kmsKey.keyArn] }));
  }
  const log = config.logConfiguration;
  if (log?.cloudWatchLogGroup) {
    taskRole.addToPrincipalPolicy(new iam.PolicyStatement({ sid: DESCRIBE_LOG_GROUPS_SID, actions: ['logs:DescribeLogGroups'], resources: ['*'] }));
    taskRole._acknowledgeLibraryStatement({
      sid: DESCRIBE_LOG_GROUPS_SID,
      reason: 'ECS Exec: the SSM agent checks the session log group with logs:DescribeLogGroups, which has no resource-level scope',
    }, 'enableExecuteCommand');
    taskRole.addToPrincipalPolicy(new iam.PolicyStatement({
      actions: ['logs:CreateLogStream', 'logs:DescribeLogStreams', 'logs:PutLogEvents'],
      resources: [log.cloudWatchLogGroup.logGroupRef.logGroupArn],
    }));
  }
  if (log?.s3Bucket) {
    const prefix = log.s3KeyPrefix ? `${log.s3KeyPrefix}/` : '';
    taskRole.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['s3:PutObject'], resources: [log.s3Bucket.arnForObjects(`${prefix}*`)] }));
    taskRole.addToPrincipalPolicy(new iam.PolicyStatement({
      actions: ['s3:GetEncryptionConfiguration', 's3:GetBucketLocation'],
      resources: [log.s3Bucket.bucketArn],
    }));
  }
}
