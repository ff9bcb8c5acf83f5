import { detectCredential, detectCredentialShape } from './credential-detector';
import { EnvironmentVariable, environmentOf, evaluateContainers } from '../../../model/ecs-containers';
import { Opaque, displayValue, isOpaque } from '../../../model/opaque';
import { unresolvedOutcome } from '../../../model/unresolved-outcome';
import { Outcome, Rule, fail, pass, unverified } from '../../../rule';

/** TD-15: no credential is stored in plain text in `Environment`, whether literal or resolved at deploy time. */
export const noPlaintextSecretsInEnv: Rule = {
  id: 'TD-15',
  name: 'no-plaintext-secrets-in-env',
  title: 'No credentials in plain-text environment variables',
  severity: 'critical',
  rationale:
    'Everything in `Environment` is stored in plain text in the task definition and shown by the console, the API and ' +
    'CloudTrail. Names and values are weighed together: `DB_PASSWORD=hunter2` fails, `MAX_PASSWORD_LENGTH=64` passes, ' +
    'and a value that is a credential by its shape (an AWS access key id, a PEM private key, a URL with a password) fails ' +
    'under any name, which Security Hub, Control Tower and AWS Config (names only) miss. A value resolved at deploy time ' +
    'is still plain text once deployed: a `{{resolve:secretsmanager:…}}` reference, a `NoEcho` parameter, or any ' +
    'deploy-time value under a credential name fails. Messages name the variable and the pattern, never the value.',
  fix:
    'Move the value to Secrets Manager or SSM Parameter Store (SecureString) and reference it from `Secrets[]` ' +
    '(`{ Name, ValueFrom: <secret ARN> }`) so ECS injects it at start; in aws-cdk-lib use `secrets: { NAME: ' +
    'ecs.Secret.fromSecretsManager(secret, "field") }` (ContainerSecret in cdk-hardened-ecs) instead of `environment`.',
  applicability: { os: ['linux', 'windows'], launchTypes: ['FARGATE', 'EC2', 'EXTERNAL', 'MANAGED_INSTANCES'] },
  resourceTypes: ['AWS::ECS::TaskDefinition'],
  compliance: {
    related: ['Prowler ecs_task_definitions_no_environment_secrets (value scan)', 'Trivy AVD-AWS-0036', 'KICS', 'AwsSolutions-ECS2'],
  },
  enabledByDefault: true,

  evaluate(properties, { options }) {
    return evaluateContainers(properties, (container): Outcome[] => {
      const { key, name } = container;
      const environment = environmentOf(container);
      if (isOpaque(environment)) return [unresolvedOutcome(key, `Environment of container ${name}`, environment, name)];
      const outcomes = environment.flatMap((variable) => judgeVariable(variable, name, options.extraCredentialNames));
      return outcomes.length > 0 ? outcomes : [pass(key, `Container ${name} has no credential in its environment.`, name)];
    });
  },
};

function judgeVariable(variable: EnvironmentVariable, container: string, extraNames: readonly string[]): Outcome[] {
  const { name, value } = variable;
  if (isOpaque(name)) {
    const shape = typeof value === 'string' ? detectCredentialShape(value) : isOpaque(value) ? detectCredentialShape(withPlaceholders(value)) : undefined;
    if (shape) return [fail(`Container::${container}`, `Container ${container} has an environment variable (name ${name.display}) whose value ${shape.reason.replace(/^the value /, '')}.`, container)];
    return [unverified(`Container::${container}`, `Container ${container} has an environment variable named ${name.display}, which cannot be resolved, so it cannot be judged.`, container)];
  }
  const key = `Secret::${name}`;
  const inPlainText = (reason: string) => fail(key, `Environment variable ${name} of container ${container} is plain text in the task definition: ${reason}. Move it to Secrets[].`, container);
  if (value === undefined) return [];
  if (!isOpaque(value)) {
    const signal = detectCredential(name, typeof value === 'string' ? value : displayValue(value), extraNames);
    return signal ? [inPlainText(signal.reason)] : [];
  }
  const sensitive = value.leaves().find((leaf) => leaf.details.sensitive);
  if (sensitive) return [inPlainText(`its value comes from the NoEcho parameter ${sensitive.display}, which ECS stores and shows unmasked`)];
  const shape = detectCredentialShape(withPlaceholders(value));
  if (shape) return [inPlainText(shape.reason)];
  const byName = detectCredential(name, undefined, extraNames);
  if (byName) return [inPlainText(`${byName.reason}, and its deploy-time value ${value.display} is stored unencrypted once resolved`)];
  return [];
}

/** The literal text of an opaque value with each deploy-time part replaced by a neutral placeholder. */
function withPlaceholders(value: Opaque): string {
  if (value.kind !== 'composite') return 'X';
  return (value.details.parts ?? []).map((part) => (typeof part === 'string' ? part : 'X')).join('');
}
