import { Severity } from './rule';

/**
 * Two-level view of severities, shared by the CLI (`--fail-on error|warning`) and the cdk-nag
 * pack (NagMessageLevel ERROR/WARN). In cdk-nag v3 both levels fail synth; the level only says
 * how urgent the finding is.
 */
export type Level = 'error' | 'warning';

export function levelOf(severity: Severity): Level {
  return severity === 'critical' || severity === 'high' || severity === 'medium' ? 'error' : 'warning';
}
