import { Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as ecsPatterns from 'aws-cdk-lib/aws-ecs-patterns';

/** Shared fixture builders for the service rule tests. */

export const IMAGE = 'public.ecr.aws/nginx/nginx:1.27';

/** A template with one AWS::ECS::Service (logical id `Service`) plus extra resources and parameters. */
export function serviceTemplate(properties: object, extra: object = {}, parameters: object = {}): object {
  return {
    Parameters: {
      PublicIp: { Type: 'String', Default: 'DISABLED' },
      NoDefault: { Type: 'String' },
      ...parameters,
    },
    Resources: {
      Service: { Type: 'AWS::ECS::Service', Properties: { TaskDefinition: 'app:1', ...properties } },
      ...extra,
    },
  };
}

/** A template with one AWS::ECS::TaskSet (logical id `TaskSet`). */
export function taskSetTemplate(properties: object, extra: object = {}): object {
  return {
    Parameters: { NoDefault: { Type: 'String' } },
    Resources: {
      TaskSet: { Type: 'AWS::ECS::TaskSet', Properties: { Cluster: 'prod', Service: 'web', TaskDefinition: 'app:1', ...properties } },
      ...extra,
    },
  };
}

/** The stock ecs-patterns service (ALB, Fargate, new VPC). */
export function albFargateService(
  stack: Stack,
  options: Partial<ecsPatterns.ApplicationLoadBalancedFargateServiceProps> = {},
): ecsPatterns.ApplicationLoadBalancedFargateService {
  return new ecsPatterns.ApplicationLoadBalancedFargateService(stack, 'Web', {
    taskImageOptions: { image: ecs.ContainerImage.fromRegistry(IMAGE) },
    ...options,
  });
}

/** A plain FargateService in a new cluster. */
export function fargateService(
  stack: Stack,
  options: Partial<ecs.FargateServiceProps> = {},
  clusterProps: ecs.ClusterProps = {},
): ecs.FargateService {
  const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 1 });
  const cluster = new ecs.Cluster(stack, 'Cluster', { vpc, ...clusterProps });
  const taskDefinition = new ecs.FargateTaskDefinition(stack, 'Task');
  taskDefinition.addContainer('app', { image: ecs.ContainerImage.fromRegistry(IMAGE) });
  return new ecs.FargateService(stack, 'Service', { cluster, taskDefinition, ...options });
}
