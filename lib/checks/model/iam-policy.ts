import { actionMatches, hasWildcard, resourceGlobMatches } from './iam-actions';
import { Opaque } from './opaque';
import { property } from './values';

/**
 * The IAM policy model: normalised statements from any resolved policy document (identity
 * policies, trust policies, KMS key policies, ECR/Secrets Manager resource policies).
 *
 * Input is a document as {@link TemplateModel.variants} returns it: intrinsics are resolved,
 * values that cannot be reduced are {@link Opaque}. The model never throws and never drops an
 * opaque value; rules decide what an opaque value means for them.
 */

/** A value in a policy element: a literal string, or an opaque value the checker cannot reduce. */
export type PolicyValue = string | Opaque;

/** One `Condition` entry: `{ "<operator>": { "<key>": <values> } }`, one clause per key. */
export interface ConditionClause {
  /** The operator as written, e.g. `ForAnyValue:StringLikeIfExists`. */
  readonly operator: string;
  /** The operator without set qualifier and `IfExists`, e.g. `StringLike`. */
  readonly baseOperator: string;
  readonly ifExists: boolean;
  readonly setQualifier?: 'ForAnyValue' | 'ForAllValues';
  /** The condition key as written (keys are case-insensitive; compare with {@link conditionClauses}). */
  readonly key: string;
  readonly values: readonly PolicyValue[];
}

/** One principal of a `Principal` element. `type` is `*` for the bare string form `"Principal": "*"`. */
export interface PrincipalEntry {
  readonly type: 'AWS' | 'Service' | 'Federated' | 'CanonicalUser' | '*' | string;
  readonly value: PolicyValue;
}

/** A normalised policy statement. Absent elements are `undefined`; present ones are always lists. */
export interface PolicyStatement {
  /** Stable finding key: `Statement::<Sid>` or `Statement::<index>` (0-based), prefixed by `<policy name>/` when one resource holds several documents. */
  readonly key: string;
  readonly index: number;
  readonly sid?: string;
  /** The policy the statement belongs to, when one resource holds several (inline `Policies`). */
  readonly policyName?: string;
  /** `Allow`/`Deny` (normalised case), `undefined` when absent, an opaque value when it is an intrinsic. */
  readonly effect?: 'Allow' | 'Deny' | Opaque;
  /** Why IAM would reject this statement (missing `Effect`, `Action` and `NotAction` together...). */
  readonly invalid?: string;
  readonly actions?: readonly PolicyValue[];
  readonly notActions?: readonly PolicyValue[];
  readonly resources?: readonly PolicyValue[];
  readonly notResources?: readonly PolicyValue[];
  readonly principals?: readonly PrincipalEntry[];
  readonly notPrincipals?: readonly PrincipalEntry[];
  readonly conditions: readonly ConditionClause[];
  /** An opaque `Condition` block (e.g. an unresolved `Fn::If`): conditions exist but cannot be read. */
  readonly opaqueCondition?: Opaque;
}

/** Options for {@link parseStatements}. */
export interface ParseOptions {
  /** Prefix statement keys with this policy name (inline `Policies`, several documents per resource). */
  readonly policyName?: string;
}

/**
 * Normalises a resolved policy document (or a bare statement list) into statements.
 * A document that is itself opaque yields no statements; test with {@link isOpaqueDocument}.
 */
export function parseStatements(document: unknown, options: ParseOptions = {}): PolicyStatement[] {
  if (document instanceof Opaque || document === undefined || document === null) return [];
  let raw: unknown = Array.isArray(document) ? document : typeof document === 'object' ? property(document as Record<string, unknown>, 'Statement') : undefined;
  if (typeof document === 'string') raw = parseJsonStatements(document);
  if (raw === undefined || raw === null) return [];
  const list = Array.isArray(raw) ? raw : [raw];
  return list.map((entry, index) => parseStatement(entry, index, options.policyName));
}

/** True when a document (or its `Statement`) is an opaque value, so its statements are unknown. */
export function isOpaqueDocument(document: unknown): Opaque | undefined {
  if (document instanceof Opaque) return document;
  if (document && typeof document === 'object' && !Array.isArray(document)) {
    const statement = property(document as Record<string, unknown>, 'Statement');
    if (statement instanceof Opaque) return statement;
  }
  return undefined;
}

function parseJsonStatements(text: string): unknown {
  try {
    const parsed = JSON.parse(text);
    return parsed && typeof parsed === 'object' ? (Array.isArray(parsed) ? parsed : property(parsed, 'Statement')) : undefined;
  } catch {
    return undefined;
  }
}

function parseStatement(entry: unknown, index: number, policyName: string | undefined): PolicyStatement {
  const prefix = policyName ? `${policyName}/` : '';
  if (!entry || typeof entry !== 'object' || Array.isArray(entry) || entry instanceof Opaque) {
    const shown = entry instanceof Opaque ? entry.display : JSON.stringify(entry);
    return {
      key: `Statement::${prefix}${index}`,
      index,
      policyName,
      invalid: entry instanceof Opaque ? undefined : `statement ${index} is not an object (${shown})`,
      effect: entry instanceof Opaque ? entry : undefined,
      conditions: [],
    };
  }
  const record = entry as Record<string, unknown>;
  const sidValue = property(record, 'Sid');
  const sid = typeof sidValue === 'string' && sidValue !== '' ? sidValue : undefined;
  const effect = parseEffect(property(record, 'Effect'));
  const actions = valueList(property(record, 'Action'));
  const notActions = valueList(property(record, 'NotAction'));
  const resources = valueList(property(record, 'Resource'));
  const notResources = valueList(property(record, 'NotResource'));
  const principals = principalList(property(record, 'Principal'));
  const notPrincipals = principalList(property(record, 'NotPrincipal'));
  const conditionRaw = property(record, 'Condition');
  const conditions = conditionList(conditionRaw);

  const problems: string[] = [];
  if (effect === undefined) problems.push(property(record, 'Effect') === undefined ? 'it has no Effect' : 'its Effect is neither Allow nor Deny');
  if (actions && notActions) problems.push('it has both Action and NotAction');
  if (!actions && !notActions) problems.push('it has neither Action nor NotAction');
  if (resources && notResources) problems.push('it has both Resource and NotResource');
  if (principals && notPrincipals) problems.push('it has both Principal and NotPrincipal');

  return {
    key: `Statement::${prefix}${sid ?? index}`,
    index,
    sid,
    policyName,
    effect,
    invalid: problems.length ? `statement ${sid ?? index} is invalid: ${problems.join(', ')}` : undefined,
    actions,
    notActions,
    resources,
    notResources,
    principals,
    notPrincipals,
    conditions,
    opaqueCondition: conditionRaw instanceof Opaque ? conditionRaw : undefined,
  };
}

function parseEffect(value: unknown): PolicyStatement['effect'] {
  if (value instanceof Opaque) return value;
  if (typeof value !== 'string') return undefined;
  if (value.toLowerCase() === 'allow') return 'Allow';
  if (value.toLowerCase() === 'deny') return 'Deny';
  return undefined;
}

function valueList(value: unknown): PolicyValue[] | undefined {
  if (value === undefined || value === null) return undefined;
  const list = Array.isArray(value) ? value : [value];
  return list.map(toPolicyValue);
}

function toPolicyValue(value: unknown): PolicyValue {
  if (value instanceof Opaque || typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return new Opaque('unsupported', JSON.stringify(value) ?? String(value), { reason: `expected a string, found ${JSON.stringify(value)}` });
}

function principalList(value: unknown): PrincipalEntry[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return [{ type: value === '*' ? '*' : 'AWS', value }];
  if (value instanceof Opaque) return [{ type: '*', value }];
  if (typeof value !== 'object' || Array.isArray(value)) return [{ type: '*', value: toPolicyValue(value) }];
  const entries: PrincipalEntry[] = [];
  for (const [type, v] of Object.entries(value as Record<string, unknown>)) {
    const canonical = ['AWS', 'Service', 'Federated', 'CanonicalUser'].find((t) => t.toLowerCase() === type.toLowerCase()) ?? type;
    for (const item of valueList(v) ?? []) entries.push({ type: canonical, value: item });
  }
  return entries;
}

function conditionList(value: unknown): ConditionClause[] {
  if (!value || typeof value !== 'object' || Array.isArray(value) || value instanceof Opaque) return [];
  const clauses: ConditionClause[] = [];
  for (const [operator, block] of Object.entries(value as Record<string, unknown>)) {
    const qualifierMatch = /^(ForAnyValue|ForAllValues):/i.exec(operator);
    const setQualifier = qualifierMatch ? (qualifierMatch[1].toLowerCase() === 'foranyvalue' ? 'ForAnyValue' : 'ForAllValues') : undefined;
    let base = qualifierMatch ? operator.slice(qualifierMatch[0].length) : operator;
    const ifExists = /IfExists$/i.test(base);
    if (ifExists) base = base.slice(0, -'IfExists'.length);
    if (block instanceof Opaque) {
      clauses.push({ operator, baseOperator: base, ifExists, setQualifier, key: block.display, values: [block] });
      continue;
    }
    if (!block || typeof block !== 'object' || Array.isArray(block)) continue;
    for (const [key, values] of Object.entries(block as Record<string, unknown>)) {
      clauses.push({ operator, baseOperator: base, ifExists, setQualifier, key, values: valueList(values) ?? [] });
    }
  }
  return clauses;
}

/** The clauses on a condition key (case-insensitive), optionally only for some base operators (`StringEquals`, `ArnLike`...). */
export function conditionClauses(statement: PolicyStatement, key: string, baseOperators?: readonly string[]): ConditionClause[] {
  const lowerKey = key.toLowerCase();
  const operators = baseOperators?.map((o) => o.toLowerCase());
  return statement.conditions.filter(
    (c) => c.key.toLowerCase() === lowerKey && (!operators || operators.includes(c.baseOperator.toLowerCase())),
  );
}

/** True for operators that treat `*`/`?` in values as wildcards (`StringLike`, `ArnLike`, `ArnEquals`). */
export function isWildcardOperator(baseOperator: string): boolean {
  return /^(StringLike|StringNotLike|ArnLike|ArnNotLike|ArnEquals|ArnNotEquals)$/i.test(baseOperator);
}

/**
 * True when the statement has at least one condition that can narrow it. A clause whose every
 * value is `*` under a wildcard operator matches anything and does not count; an opaque
 * `Condition` block counts (it exists, so the statement is not unconditional).
 */
export function hasNarrowingCondition(statement: PolicyStatement): boolean {
  if (statement.opaqueCondition) return true;
  return statement.conditions.some((c) => {
    if (/^Null$/i.test(c.baseOperator)) return true;
    const matchesAll = c.values.length > 0 && c.values.every((v) => typeof v === 'string' && /^\*+$/.test(v));
    return !(matchesAll && isWildcardOperator(c.baseOperator));
  });
}

/** True when the effect is `Allow`. An opaque effect is neither allow nor deny: rules decide. */
export function isAllow(statement: PolicyStatement): boolean {
  return statement.effect === 'Allow';
}

/** Three-valued answer: `true`, `false`, or the opaque value that prevents deciding. */
export type Tristate = boolean | Opaque;

/**
 * Whether the statement's `Action`/`NotAction` covers a concrete action (case-insensitive globbing).
 * `NotAction` covers every action it does not list. Returns an opaque value when an undecidable
 * element (an intrinsic) could change the answer.
 */
export function coversAction(statement: PolicyStatement, action: string): Tristate {
  if (statement.actions) return anyMatch(statement.actions, (p) => actionPatternMatches(p, action));
  if (statement.notActions) {
    const excluded = anyMatch(statement.notActions, (p) => actionPatternMatches(p, action));
    return excluded instanceof Opaque ? excluded : !excluded;
  }
  return false;
}

function actionPatternMatches(pattern: PolicyValue, action: string): Tristate {
  return typeof pattern === 'string' ? actionMatches(pattern, action) : pattern;
}

/**
 * Whether the statement's `Resource`/`NotResource` covers a resource. The resource may be an
 * ARN string or an opaque value (a `Ref` to a secret, a composite ARN); see {@link resourceMatches}.
 */
export function coversResource(statement: PolicyStatement, resource: PolicyValue): Tristate {
  if (statement.resources) return anyMatch(statement.resources, (p) => resourceMatches(p, resource));
  if (statement.notResources) {
    const excluded = anyMatch(statement.notResources, (p) => resourceMatches(p, resource));
    return excluded instanceof Opaque ? excluded : !excluded;
  }
  // A statement without Resource (trust and key policies) applies to the resource holding it.
  return true;
}

/** True when some `Resource` is `*` (any resource), or the statement uses `NotResource`. */
export function coversAllResources(statement: PolicyStatement): boolean {
  if (statement.notResources) return true;
  return (statement.resources ?? []).some((r) => typeof r === 'string' && /^\*+$/.test(r));
}

function anyMatch(values: readonly PolicyValue[], test: (pattern: PolicyValue) => Tristate): Tristate {
  let undecided: Opaque | undefined;
  for (const value of values) {
    const result = test(value);
    if (result === true) return true;
    if (result instanceof Opaque) undecided ??= result;
  }
  return undecided ?? false;
}

/**
 * Whether a `Resource` pattern matches a resource. Both may be opaque: an opaque part is
 * compared by its display form (`<Secret>` matches `<Secret>`), literal parts glob as IAM does.
 * Returns an opaque value when the answer depends on what an intrinsic resolves to.
 */
export function resourceMatches(pattern: PolicyValue, resource: PolicyValue): Tristate {
  if (typeof pattern === 'string' && /^\*+$/.test(pattern)) return true;
  const patternText = tokenText(pattern);
  const resourceText = tokenText(resource);
  if (resourceGlobMatches(patternText.glob, resourceText.literal)) return true;
  if (!patternText.opaque && !resourceText.opaque) return false;
  if (!mayMatchService(pattern, resource)) return false;
  return (patternText.opaque ?? resourceText.opaque) as Opaque;
}

/** Opaque parts become unique literal tokens (no `:`, `*` or `?` inside), so `<Secret>` only matches `<Secret>`. */
function tokenText(value: PolicyValue): { glob: string; literal: string; opaque?: Opaque } {
  if (typeof value === 'string') return { glob: value, literal: value };
  const parts = value.kind === 'composite' ? value.details.parts ?? [] : [value];
  const text = parts.map((p) => (typeof p === 'string' ? p : `\u0000${p.display.replace(/[*?:]/g, '_')}\u0000`)).join('');
  return { glob: text, literal: text, opaque: value };
}

/** False only when both sides name an ARN service and the services differ (a bucket pattern never covers a secret). */
function mayMatchService(pattern: PolicyValue, resource: PolicyValue): boolean {
  const a = arnService(pattern);
  const b = arnService(resource);
  if (a === undefined || b === undefined || hasWildcard(a) || hasWildcard(b)) return true;
  return a === b;
}

/** The service field of an ARN-shaped value (`arn:<p>:secretsmanager:...` → `secretsmanager`), when its literal parts show it. */
export function arnService(value: PolicyValue): string | undefined {
  const match = /^arn:[^:]*:([^:\u0000]+):/.exec(tokenText(value).literal);
  return match ? match[1] : undefined;
}

/** True when the `Principal` is public: `"*"`, `{"AWS": "*"}` (or any `*`-only principal value). */
export function hasPublicPrincipal(statement: PolicyStatement): boolean {
  return (statement.principals ?? []).some((p) => (p.type === '*' || p.type === 'AWS') && typeof p.value === 'string' && /^\*+$/.test(p.value));
}

/**
 * The service principal names of a statement, lower-cased, with `<AWS::URLSuffix>` read as
 * `amazonaws.com` (older CDK versions render `ecs-tasks.${AWS::URLSuffix}`).
 */
export function servicePrincipals(statement: PolicyStatement): PolicyValue[] {
  return (statement.principals ?? []).filter((p) => p.type === 'Service').map((p) => normaliseServiceName(p.value));
}

function normaliseServiceName(value: PolicyValue): PolicyValue {
  if (typeof value === 'string') return value.toLowerCase();
  if (value.kind !== 'composite') return value;
  const parts = value.details.parts ?? [];
  const text = parts.map((p) => (typeof p === 'string' ? p : p.kind === 'pseudo' && p.details.target === 'AWS::URLSuffix' ? 'amazonaws.com' : undefined));
  return text.every((t): t is string => t !== undefined) ? text.join('').toLowerCase() : value;
}

/** True when a service principal list names the service (e.g. `ecs-tasks.amazonaws.com`). */
export function namesService(statement: PolicyStatement, service: string): boolean {
  return servicePrincipals(statement).some((s) => typeof s === 'string' && s === service.toLowerCase());
}

/** Renders a policy value for messages and keys: literals as themselves, intrinsics as `<X>`. */
export function flatten(value: PolicyValue): string {
  return typeof value === 'string' ? value : value.display;
}

/**
 * Splits an ARN-shaped value into its colon-separated fields (`arn`, partition, service, region,
 * account, resource...). A field is a literal string, or an opaque value when an intrinsic
 * (`<AWS::AccountId>`) fills or shares it. The resource field keeps any further colons.
 * `undefined` when the value is not ARN-shaped.
 */
export function splitArn(value: PolicyValue): Array<PolicyValue> | undefined {
  const parts = typeof value === 'string' ? [value] : value.kind === 'composite' ? value.details.parts ?? [] : [value];
  const fields: Array<Array<string | Opaque>> = [[]];
  for (const part of parts) {
    if (typeof part !== 'string') {
      fields[fields.length - 1].push(part);
      continue;
    }
    const pieces = part.split(':');
    pieces.forEach((piece, i) => {
      if (i > 0) {
        if (fields.length < 6) fields.push([]);
        else fields[fields.length - 1].push(':');
      }
      if (piece !== '') fields[fields.length - 1].push(piece);
    });
  }
  const result = fields.map(joinField);
  return result.length >= 6 && result[0] === 'arn' ? result : undefined;
}

function joinField(parts: Array<string | Opaque>): PolicyValue {
  const merged: Array<string | Opaque> = [];
  for (const p of parts) {
    const prev = merged[merged.length - 1];
    if (typeof p === 'string' && typeof prev === 'string') merged[merged.length - 1] = prev + p;
    else merged.push(p);
  }
  if (merged.length === 0) return '';
  if (merged.length === 1) return merged[0];
  const display = merged.map((p) => (typeof p === 'string' ? p : p.display)).join('');
  return new Opaque('composite', display, { parts: merged, reason: `ARN field built from values known only at deploy time (${display})` });
}

/** True for the pseudo parameter `AWS::AccountId` (bare, or a `Fn::Sub` of nothing else): the stack's own account. */
export function isOwnAccount(value: PolicyValue): boolean {
  const only = value instanceof Opaque && value.kind === 'composite' && value.details.parts?.length === 1 ? value.details.parts[0] : value;
  return only instanceof Opaque && only.kind === 'pseudo' && only.details.target === 'AWS::AccountId';
}
