import { App, Stack } from 'aws-cdk-lib';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as patterns from 'aws-cdk-lib/aws-ecs-patterns';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { AwsSolutionsChecks } from 'cdk-nag';
import { ALL_RULES } from '../../../lib/checks/catalogue';
import { HardenedEcsChecks } from '../../../lib/checks/nag/hardened-ecs-checks';

/**
 * What the pack reports on the stock aws-cdk-lib pattern a team would start from: an
 * ApplicationLoadBalancedFargateService with a Secrets Manager secret, all defaults.
 * This is the difference the library makes, as ids a pipeline would print.
 *
 * EXPECTED lists, for every rule the pack runs by default, the violations it reports on this stack
 * (measured by running the pack); `[]` means the rule passes the stock pattern. A new default rule
 * fails the first test until it is measured and added here.
 */
const TASK_DEFINITION = 'Stock/Service/TaskDef/Resource';
const EXPECTED: Record<string, Array<[string, string]>> = {
  'TD-01': [],
  'TD-02': [['HardenedECS-TD-02[Container::web]', TASK_DEFINITION]],
  'TD-03': [['HardenedECS-TD-03[Container::web]', TASK_DEFINITION]],
  'TD-04': [],
  'TD-06': [],
  'TD-07': [],
  'TD-08': [],
  'TD-09': [],
  'TD-10': [],
  'TD-11': [],
  'TD-12': [['HardenedECS-TD-12[Container::web]', TASK_DEFINITION]],
  'TD-14': [],
  'TD-15': [],
  'TD-17': [],
  'TD-18': [],
  'TD-19': [],
  'TD-20': [],
  'TD-21': [],
  'TD-22': [],
  'TD-23': [],
  'TD-24': [],
  'TD-25': [['HardenedECS-TD-25[Container::web]', TASK_DEFINITION]],
  'TD-26': [],
  'TD-27': [],
  'TD-29': [],
  'TD-30': [['HardenedECS-TD-30[Container::web]', TASK_DEFINITION]],
  'SVC-01': [],
  'SVC-02': [],
  'SVC-03': [],
  'SVC-04': [],
  'SVC-05': [],
  'SVC-06': [],
  'CL-01': [['HardenedECS-CL-01', 'Stock/EcsDefaultClusterMnL3mNNYN/Resource']],
  'CL-02': [],
  'CP-01': [],
  'IAM-01': [['HardenedECS-IAM-01[Statement::0]', 'Stock/Service/TaskDef/TaskRole/Resource']],
  'IAM-02': [],
  'IAM-03': [],
  'IAM-04': [],
  'IAM-05': [],
  'IAM-06': [],
  'IAM-08': [],
  'IAM-09': [],
  'IAM-10': [],
  'IAM-11': [],
  'IAM-12': [],
  'IAM-13': [['HardenedECS-IAM-13[Statement::1]', 'Stock/Service/TaskDef/ExecutionRole/DefaultPolicy/Resource']],
  'IAM-14': [],
  'IAM-16': [],
  'IAM-17': [],
  'LOG-01': [['HardenedECS-LOG-01', 'Stock/Service/TaskDef/web/LogGroup/Resource']],
  'LOG-02': [['HardenedECS-LOG-02', 'Stock/Service/TaskDef/web/LogGroup/Resource']],
  'ECR-01': [],
  'ECR-02': [],
  'ECR-03': [],
  'ECR-04': [],
  'ECR-05': [],
  'KMS-01': [],
  'KMS-02': [],
  'SEC-01': [['HardenedECS-SEC-01', 'Stock/DbPassword/Resource']],
  'SEC-02': [['HardenedECS-SEC-02', 'Stock/DbPassword/Resource']],
};

/** `HardenedECS-TD-02[Container::web]` -> `TD-02`. */
function ruleIdOf(violationName: string): string {
  return violationName.replace(/^HardenedECS-/, '').replace(/\[.*$/, '');
}

function stockService(): Stack {
  const app = new App();
  const stack = new Stack(app, 'Stock');
  const secret = new secretsmanager.Secret(stack, 'DbPassword');
  new patterns.ApplicationLoadBalancedFargateService(stack, 'Service', {
    taskImageOptions: {
      image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27'),
      containerName: 'web',
      secrets: { DB_PASSWORD: ecs.Secret.fromSecretsManager(secret) },
    },
  });
  return stack;
}

describe('stock ApplicationLoadBalancedFargateService with a secret', () => {
  // Checked inside each test: Stryker credits a test only with code that runs inside it (see docs/mutation.md).
  const measured = Object.keys(EXPECTED);

  test('every rule the pack runs by default is measured here, and nothing else', () => {
    const enabled = ALL_RULES.filter((r) => r.enabledByDefault).map((r) => r.id);
    expect([...measured].sort()).toEqual([...enabled].sort());
  });

  test('the measured rules report exactly the expected violations', () => {
    const violations = new HardenedEcsChecks().validateScope(stockService()).violations;
    const actual = violations
      .filter((v) => measured.includes(ruleIdOf(v.ruleName)))
      .flatMap((v) => v.violatingResources.map((r): [string, string] => [v.ruleName, r.constructPath ?? '']))
      .sort();
    expect(actual).toEqual(Object.values(EXPECTED).flat().sort());
  });

  test('the container-level gaps are ours alone: AwsSolutions reports no task definition or IAM finding', () => {
    const stack = stockService();
    const violations = new HardenedEcsChecks().validateScope(stack).violations;
    expect(violations.map((v) => v.ruleName)).toEqual(expect.arrayContaining([
      'HardenedECS-TD-02[Container::web]',
      'HardenedECS-TD-03[Container::web]',
    ]));
    const awsSolutions = new AwsSolutionsChecks().validateScope(stack).violations.map((v) => v.ruleName).sort();
    expect(awsSolutions).toEqual(['AwsSolutions-EC23', 'AwsSolutions-ECS4', 'AwsSolutions-ELB2', 'AwsSolutions-SMG4', 'AwsSolutions-VPC7']);
  });
});
