/**
 * Tunables shared by every front door. Defaults are the strict, documented behaviour;
 * each option exists because a real deployment has a legitimate reason to differ.
 */
export interface CheckOptions {
  /** LOG-01: minimum CloudWatch Logs retention in days (Security Hub CloudWatch.16 uses 365). */
  readonly minLogRetentionDays: number;
  /** LOG-01: whether a log group without `RetentionInDays` (never expires) fails. */
  readonly failOnMissingRetention: boolean;
  /** IAM-01: also require confused-deputy conditions on execution roles (AWS documents them for task roles). */
  readonly requireExecutionRoleTrustConditions: boolean;
  /** TD-14 / TD-15: extra environment variable names that must never hold plain values. */
  readonly extraCredentialNames: readonly string[];
  /** TD-26: allowed image registries (host names). Empty means "any registry, but credentials must be a secret". */
  readonly allowedRegistries: readonly string[];
  /** SVC-03: platform versions accepted besides LATEST, per OS. */
  readonly latestPlatformVersions: { readonly linux: string; readonly windows: string };
  /**
   * TAG-01: tag keys every ECS service, cluster and task definition must carry (matched case-sensitively,
   * as AWS tag keys are). Empty means the rule has nothing to require and does not apply.
   */
  readonly requiredTags: readonly string[];
  /**
   * TD-13: on Fargate, accept the task-level `Memory` as the hard limit for containers without their own
   * `Memory` (Fargate enforces it for the whole task; Control Tower CT.ECS.PR.7 and the Config rule do not accept it).
   */
  readonly fargateTaskMemoryCountsAsLimit: boolean;
}

export const DEFAULT_CHECK_OPTIONS: CheckOptions = {
  minLogRetentionDays: 365,
  failOnMissingRetention: true,
  requireExecutionRoleTrustConditions: false,
  extraCredentialNames: [],
  allowedRegistries: [],
  latestPlatformVersions: { linux: '1.4.0', windows: '1.0.0' },
  requiredTags: [],
  fargateTaskMemoryCountsAsLimit: false,
};

export function withDefaults(options: Partial<CheckOptions> = {}): CheckOptions {
  return { ...DEFAULT_CHECK_OPTIONS, ...dropUndefined(options) };
}

function dropUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
