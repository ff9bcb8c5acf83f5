/**
 * Which confused-deputy conditions the task execution role's trust policy carries.
 *
 * The ECS developer guide documents `aws:SourceAccount` / `aws:SourceArn` conditions for the
 * *task* role trust policy, but documents the *execution* role trust policy without any
 * condition. A condition on a key that the service does not send makes role assumption fail
 * at task start, so the default follows the documentation and the conditions are opt-in.
 * See docs/identity.md for the reasoning.
 */
export enum ExecutionRoleTrust {
  /**
   * Trust `ecs-tasks.amazonaws.com` without conditions, exactly as the ECS developer guide
   * documents the task execution role. This is the default.
   */
  SERVICE_PRINCIPAL_ONLY = 'SERVICE_PRINCIPAL_ONLY',

  /**
   * Add `StringEquals aws:SourceAccount = <stack account>`. Not documented by AWS for the
   * execution role: verify with a deployment before relying on it.
   */
  SOURCE_ACCOUNT = 'SOURCE_ACCOUNT',

  /**
   * Add `StringEquals aws:SourceAccount = <stack account>` and
   * `ArnLike aws:SourceArn = arn:<partition>:ecs:<region>:<account>:*`, the same conditions as
   * the task role. Not documented by AWS for the execution role: verify with a deployment
   * before relying on it.
   */
  SOURCE_ACCOUNT_AND_ARN = 'SOURCE_ACCOUNT_AND_ARN',
}
