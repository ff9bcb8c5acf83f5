import { Opaque } from './opaque';
import { Outcome, unverified } from '../rule';

/** The standard "cannot verify" outcome for a property whose value is opaque: names the property, shows the value's display form and why. */
export function unresolvedOutcome(key: string, what: string, value: Opaque, container?: string): Outcome {
  return unverified(key, `${what} is ${value.display}, which cannot be resolved: ${value.details.reason ?? 'unknown value'}.`, container);
}
