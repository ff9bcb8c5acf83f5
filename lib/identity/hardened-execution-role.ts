import { Annotations, CfnOutput, CfnResource, Stack } from 'aws-cdk-lib';
import * as ecr from 'aws-cdk-lib/aws-ecr';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct, IConstruct } from 'constructs';
import { ecsTasksPrincipal, EcsTrustConditions } from './ecs-tasks-principal';
import { ExecutionRoleTrust } from './execution-role-trust';
import { RoleGuard } from './role-guard';
import { Exemption, recordExemption } from '../audit/exemption';
import { ContainerSecret, ISecretReader } from '../secrets/container-secret';

/** Properties of a {@link HardenedExecutionRole}. */
export interface HardenedExecutionRoleProps {
  /**
   * Confused-deputy conditions on the trust policy. AWS documents the execution role's trust
   * policy without conditions, so that is the default; the conditioned variants are opt-in
   * until verified by a deployment in your account (see docs/identity.md).
   *
   * @default ExecutionRoleTrust.SERVICE_PRINCIPAL_ONLY
   */
  readonly trustConditions?: ExecutionRoleTrust;

  /**
   * A description for the IAM role.
   *
   * @default - a description naming the construct path
   */
  readonly description?: string;
}

/** ECR actions needed to pull an image; all of them support repository-level resources. */
const ECR_PULL_ACTIONS = ['ecr:BatchCheckLayerAvailability', 'ecr:GetDownloadUrlForLayer', 'ecr:BatchGetImage'];

/** The GuardDuty Runtime Monitoring sidecar is pulled from a GuardDuty-owned repository in each region. */
const GUARDDUTY_AGENT_REPOSITORY = 'aws-guardduty-agent-fargate';

const AUTHORIZATION_TOKEN_SID = 'EcrGetAuthorizationTokenHasNoResourceScope';
const GUARDDUTY_SID = 'GuardDutyRuntimeMonitoringAgentPull';

const TRUST_CONDITIONS: Record<ExecutionRoleTrust, EcsTrustConditions> = {
  [ExecutionRoleTrust.SERVICE_PRINCIPAL_ONLY]: 'none',
  [ExecutionRoleTrust.SOURCE_ACCOUNT]: 'sourceAccount',
  [ExecutionRoleTrust.SOURCE_ACCOUNT_AND_ARN]: 'sourceAccountAndArn',
};

/**
 * The task execution role of one service: the identity the ECS/Fargate agent uses to pull the
 * image, deliver logs and inject secrets, with exactly those permissions on exactly those
 * resources.
 *
 * - ECR pull actions only on the image's repository, plus `ecr:GetAuthorizationToken` on `*`
 *   (the only `*`: that action has no resource scope).
 * - `logs:CreateLogStream` / `logs:PutLogEvents` only on the service's log group.
 * - `secretsmanager:GetSecretValue` / `ssm:GetParameters` only on the referenced ARNs, and
 *   `kms:Decrypt` on their customer managed keys conditioned on `kms:ViaService`.
 * - Never `AmazonECSTaskExecutionRolePolicy`, never shared between services, never the task role.
 *
 * Hand the role to ECS through its immutable view, so that aws-cdk-lib's own broad grants
 * (DescribeSecret, GetParameterHistory, key-policy edits) are dropped; this class adds the exact
 * statements itself.
 */
export class HardenedExecutionRole extends Construct implements ISecretReader {
  /** The IAM role. Add statements through the `grant*` methods of this class. */
  public readonly role: iam.IRole;

  /**
   * A view of the role that ignores policy additions, for `ecs.TaskDefinitionProps.executionRole`:
   * aws-cdk-lib grants made through it are dropped.
   *
   * @internal
   */
  public readonly _immutableRole: iam.IRole;

  private readonly mutableRole: iam.Role;
  private readonly guard: RoleGuard;
  private consumer?: IConstruct;
  private authorizationTokenGranted = false;
  private readonly secretsGranted = new Set<ContainerSecret>();
  private crossAccountOutputs = 0;

  constructor(scope: Construct, id: string, props: HardenedExecutionRoleProps = {}) {
    super(scope, id);
    const trust = props.trustConditions ?? ExecutionRoleTrust.SERVICE_PRINCIPAL_ONLY;
    this.mutableRole = new iam.Role(this, 'Resource', {
      assumedBy: ecsTasksPrincipal(this, TRUST_CONDITIONS[trust]),
      description: props.description ?? `ECS task execution role of ${this.node.path} (cdk-hardened-ecs)`,
    });
    this.role = this.mutableRole;
    this.guard = new RoleGuard(this, this.mutableRole, 'execution');
    this._immutableRole = this.mutableRole.withoutPolicyUpdates();
  }

  /** The ARN of the role. */
  public get roleArn(): string {
    return this.mutableRole.roleArn;
  }

  /**
   * Allows pulling images from `repository` only: the three ECR pull actions on the repository
   * ARN, plus `ecr:GetAuthorizationToken` on `*`, which has no resource-level scope.
   */
  public grantImagePull(repository: ecr.IRepository): void {
    this.grantAuthorizationToken();
    this.mutableRole.addToPrincipalPolicy(new iam.PolicyStatement({
      actions: ECR_PULL_ACTIONS,
      resources: [repository.repositoryArn],
    }));
  }

  /** Allows the `awslogs` driver to create streams and put events in `logGroup` only. */
  public grantLogDelivery(logGroup: logs.ILogGroup): void {
    this.mutableRole.addToPrincipalPolicy(new iam.PolicyStatement({
      actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
      resources: [logGroup.logGroupArn],
    }));
  }

  /**
   * Allows ECS to inject `secret`: `secretsmanager:GetSecretValue` or `ssm:GetParameters` on its
   * exact ARN, and `kms:Decrypt` on its customer managed key via that service only. For an
   * opted-in cross-account secret, also emits stack outputs with the statements the owner
   * account must add.
   */
  public grantSecretRead(secret: ContainerSecret): void {
    if (this.secretsGranted.has(secret)) return;
    this.secretsGranted.add(secret);
    const grant = secret._grantFor(this, this.mutableRole.roleArn);
    for (const statement of grant.statements) {
      this.mutableRole.addToPrincipalPolicy(statement);
    }
    for (const warning of grant.warnings) {
      Annotations.of(this).addWarningV2('cdk-hardened-ecs:secret-account-unverified', warning);
    }
    if (grant.ownerAccount) {
      const n = ++this.crossAccountOutputs;
      const stack = Stack.of(this);
      const where = `secret ${grant.ownerAccount.secretArn} in account ${grant.ownerAccount.account}`;
      new CfnOutput(this, `CrossAccountSecret${n}ResourcePolicyStatement`, {
        description: `Add this statement to the resource policy of ${where}`.slice(0, 1024),
        value: stack.toJsonString(grant.ownerAccount.statements.secretResourcePolicy),
      });
      new CfnOutput(this, `CrossAccountSecret${n}KeyPolicyStatement`, {
        description: `Add this statement to the key policy of the KMS key that encrypts ${where}`.slice(0, 1024),
        value: stack.toJsonString(grant.ownerAccount.statements.keyPolicy),
      });
    }
  }

  /**
   * Allows pulling the GuardDuty Runtime Monitoring sidecar image. GuardDuty owns that repository
   * in a different AWS account per region, so the resource uses an account wildcard
   * (`arn:<partition>:ecr:<region>:*:repository/aws-guardduty-agent-fargate`): that is a
   * relaxation, recorded with the given exemption.
   */
  public grantGuardDutyAgentPull(exemption: Exemption): void {
    const stack = Stack.of(this);
    this.grantAuthorizationToken();
    this.mutableRole.addToPrincipalPolicy(new iam.PolicyStatement({
      sid: GUARDDUTY_SID,
      actions: ECR_PULL_ACTIONS,
      resources: [`arn:${stack.partition}:ecr:${stack.region}:*:repository/${GUARDDUTY_AGENT_REPOSITORY}`],
    }));
    recordExemption(this.mutableRole.node.defaultChild as CfnResource, {
      option: 'grantGuardDutyAgentPull',
      ruleId: 'IAM-13',
    }, exemption);
    this.guard.accept({ sid: GUARDDUTY_SID, reason: exemption.reason }, 'grantGuardDutyAgentPull', true);
  }

  /**
   * Claims this role for one task definition and returns the immutable view to give ECS.
   * An execution role is never shared: a second, different consumer is an error.
   *
   * @internal
   */
  public _claimFor(consumer: IConstruct): iam.IRole {
    if (this.consumer && this.consumer !== consumer) {
      throw new Error(
        `${this.node.path}: this execution role is already used by ${this.consumer.node.path} and cannot also be used by ` +
          `${consumer.node.path}. Fix: create one HardenedExecutionRole per service, so each role holds only its own ` +
          'image, log group and secrets.',
      );
    }
    this.consumer = consumer;
    return this._immutableRole;
  }

  private grantAuthorizationToken(): void {
    if (this.authorizationTokenGranted) return;
    this.authorizationTokenGranted = true;
    this.guard.accept({
      sid: AUTHORIZATION_TOKEN_SID,
      reason: 'ecr:GetAuthorizationToken supports no resource-level permissions; AWS documents Resource "*" for it',
    }, 'grantImagePull', true);
    this.mutableRole.addToPrincipalPolicy(new iam.PolicyStatement({
      sid: AUTHORIZATION_TOKEN_SID,
      actions: ['ecr:GetAuthorizationToken'],
      resources: ['*'],
    }));
  }
}

