import { taskDefinitionTemplate } from '../../harness';

/** Fixture builders shared by the task definition rule tests. */

/** A hardened Linux container that passes every container-level rule; override what a test judges. */
export function container(name: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    Name: name,
    Image: '123456789012.dkr.ecr.eu-west-1.amazonaws.com/app@sha256:' + 'a'.repeat(64),
    Essential: true,
    User: '1000:1000',
    ReadonlyRootFilesystem: true,
    Privileged: false,
    LogConfiguration: { LogDriver: 'awslogs', Options: { 'awslogs-group': { Ref: 'LogGroup' }, 'awslogs-region': { Ref: 'AWS::Region' }, 'awslogs-stream-prefix': name, 'mode': 'non-blocking' } },
    HealthCheck: { Command: ['CMD', '/bin/healthcheck'] },
    LinuxParameters: { Capabilities: { Drop: ['ALL'] }, InitProcessEnabled: true },
    ...overrides,
  };
}

/** `taskDefinitionTemplate` plus template parameters and extra resources. */
export function template(
  containers: object[],
  taskProperties: object = {},
  parameters: Record<string, object> = {},
  extraResources: Record<string, object> = {},
): Record<string, any> {
  const base = taskDefinitionTemplate(containers, taskProperties, { LogGroup: { Type: 'AWS::Logs::LogGroup', Properties: { RetentionInDays: 365 } }, ...extraResources }) as Record<string, any>;
  return { ...base, Parameters: { ...base.Parameters, ...parameters } };
}

/** A Windows Fargate task definition. */
export const WINDOWS_TASK = { RuntimePlatform: { OperatingSystemFamily: 'WINDOWS_SERVER_2022_CORE', CpuArchitecture: 'X86_64' }, Cpu: '1024', Memory: '2048' };

/** A Linux EC2 task definition in bridge mode. */
export const EC2_TASK = { RequiresCompatibilities: ['EC2'], NetworkMode: 'bridge' };

/** A string parameter with a default. */
export function stringParameter(defaultValue?: string): object {
  return defaultValue === undefined ? { Type: 'String' } : { Type: 'String', Default: defaultValue };
}
