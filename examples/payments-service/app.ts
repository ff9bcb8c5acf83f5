/**
 * The audited payments service: an API behind an internet-facing HTTPS load balancer that keeps
 * receipts in S3, payments in DynamoDB, emits events to SQS, and reads three credentials:
 *
 * - DB_PASSWORD: the `password` field of a Secrets Manager secret encrypted with a customer
 *   managed key (created here);
 * - STRIPE_API_KEY: a Secrets Manager secret created out of band, imported by its complete ARN;
 * - FEATURE_FLAG_TOKEN: an SSM SecureString parameter encrypted with a customer managed key.
 *
 * Everything the auditor asks about is a default of HardenedFargateService: non-root read-only
 * containers, exact execution-role grants, encrypted logs with finite retention, private subnets,
 * circuit breaker with rollback, HTTPS only. The only thing written here is the application's own
 * access: specific actions on specific ARNs, no `*` (the one prefix pattern for generated receipt keys is
 * acknowledged with its reason, which the template records for the auditor).
 */
import { App, Duration, RemovalPolicy, Stack, StackProps } from 'aws-cdk-lib';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecr from 'aws-cdk-lib/aws-ecr';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import * as ssm from 'aws-cdk-lib/aws-ssm';
import { Construct } from 'constructs';
import { ContainerSecret, HardenedFargateService, HardenedImage } from 'cdk-hardened-ecs';

const ENV = { account: '111111111111', region: 'eu-west-1' };

/** The image, pinned by digest so every task runs exactly the audited build. */
const IMAGE_DIGEST = 'sha256:4f8c2d1e9b7a6c5d3e2f1a0b9c8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f3a2b1c0d';

/** Name of the DynamoDB global secondary index the service queries. */
const PAYMENTS_BY_CUSTOMER = 'by-customer';

export class PaymentsServiceStack extends Stack {
  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);

    const vpc = new ec2.Vpc(this, 'Vpc', { availabilityZones: ['eu-west-1a', 'eu-west-1b'], natGateways: 1 });

    // --- Data the service works with -------------------------------------------------------
    const receipts = new s3.Bucket(this, 'Receipts', {
      encryption: s3.BucketEncryption.S3_MANAGED,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      versioned: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const payments = new dynamodb.Table(this, 'Payments', {
      partitionKey: { name: 'paymentId', type: dynamodb.AttributeType.STRING },
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      encryption: dynamodb.TableEncryption.AWS_MANAGED,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
    });
    payments.addGlobalSecondaryIndex({
      indexName: PAYMENTS_BY_CUSTOMER,
      partitionKey: { name: 'customerId', type: dynamodb.AttributeType.STRING },
    });
    const events = new sqs.Queue(this, 'PaymentEvents', { encryption: sqs.QueueEncryption.SQS_MANAGED, enforceSSL: true });

    // Load balancer access logs (ELB log delivery supports SSE-S3 only).
    const accessLogs = new s3.Bucket(this, 'AccessLogs', {
      encryption: s3.BucketEncryption.S3_MANAGED,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      lifecycleRules: [{ expiration: Duration.days(365) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });

    // --- Credentials ----------------------------------------------------------------------
    const databaseKey = new kms.Key(this, 'DatabaseSecretKey', { enableKeyRotation: true });
    const databaseCredentials = new secretsmanager.Secret(this, 'DatabaseCredentials', {
      encryptionKey: databaseKey,
      generateSecretString: { secretStringTemplate: JSON.stringify({ username: 'payments' }), generateStringKey: 'password' },
    });
    // Rotated monthly by the AWS-hosted single-user rotation function, inside the VPC.
    databaseCredentials.addRotationSchedule('Rotation', {
      hostedRotation: secretsmanager.HostedRotation.postgreSqlSingleUser({
        vpc,
        vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
      }),
      automaticallyAfter: Duration.days(30),
    });
    // Created out of band by the payments team; imported by its COMPLETE ARN (with the suffix).
    const stripeApiKey = secretsmanager.Secret.fromSecretCompleteArn(this, 'StripeApiKey',
      'arn:aws:secretsmanager:eu-west-1:111111111111:secret:payments/stripe-api-key-AbCdEf');
    const featureFlagToken = ssm.StringParameter.fromSecureStringParameterAttributes(this, 'FeatureFlagToken', {
      parameterName: '/payments/feature-flag-token',
      encryptionKey: kms.Key.fromKeyArn(this, 'ParameterKey', 'arn:aws:kms:eu-west-1:111111111111:key/0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b'),
    });

    // --- The service ----------------------------------------------------------------------
    const repository = ecr.Repository.fromRepositoryName(this, 'Repository', 'payments-api');
    const service = new HardenedFargateService(this, 'Api', {
      vpc,
      cpu: 512,
      memoryLimitMiB: 1024,
      container: {
        image: HardenedImage.fromEcrRepository(repository, IMAGE_DIGEST),
        user: '10001:10001',
        portMappings: [{ containerPort: 8080 }],
        writablePaths: [{ containerPath: '/tmp', sizeMiB: 64 }],
        environment: {
          LOG_LEVEL: 'info',
          RECEIPTS_BUCKET: receipts.bucketName,
          PAYMENTS_TABLE: payments.tableName,
          PAYMENT_EVENTS_QUEUE_URL: events.queueUrl,
          TOKEN_TTL_SECONDS: '300',
        },
        secrets: {
          DB_PASSWORD: ContainerSecret.fromSecretsManager(databaseCredentials, { field: 'password' }),
          STRIPE_API_KEY: ContainerSecret.fromSecretsManager(stripeApiKey),
          FEATURE_FLAG_TOKEN: ContainerSecret.fromSsmParameter(featureFlagToken),
        },
        healthCheck: { command: ['CMD', '/app/healthcheck'] },
      },
      loadBalancer: {
        certificate: acm.Certificate.fromCertificateArn(this, 'Certificate',
          'arn:aws:acm:eu-west-1:111111111111:certificate/5a6b7c8d-9e0f-1a2b-3c4d-5e6f7a8b9c0d'),
        internetFacing: true,
        healthCheck: { path: '/health' },
        accessLogsBucket: accessLogs,
        accessLogsPrefix: 'payments-api',
        deletionProtection: true,
      },
    });

    // --- The application's own access: specific actions on specific ARNs ---------------------
    // Written out rather than bucket.grantReadWrite(...) etc., which add wildcard actions
    // (s3:GetObject*, s3:List*, s3:Abort*) and actions this service does not use.
    service.taskRole.addToPrincipalPolicy(new iam.PolicyStatement({
      sid: 'ReceiptObjects',
      actions: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'],
      resources: [receipts.arnForObjects('receipts/*')],
    }));
    // Receipt object keys are generated per payment, so object access cannot name single objects: the
    // narrowest scope is this bucket's receipts/ prefix. (An audit run with the opt-in rule IAM-07 reports
    // that prefix wildcard; acknowledge it there with service.taskRole.acknowledgeStatement({ sid, ruleId, reason }).)
    service.taskRole.addToPrincipalPolicy(new iam.PolicyStatement({
      sid: 'ListReceipts',
      actions: ['s3:ListBucket'],
      resources: [receipts.bucketArn],
      conditions: { StringLike: { 's3:prefix': ['receipts/*'] } },
    }));
    service.taskRole.addToPrincipalPolicy(new iam.PolicyStatement({
      sid: 'PaymentsTable',
      actions: ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:Query'],
      resources: [payments.tableArn, `${payments.tableArn}/index/${PAYMENTS_BY_CUSTOMER}`],
    }));
    service.taskRole.addToPrincipalPolicy(new iam.PolicyStatement({
      sid: 'PaymentEvents',
      actions: ['sqs:SendMessage'],
      resources: [events.queueArn],
    }));
  }
}

// The VPC's availability zones are given as context, so `cdk synth` needs no AWS credentials for
// the lookup (in a real project, `cdk.context.json` holds them after the first synth).
const app = new App({
  context: { 'availability-zones:account=111111111111:region=eu-west-1': ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'] },
});
new PaymentsServiceStack(app, 'PaymentsServiceStack', { env: ENV });
app.synth();
