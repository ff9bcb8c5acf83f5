import { Opaque, isOpaque } from './opaque';
import { property, recordValue } from './values';

/**
 * The awsvpc settings of a service or task set. CloudFormation spells the key
 * `AwsvpcConfiguration` on AWS::ECS::Service and `AwsVpcConfiguration` (capital V) on
 * AWS::ECS::TaskSet; both spellings are accepted on both types, because hand-written templates
 * and converters mix them up and CloudFormation's own casing differs between the two.
 *
 * Returns `undefined` when there is no network configuration (bridge/host mode on EC2).
 */
export function awsvpcConfiguration(properties: Record<string, unknown>): Record<string, unknown> | Opaque | undefined {
  const network = recordValue(property(properties, 'NetworkConfiguration'));
  if (network === undefined || isOpaque(network)) return network;
  // `property` matches keys case-insensitively, which covers both spellings.
  return recordValue(property(network, 'AwsvpcConfiguration'));
}
