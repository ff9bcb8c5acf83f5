import { awsvpcConfiguration } from '../../../model/awsvpc-configuration';
import { isOpaque } from '../../../model/opaque';
import { property, stringValue } from '../../../model/values';
import { Outcome, fail, pass, unverified } from '../../../rule';

/**
 * The shared judgment of SVC-01 (services) and SVC-02 (task sets): `AssignPublicIp` is not
 * ENABLED. Absent means DISABLED.
 */
export function publicIpOutcome(properties: Record<string, unknown>, subject: string): Outcome {
  const vpc = awsvpcConfiguration(properties);
  if (isOpaque(vpc)) {
    return unverified('', `The ${subject}'s awsvpc configuration is ${vpc.display}, which cannot be resolved: ${vpc.details.reason ?? 'unknown value'}.`);
  }
  const assign = vpc ? stringValue(property(vpc, 'AssignPublicIp')) : undefined;
  if (isOpaque(assign)) {
    return unverified('', `AssignPublicIp is ${assign.display}, which cannot be resolved: ${assign.details.reason ?? 'unknown value'}.`);
  }
  if (assign?.toUpperCase() === 'ENABLED') {
    return fail('', `The ${subject}'s tasks get a public IP address (AssignPublicIp is ENABLED).`);
  }
  return pass('', assign ? `AssignPublicIp is ${assign}.` : 'AssignPublicIp is not set, which means DISABLED.');
}
