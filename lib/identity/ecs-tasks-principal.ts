import { Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { IConstruct } from 'constructs';

/** The service principal that assumes both the task role and the task execution role. */
export const ECS_TASKS_SERVICE = 'ecs-tasks.amazonaws.com';

/** Which confused-deputy conditions to attach to the `ecs-tasks` trust statement. */
export type EcsTrustConditions = 'none' | 'sourceAccount' | 'sourceAccountAndArn';

/**
 * The `ecs-tasks.amazonaws.com` principal, conditioned on the stack's own account (and ECS
 * resources in the stack's region) so that no other account's tasks can assume the role.
 *
 * `aws:SourceArn` is the task ARN and cannot be narrowed to one cluster, hence the `:*`.
 * For an environment-agnostic stack, account/region/partition are the pseudo parameters
 * (`AWS::AccountId`, `AWS::Region`, `AWS::Partition`), so the conditions stay correct wherever
 * the template is deployed.
 */
export function ecsTasksPrincipal(scope: IConstruct, conditions: EcsTrustConditions): iam.IPrincipal {
  const principal = new iam.ServicePrincipal(ECS_TASKS_SERVICE);
  if (conditions === 'none') {
    return principal;
  }
  const stack = Stack.of(scope);
  const sourceAccount = { StringEquals: { 'aws:SourceAccount': stack.account } };
  if (conditions === 'sourceAccount') {
    return principal.withConditions(sourceAccount);
  }
  return principal.withConditions({
    ...sourceAccount,
    ArnLike: { 'aws:SourceArn': ecsSourceArnPattern(scope) },
  });
}

/** `arn:<partition>:ecs:<region>:<account>:*` for the stack of `scope`. */
export function ecsSourceArnPattern(scope: IConstruct): string {
  const stack = Stack.of(scope);
  return `arn:${stack.partition}:ecs:${stack.region}:${stack.account}:*`;
}
