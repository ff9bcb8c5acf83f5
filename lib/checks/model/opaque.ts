/**
 * Why a value could not be reduced to a literal.
 *
 * - `ref` / `getatt`: a reference to a resource in the same template (rules may follow it).
 * - `pseudo`: a pseudo parameter such as `AWS::AccountId` (known at deploy time, symbolic here).
 * - `parameter`: a template parameter without a usable default, or a `NoEcho` one.
 * - `import`: `Fn::ImportValue`, a value from another stack.
 * - `composite`: a string built by `Fn::Join` / `Fn::Sub` with at least one symbolic part.
 * - `unsupported`: anything else the model does not evaluate (`Fn::GetAZs`, `Fn::Cidr`, transforms, malformed intrinsics...).
 */
export type OpaqueKind = 'ref' | 'getatt' | 'pseudo' | 'parameter' | 'import' | 'composite' | 'unsupported';

/**
 * A value the checker can see but not reduce to a literal.
 *
 * Rules must treat an opaque value as "cannot verify" unless they have a specific,
 * documented reason to accept it (e.g. `aws:SourceAccount` equal to `${AWS::AccountId}`).
 */
export class Opaque {
  constructor(
    readonly kind: OpaqueKind,
    /** Stable, human-readable rendering: `<Logical>`, `<Logical.Attr>`, `<AWS::Region>`, `<ImportValue:Name>`. */
    readonly display: string,
    readonly details: {
      /** Logical id of the resource or parameter referenced. */
      readonly target?: string;
      /** Attribute for `Fn::GetAtt`. */
      readonly attribute?: string;
      /** Parts of a composite string, literals and opaque values in order. */
      readonly parts?: ReadonlyArray<string | Opaque>;
      /** The value comes from a `NoEcho` parameter: never print it, and treat it as sensitive. */
      readonly sensitive?: boolean;
      /** Why it could not be resolved, for "cannot verify" messages. */
      readonly reason?: string;
    } = {},
  ) {}

  /** Renders the value the way it appears in finding messages and keys. */
  toString(): string {
    return this.display;
  }

  /** JSON rendering keeps reports stable and free of object dumps. */
  toJSON(): string {
    return this.display;
  }

  /** Every opaque leaf of this value (itself, or the opaque parts of a composite string). */
  leaves(): Opaque[] {
    if (this.kind !== 'composite') return [this];
    return (this.details.parts ?? []).flatMap((p) => (p instanceof Opaque ? p.leaves() : []));
  }
}

export function isOpaque(value: unknown): value is Opaque {
  return value instanceof Opaque;
}

/** Renders any resolved value as text: literals as themselves, opaque values by their display form. */
export function displayValue(value: unknown): string {
  if (value instanceof Opaque) return value.display;
  if (typeof value === 'string') return value;
  if (value === undefined) return '(absent)';
  return JSON.stringify(value);
}
