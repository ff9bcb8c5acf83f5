import { App, Stack } from 'aws-cdk-lib';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { Construct } from 'constructs';
import { FIXTURE_RULES } from './fixture-rules';
import { HardenedEcsChecks } from '../../../lib/checks/nag/hardened-ecs-checks';
import { Rule } from '../../../lib/checks/rule';

/** The real pack, drawing on the fixture catalogue instead of the shipped rules. */
export class FixtureChecks extends HardenedEcsChecks {
  protected _catalogue(): readonly Rule[] {
    return FIXTURE_RULES;
  }
}

/** A Fargate task definition (awsvpc) with one container named `containerName`. */
export function fargateTask(scope: Construct, id: string, containerName = 'web', readonlyRootFilesystem?: boolean): ecs.FargateTaskDefinition {
  const task = new ecs.FargateTaskDefinition(scope, id);
  task.addContainer(containerName, { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27'), readonlyRootFilesystem });
  return task;
}

/** A bridge-mode EC2 task definition: fails the resource-level TX-02. */
export function bridgeTask(scope: Construct, id: string): ecs.Ec2TaskDefinition {
  const task = new ecs.Ec2TaskDefinition(scope, id, { networkMode: ecs.NetworkMode.BRIDGE });
  task.addContainer('app', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27'), memoryLimitMiB: 256, readonlyRootFilesystem: true });
  return task;
}

export function newStack(id = 'S', app = new App()): Stack {
  return new Stack(app, id);
}

export function ruleNames(report: { violations: ReadonlyArray<{ ruleName: string }> }): string[] {
  return report.violations.map((v) => v.ruleName).sort();
}
