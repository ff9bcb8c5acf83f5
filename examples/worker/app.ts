/**
 * A queue worker without a load balancer: it long-polls an SQS queue and writes results to a
 * DynamoDB table. Its image is built from `./image` as a CDK asset, so the Dockerfile's ENV/ARG
 * lines are scanned for credentials at synth.
 *
 * Without a load balancer the tasks' security group has no ingress at all; the tasks only reach
 * out (to SQS, DynamoDB, ECR and CloudWatch Logs) from private subnets.
 */
import * as path from 'path';
import { App, Duration, Stack, StackProps } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { HardenedCluster, HardenedFargateService, HardenedImage } from 'cdk-hardened-ecs';

export class WorkerStack extends Stack {
  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);

    const vpc = new ec2.Vpc(this, 'Vpc', { availabilityZones: ['eu-west-1a', 'eu-west-1b'], natGateways: 1 });
    const cluster = new HardenedCluster(this, 'Cluster', { vpc });

    const deadLetters = new sqs.Queue(this, 'JobsDeadLetters', {
      encryption: sqs.QueueEncryption.SQS_MANAGED, enforceSSL: true, retentionPeriod: Duration.days(14),
    });
    const jobs = new sqs.Queue(this, 'Jobs', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      visibilityTimeout: Duration.seconds(120),
      deadLetterQueue: { queue: deadLetters, maxReceiveCount: 5 },
    });
    const results = new dynamodb.Table(this, 'Results', {
      partitionKey: { name: 'jobId', type: dynamodb.AttributeType.STRING },
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
    });

    const worker = new HardenedFargateService(this, 'Worker', {
      cluster: cluster.cluster,
      desiredCount: 2,
      container: {
        image: HardenedImage.fromAsset(path.join(__dirname, 'image')),
        user: '10001:10001',
        environment: {
          QUEUE_URL: jobs.queueUrl,
          RESULTS_TABLE: results.tableName,
          POLL_WAIT_SECONDS: '20',
        },
        // Node writes nothing to disk except temporary files.
        writablePaths: [{ containerPath: '/tmp', sizeMiB: 32 }],
      },
    });

    // Exactly what the worker does: consume jobs, record results.
    worker.taskRole.addToPrincipalPolicy(new iam.PolicyStatement({
      sid: 'ConsumeJobs',
      actions: ['sqs:ReceiveMessage', 'sqs:DeleteMessage', 'sqs:ChangeMessageVisibility', 'sqs:GetQueueAttributes'],
      resources: [jobs.queueArn],
    }));
    worker.taskRole.addToPrincipalPolicy(new iam.PolicyStatement({
      sid: 'RecordResults',
      actions: ['dynamodb:PutItem', 'dynamodb:UpdateItem'],
      resources: [results.tableArn],
    }));
  }
}

// The VPC's availability zones are given as context, so `cdk synth` needs no AWS credentials for
// the lookup (in a real project, `cdk.context.json` holds them after the first synth).
const app = new App({
  context: { 'availability-zones:account=111111111111:region=eu-west-1': ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'] },
});
new WorkerStack(app, 'WorkerStack', { env: { account: '111111111111', region: 'eu-west-1' } });
app.synth();
