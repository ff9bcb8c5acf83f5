import { environmentOf, evaluateContainers } from '../../../model/ecs-containers';
import { isOpaque } from '../../../model/opaque';
import { unresolvedOutcome } from '../../../model/unresolved-outcome';
import { Rule, fail, pass } from '../../../rule';

/** TD-16 (off by default): containers get no plain environment variables at all. */
export const noEnvironment: Rule = {
  id: 'TD-16',
  name: 'no-environment',
  title: 'Containers set no plain environment variables',
  severity: 'info',
  rationale:
    'cdk-nag AwsSolutions-ECS2 flags any `Environment`, on the theory that configuration belongs in Secrets Manager, SSM ' +
    'or AppConfig. It is noisy (a log level trips it), so it is off by default; TD-14 and TD-15 catch the variables that ' +
    'actually hold credentials.',
  fix:
    'Move configuration to `Secrets[]` (SSM parameters or Secrets Manager) or to an `EnvironmentFiles` object in S3; in ' +
    'aws-cdk-lib use `secrets` or `environmentFiles` instead of `environment`.',
  applicability: { os: ['linux', 'windows'], launchTypes: ['FARGATE', 'EC2', 'EXTERNAL', 'MANAGED_INSTANCES'] },
  resourceTypes: ['AWS::ECS::TaskDefinition'],
  compliance: { related: ['AwsSolutions-ECS2'] },
  enabledByDefault: false,

  evaluate(properties) {
    return evaluateContainers(properties, (container) => {
      const { key, name } = container;
      const environment = environmentOf(container);
      if (isOpaque(environment)) return [unresolvedOutcome(key, `Environment of container ${name}`, environment, name)];
      if (environment.length === 0) return [pass(key, `Container ${name} sets no environment variables.`, name)];
      const names = environment.map((v) => (isOpaque(v.name) ? v.name.display : v.name)).join(', ');
      return [fail(key, `Container ${name} sets environment variables (${names}).`, name)];
    });
  },
};
