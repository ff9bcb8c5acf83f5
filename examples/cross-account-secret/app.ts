/**
 * A service that reads its database password from a Secrets Manager secret owned by another
 * AWS account (a shared-services account), encrypted with that account's customer managed key.
 *
 * Reading a secret across accounts needs statements on both sides:
 * - in this account, on the service's execution role: secretsmanager:GetSecretValue on the exact
 *   secret ARN and kms:Decrypt on the key via Secrets Manager (added by cdk-hardened-ecs);
 * - in the owner account: a statement in the secret's resource policy and one in the key policy,
 *   naming this service's execution role. cdk-hardened-ecs cannot edit the other account, so it
 *   prints both statements as stack outputs (`...CrossAccountSecret1ResourcePolicyStatement`,
 *   `...CrossAccountSecret1KeyPolicyStatement`) for the owner account's team to add.
 *
 * The cross-account read is an explicit opt-in (`crossAccount`): without it, a secret whose ARN
 * names another account fails synth instead of failing at task start with AccessDenied.
 */
import { App, Stack, StackProps } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecr from 'aws-cdk-lib/aws-ecr';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { ContainerSecret, HardenedFargateService, HardenedImage } from 'cdk-hardened-ecs';

/** The account this service is deployed to. */
const SERVICE_ENV = { account: '111111111111', region: 'eu-west-1' };

/** The shared-services account that owns the database credentials and the key encrypting them. */
const SECRETS_ACCOUNT = '222222222222';

export class CrossAccountSecretStack extends Stack {
  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);

    const vpc = new ec2.Vpc(this, 'Vpc', {
      availabilityZones: ['eu-west-1a', 'eu-west-1b'],
      natGateways: 1,
    });

    // Import the secret by its COMPLETE ARN (with the 6-character suffix) together with its key:
    // a name or partial ARN would be rejected at synth, and without the key the task could not
    // decrypt the value.
    const dbCredentials = secretsmanager.Secret.fromSecretAttributes(this, 'SharedDbCredentials', {
      secretCompleteArn: `arn:aws:secretsmanager:eu-west-1:${SECRETS_ACCOUNT}:secret:shared/orders-db-AbCdEf`,
      encryptionKey: kms.Key.fromKeyArn(this, 'SharedSecretsKey',
        `arn:aws:kms:eu-west-1:${SECRETS_ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`),
    });

    new HardenedFargateService(this, 'Reporting', {
      vpc,
      // The secret owner's policies name this role, so its name is fixed before the first deployment.
      executionRoleName: 'reporting-task-execution',
      container: {
        // Pinned by digest: the repository is imported, so the template cannot show whether its tags are immutable.
        image: HardenedImage.fromEcrRepository(
          ecr.Repository.fromRepositoryName(this, 'ReportingRepository', 'reporting'),
          'sha256:9b2f6c1d4e8a7b3c5d0e1f2a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e',
        ),
        user: '1000:1000',
        secrets: {
          DB_PASSWORD: ContainerSecret.fromSecretsManager(dbCredentials, {
            field: 'password',
            crossAccount: { ownerAccount: SECRETS_ACCOUNT },
          }),
        },
      },
    });
  }
}

// The VPC's availability zones are given as context, so `cdk synth` needs no AWS credentials for
// the lookup (in a real project, `cdk.context.json` holds them after the first synth).
const app = new App({
  context: {
    [`availability-zones:account=${SERVICE_ENV.account}:region=${SERVICE_ENV.region}`]: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'],
  },
});
new CrossAccountSecretStack(app, 'CrossAccountSecretStack', { env: SERVICE_ENV });
app.synth();
