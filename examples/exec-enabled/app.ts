/**
 * A service with ECS Exec turned on, and everything that must come with it:
 *
 * - the cluster's execute-command configuration encrypts sessions with a customer managed key and
 *   sends session output to an encrypted log group with finite retention (HardenedCluster with
 *   `allowExecuteCommand: true`);
 * - the service records why Exec is on (`enableExecuteCommand` takes an Exemption, written to the
 *   template metadata for auditors);
 * - the SSM agent's paths (/managed-agents, /var/lib/amazon/ssm, /var/log/amazon/ssm) are made
 *   writable, so the root filesystem stays read-only;
 * - the task role gets exactly the ECS Exec actions: the four ssmmessages channel actions (no
 *   resource scope exists for them), kms:Decrypt on the session key, and log delivery to the
 *   session log group.
 *
 * Start a session with:
 *   aws ecs execute-command --cluster <cluster> --task <task-id> --container app --interactive --command /bin/sh
 */
import { App, Stack, StackProps } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecr from 'aws-cdk-lib/aws-ecr';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { HardenedCluster, HardenedFargateService, HardenedImage } from 'cdk-hardened-ecs';

export class ExecEnabledStack extends Stack {
  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);

    const vpc = new ec2.Vpc(this, 'Vpc', { availabilityZones: ['eu-west-1a', 'eu-west-1b'], natGateways: 1 });
    const cluster = new HardenedCluster(this, 'Cluster', {
      vpc,
      allowExecuteCommand: true,
      executeCommandLogRetention: logs.RetentionDays.ONE_YEAR,
    });

    const repository = ecr.Repository.fromRepositoryName(this, 'Repository', 'orders-api');
    new HardenedFargateService(this, 'Orders', {
      cluster: cluster.cluster,
      container: {
        image: HardenedImage.fromEcrRepository(repository, 'sha256:9c8b7a6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e0f9a8b'),
        user: '10001:10001',
        writablePaths: [{ containerPath: '/tmp' }],
      },
      enableExecuteCommand: {
        reason: 'On-call break-glass shell for the orders service; sessions are encrypted and logged (SEC-2041)',
      },
    });
  }
}

// The VPC's availability zones are given as context, so `cdk synth` needs no AWS credentials for
// the lookup (in a real project, `cdk.context.json` holds them after the first synth).
const app = new App({
  context: { 'availability-zones:account=111111111111:region=eu-west-1': ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'] },
});
new ExecEnabledStack(app, 'ExecEnabledStack', { env: { account: '111111111111', region: 'eu-west-1' } });
app.synth();
