import { isOpaque } from './opaque';
import { ModelResource, TemplateModel } from './template-model';
import { booleanValue, property, recordValue, stringValue } from './values';

/** The verdict on a cluster's ECS Exec configuration, shared by CL-02 (on the cluster) and SVC-04 (on services). */
export interface ExecuteCommandAudit {
  readonly status: 'pass' | 'fail' | 'unverified';
  /** One sentence: what is missing or why it cannot be judged. */
  readonly message: string;
}

/**
 * Judges `Configuration.ExecuteCommandConfiguration` of resolved AWS::ECS::Cluster properties:
 * sessions are logged (`Logging` is not NONE), encrypted with a customer key (`KmsKeyId`), and the
 * session output goes to CloudWatch Logs and/or S3 with encryption turned on for every destination.
 *
 * `Logging: DEFAULT` (also what an absent `Logging` means) writes session output through the
 * task's own awslogs configuration, where the cluster can neither require nor show encryption,
 * so it does not satisfy the check; `OVERRIDE` with encrypted destinations does.
 */
export function auditExecuteCommandConfiguration(clusterProperties: Record<string, unknown>): ExecuteCommandAudit {
  const configuration = recordValue(property(clusterProperties, 'Configuration'));
  if (isOpaque(configuration)) return unresolved('Configuration', configuration.display, configuration.details.reason);
  const exec = recordValue(configuration && property(configuration, 'ExecuteCommandConfiguration'));
  if (isOpaque(exec)) return unresolved('ExecuteCommandConfiguration', exec.display, exec.details.reason);
  if (!exec) {
    return { status: 'fail', message: 'the cluster has no ExecuteCommandConfiguration, so sessions are not encrypted with a customer key and their output is not logged to an encrypted destination' };
  }

  const problems: string[] = [];
  const undecided: string[] = [];

  const keyId = stringValue(property(exec, 'KmsKeyId'));
  if (keyId === undefined || keyId === '') problems.push('no KmsKeyId encrypts the sessions');

  const logging = stringValue(property(exec, 'Logging')) ?? 'DEFAULT';
  if (isOpaque(logging)) {
    undecided.push(`Logging is ${logging.display} (${logging.details.reason ?? 'unresolved'})`);
  } else if (logging.toUpperCase() === 'NONE') {
    problems.push('Logging is NONE, so session output is not recorded');
  } else if (logging.toUpperCase() !== 'OVERRIDE') {
    problems.push(`Logging is ${logging}, which writes session output through each task's awslogs settings, where encryption cannot be required; use OVERRIDE with an encrypted destination`);
  } else {
    judgeDestinations(exec, problems, undecided);
  }

  if (problems.length > 0) return { status: 'fail', message: `${join(problems)}${undecided.length ? `; also ${join(undecided)}` : ''}` };
  if (undecided.length > 0) return { status: 'unverified', message: join(undecided) };
  return { status: 'pass', message: 'sessions are encrypted with a customer key and logged to encrypted destinations' };
}

const RANK = { fail: 2, unverified: 1, pass: 0 } as const;

/** Audits every deployment variant of an in-template cluster; the worst verdict wins. */
export function auditClusterExecuteCommand(model: TemplateModel, cluster: ModelResource): ExecuteCommandAudit {
  let worst: ExecuteCommandAudit | undefined;
  for (const variant of model.variants(cluster)) {
    const audit = auditExecuteCommandConfiguration(variant);
    if (!worst || RANK[audit.status] > RANK[worst.status]) worst = audit;
  }
  return worst ?? auditExecuteCommandConfiguration({});
}

function judgeDestinations(exec: Record<string, unknown>, problems: string[], undecided: string[]): void {
  const logConfiguration = recordValue(property(exec, 'LogConfiguration'));
  if (isOpaque(logConfiguration)) {
    undecided.push(`LogConfiguration is ${logConfiguration.display} (${logConfiguration.details.reason ?? 'unresolved'})`);
    return;
  }
  if (!logConfiguration) {
    problems.push('Logging is OVERRIDE without a LogConfiguration');
    return;
  }
  const destinations = [
    { label: 'CloudWatch Logs', name: 'CloudWatchLogGroupName', flag: 'CloudWatchEncryptionEnabled' },
    { label: 'S3', name: 'S3BucketName', flag: 'S3EncryptionEnabled' },
  ].filter((d) => property(logConfiguration, d.name) !== undefined);
  if (destinations.length === 0) {
    problems.push('LogConfiguration names neither a CloudWatchLogGroupName nor an S3BucketName');
    return;
  }
  for (const destination of destinations) {
    const encrypted = booleanValue(property(logConfiguration, destination.flag));
    if (isOpaque(encrypted)) undecided.push(`${destination.flag} is ${encrypted.display} (${encrypted.details.reason ?? 'unresolved'})`);
    else if (encrypted !== true) problems.push(`${destination.label} session logs are not encrypted (${destination.flag} is ${encrypted ?? 'absent'})`);
  }
}

function unresolved(what: string, display: string, reason: string | undefined): ExecuteCommandAudit {
  return { status: 'unverified', message: `${what} is ${display}, which cannot be resolved${reason ? `: ${reason}` : ''}` };
}

function join(items: string[]): string {
  return items.join('; ');
}
