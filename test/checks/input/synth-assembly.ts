import { App, Stack, Stage } from 'aws-cdk-lib';
import * as ecs from 'aws-cdk-lib/aws-ecs';

/**
 * Synthesizes a small real cloud assembly into `outdir`: a top-level stack with a Fargate
 * task definition, and a Stage (a nested cloud assembly) holding a second stack.
 */
export function synthAssembly(outdir: string): void {
  const app = new App({ outdir, context: { 'aws:cdk:disable-creation-stack-traces': true } });
  const top = new Stack(app, 'TopStack');
  const taskDefinition = new ecs.FargateTaskDefinition(top, 'TaskDef');
  taskDefinition.addContainer('web', { image: ecs.ContainerImage.fromRegistry('nginx') });
  const stage = new Stage(app, 'Prod');
  const inner = new Stack(stage, 'Inner');
  new ecs.FargateTaskDefinition(inner, 'InnerTaskDef').addContainer('worker', { image: ecs.ContainerImage.fromRegistry('busybox') });
  app.synth();
}
