import { Opaque } from './opaque';

/** The parts of a template the resolver needs. */
export interface ResolverTemplate {
  readonly Parameters?: Record<string, TemplateParameter>;
  readonly Mappings?: Record<string, Record<string, Record<string, unknown>>>;
  readonly Conditions?: Record<string, unknown>;
  readonly Resources?: Record<string, unknown>;
}

export interface TemplateParameter {
  readonly Type?: string;
  readonly Default?: unknown;
  readonly AllowedValues?: unknown[];
  readonly NoEcho?: boolean | string;
}

/**
 * One way the template can be deployed: a branch for each condition used in `Fn::If`,
 * and a value for each parameter that has several allowed values.
 */
export interface Assignment {
  readonly conditions: ReadonlyMap<string, boolean>;
  readonly parameters: ReadonlyMap<string, unknown>;
}

/** Marker for `AWS::NoValue`: the property or list element is removed. */
const NO_VALUE = Symbol('AWS::NoValue');

const PSEUDO_PARAMETERS = new Set([
  'AWS::AccountId',
  'AWS::NotificationARNs',
  'AWS::Partition',
  'AWS::Region',
  'AWS::StackId',
  'AWS::StackName',
  'AWS::URLSuffix',
]);

const INTRINSICS = new Set([
  'Ref',
  'Fn::GetAtt',
  'Fn::Join',
  'Fn::Sub',
  'Fn::If',
  'Fn::Select',
  'Fn::Split',
  'Fn::FindInMap',
  'Fn::ImportValue',
  'Fn::Base64',
  'Fn::GetAZs',
  'Fn::Cidr',
  'Fn::Transform',
  'Fn::Length',
  'Fn::ToJsonString',
  'Fn::Equals',
  'Fn::And',
  'Fn::Or',
  'Fn::Not',
  'Condition',
]);

/** At most this many deployment variants are evaluated per value; beyond, remaining choices stay opaque. */
export const MAX_VARIANTS = 32;

/**
 * Reduces CloudFormation values to literals where the template determines them, and to
 * {@link Opaque} values where it does not. Never throws on malformed input: a malformed
 * intrinsic becomes an opaque value with a reason.
 */
export class Resolver {
  constructor(private readonly template: ResolverTemplate) {}

  /**
   * Every deployment variant of a value: `Fn::If` is evaluated both ways (consistently per
   * condition) and parameters with `AllowedValues` take each allowed value. Rules evaluate
   * each variant and the worst result wins.
   */
  variants(value: unknown): unknown[] {
    return this.assignments(value).map((assignment) => this.resolve(value, assignment));
  }

  /** The assignments to evaluate for a value (at least one, at most {@link MAX_VARIANTS}). */
  assignments(value: unknown): Assignment[] {
    const conditions = new Set<string>();
    const parameters = new Set<string>();
    this.collectChoices(value, conditions, parameters, 0);

    type Dimension = { kind: 'condition' | 'parameter'; name: string; options: unknown[] };
    const dimensions: Dimension[] = [
      ...[...conditions].sort().map((name) => ({ kind: 'condition' as const, name, options: [true, false] })),
      ...[...parameters].sort().map((name) => ({
        kind: 'parameter' as const,
        name,
        options: this.template.Parameters?.[name]?.AllowedValues ?? [],
      })),
    ];

    let result: Array<{ conditions: Map<string, boolean>; parameters: Map<string, unknown> }> = [
      { conditions: new Map(), parameters: new Map() },
    ];
    for (const dimension of dimensions) {
      if (result.length * dimension.options.length > MAX_VARIANTS) break; // the rest stay opaque
      const next: typeof result = [];
      for (const partial of result) {
        for (const option of dimension.options) {
          const conditionsCopy = new Map(partial.conditions);
          const parametersCopy = new Map(partial.parameters);
          if (dimension.kind === 'condition') conditionsCopy.set(dimension.name, option as boolean);
          else parametersCopy.set(dimension.name, option);
          next.push({ conditions: conditionsCopy, parameters: parametersCopy });
        }
      }
      result = next;
    }
    return result;
  }

  /** Resolves a value under one assignment (the empty assignment leaves every choice opaque). */
  resolve(value: unknown, assignment: Assignment = EMPTY_ASSIGNMENT): unknown {
    const resolved = this.walk(value, assignment, 0);
    return resolved === NO_VALUE ? undefined : resolved;
  }

  private walk(value: unknown, assignment: Assignment, depth: number): unknown {
    if (depth > 64) return new Opaque('unsupported', '<too deeply nested>', { reason: 'value nested more than 64 levels' });
    if (Array.isArray(value)) {
      return value.map((v) => this.walk(v, assignment, depth + 1)).filter((v) => v !== NO_VALUE);
    }
    if (value === null || typeof value !== 'object') return value;

    const keys = Object.keys(value);
    if (keys.length === 1 && INTRINSICS.has(keys[0]) && keys[0] !== 'Condition') {
      return this.intrinsic(keys[0], (value as Record<string, unknown>)[keys[0]], assignment, depth);
    }
    const out: Record<string, unknown> = {};
    for (const key of keys) {
      const v = this.walk((value as Record<string, unknown>)[key], assignment, depth + 1);
      if (v !== NO_VALUE) out[key] = v;
    }
    return out;
  }

  private intrinsic(name: string, arg: unknown, assignment: Assignment, depth: number): unknown {
    switch (name) {
      case 'Ref':
        return this.ref(arg, assignment);
      case 'Fn::GetAtt':
        return this.getAtt(arg);
      case 'Fn::Join':
        return this.join(arg, assignment, depth);
      case 'Fn::Sub':
        return this.sub(arg, assignment, depth);
      case 'Fn::If':
        return this.fnIf(arg, assignment, depth);
      case 'Fn::Select':
        return this.select(arg, assignment, depth);
      case 'Fn::Split':
        return this.split(arg, assignment, depth);
      case 'Fn::FindInMap':
        return this.findInMap(arg, assignment, depth);
      case 'Fn::ImportValue': {
        const exportName = this.walk(arg, assignment, depth + 1);
        const shown = typeof exportName === 'string' ? exportName : String(exportName);
        return new Opaque('import', `<ImportValue:${shown}>`, { reason: `imported from another stack (export ${shown})` });
      }
      case 'Fn::Base64':
        // The encoded text is what a rule cares about (e.g. credentials in user data).
        return this.walk(arg, assignment, depth + 1);
      case 'Fn::ToJsonString': {
        const inner = this.walk(arg, assignment, depth + 1);
        return containsOpaque(inner)
          ? new Opaque('unsupported', '<Fn::ToJsonString>', { reason: 'JSON string with unresolved parts' })
          : JSON.stringify(inner);
      }
      default:
        return new Opaque('unsupported', `<${name}>`, { reason: `${name} is not evaluated by the checker` });
    }
  }

  private ref(arg: unknown, assignment: Assignment): unknown {
    if (typeof arg !== 'string') return malformed('Ref', 'expects a logical id string');
    if (arg === 'AWS::NoValue') return NO_VALUE;
    if (PSEUDO_PARAMETERS.has(arg)) return new Opaque('pseudo', `<${arg}>`, { target: arg, reason: `${arg} is known only at deploy time` });
    const parameter = this.template.Parameters?.[arg];
    if (parameter) return this.parameterValue(arg, parameter, assignment);
    if (this.template.Resources && arg in this.template.Resources) {
      return new Opaque('ref', `<${arg}>`, { target: arg, reason: `reference to resource ${arg}` });
    }
    return new Opaque('ref', `<${arg}>`, { target: arg, reason: `reference to ${arg}, which is not defined in this template` });
  }

  private parameterValue(name: string, parameter: TemplateParameter, assignment: Assignment): unknown {
    if (parameter.NoEcho === true || parameter.NoEcho === 'true') {
      return new Opaque('parameter', `<${name}>`, { target: name, sensitive: true, reason: `NoEcho parameter ${name}` });
    }
    if (typeof parameter.Type === 'string' && parameter.Type.startsWith('AWS::SSM::Parameter::Value<')) {
      // The Default (and every allowed value) names an SSM parameter; its value is only read at deploy time.
      const source = typeof parameter.Default === 'string' ? `SSM parameter ${parameter.Default}` : 'an SSM parameter';
      return new Opaque('parameter', `<${name}>`, { target: name, reason: `parameter ${name} is read from ${source} at deploy time` });
    }
    let value: unknown;
    if (assignment.parameters.has(name)) value = assignment.parameters.get(name);
    else if (parameter.Default !== undefined) value = parameter.Default;
    else return new Opaque('parameter', `<${name}>`, { target: name, reason: `parameter ${name} has no default` });
    if (typeof parameter.Type === 'string' && /^(List<|CommaDelimitedList)/.test(parameter.Type) && typeof value === 'string') {
      return value.split(',').map((s) => s.trim());
    }
    return typeof value === 'number' || typeof value === 'boolean' ? String(value) : value;
  }

  private getAtt(arg: unknown): unknown {
    let parts: unknown[] | undefined;
    if (typeof arg === 'string') {
      const dot = arg.indexOf('.');
      parts = dot > 0 ? [arg.slice(0, dot), arg.slice(dot + 1)] : undefined;
    } else if (Array.isArray(arg)) {
      parts = arg;
    }
    if (!parts || parts.length !== 2 || typeof parts[0] !== 'string') return malformed('Fn::GetAtt', 'expects [LogicalId, Attribute]');
    const attribute = typeof parts[1] === 'string' ? parts[1] : '?';
    return new Opaque('getatt', `<${parts[0]}.${attribute}>`, {
      target: parts[0],
      attribute,
      reason: `attribute ${attribute} of ${parts[0]} is known only at deploy time`,
    });
  }

  private join(arg: unknown, assignment: Assignment, depth: number): unknown {
    if (!Array.isArray(arg) || arg.length !== 2 || typeof arg[0] !== 'string') return malformed('Fn::Join', 'expects [delimiter, list]');
    const list = this.walk(arg[1], assignment, depth + 1);
    if (!Array.isArray(list)) return composite([list instanceof Opaque ? list : String(list)], 'Fn::Join over a list known only at deploy time');
    const parts: Array<string | Opaque> = [];
    list.forEach((item, index) => {
      if (index > 0 && arg[0] !== '') parts.push(arg[0]);
      parts.push(item instanceof Opaque ? item : scalarText(item));
    });
    return composite(parts);
  }

  private sub(arg: unknown, assignment: Assignment, depth: number): unknown {
    let text: unknown;
    let variables: Record<string, unknown> = {};
    if (typeof arg === 'string') {text = arg;} else if (Array.isArray(arg) && arg.length === 2 && typeof arg[0] === 'string' && isRecord(arg[1])) {
      text = arg[0];
      variables = arg[1];
    } else {return malformed('Fn::Sub', 'expects a string or [string, variables]');}

    const parts: Array<string | Opaque> = [];
    const pattern = /\$\{([^}]*)\}/g;
    let last = 0;
    let match: RegExpExecArray | null;
    const source = text as string;
    while ((match = pattern.exec(source)) !== null) {
      parts.push(source.slice(last, match.index));
      last = match.index + match[0].length;
      const name = match[1].trim();
      if (name.startsWith('!')) {
        parts.push('${' + name.slice(1) + '}');
      } else if (name in variables) {
        const v = this.walk(variables[name], assignment, depth + 1);
        parts.push(v instanceof Opaque ? v : scalarText(v));
      } else if (name.includes('.') && !PSEUDO_PARAMETERS.has(name)) {
        const v = this.getAtt(name);
        parts.push(v instanceof Opaque ? v : String(v));
      } else {
        const v = this.ref(name, assignment);
        parts.push(v instanceof Opaque ? v : scalarText(v));
      }
    }
    parts.push(source.slice(last));
    return composite(parts);
  }

  private fnIf(arg: unknown, assignment: Assignment, depth: number): unknown {
    if (!Array.isArray(arg) || arg.length !== 3 || typeof arg[0] !== 'string') return malformed('Fn::If', 'expects [condition, whenTrue, whenFalse]');
    const branch = assignment.conditions.get(arg[0]);
    if (branch === undefined) {
      return new Opaque('unsupported', `<If:${arg[0]}>`, { reason: `depends on condition ${arg[0]} (too many combinations to evaluate)` });
    }
    return this.walk(branch ? arg[1] : arg[2], assignment, depth + 1);
  }

  private select(arg: unknown, assignment: Assignment, depth: number): unknown {
    if (!Array.isArray(arg) || arg.length !== 2) return malformed('Fn::Select', 'expects [index, list]');
    const index = this.walk(arg[0], assignment, depth + 1);
    const list = this.walk(arg[1], assignment, depth + 1);
    const i = typeof index === 'number' ? index : typeof index === 'string' && /^\d+$/.test(index) ? Number(index) : undefined;
    if (i === undefined || !Array.isArray(list)) {
      return new Opaque('unsupported', '<Fn::Select>', { reason: 'Fn::Select over values known only at deploy time' });
    }
    return i < list.length ? list[i] : malformed('Fn::Select', `index ${i} is out of range`);
  }

  private split(arg: unknown, assignment: Assignment, depth: number): unknown {
    if (!Array.isArray(arg) || arg.length !== 2 || typeof arg[0] !== 'string') return malformed('Fn::Split', 'expects [delimiter, string]');
    const source = this.walk(arg[1], assignment, depth + 1);
    if (typeof source !== 'string') return new Opaque('unsupported', '<Fn::Split>', { reason: 'Fn::Split of a value known only at deploy time' });
    return source.split(arg[0]);
  }

  private findInMap(arg: unknown, assignment: Assignment, depth: number): unknown {
    if (!Array.isArray(arg) || arg.length < 3) return malformed('Fn::FindInMap', 'expects [map, topKey, secondKey]');
    const [map, top, second] = arg.slice(0, 3).map((k) => this.walk(k, assignment, depth + 1));
    if (typeof map === 'string' && typeof top === 'string' && typeof second === 'string') {
      const found = this.template.Mappings?.[map]?.[top]?.[second];
      if (found !== undefined) return this.walk(found, assignment, depth + 1);
    }
    const defaultValue = isRecord(arg[3]) ? arg[3].DefaultValue : undefined;
    if (defaultValue !== undefined && typeof top === 'string' && typeof second === 'string') return this.walk(defaultValue, assignment, depth + 1);
    return new Opaque('unsupported', `<FindInMap:${String(map)}>`, { reason: 'Fn::FindInMap with keys known only at deploy time' });
  }

  private collectChoices(value: unknown, conditions: Set<string>, parameters: Set<string>, depth: number): void {
    if (depth > 64 || value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) {
      for (const v of value) this.collectChoices(v, conditions, parameters, depth + 1);
      return;
    }
    const record = value as Record<string, unknown>;
    const ifArgs = record['Fn::If'];
    if (Array.isArray(ifArgs) && typeof ifArgs[0] === 'string') conditions.add(ifArgs[0]);
    const ref = record.Ref;
    if (typeof ref === 'string') this.noteParameter(ref, parameters);
    const sub = record['Fn::Sub'];
    const subText = typeof sub === 'string' ? sub : Array.isArray(sub) && typeof sub[0] === 'string' ? sub[0] : undefined;
    if (subText) for (const m of subText.matchAll(/\$\{([^!}][^}]*)\}/g)) this.noteParameter(m[1].trim(), parameters);
    for (const v of Object.values(record)) this.collectChoices(v, conditions, parameters, depth + 1);
  }

  private noteParameter(name: string, parameters: Set<string>): void {
    const allowed = this.template.Parameters?.[name]?.AllowedValues;
    if (Array.isArray(allowed) && allowed.length > 1) parameters.add(name);
  }
}

const EMPTY_ASSIGNMENT: Assignment = { conditions: new Map(), parameters: new Map() };

function malformed(intrinsic: string, expectation: string): Opaque {
  return new Opaque('unsupported', `<malformed ${intrinsic}>`, { reason: `malformed ${intrinsic}: ${expectation}` });
}

/** Joins adjacent literal parts; a fully literal result is a plain string. */
function composite(parts: Array<string | Opaque>, reason?: string): string | Opaque {
  const merged: Array<string | Opaque> = [];
  for (const part of parts) {
    const flat = part instanceof Opaque && part.kind === 'composite' ? part.details.parts ?? [] : [part];
    for (const p of flat) {
      const prev = merged[merged.length - 1];
      if (typeof p === 'string' && typeof prev === 'string') merged[merged.length - 1] = prev + p;
      else if (p !== '') merged.push(p);
    }
  }
  if (merged.every((p) => typeof p === 'string')) return (merged as string[]).join('');
  const display = merged.map((p) => (typeof p === 'string' ? p : p.display)).join('');
  return new Opaque('composite', display, { parts: merged, reason: reason ?? `string built from values known only at deploy time (${display})` });
}

function scalarText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value) ?? '';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** True when any leaf of a resolved value is opaque. */
export function containsOpaque(value: unknown): boolean {
  if (value instanceof Opaque) return true;
  if (Array.isArray(value)) return value.some(containsOpaque);
  if (isRecord(value)) return Object.values(value).some(containsOpaque);
  return false;
}
