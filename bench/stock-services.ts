// The stock aws-cdk-lib way of writing a web service with one secret: the baseline both benchmarks measure.
import { Stack } from 'aws-cdk-lib';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { ApplicationLoadBalancedFargateService } from 'aws-cdk-lib/aws-ecs-patterns';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { BENCH_IMAGE } from './bench-image';

/** Adds `count` services to `stack`; they share the stack's default VPC and cluster, as the pattern does. */
export function addStockServices(stack: Stack, count: number): void {
  for (let i = 0; i < count; i++) {
    const secret = new secretsmanager.Secret(stack, `Secret${i}`);
    new ApplicationLoadBalancedFargateService(stack, `Service${i}`, {
      taskImageOptions: {
        image: ecs.ContainerImage.fromRegistry(BENCH_IMAGE),
        secrets: { DB_PASSWORD: ecs.Secret.fromSecretsManager(secret) },
      },
    });
  }
}
