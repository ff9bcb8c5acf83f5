import * as path from 'path';
import { InputError } from './input-error';

/** One CloudFormation stack of a cloud assembly, before its template is read. */
export interface AssemblyStack {
  /** Absolute path of the template file. */
  readonly templateFile: string;
  /** The stack name CloudFormation deploys (the artifact's `stackName`, else its id); `<parent>/<nested id>` for a NestedStack. */
  readonly stackName: string;
  /** Logical id → construct path (without the leading `/`), from `aws:cdk:logicalId` metadata. */
  readonly constructPaths: ReadonlyMap<string, string>;
}

/** What the assembly reader needs from the file system; injected so errors carry the right file names. */
export interface AssemblyFiles {
  /** Reads a JSON file; throws an {@link InputError} naming the file when it is missing or not JSON. */
  readJson(absolutePath: string): Promise<unknown>;
  exists(absolutePath: string): Promise<boolean>;
  /** How a path is shown to the user (relative to where the command ran). */
  display(absolutePath: string): string;
}

const STACK_ARTIFACT = 'aws:cloudformation:stack';
const NESTED_ASSEMBLY_ARTIFACT = 'cdk:cloud-assembly';
const ASSET_MANIFEST_ARTIFACT = 'cdk:asset-manifest';
/** CDK names the template of a NestedStack `<id>.nested.template.json` and publishes it as a file asset. */
const NESTED_TEMPLATE_SUFFIX = '.nested.template.json';
const LOGICAL_ID_METADATA = 'aws:cdk:logicalId';
/** Stages nest assemblies; a deeper chain than this is a cycle or a broken manifest. */
const MAX_NESTING = 16;

/**
 * Lists the stacks of a cloud assembly directory (`cdk.out`), descending into nested
 * assemblies (CDK Stages). Metadata may sit inline in the manifest or in the
 * `additionalMetadataFile` that recent CDK versions write beside the template.
 */
export async function assemblyStacks(directory: string, files: AssemblyFiles, depth = 0): Promise<AssemblyStack[]> {
  const manifestFile = path.join(directory, 'manifest.json');
  if (!(await files.exists(manifestFile))) {
    throw new InputError(files.display(directory), 'directory without manifest.json (expected a cloud assembly such as cdk.out, or a template file)');
  }
  if (depth > MAX_NESTING) throw new InputError(files.display(manifestFile), `nested cloud assemblies deeper than ${MAX_NESTING} levels`);
  const manifest = await files.readJson(manifestFile);
  const artifacts = isRecord(manifest) ? manifest.artifacts : undefined;
  if (!isRecord(manifest) || (artifacts !== undefined && !isRecord(artifacts))) {
    throw new InputError(files.display(manifestFile), 'not a cloud assembly manifest (no artifacts mapping)');
  }

  const stacks: AssemblyStack[] = [];
  for (const [artifactId, artifact] of Object.entries(artifacts ?? {})) {
    if (!isRecord(artifact)) continue;
    const properties = isRecord(artifact.properties) ? artifact.properties : {};
    if (artifact.type === NESTED_ASSEMBLY_ARTIFACT) {
      const directoryName = typeof properties.directoryName === 'string' ? properties.directoryName : artifactId;
      stacks.push(...(await assemblyStacks(path.resolve(directory, directoryName), files, depth + 1)));
    } else if (artifact.type === STACK_ARTIFACT) {
      const stack = await stackOf(directory, manifestFile, artifactId, artifact, properties, files);
      stacks.push(stack, ...(await nestedStacksOf(stack, directory, artifact, artifacts ?? {}, files)));
    }
  }
  return stacks;
}

async function stackOf(
  directory: string,
  manifestFile: string,
  artifactId: string,
  artifact: Record<string, unknown>,
  properties: Record<string, unknown>,
  files: AssemblyFiles,
): Promise<AssemblyStack> {
  const stackName = typeof properties.stackName === 'string' ? properties.stackName : artifactId;
  if (typeof properties.templateFile !== 'string') {
    throw new InputError(files.display(manifestFile), `stack '${stackName}' has no templateFile`);
  }
  const templateFile = path.resolve(directory, properties.templateFile);
  if (!(await files.exists(templateFile))) {
    throw new InputError(files.display(templateFile), `missing: ${files.display(manifestFile)} lists it as the template of stack '${stackName}'`);
  }

  const constructPaths = new Map<string, string>();
  collectLogicalIds(artifact.metadata, constructPaths);
  if (typeof artifact.additionalMetadataFile === 'string') {
    const metadataFile = path.resolve(directory, artifact.additionalMetadataFile);
    if (await files.exists(metadataFile)) collectLogicalIds(await files.readJson(metadataFile), constructPaths);
  }
  return { templateFile, stackName, constructPaths };
}

/**
 * NestedStack templates are file assets of their parent stack, listed in the asset manifest the
 * parent depends on. Their resources' construct paths sit in the parent's metadata.
 */
async function nestedStacksOf(
  parent: AssemblyStack,
  directory: string,
  artifact: Record<string, unknown>,
  artifacts: Record<string, unknown>,
  files: AssemblyFiles,
): Promise<AssemblyStack[]> {
  const nested: AssemblyStack[] = [];
  const dependencies = Array.isArray(artifact.dependencies) ? artifact.dependencies : [];
  for (const dependency of dependencies) {
    const assets = typeof dependency === 'string' ? artifacts[dependency] : undefined;
    if (!isRecord(assets) || assets.type !== ASSET_MANIFEST_ARTIFACT || !isRecord(assets.properties)) continue;
    if (typeof assets.properties.file !== 'string') continue;
    const assetManifest = path.resolve(directory, assets.properties.file);
    if (!(await files.exists(assetManifest))) continue;
    const content = await files.readJson(assetManifest);
    const fileAssets = isRecord(content) && isRecord(content.files) ? Object.values(content.files) : [];
    for (const asset of fileAssets) {
      const source = isRecord(asset) && isRecord(asset.source) ? asset.source : undefined;
      if (typeof source?.path !== 'string' || !source.path.endsWith(NESTED_TEMPLATE_SUFFIX)) continue;
      const templateFile = path.resolve(directory, source.path);
      if (!(await files.exists(templateFile))) {
        throw new InputError(files.display(templateFile), `missing: ${files.display(assetManifest)} lists it as a nested stack template of '${parent.stackName}'`);
      }
      const stackName = `${parent.stackName}/${source.path.slice(0, -NESTED_TEMPLATE_SUFFIX.length)}`;
      nested.push({ templateFile, stackName, constructPaths: parent.constructPaths });
    }
  }
  return nested;
}

/** Metadata maps a construct path to entries; `aws:cdk:logicalId` entries name the resource it synthesized. */
function collectLogicalIds(metadata: unknown, into: Map<string, string>): void {
  if (!isRecord(metadata)) return;
  for (const [constructPath, entries] of Object.entries(metadata)) {
    if (!Array.isArray(entries)) continue;
    for (const entry of entries) {
      if (isRecord(entry) && entry.type === LOGICAL_ID_METADATA && typeof entry.data === 'string' && !into.has(entry.data)) {
        into.set(entry.data, constructPath.replace(/^\//, ''));
      }
    }
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
