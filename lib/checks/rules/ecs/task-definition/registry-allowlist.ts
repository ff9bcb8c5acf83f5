import { isEcrRegistry, isKnown, parseImage, shown } from '../../../model/container-image';
import { evaluateContainers } from '../../../model/ecs-containers';
import { isOpaque } from '../../../model/opaque';
import { TemplateModel } from '../../../model/template-model';
import { unresolvedOutcome } from '../../../model/unresolved-outcome';
import { property, recordValue } from '../../../model/values';
import { wildcardMatches } from '../../../model/wildcard';
import { Outcome, Rule, fail, pass, unverified } from '../../../rule';

/** TD-26: images come from allowed registries, and private-registry credentials are a Secrets Manager secret. */
export const registryAllowlist: Rule = {
  id: 'TD-26',
  name: 'registry-allowlist',
  title: 'Images come from allowed registries with credentials in Secrets Manager',
  severity: 'medium',
  rationale:
    'Pulling from an arbitrary registry trusts whoever controls it with code execution in the task. With the ' +
    '`allowedRegistries` option set, every image host must match an entry (`*` wildcards allowed). Private registries ' +
    'outside ECR authenticate with `RepositoryCredentials.CredentialsParameter`, which ECS only accepts as a Secrets ' +
    'Manager secret; anything else fails at task start or puts the credentials somewhere weaker.',
  fix:
    'Pull from ECR (or an allowed registry) and, for a private registry, set `RepositoryCredentials: { ' +
    'CredentialsParameter: <Secrets Manager secret ARN> }`; in aws-cdk-lib use `ecs.ContainerImage.fromRegistry(name, { ' +
    'credentials: secret })` or `fromEcrRepository`. Configure allowed hosts with the `allowedRegistries` option.',
  applicability: { os: ['linux', 'windows'], launchTypes: ['FARGATE', 'EC2', 'EXTERNAL', 'MANAGED_INSTANCES'] },
  resourceTypes: ['AWS::ECS::TaskDefinition'],
  compliance: {},
  enabledByDefault: true,

  evaluate(properties, { model, options }) {
    const allowed = options.allowedRegistries.map((entry) => entry.trim().toLowerCase()).filter(Boolean);
    return evaluateContainers(properties, (container): Outcome[] => {
      const { key, name } = container;
      const raw = property(container.definition, 'Image');
      const image = parseImage(raw);
      if (!image) return isOpaque(raw) ? [unresolvedOutcome(key, `Image of container ${name}`, raw, name)] : [fail(key, `Container ${name} has no valid Image.`, name)];
      const registry = image.registry.toLowerCase();

      const credentials = recordValue(property(container.definition, 'RepositoryCredentials'));
      if (isOpaque(credentials)) return [unresolvedOutcome(key, `RepositoryCredentials of container ${name}`, credentials, name)];
      if (credentials) {
        const verdict = secretsManagerReference(model, property(credentials, 'CredentialsParameter'));
        if (verdict === 'no') return [fail(key, `Container ${name} has RepositoryCredentials that are not a Secrets Manager secret ARN.`, name)];
        if (verdict === 'unknown') return [unverified(key, `Whether the registry credentials of container ${name} are a Secrets Manager secret cannot be resolved.`, name)];
      }

      if (allowed.length === 0) return [pass(key, `Container ${name} pulls from ${shown(registry)} (no registry allow-list configured).`, name)];
      if (!isKnown(registry)) {
        return [unverified(key, `The registry of container ${name} (${shown(registry)}) is resolved at deploy time and cannot be matched against the allow-list.`, name)];
      }
      if (allowed.some((entry) => wildcardMatches(entry, registry, true))) return [pass(key, `Container ${name} pulls from the allowed registry ${registry}.`, name)];
      const where = isEcrRegistry(registry) ? 'an ECR registry' : 'a registry';
      return [fail(key, `Container ${name} pulls from ${where} ${registry} that is not in allowedRegistries (${allowed.join(', ')}).`, name)];
    });
  },
};

/** Whether a CredentialsParameter is a Secrets Manager secret: a literal ARN, or an in-template secret. */
function secretsManagerReference(model: TemplateModel, value: unknown): 'yes' | 'no' | 'unknown' {
  if (value === undefined) return 'no';
  if (typeof value === 'string') return /^arn:aws[a-z-]*:secretsmanager:[^:]*:[^:]*:secret:.+/.test(value) ? 'yes' : 'no';
  if (!isOpaque(value)) return 'no';
  const resource = model.resourceIdentifiedBy(value);
  if (resource) return resource.type === 'AWS::SecretsManager::Secret' ? 'yes' : 'no';
  const literal = (value.details.parts ?? []).filter((p): p is string => typeof p === 'string').join('');
  if (/:secretsmanager:/.test(literal)) return 'yes';
  if (/:ssm:|:parameter\//.test(literal)) return 'no';
  return 'unknown';
}
