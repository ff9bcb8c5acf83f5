import { environmentOf, evaluateContainers } from '../../../model/ecs-containers';
import { isOpaque } from '../../../model/opaque';
import { unresolvedOutcome } from '../../../model/unresolved-outcome';
import { Outcome, Rule, fail, pass } from '../../../rule';
import { frameworksOf } from '../control-tower-ecs-mappings';
import { ALWAYS_CREDENTIAL_NAMES } from './credential-detector';

/** TD-14: no environment variable uses a name reserved for AWS or ECS credentials. */
export const noAwsCredentialEnvNames: Rule = {
  id: 'TD-14',
  name: 'no-aws-credential-env-names',
  title: 'No AWS credential variable names in container environments',
  severity: 'high',
  rationale:
    '`AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`, `AWS_SESSION_TOKEN` and `ECS_ENGINE_AUTH_DATA` in `Environment` put ' +
    'long-lived credentials in plain text in the task definition, readable by anyone with ecs:DescribeTaskDefinition, ' +
    'and they override the task role. Names are compared case-insensitively (Control Tower CT.ECS.PR.12 is ' +
    'case-sensitive and misses `aws_secret_access_key`). Names from the `extraCredentialNames` option count too. ' +
    '`EnvironmentFiles` are not inspected.',
  fix:
    'Remove the variables and give the task a task role (`TaskRoleArn`; aws-cdk-lib `taskRole`) instead of keys; for ' +
    'other credentials use `Secrets[]` with a Secrets Manager or SSM `ValueFrom` (aws-cdk-lib `secrets: { NAME: ' +
    'ecs.Secret.fromSecretsManager(secret) }`, or ContainerSecret in cdk-hardened-ecs).',
  applicability: { os: ['linux', 'windows'], launchTypes: ['FARGATE', 'EC2', 'EXTERNAL', 'MANAGED_INSTANCES'] },
  resourceTypes: ['AWS::ECS::TaskDefinition'],
  compliance: {
    securityHub: ['ECS.8'],
    controlTower: ['CT.ECS.PR.12'],
    configRules: ['ecs-no-environment-secrets'],
    ...frameworksOf('CT.ECS.PR.12'),
    related: ['Prowler ecs_task_definitions_no_environment_secrets'],
  },
  enabledByDefault: true,

  evaluate(properties, { options }) {
    const reserved = new Set([...ALWAYS_CREDENTIAL_NAMES, ...options.extraCredentialNames].map((n) => n.toUpperCase()));
    return evaluateContainers(properties, (container): Outcome[] => {
      const { key, name } = container;
      const environment = environmentOf(container);
      if (isOpaque(environment)) return [unresolvedOutcome(key, `Environment of container ${name}`, environment, name)];
      const outcomes: Outcome[] = [];
      for (const variable of environment) {
        if (isOpaque(variable.name)) {
          outcomes.push(unresolvedOutcome(key, `An environment variable name of container ${name}`, variable.name, name));
        } else if (reserved.has(variable.name.toUpperCase())) {
          outcomes.push(fail(`Secret::${variable.name}`, `Container ${name} sets ${variable.name} in Environment, a name reserved for credentials.`, name));
        }
      }
      return outcomes.length > 0 ? outcomes : [pass(key, `Container ${name} sets no reserved credential variable names.`, name)];
    });
  },
};
