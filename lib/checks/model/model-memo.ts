import { TemplateModel } from './template-model';

/**
 * A value derived from one resource of one template model, computed on first use. Several rules
 * derive the same view of a resource (an IAM rule parses the statements a role or policy grants,
 * then follows every policy of its roles); computing it once per model keeps a check linear in
 * the resources. A model is an immutable snapshot of one template and the memo is keyed by the
 * model object, so a derived value can never outlive its template or leak into another stack's.
 * Rules must treat memoized values as read-only.
 */
export class ResourceMemo<V> {
  private readonly perModel = new WeakMap<TemplateModel, WeakMap<object, Map<object, V>>>();

  /**
   * The value for `resource` in `model` under the deployment variant `variant` (a properties
   * object from `model.variants`; pass the resource itself when the value does not depend on it).
   */
  get(model: TemplateModel, resource: object, variant: object, compute: () => V): V {
    let byResource = this.perModel.get(model);
    if (!byResource) {
      byResource = new WeakMap();
      this.perModel.set(model, byResource);
    }
    let byVariant = byResource.get(resource);
    if (!byVariant) {
      byVariant = new Map();
      byResource.set(resource, byVariant);
    }
    if (byVariant.has(variant)) return byVariant.get(variant) as V;
    const value = compute();
    byVariant.set(variant, value);
    return value;
  }
}
