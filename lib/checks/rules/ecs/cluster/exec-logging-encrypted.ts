import { resourcesInCluster } from '../../../model/ecs-cluster-reference';
import { auditExecuteCommandConfiguration } from '../../../model/execute-command-audit';
import { isOpaque } from '../../../model/opaque';
import { booleanValue, property, recordValue } from '../../../model/values';
import { Rule, RuleContext, fail, notApplicable, pass, unverified } from '../../../rule';

/** CL-02: the cluster's ECS Exec configuration logs sessions to encrypted destinations and uses a customer key. */
export const execLoggingEncrypted: Rule = {
  id: 'CL-02',
  name: 'exec-logging-encrypted',
  title: 'Cluster ECS Exec sessions are logged and encrypted',
  severity: 'medium',
  rationale:
    'ECS Exec opens an interactive shell in running containers. Without session logging there is no record of what ' +
    'was typed; without a customer managed key and encrypted log destinations, the session stream and its transcript ' +
    'are protected only by AWS-owned keys and cannot be access-controlled by key policy. A cluster without an exec ' +
    'configuration is only judged when a service of this template enables ECS Exec in it (SVC-04 judges services).',
  fix:
    'Set `Configuration.ExecuteCommandConfiguration` with `KmsKeyId`, `Logging: OVERRIDE` and a `LogConfiguration` whose ' +
    '`CloudWatchEncryptionEnabled` / `S3EncryptionEnabled` is true for each destination; in aws-cdk-lib pass ' +
    '`executeCommandConfiguration: { kmsKey, logging: ecs.ExecuteCommandLogging.OVERRIDE, logConfiguration: { cloudWatchLogGroup, ' +
    'cloudWatchEncryptionEnabled: true } }`; HardenedCluster does this when `allowExecuteCommand` is true.',
  applicability: { os: ['linux', 'windows'], launchTypes: ['FARGATE', 'EC2', 'EXTERNAL', 'MANAGED_INSTANCES'] },
  resourceTypes: ['AWS::ECS::Cluster'],
  compliance: {
    related: ['CKV_AWS_223 (TF)', 'CKV_AWS_224 (TF)'],
  },
  enabledByDefault: true,

  evaluate(properties, context) {
    const configuration = recordValue(property(properties, 'Configuration'));
    const hasExecConfiguration = isOpaque(configuration) || (configuration && property(configuration, 'ExecuteCommandConfiguration') !== undefined);
    if (!hasExecConfiguration) {
      const { enabled, undecided } = servicesUsingExec(context);
      if (enabled.length > 0) {
        return [fail('', `Service(s) ${enabled.join(', ')} enable ECS Exec, but the cluster has no ExecuteCommandConfiguration, so sessions are neither encrypted with a customer key nor logged to an encrypted destination.`)];
      }
      if (undecided.length > 0) {
        return [unverified('', `The cluster has no ExecuteCommandConfiguration and whether service(s) ${undecided.join(', ')} enable ECS Exec cannot be resolved.`)];
      }
      return [notApplicable('', 'The cluster has no ECS Exec configuration and no service of this template enables ECS Exec in it.')];
    }
    const audit = auditExecuteCommandConfiguration(properties);
    const message = `ECS Exec: ${audit.message}.`;
    if (audit.status === 'pass') return [pass('', message)];
    if (audit.status === 'fail') return [fail('', message)];
    return [unverified('', message)];
  },
};

/** Services of this template in the cluster whose ECS Exec is on, or depends on a value the model cannot resolve. */
function servicesUsingExec(context: RuleContext): { enabled: string[]; undecided: string[] } {
  const enabled: string[] = [];
  const undecided: string[] = [];
  for (const service of resourcesInCluster(context.model, context.resource, 'AWS::ECS::Service')) {
    const exec = booleanValue(property(context.model.properties(service), 'EnableExecuteCommand'));
    if (exec === true) enabled.push(service.logicalId);
    else if (isOpaque(exec)) undecided.push(service.logicalId);
  }
  return { enabled, undecided };
}
