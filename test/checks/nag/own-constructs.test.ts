import { App, Stack, Validations } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecr from 'aws-cdk-lib/aws-ecr';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { HardenedEcsChecks } from '../../../lib/checks/nag/hardened-ecs-checks';
import { HardenedContainerOptions } from '../../../lib/container/hardened-container-options';
import { HardenedImage } from '../../../lib/container/hardened-image';
import { HardenedFargateService } from '../../../lib/service/hardened-fargate-service';

/**
 * The pack and the constructs meet here: a default HardenedFargateService has no findings, and an
 * exemption granted through a construct option acknowledges exactly the finding it causes, with
 * the same id the pack reports.
 */

function serviceStack(overrides: Partial<HardenedContainerOptions> = {}): Stack {
  const app = new App();
  const stack = new Stack(app, 'Ours', { env: { account: '111111111111', region: 'eu-west-1' } });
  const vpc = new ec2.Vpc(stack, 'Vpc', { natGateways: 1, maxAzs: 2 });
  const repository = ecr.Repository.fromRepositoryName(stack, 'Repo', 'payments');
  new HardenedFargateService(stack, 'Api', {
    vpc,
    containerName: 'api',
    container: { image: HardenedImage.fromEcrRepository(repository, 'sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa'), user: '1000:1000', portMappings: [{ containerPort: 8080 }], ...overrides },
  });
  app.synth(); // run aspects, as `cdk synth` would
  return stack;
}

test('a default HardenedFargateService has zero findings from the pack', () => {
  expect(new HardenedEcsChecks().validateScope(serviceStack()).violations).toEqual([]);
});

test('an exemption given to the construct acknowledges exactly the matching finding', () => {
  const stack = serviceStack({ exemptions: { allowWritableRootFilesystem: { reason: 'Legacy image writes to /app/cache; SEC-123, until 2027-01' } } });
  const taskDefinition = stack.node.findAll().find((c) => c instanceof ecs.CfnTaskDefinition) as ecs.CfnTaskDefinition;
  // The template really is writable, so TD-02 fails on it...
  const containers = Template.fromStack(stack).findResources('AWS::ECS::TaskDefinition');
  expect(Object.values(containers).map((r: any) => r.Properties.ContainerDefinitions[0].ReadonlyRootFilesystem)).toEqual([false]);
  // ...the construct acknowledged the exact id the pack reports for it...
  const acknowledged = taskDefinition.node.metadata
    .filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
    .flatMap((entry) => Object.keys(entry.data));
  expect(acknowledged).toContain('Annotation::HardenedECS-TD-02[Container::api]');
  // ...so the pack reports nothing.
  expect(new HardenedEcsChecks().validateScope(stack).violations).toEqual([]);
});
