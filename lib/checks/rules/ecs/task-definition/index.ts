import { awslogsDestination } from './awslogs-destination';
import { awsvpc } from './awsvpc';
import { capabilities } from './capabilities';
import { containerLogging } from './container-logging';
import { distinctRoles } from './distinct-roles';
import { efsTransitEncryption } from './efs-transit-encryption';
import { fargateSizeValid } from './fargate-size-valid';
import { healthcheck } from './healthcheck';
import { hostModeUser } from './host-mode-user';
import { imagePinned } from './image-pinned';
import { initProcess } from './init-process';
import { linuxNonrootUser } from './linux-nonroot-user';
import { memoryHardLimit } from './memory-hard-limit';
import { noAwsCredentialEnvNames } from './no-aws-credential-env-names';
import { noEnvironment } from './no-environment';
import { noHostDevices } from './no-host-devices';
import { noHostIpc } from './no-host-ipc';
import { noHostNetwork } from './no-host-network';
import { noHostPid } from './no-host-pid';
import { noPlaintextSecretsInEnv } from './no-plaintext-secrets-in-env';
import { noPrivileged } from './no-privileged';
import { noSensitiveHostMounts } from './no-sensitive-host-mounts';
import { nonBlockingLogs } from './non-blocking-logs';
import { readonlyRootFs } from './readonly-root-fs';
import { registryAllowlist } from './registry-allowlist';
import { secretsValidAndGranted } from './secrets-valid-and-granted';
import { securityOptions } from './security-options';
import { sysctls } from './sysctls';
import { taskRoleOnEc2 } from './task-role-on-ec2';
import { windowsNonAdmin } from './windows-non-admin';
import { Rule } from '../../../rule';

/** Rules on AWS::ECS::TaskDefinition (TD-*), in catalogue order. */
export const TASK_DEFINITION_RULES: readonly Rule[] = [
  noPrivileged,
  readonlyRootFs,
  linuxNonrootUser,
  windowsNonAdmin,
  hostModeUser,
  noHostNetwork,
  awsvpc,
  noHostPid,
  noHostIpc,
  containerLogging,
  awslogsDestination,
  nonBlockingLogs,
  memoryHardLimit,
  noAwsCredentialEnvNames,
  noPlaintextSecretsInEnv,
  noEnvironment,
  efsTransitEncryption,
  distinctRoles,
  taskRoleOnEc2,
  capabilities,
  noSensitiveHostMounts,
  noHostDevices,
  securityOptions,
  sysctls,
  imagePinned,
  registryAllowlist,
  secretsValidAndGranted,
  healthcheck,
  fargateSizeValid,
  initProcess,
];
