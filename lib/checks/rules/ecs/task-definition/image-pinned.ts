import { imageName, isEcrRegistry, isKnown, parseImage, shown } from '../../../model/container-image';
import { evaluateContainers } from '../../../model/ecs-containers';
import { isOpaque } from '../../../model/opaque';
import { ModelResource, TemplateModel } from '../../../model/template-model';
import { unresolvedOutcome } from '../../../model/unresolved-outcome';
import { listValue, property, recordValue, stringValue } from '../../../model/values';
import { wildcardMatches } from '../../../model/wildcard';
import { Outcome, Rule, fail, pass, unverified } from '../../../rule';

/** CDK asset images are tagged with the 64-hex hash of their build context, in the bootstrap's immutable repository. */
const ASSET_HASH_TAG = /^[0-9a-f]{64}$/;

/** TD-25: images are pinned by digest or come from an immutable repository. */
export const imagePinned: Rule = {
  id: 'TD-25',
  name: 'image-pinned',
  title: 'Container images are pinned by digest or come from an immutable repository',
  severity: 'medium',
  rationale:
    'A mutable tag (`latest`, `1.2`, or no tag at all) can be moved to different content, so the same task definition ' +
    'may start a different, possibly malicious, image on the next scale-out. A `@sha256:` digest, or a tag in an ECR ' +
    'repository of this template with `ImageTagMutability: IMMUTABLE`, fixes the content; a tag in a private ECR ' +
    'repository defined elsewhere cannot be verified. CDK asset images count as ' +
    'pinned: their tag is the content hash and the bootstrap repository is immutable.',
  fix:
    'Reference images as `repo@sha256:<digest>` or push to an ECR repository with `ImageTagMutability: IMMUTABLE`; in ' +
    'aws-cdk-lib use `ecs.ContainerImage.fromEcrRepository(repo, "sha256:…")`/`fromAsset`, or create the repository ' +
    'with `imageTagMutability: ecr.TagMutability.IMMUTABLE` (HardenedImage does this).',
  applicability: { os: ['linux', 'windows'], launchTypes: ['FARGATE', 'EC2', 'EXTERNAL', 'MANAGED_INSTANCES'] },
  resourceTypes: ['AWS::ECS::TaskDefinition'],
  compliance: { related: ['Security Hub ECR.2 (immutable tags)'] },
  enabledByDefault: true,

  evaluate(properties, { model }) {
    return evaluateContainers(properties, (container): Outcome[] => {
      const { key, name } = container;
      const raw = property(container.definition, 'Image');
      if (raw === undefined) return [fail(key, `Container ${name} has no Image.`, name)];
      const image = parseImage(raw);
      if (!image) {
        return isOpaque(raw) ? [unresolvedOutcome(key, `Image of container ${name}`, raw, name)] : [fail(key, `Container ${name} has an invalid Image.`, name)];
      }
      const shownImage = isOpaque(raw) ? raw.display : String(raw);
      if (image.digest) return [pass(key, `Container ${name} pins its image by digest.`, name)];

      const repository = isOpaque(raw) ? ecrRepositoryOf(model, raw) : undefined;
      if (repository) {
        const verdict = judgeRepository(model, repository, image.tag);
        if (verdict === 'immutable') return [pass(key, `Container ${name} uses a tag in the immutable repository ${repository.logicalId}.`, name)];
        if (verdict === 'unknown') return [unverified(key, `Whether the tag of ${shownImage} is immutable in ${repository.logicalId} cannot be resolved.`, name)];
      }
      if (image.tag === undefined || image.tag === 'latest') {
        return [fail(key, `Container ${name} uses ${shownImage} ${image.tag === undefined ? 'without a tag (latest)' : 'with the latest tag'}, which can change under it.`, name)];
      }
      if (!isKnown(image.tag)) return [unverified(key, `The tag of ${shownImage} is resolved at deploy time (${shown(image.tag)}), so whether it is a digest cannot be verified.`, name)];
      if (ASSET_HASH_TAG.test(image.tag) && /cdk-[a-z0-9]+-container-assets-/.test(image.repository)) return [pass(key, `Container ${name} uses a CDK asset image tagged by content hash.`, name)];
      if (isEcrRegistry(image.registry) && !repository && image.registry !== 'public.ecr.aws') {
        return [unverified(key, `Container ${name} uses tag ${image.tag} of ECR repository ${shown(image.repository)}, which this template does not define, so whether its tags are immutable cannot be verified; pin it by digest.`, name)];
      }
      return [fail(key, `Container ${name} uses the mutable tag ${image.tag} of ${repository ? `repository ${repository.logicalId}` : imageName(image)}; pin it by digest or use an immutable repository.`, name)];
    });
  },
};

function ecrRepositoryOf(model: TemplateModel, image: unknown): ModelResource | undefined {
  const resource = model.resourceIdentifiedBy(image);
  return resource?.type === 'AWS::ECR::Repository' ? resource : undefined;
}

/** IMMUTABLE, IMMUTABLE_WITH_EXCLUSION (judged against the tag), or mutable. */
function judgeRepository(model: TemplateModel, repository: ModelResource, tag: string | undefined): 'immutable' | 'mutable' | 'unknown' {
  const repositoryProperties = model.properties(repository);
  const mutability = stringValue(property(repositoryProperties, 'ImageTagMutability'));
  if (isOpaque(mutability)) return 'unknown';
  const setting = mutability?.toUpperCase();
  if (setting === 'IMMUTABLE') return 'immutable';
  if (setting !== 'IMMUTABLE_WITH_EXCLUSION') return 'mutable';
  const filters = listValue(property(repositoryProperties, 'ImageTagMutabilityExclusionFilters'));
  if (isOpaque(filters)) return 'unknown';
  const effectiveTag = tag ?? 'latest';
  if (!isKnown(effectiveTag)) return 'unknown';
  for (const filter of filters ?? []) {
    const record = recordValue(filter);
    const pattern = record && !isOpaque(record) ? stringValue(property(record, 'ImageTagMutabilityExclusionFilterValue')) : undefined;
    if (pattern === undefined || isOpaque(pattern)) return 'unknown';
    if (wildcardMatches(pattern, effectiveTag)) return 'mutable';
  }
  return 'immutable';
}
