import { RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';

/** Construct id of the key, at the root of its stack. */
export const STACK_LOG_KEY_ID = 'HardenedEcsLogKey';

/**
 * The customer managed key that encrypts the log groups of the hardened services of one stack,
 * created with the first of them.
 *
 * One key per stack, not one per service: the key-policy statement CloudWatch Logs needs names no
 * particular log group (a generated log group name cannot be referenced from the key policy
 * without a dependency cycle), so dedicated keys would protect nothing more, while each costs a
 * monthly fee, a key policy and synthesis work. A service that needs its own key passes one.
 */
export function stackLogKey(scope: Construct): kms.IKey {
  const stack = Stack.of(scope);
  const existing = stack.node.tryFindChild(STACK_LOG_KEY_ID);
  if (existing !== undefined) {
    if (existing instanceof kms.Key) return existing;
    throw new Error(
      `${scope.node.path}: the stack ${stack.node.path} already has a construct with the id '${STACK_LOG_KEY_ID}' that is not a KMS key, ` +
        'so the stack\'s shared log key cannot be created. Fix: rename that construct, or pass logEncryptionKey.',
    );
  }
  // EncryptedLogGroup adds the key-policy statement for CloudWatch Logs (once: identical statements merge).
  return new kms.Key(stack, STACK_LOG_KEY_ID, {
    description: `Encrypts the CloudWatch Logs log groups of the hardened ECS services of ${stack.node.path}`,
    enableKeyRotation: true,
    // Log events stay encrypted under this key until their retention ends: it must outlive them.
    removalPolicy: RemovalPolicy.RETAIN,
  });
}
