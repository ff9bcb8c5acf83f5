import { Annotations, CfnResource, Lazy, Size, Token } from 'aws-cdk-lib';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { findBuildCredentials } from './dockerfile-credentials';
import { ContainerExemptions, HardenedContainerOptions, WritablePath, WritablePathStorage } from './hardened-container-options';
import { renderedContainerDefinition } from './rendered-container';
import { Exemption, recordExemption } from '../audit/exemption';
import { checkContainerDefinition, ConstructViolation, describeViolations } from '../checks/construct-validation';
import { HardenedExecutionRole } from '../identity/hardened-execution-role';

/** Properties of a {@link HardenedContainer}. */
export interface HardenedContainerProps extends HardenedContainerOptions {
  /** The task definition the container belongs to. Its execution role must be `executionRole`'s immutable view. */
  readonly taskDefinition: ecs.FargateTaskDefinition;

  /** The execution role that pulls the image, delivers the logs and reads the secrets, with exact grants. */
  readonly executionRole: HardenedExecutionRole;

  /** The log group the container logs to (the service's dedicated, encrypted log group). */
  readonly logGroup: logs.ILogGroup;

  /**
   * Prefix of the log stream names.
   *
   * @default the container name
   */
  readonly streamPrefix?: string;
}

const DEFAULT_TMPFS_SIZE_MIB = 64;
/** The awslogs driver buffers this much in non-blocking mode before dropping lines. */
const NON_BLOCKING_BUFFER = Size.mebibytes(25);
/** Container rules this construct enforces; the others (task, service, IAM) are checked where they apply. */
const ENFORCED_RULES = ['TD-01', 'TD-02', 'TD-03', 'TD-10', 'TD-14', 'TD-15', 'TD-20', 'TD-22', 'TD-23', 'TD-24'];

/**
 * A container definition with the hardening defaults of this library (see
 * {@link HardenedContainerOptions}). Normally created by `HardenedFargateService` (main
 * container and `addSidecar`); usable on its own with a task definition whose execution role is
 * a {@link HardenedExecutionRole}.
 *
 * Its final rendering, including later changes and escape-hatch overrides, is checked at synth
 * with the same rules as the cdk-nag pack and the CLI.
 */
export class HardenedContainer extends ecs.ContainerDefinition {
  /**
   * The hard memory limit requested in the props, if any.
   *
   * @internal
   */
  public readonly _explicitMemoryLimitMiB?: number;

  private readonly exemptions: ContainerExemptions;

  constructor(scope: Construct, id: string, props: HardenedContainerProps) {
    validateProps(scope, id, props);
    const image = props.image._bind(scope, `${id}Image`);
    const exemptions = props.exemptions ?? {};

    super(scope, id, {
      taskDefinition: props.taskDefinition,
      containerName: id,
      image: image.image,
      user: props.user,
      environment: props.environment,
      secrets: Object.fromEntries(Object.entries(props.secrets ?? {}).map(([name, secret]) => [name, secret._bind(props.executionRole)])),
      portMappings: props.portMappings,
      cpu: props.cpu,
      memoryLimitMiB: props.memoryLimitMiB ?? Lazy.number({ produce: () => remainingTaskMemory(props.taskDefinition) }),
      command: props.command,
      entryPoint: props.entryPoint,
      workingDirectory: props.workingDirectory,
      healthCheck: props.healthCheck,
      essential: props.essential ?? true,
      readonlyRootFilesystem: !exemptions.allowWritableRootFilesystem,
      linuxParameters: hardenedLinuxParameters(scope, id, props),
      logging: ecs.LogDrivers.awsLogs({
        logGroup: props.logGroup,
        streamPrefix: props.streamPrefix ?? id,
        mode: exemptions.allowBlockingLogMode ? ecs.AwsLogDriverMode.BLOCKING : ecs.AwsLogDriverMode.NON_BLOCKING,
        maxBufferSize: exemptions.allowBlockingLogMode ? undefined : NON_BLOCKING_BUFFER,
      }),
    });
    this._explicitMemoryLimitMiB = props.memoryLimitMiB;
    this.exemptions = exemptions;

    if (props.taskDefinition.executionRole !== props.executionRole._immutableRole) {
      throw new Error(
        `${this.node.path}: the task definition's execution role is not the immutable view of ${props.executionRole.node.path}, ` +
          "so aws-cdk-lib's broad grants would land on it. Fix: create the task definition with " +
          'executionRole: <HardenedExecutionRole>._claimFor(<consumer>), or use HardenedFargateService.',
      );
    }
    if (image.repository) props.executionRole.grantImagePull(image.repository);
    props.executionRole.grantLogDelivery(props.logGroup);

    this.mountEphemeralPaths(props.writablePaths ?? []);
    if (image.dockerfilePath) this.rejectBuildCredentials(image.dockerfilePath, image.buildArgs);
    if (!image.pinned && !exemptions.allowMutableImageTag) {
      throw new Error(
        `${this.node.path}: the image ${image.reference} is referenced by a mutable tag (TD-25): the tag can be moved to other ` +
        'content after review. Fix: pin it by digest (HardenedImage.fromEcrRepository(repo, \'sha256:…\') or ' +
        'HardenedImage.fromRegistry(\'name@sha256:…\')), use an ecr.Repository of this app with ' +
        'imageTagMutability IMMUTABLE, or set exemptions.allowMutableImageTag with a reason.',
      );
    }
    this.recordExemptions();
    this.node.addValidation({ validate: () => this.validateHardening() });
  }

  private mountEphemeralPaths(paths: WritablePath[]): void {
    for (const writable of paths.filter((p) => p.storage === WritablePathStorage.EPHEMERAL_VOLUME)) {
      const volumeName = `${this.containerName}${writable.containerPath.replace(/[^A-Za-z0-9_-]/g, '-')}`;
      this.taskDefinition.addVolume({ name: volumeName });
      this.addMountPoints({ containerPath: writable.containerPath, sourceVolume: volumeName, readOnly: false });
    }
  }

  private rejectBuildCredentials(dockerfilePath: string, buildArgs: Record<string, string> | undefined): void {
    const findings = findBuildCredentials(dockerfilePath, buildArgs, this.exemptions.allowDockerfileVariables?.names ?? []);
    if (findings.length === 0) return;
    throw new Error(
      `${this.node.path}: the image build bakes credential-looking variables into the image, where anyone who can pull it ` +
        `can read them:\n${findings.map((f) => `  - ${f.where}: ${f.reason}`).join('\n')}\n` +
        'Fix: remove them from the Dockerfile and build arguments. Inject runtime credentials through the container\'s ' +
        '`secrets` (ContainerSecret.fromSecretsManager / fromSsmParameter); give build-time credentials to the build with a ' +
        'BuildKit secret mount (RUN --mount=type=secret,id=...). If a name is a false positive, list it in ' +
        'exemptions.allowDockerfileVariables with a reason.',
    );
  }

  private recordExemptions(): void {
    const record = (option: string, ruleId: string, exemption: Exemption | undefined) => {
      if (!exemption) return;
      recordExemption(this.taskDefinition.node.defaultChild as CfnResource,
        { option, ruleId, findingKey: `Container::${this.containerName}` }, exemption);
    };
    const e = this.exemptions;
    record('allowWritableRootFilesystem', 'TD-02', e.allowWritableRootFilesystem);
    record('allowRootUser', 'TD-03', e.allowRootUser);
    record('addCapabilities', 'TD-20', e.addCapabilities);
    record('allowPlaintextEnvironment', 'TD-15', e.allowPlaintextEnvironment);
    record('allowPlaintextEnvironment', 'TD-14', e.allowPlaintextEnvironment);
    record('allowDockerfileVariables', 'TD-15', e.allowDockerfileVariables);
    record('allowBlockingLogMode', 'TD-12', e.allowBlockingLogMode);
    record('allowMutableImageTag', 'TD-25', e.allowMutableImageTag);
  }

  /** Runs the rule engine's container rules on the final rendering of this container. */
  private validateHardening(): string[] {
    const rendered = renderedContainerDefinition(this);
    const allowedEnv = new Set(this.exemptions.allowPlaintextEnvironment?.names ?? []);
    const environment = Array.isArray(rendered.Environment)
      ? (rendered.Environment as Array<{ Name?: unknown }>).filter((v) => !allowedEnv.has(String(v.Name)))
      : rendered.Environment;
    const checked = { ...rendered, Environment: environment };

    const violations = [
      ...checkContainerDefinition(checked, { os: 'linux', launchType: 'FARGATE', ruleIds: ENFORCED_RULES }),
      // ContainerAdministrator is the Windows administrator; it has no place in a Linux container either.
      ...checkContainerDefinition({ Name: rendered.Name, User: rendered.User }, { os: 'windows', ruleIds: ['TD-04'] }),
    ].filter((v) => !this.exemptedRules().has(v.ruleId));

    const unverified = violations.filter((v) => v.status === 'unverified');
    if (unverified.length > 0) {
      Annotations.of(this).addWarningV2('cdk-hardened-ecs:container-unverified', describeViolations(this.node.path, unverified));
    }
    const failures = violations.filter((v) => v.status === 'fail');
    if (failures.length === 0) return [];
    return [describeViolations(this.node.path, failures) + secretsHint(failures)];
  }

  private exemptedRules(): Set<string> {
    const e = this.exemptions;
    const rules = new Set<string>();
    if (e.allowWritableRootFilesystem) rules.add('TD-02');
    if (e.allowRootUser) ['TD-03', 'TD-04'].forEach((r) => rules.add(r));
    if (e.addCapabilities) rules.add('TD-20');
    return rules;
  }
}

function secretsHint(failures: ConstructViolation[]): string {
  if (!failures.some((v) => v.ruleId === 'TD-14' || v.ruleId === 'TD-15')) return '';
  return '\n  Credentials belong in `secrets`, not `environment`: e.g. secrets: { DB_PASSWORD: ' +
    "ContainerSecret.fromSecretsManager(secret, { field: 'password' }) }. A false positive can be listed in " +
    'exemptions.allowPlaintextEnvironment with a reason.';
}

function hardenedLinuxParameters(scope: Construct, id: string, props: HardenedContainerOptions): ecs.LinuxParameters {
  const linux = new ecs.LinuxParameters(scope, `${id}LinuxParameters`, { initProcessEnabled: true });
  linux.dropCapabilities(ecs.Capability.ALL);
  const added = props.exemptions?.addCapabilities?.capabilities ?? [];
  if (added.length > 0) linux.addCapabilities(...added);
  const tmpfs = (props.writablePaths ?? []).filter((p) => (p.storage ?? WritablePathStorage.TMPFS) === WritablePathStorage.TMPFS);
  if (tmpfs.length > 0) {
    linux.addTmpfs(...tmpfs.map((p) => ({
      containerPath: p.containerPath,
      size: p.sizeMiB ?? DEFAULT_TMPFS_SIZE_MIB,
      // No setuid binaries or device files on scratch space; exec stays allowed (JVMs unpack native libraries to /tmp).
      mountOptions: [ecs.TmpfsMountOption.NOSUID, ecs.TmpfsMountOption.NODEV],
    })));
  }
  return linux;
}

/** The task's memory minus the explicit limits of its other hardened containers. */
function remainingTaskMemory(taskDefinition: ecs.FargateTaskDefinition): number {
  const reserved = taskDefinition.node.children
    .filter((c): c is HardenedContainer => c instanceof HardenedContainer)
    .reduce((sum, c) => sum + (c._explicitMemoryLimitMiB ?? 0), 0);
  return taskDefinition.memoryMiB - reserved;
}

function validateProps(scope: Construct, id: string, props: HardenedContainerProps): void {
  const where = `${scope.node.path}/${id}`;
  if (!Token.isUnresolved(props.user) && props.user.trim() === '') {
    throw new Error(`${where}: user is empty. Fix: set user to a non-root uid:gid such as '1000:1000'.`);
  }
  const seen = new Set<string>();
  let tmpfsMiB = 0;
  for (const writable of props.writablePaths ?? []) {
    if (!writable.containerPath.startsWith('/')) {
      throw new Error(`${where}: writable path '${writable.containerPath}' is not absolute. Fix: use an absolute path such as '/tmp'.`);
    }
    if (seen.has(writable.containerPath)) {
      throw new Error(`${where}: writable path '${writable.containerPath}' is listed twice. Fix: list each path once.`);
    }
    seen.add(writable.containerPath);
    if ((writable.storage ?? WritablePathStorage.TMPFS) === WritablePathStorage.TMPFS) {
      const size = writable.sizeMiB ?? DEFAULT_TMPFS_SIZE_MIB;
      if (!Number.isInteger(size) || size <= 0) {
        throw new Error(`${where}: tmpfs size of '${writable.containerPath}' must be a positive whole number of MiB (got ${size}).`);
      }
      tmpfsMiB += size;
    }
  }
  const limit = props.memoryLimitMiB ?? props.taskDefinition.memoryMiB;
  if (tmpfsMiB > 0 && !Token.isUnresolved(limit) && tmpfsMiB >= limit) {
    throw new Error(
      `${where}: the tmpfs writable paths take ${tmpfsMiB} MiB of RAM, which leaves nothing of the container's ${limit} MiB ` +
        'memory limit. Fix: shrink sizeMiB, raise memoryLimitMiB, or use storage: WritablePathStorage.EPHEMERAL_VOLUME (disk).',
    );
  }
}
