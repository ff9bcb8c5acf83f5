import { Opaque } from './opaque';
import { ResolverTemplate, Resolver } from './resolver';

/** A CloudFormation template as parsed from JSON or YAML. */
export interface CfnTemplate extends ResolverTemplate {
  readonly AWSTemplateFormatVersion?: string;
  readonly Resources?: Record<string, CfnResourceJson>;
  readonly Outputs?: Record<string, unknown>;
}

export interface CfnResourceJson {
  readonly Type?: unknown;
  readonly Properties?: unknown;
  readonly Condition?: unknown;
  readonly Metadata?: unknown;
  readonly DependsOn?: unknown;
}

/** Where a template came from, for findings. */
export interface TemplateSource {
  /** The file the template was read from, relative to where the user ran the command. */
  readonly file?: string;
  /** The stack name (cloud assembly) or a label such as the task definition family. */
  readonly stack?: string;
  /** Maps logical ids to construct paths, when the template came from a CDK app. */
  readonly constructPaths?: ReadonlyMap<string, string>;
}

/** One resource of the model. Properties are raw (with intrinsics); use {@link TemplateModel.variants} to resolve them. */
export interface ModelResource {
  readonly logicalId: string;
  readonly type: string;
  readonly rawProperties: Record<string, unknown>;
  /** The resource-level `Condition`, when the resource is created only under one. */
  readonly condition?: string;
  readonly metadata: Record<string, unknown>;
}

/** A reference from one resource's properties to another resource. */
export interface ResourceReference {
  readonly from: ModelResource;
  /** Dotted path inside the referencing resource's properties, e.g. `Roles.0` or `PolicyDocument.Statement.1.Resource`. */
  readonly path: string;
  readonly attribute?: string;
}

/** The resource metadata entry in which CDK records a resource's construct path (unless disabled). */
const CDK_PATH_METADATA_KEY = 'aws:cdk:path';

/**
 * A read-only model of one CloudFormation template: its resources, their properties
 * resolved through intrinsics, and the references between resources.
 *
 * Built once per template and discarded with it, so nothing it memoizes can go stale.
 */
export class TemplateModel {
  readonly resources: ReadonlyMap<string, ModelResource>;
  private readonly resolver: Resolver;
  private readonly variantCache = new Map<string, Array<Record<string, unknown>>>();
  private reverseIndex?: Map<string, ResourceReference[]>;

  constructor(readonly template: CfnTemplate, readonly source: TemplateSource = {}) {
    this.resolver = new Resolver(template);
    const resources = new Map<string, ModelResource>();
    for (const [logicalId, raw] of Object.entries(template.Resources ?? {})) {
      if (!raw || typeof raw !== 'object') continue;
      resources.set(logicalId, {
        logicalId,
        type: typeof raw.Type === 'string' ? raw.Type : '(unknown type)',
        rawProperties: isRecord(raw.Properties) ? raw.Properties : {},
        condition: typeof raw.Condition === 'string' ? raw.Condition : undefined,
        metadata: isRecord(raw.Metadata) ? raw.Metadata : {},
      });
    }
    this.resources = resources;
  }

  resource(logicalId: string): ModelResource | undefined {
    return this.resources.get(logicalId);
  }

  resourcesOfType(...types: string[]): ModelResource[] {
    return [...this.resources.values()].filter((r) => types.includes(r.type));
  }

  /** Each deployment variant of the resource's properties, fully resolved (no `Fn::If` left). */
  variants(resource: ModelResource): Array<Record<string, unknown>> {
    let cached = this.variantCache.get(resource.logicalId);
    if (!cached) {
      cached = this.resolver.variants(resource.rawProperties).map((v) => (isRecord(v) ? v : {}));
      this.variantCache.set(resource.logicalId, cached);
    }
    return cached;
  }

  /** The first deployment variant, for rules that follow references to other resources. */
  properties(resource: ModelResource): Record<string, unknown> {
    return this.variants(resource)[0] ?? {};
  }

  /** Resolves an arbitrary raw value of this template (e.g. an output) under the default assignment. */
  resolve(value: unknown): unknown {
    return this.resolver.resolve(value);
  }

  /** The resource an opaque `Ref`/`Fn::GetAtt` value points at, if it is in this template. */
  referencedResource(value: unknown): ModelResource | undefined {
    if (!(value instanceof Opaque)) return undefined;
    if (value.kind !== 'ref' && value.kind !== 'getatt') return undefined;
    return value.details.target ? this.resources.get(value.details.target) : undefined;
  }

  /**
   * The resource behind a value that should identify one: a `Ref`/`Fn::GetAtt`, or a composite
   * string with exactly one resource reference in it (e.g. `arn:...:role/${Role}`).
   */
  resourceIdentifiedBy(value: unknown): ModelResource | undefined {
    const direct = this.referencedResource(value);
    if (direct || !(value instanceof Opaque)) return direct;
    const targets = value.leaves().map((leaf) => this.referencedResource(leaf)).filter((r): r is ModelResource => !!r);
    return targets.length === 1 ? targets[0] : undefined;
  }

  /** Every place in the template where a resource's properties refer to `logicalId`. */
  referencesTo(logicalId: string): ResourceReference[] {
    if (!this.reverseIndex) this.reverseIndex = this.buildReverseIndex();
    return this.reverseIndex.get(logicalId) ?? [];
  }

  /**
   * A human-friendly, stable name for a resource: its construct path when known (from the cloud
   * assembly, or the `aws:cdk:path` metadata CDK writes into templates), else its logical id.
   */
  displayName(resource: ModelResource): string {
    const written = resource.metadata[CDK_PATH_METADATA_KEY];
    return this.source.constructPaths?.get(resource.logicalId) ?? (typeof written === 'string' && written ? written : resource.logicalId);
  }

  private buildReverseIndex(): Map<string, ResourceReference[]> {
    const index = new Map<string, ResourceReference[]>();
    // The path of the value being visited, as segments: joined only where a reference to a resource
    // is found, since most of a template's values are not.
    const segments: string[] = [];
    const add = (from: ModelResource, target: string, attribute?: string) => {
      if (!this.resources.has(target)) return;
      const path = segments.join('.');
      const reference: ResourceReference = attribute === undefined ? { from, path } : { from, path, attribute };
      const list = index.get(target);
      if (list) list.push(reference);
      else index.set(target, [reference]);
    };
    const visit = (from: ModelResource, value: unknown): void => {
      if (segments.length > 64 || value === null || typeof value !== 'object') return;
      if (Array.isArray(value)) {
        value.forEach((v, i) => {
          segments.push(String(i));
          visit(from, v);
          segments.pop();
        });
        return;
      }
      const record = value as Record<string, unknown>;
      if (typeof record.Ref === 'string') add(from, record.Ref);
      const getAtt = record['Fn::GetAtt'];
      if (Array.isArray(getAtt) && typeof getAtt[0] === 'string') add(from, getAtt[0], String(getAtt[1]));
      if (typeof getAtt === 'string' && getAtt.includes('.')) {
        add(from, getAtt.slice(0, getAtt.indexOf('.')), getAtt.slice(getAtt.indexOf('.') + 1));
      }
      const sub = record['Fn::Sub'];
      const subText = typeof sub === 'string' ? sub : Array.isArray(sub) && typeof sub[0] === 'string' ? sub[0] : undefined;
      if (subText) {
        for (const m of subText.matchAll(/\$\{([^!}][^}.]*)(?:\.([^}]*))?\}/g)) add(from, m[1].trim(), m[2]);
      }
      for (const key of Object.keys(record)) {
        segments.push(key);
        visit(from, record[key]);
        segments.pop();
      }
    };
    for (const resource of this.resources.values()) visit(resource, resource.rawProperties);
    return index;
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Opaque);
}
