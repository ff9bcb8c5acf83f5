// Keeps visible what the stock aws-cdk-lib pattern fails under AWS Control Tower's own guard rules, measured by
// running cfn-guard on a freshly synthesized template, and checks docs/evidence.md states exactly that.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { ApplicationLoadBalancedFargateService } from 'aws-cdk-lib/aws-ecs-patterns';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { assemblyTemplateFiles } from '../support/assembly-templates';
import { controlTowerRuleFiles, ECS_CONTROLS, failedControls, GuardOutcome, IAM_CONTROLS, runCfnGuard } from '../support/cfn-guard';
import { controlIdsInTable, docSection } from '../support/doc-section';

const EVIDENCE_DOC = join(__dirname, '..', '..', 'docs', 'evidence.md');

/** What the stock pattern fails, as measured; a change in aws-cdk-lib or the rules shows up here first. */
const STOCK_FAILURES: Record<string, string> = {
  'CT.ECS.PR.2': 'AWS::ECS::Cluster',
  'CT.ECS.PR.3': 'AWS::ECS::TaskDefinition',
  'CT.ECS.PR.6': 'AWS::ECS::TaskDefinition',
  'CT.ECS.PR.7': 'AWS::ECS::TaskDefinition',
};

let outdir: string;
let template: Record<string, any>;
let outcomes: GuardOutcome[];

beforeAll(() => {
  outdir = mkdtempSync(join(tmpdir(), 'stock-pattern-'));
  const app = new App({ outdir });
  // Environment-agnostic, as most service teams write it.
  const stack = new Stack(app, 'StockPattern');
  const secret = new secretsmanager.Secret(stack, 'DbPassword');
  new ApplicationLoadBalancedFargateService(stack, 'Service', {
    taskImageOptions: {
      image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27'),
      secrets: { DB_PASSWORD: ecs.Secret.fromSecretsManager(secret) },
    },
  });
  app.synth();
  const templates = assemblyTemplateFiles(outdir);
  expect(templates).toHaveLength(1);
  template = JSON.parse(readFileSync(templates[0], 'utf8'));
  outcomes = runCfnGuard(templates, controlTowerRuleFiles([...ECS_CONTROLS, ...IAM_CONTROLS]));
});

afterAll(() => rmSync(outdir, { recursive: true, force: true }));

test('the stock ApplicationLoadBalancedFargateService with a secret fails exactly these Control Tower controls', () => {
  expect(failedControls(outcomes)).toEqual(Object.keys(STOCK_FAILURES));
});

test('each failure sits on the resource type the control is about', () => {
  for (const [controlId, type] of Object.entries(STOCK_FAILURES)) {
    const failing = outcomes.find((o) => o.controlId === controlId)!;
    expect(failing.resources.length).toBeGreaterThan(0);
    expect(failing.resources.map((id) => template.Resources[id]?.Type)).toEqual(failing.resources.map(() => type));
  }
});

test('the template really has the shapes the controls object to', () => {
  const [cluster] = Object.values(template.Resources).filter((r: any) => r.Type === 'AWS::ECS::Cluster') as any[];
  expect(cluster.Properties?.ClusterSettings).toBeUndefined();
  const [taskDef] = Object.values(template.Resources).filter((r: any) => r.Type === 'AWS::ECS::TaskDefinition') as any[];
  const [container] = taskDef.Properties.ContainerDefinitions;
  expect(container.User).toBeUndefined();
  expect(container.ReadonlyRootFilesystem).toBeUndefined();
  expect(container.Memory).toBeUndefined();
  expect(container.Secrets).toEqual([{ Name: 'DB_PASSWORD', ValueFrom: expect.anything() }]);
});

test('the IAM controls pass although the roles have the ECS-specific gaps docs/evidence.md names', () => {
  expect(outcomes.filter((o) => o.controlId.startsWith('CT.IAM.')).map((o) => o.status)).not.toContain('fail');
  const resources = Object.values(template.Resources) as any[];
  const roles = resources.filter((r) => r.Type === 'AWS::IAM::Role');
  expect(roles).toHaveLength(2);
  for (const role of roles) {
    expect(role.Properties.AssumeRolePolicyDocument.Statement).toEqual([
      { Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { Service: 'ecs-tasks.amazonaws.com' } },
    ]);
  }
  const actions = resources
    .filter((r) => r.Type === 'AWS::IAM::Policy')
    .flatMap((p) => p.Properties.PolicyDocument.Statement)
    .flatMap((s: any) => [s.Action].flat());
  expect(actions).toContain('secretsmanager:DescribeSecret');
});

test('docs/evidence.md lists the same failing controls', () => {
  const documented = controlIdsInTable(docSection(EVIDENCE_DOC, 'stock-pattern-guard'));
  expect(documented).toEqual(failedControls(outcomes));
});
