/** Prefix of the granular key under which the pack reports outcomes it could not verify. */
export const UNVERIFIED_PREFIX = 'Unverified';

/**
 * The granular key the cdk-nag pack reports for an outcome it could not verify:
 * `Unverified::Container::web` for a keyed outcome, `Unverified` for a resource-level one.
 * Kept apart from the failure key so that acknowledging a failure never hides a "cannot verify",
 * and the other way round.
 */
export function unverifiedKey(key: string): string {
  return key ? `${UNVERIFIED_PREFIX}::${key}` : UNVERIFIED_PREFIX;
}
