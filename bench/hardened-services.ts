// The same web services as stock-services.ts, written with this library: what adopting it costs at synth time.
import { Stack } from 'aws-cdk-lib';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { BENCH_IMAGE } from './bench-image';
import { HardenedCluster } from '../lib/cluster/hardened-cluster';
import { HardenedImage } from '../lib/container/hardened-image';
import { ContainerSecret } from '../lib/secrets/container-secret';
import { HardenedFargateService } from '../lib/service/hardened-fargate-service';

/** Adds `count` services to `stack`, sharing one VPC and one HardenedCluster, as the stock pattern shares its defaults. */
export function addHardenedServices(stack: Stack, count: number): void {
  const vpc = new ec2.Vpc(stack, 'Vpc');
  const { cluster } = new HardenedCluster(stack, 'Cluster', { vpc });
  const certificate = acm.Certificate.fromCertificateArn(
    stack,
    'Certificate',
    stack.formatArn({ service: 'acm', resource: 'certificate', resourceName: '00000000-0000-0000-0000-000000000000' }),
  );
  for (let i = 0; i < count; i++) {
    const secret = new secretsmanager.Secret(stack, `Secret${i}`);
    new HardenedFargateService(stack, `Service${i}`, {
      cluster,
      container: {
        image: HardenedImage.fromRegistry(BENCH_IMAGE),
        user: '101:101',
        secrets: { DB_PASSWORD: ContainerSecret.fromSecretsManager(secret) },
        portMappings: [{ containerPort: 8080 }],
      },
      loadBalancer: { certificate, containerPort: 8080 },
    });
  }
}
