import { isOpaque } from '../../../model/opaque';
import { property, recordValue, stringValue } from '../../../model/values';
import { Rule, fail, notApplicable, pass, unverified } from '../../../rule';

/** CP-01: an Auto Scaling group capacity provider has managed termination protection, backed by managed scaling. */
export const terminationProtection: Rule = {
  id: 'CP-01',
  name: 'termination-protection',
  title: 'Capacity provider has managed termination protection with managed scaling',
  severity: 'low',
  rationale:
    'Without managed termination protection, an Auto Scaling scale-in can terminate EC2 instances that still run tasks, ' +
    'killing them without draining. The protection only works when managed scaling is on as well, so both are required. ' +
    'An absent ManagedTerminationProtection means DISABLED.',
  fix:
    'Set `AutoScalingGroupProvider.ManagedTerminationProtection: ENABLED` and `ManagedScaling.Status: ENABLED` on the ' +
    'AWS::ECS::CapacityProvider (and scale-in protection on the Auto Scaling group); in aws-cdk-lib keep the ' +
    'ecs.AsgCapacityProvider defaults `enableManagedTerminationProtection: true` and `enableManagedScaling: true`.',
  applicability: { os: ['linux', 'windows'], launchTypes: ['EC2'] },
  resourceTypes: ['AWS::ECS::CapacityProvider'],
  compliance: {
    securityHub: ['ECS.19'],
    configRules: ['ecs-capacity-provider-termination-check'],
  },
  enabledByDefault: true,

  evaluate(properties) {
    const provider = recordValue(property(properties, 'AutoScalingGroupProvider'));
    if (isOpaque(provider)) {
      return [unverified('', `AutoScalingGroupProvider is ${provider.display}, which cannot be resolved: ${provider.details.reason ?? 'unknown value'}.`)];
    }
    if (!provider) {
      return [notApplicable('', 'The capacity provider has no Auto Scaling group (e.g. Managed Instances), so there are no instances for ECS to protect from scale-in.')];
    }
    const protection = stringValue(property(provider, 'ManagedTerminationProtection')) ?? 'DISABLED';
    if (isOpaque(protection)) {
      return [unverified('', `ManagedTerminationProtection is ${protection.display}, which cannot be resolved: ${protection.details.reason ?? 'unknown value'}.`)];
    }
    if (protection.toUpperCase() !== 'ENABLED') {
      return [fail('', `ManagedTerminationProtection is ${protection}, so scale-in can terminate instances that run tasks.`)];
    }
    const scaling = recordValue(property(provider, 'ManagedScaling'));
    const status = isOpaque(scaling) ? scaling : stringValue(scaling && property(scaling, 'Status'));
    if (isOpaque(status)) {
      return [unverified('', `Managed scaling is ${status.display}, which cannot be resolved: ${status.details.reason ?? 'unknown value'}.`)];
    }
    if (status?.toUpperCase() !== 'ENABLED') {
      return [fail('', `Managed termination protection is on but ManagedScaling.Status is ${status ?? 'not set'}; the protection does not work without managed scaling.`)];
    }
    return [pass('', 'Managed termination protection and managed scaling are enabled.')];
  },
};
