import * as fs from 'fs';
import * as path from 'path';
import { App, CfnResource, Stack, Stage, Validations } from 'aws-cdk-lib';
import { FixtureChecks, bridgeTask, fargateTask, newStack } from './test-checks';

/**
 * The pack as CDK runs it: registered as a plugin, called after the templates are written, with
 * acknowledgments applied by both cdk-nag and CDK's report filter. Findings are read from
 * validation-report.json, which is what a pipeline sees.
 */

const previousValidation = process.env.CDK_VALIDATION;
beforeAll(() => {
  process.env.CDK_VALIDATION = 'false'; // leave out CDK's built-in CloudFormation-Validate plugin
});
afterAll(() => {
  if (previousValidation === undefined) delete process.env.CDK_VALIDATION;
  else process.env.CDK_VALIDATION = previousValidation;
});

function reportingApp(): App {
  return new App({ context: { '@aws-cdk/core:failSynthOnValidationErrors': false } });
}

/** `[ruleName, constructPaths]` of our plugin's violations in the synthesized report. */
function reported(app: App): Array<[string, string[]]> {
  const assembly = app.synth();
  const report = JSON.parse(fs.readFileSync(path.join(assembly.directory, 'validation-report.json'), 'utf8'));
  const ours = (report.pluginReports as any[]).filter((p) => p.pluginName === 'HardenedECS');
  expect(ours.length).toBeLessThanOrEqual(1);
  return (ours[0]?.violations ?? []).map((v: any): [string, string[]] => [v.ruleName, v.violatingConstructs.map((c: any) => c.constructPath).sort()]);
}

test('acknowledgments at L1, L2 and Stack level remove exactly the acknowledged findings', () => {
  const app = reportingApp();
  const reason = 'Legacy image writes to /tmp; SEC-123, until 2027-01';
  const l1 = newStack('L1', app);
  Validations.of(fargateTask(l1, 'Web').node.defaultChild!).acknowledge({ id: 'HardenedECS-TX-01[Container::web]', reason });
  fargateTask(l1, 'Api', 'api');
  const l2 = newStack('L2', app);
  Validations.of(fargateTask(l2, 'Web')).acknowledge({ id: 'HardenedECS-TX-01[Container::web]', reason });
  fargateTask(l2, 'Api', 'api');
  const wholeStack = newStack('Whole', app);
  fargateTask(wholeStack, 'Web');
  fargateTask(wholeStack, 'Api', 'api');
  Validations.of(wholeStack).acknowledge({ id: 'HardenedECS::HardenedECS-TX-01[Container::web]', reason });
  const unacknowledged = newStack('Plain', app);
  fargateTask(unacknowledged, 'Web');
  Validations.of(app).addPlugins(new FixtureChecks(app));

  expect(reported(app)).toEqual([
    ['HardenedECS-TX-01[Container::api]', ['L1/Api/Resource', 'L2/Api/Resource', 'Whole/Api/Resource']],
    ['HardenedECS-TX-01[Container::web]', ['Plain/Web/Resource']],
  ]);
});

test('an acknowledgment without a reason fails the report as HardenedECS-ACK', () => {
  const app = reportingApp();
  const stack = newStack('S', app);
  Validations.of(fargateTask(stack, 'Web')).acknowledge({ id: 'HardenedECS-TX-01[Container::web]', reason: ' ' });
  Validations.of(app).addPlugins(new FixtureChecks(app));
  expect(reported(app)).toEqual([['HardenedECS-ACK', ['S/Web']]]);
});

test('the rules read the written template: an escape-hatch override is seen', () => {
  const app = reportingApp();
  const stack = newStack('S', app);
  (fargateTask(stack, 'Web').node.defaultChild as CfnResource).addPropertyOverride('ContainerDefinitions.0.ReadonlyRootFilesystem', true);
  (fargateTask(stack, 'Weak', 'weak', true).node.defaultChild as CfnResource).addPropertyOverride('ContainerDefinitions.0.ReadonlyRootFilesystem', 'false');
  Validations.of(app).addPlugins(new FixtureChecks(app));
  expect(reported(app)).toEqual([['HardenedECS-TX-01[Container::weak]', ['S/Weak/Resource']]]);
});

test('registered on the app, nested Stages are covered; registered on a Stage, only its stacks are', () => {
  const app = reportingApp();
  fargateTask(newStack('Top', app), 'Web');
  const prod = new Stage(app, 'Prod');
  fargateTask(new Stack(prod, 'Inner'), 'Web');
  Validations.of(app).addPlugins(new FixtureChecks(app));
  expect(reported(app)).toEqual([['HardenedECS-TX-01[Container::web]', ['Prod/Inner/Web/Resource', 'Top/Web/Resource']]]);

  const other = reportingApp();
  fargateTask(newStack('Top', other), 'Web');
  const onlyHere = new Stage(other, 'Prod');
  fargateTask(new Stack(onlyHere, 'Inner'), 'Web');
  Validations.of(onlyHere).addPlugins(new FixtureChecks(onlyHere));
  expect(reported(other)).toEqual([['HardenedECS-TX-01[Container::web]', ['Prod/Inner/Web/Resource']]]);
});

test('every violation fails synthesis, a WARN-level one included (cdk-nag v3)', () => {
  const app = new App();
  bridgeTask(newStack('S', app), 'Legacy'); // only TX-02, a low-severity (WARN) finding
  Validations.of(app).addPlugins(new FixtureChecks(app));
  expect(() => app.synth()).toThrow(/HardenedECS-TX-02/);
});
