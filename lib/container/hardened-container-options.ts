import * as ecs from 'aws-cdk-lib/aws-ecs';
import { HardenedImage } from './hardened-image';
import { Exemption } from '../audit/exemption';
import { ContainerSecret } from '../secrets/container-secret';

/** Where a writable path of a container is stored. */
export enum WritablePathStorage {
  /**
   * A tmpfs mount: RAM, counted against the container's memory limit, gone when the task stops.
   * Mode 1777 (like /tmp), so a non-root user can write to it. Fargate supports tmpfs on Linux.
   */
  TMPFS = 'TMPFS',
  /**
   * A bind mount of a task volume on the task's ephemeral storage (disk, 20-200 GiB per task).
   * Root-owned with mode 0755 unless the image declares the path as a `VOLUME` owned by the
   * container user, in which case ECS copies the image's content and ownership (see docs/service.md).
   */
  EPHEMERAL_VOLUME = 'EPHEMERAL_VOLUME',
}

/** A path the container may write to while its root filesystem stays read-only. */
export interface WritablePath {
  /** Absolute path inside the container, e.g. `/tmp`. */
  readonly containerPath: string;

  /**
   * Where the path is stored.
   *
   * @default WritablePathStorage.TMPFS
   */
  readonly storage?: WritablePathStorage;

  /**
   * Size of a tmpfs mount in MiB (counted against the container's memory limit).
   * Ignored for `EPHEMERAL_VOLUME`.
   *
   * @default 64
   */
  readonly sizeMiB?: number;
}

/** An exemption that names the environment or build variables it covers. */
export interface VariablesExemption extends Exemption {
  /** The exact variable names (case-sensitive) that are allowed despite looking like credentials. */
  readonly names: string[];
}

/** An exemption that adds Linux capabilities back after `Drop: ALL`. */
export interface CapabilitiesExemption extends Exemption {
  /** The capabilities to add, e.g. `ecs.Capability.NET_BIND_SERVICE`. */
  readonly capabilities: ecs.Capability[];
}

/**
 * Every relaxation of a container hardening default. Each one is recorded, with its reason,
 * in the template metadata (`cdk-hardened-ecs:exemptions`) of the task definition.
 */
export interface ContainerExemptions {
  /** Make the root filesystem writable (rule TD-02). Prefer `writablePaths`. */
  readonly allowWritableRootFilesystem?: Exemption;

  /** Run as root (rules TD-03/TD-04). Prefer a numeric non-root `user` such as `1000:1000`. */
  readonly allowRootUser?: Exemption;

  /** Add Linux capabilities back after dropping ALL (rule TD-20). */
  readonly addCapabilities?: CapabilitiesExemption;

  /**
   * Plain environment variables that look like credentials but are not (rules TD-14/TD-15).
   * Real credentials belong in `secrets`.
   */
  readonly allowPlaintextEnvironment?: VariablesExemption;

  /**
   * Dockerfile `ENV`/`ARG` lines and build arguments that look like credentials but are not.
   * Real build-time credentials belong in BuildKit secret mounts (`RUN --mount=type=secret`).
   */
  readonly allowDockerfileVariables?: VariablesExemption;

  /**
   * Use the blocking `awslogs` mode (rule TD-12): the application stalls when CloudWatch Logs is
   * unreachable, but no log line is dropped.
   */
  readonly allowBlockingLogMode?: Exemption;

  /**
   * Run an image referenced by a mutable tag (rule TD-25): the tag can be moved to different
   * content after review, so what runs is not what was approved. Prefer a `sha256:` digest or an
   * ECR repository with immutable tags.
   */
  readonly allowMutableImageTag?: Exemption;
}

/**
 * A container with the hardening defaults of this library: a required non-root user, a read-only
 * root filesystem with explicit writable paths, no privileged mode, all Linux capabilities
 * dropped, an init process, a memory limit, non-blocking `awslogs` logging to the service's
 * encrypted log group, and credentials only through `secrets`.
 */
export interface HardenedContainerOptions {
  /** The image. */
  readonly image: HardenedImage;

  /**
   * The user (and optionally group) the container runs as: `name`, `uid`, `name:group` or
   * `uid:gid`. Root (`root`, `0`, `0:0`, `root:root`) and `ContainerAdministrator` are rejected.
   * Prefer numeric ids (`1000:1000`): they need no `/etc/passwd` entry in the image.
   */
  readonly user: string;

  /**
   * Plain environment variables: settings only. Names or values that look like credentials
   * (PASSWORD, SECRET, TOKEN, API_KEY, AWS keys, PEM blocks, ...) fail synth; use `secrets`.
   *
   * @default none
   */
  readonly environment?: Record<string, string>;

  /**
   * Values injected from Secrets Manager or SSM Parameter Store, read by the execution role with
   * exact permissions.
   *
   * @default none
   */
  readonly secrets?: Record<string, ContainerSecret>;

  /**
   * Paths the container may write to. The root filesystem is read-only, so list here every
   * directory the application writes (temporary files, caches, PID files).
   *
   * @default none
   */
  readonly writablePaths?: WritablePath[];

  /**
   * Ports the container listens on.
   *
   * @default none
   */
  readonly portMappings?: ecs.PortMapping[];

  /**
   * CPU units reserved for the container.
   *
   * @default no reservation (shares the task's CPU)
   */
  readonly cpu?: number;

  /**
   * Hard memory limit in MiB. The container is killed when it exceeds it; tmpfs paths count
   * against it.
   *
   * @default for the main container, the task memory minus the sidecars' limits; required for sidecars
   */
  readonly memoryLimitMiB?: number;

  /**
   * Overrides the image's `CMD`.
   *
   * @default the image's CMD
   */
  readonly command?: string[];

  /**
   * Overrides the image's `ENTRYPOINT`.
   *
   * @default the image's ENTRYPOINT
   */
  readonly entryPoint?: string[];

  /**
   * The working directory.
   *
   * @default the image's WORKDIR
   */
  readonly workingDirectory?: string;

  /**
   * A health check run by ECS.
   *
   * @default none (the load balancer's health check, if any, still applies)
   */
  readonly healthCheck?: ecs.HealthCheck;

  /**
   * Whether the task stops when this container stops.
   *
   * @default true
   */
  readonly essential?: boolean;

  /**
   * Relaxations of the hardening defaults, each recorded with its reason in the template.
   *
   * @default none: every default applies
   */
  readonly exemptions?: ContainerExemptions;
}
