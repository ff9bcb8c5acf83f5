import { CollectionTag, LineCounter, parseDocument, ScalarTag } from 'yaml';

/**
 * CloudFormation's YAML short forms (`!Ref`, `!GetAtt`, `!Sub`, ...) and the long-form key
 * each one stands for. Every short form may be written on a scalar, a sequence or a mapping;
 * CloudFormation decides what the argument means, so we only translate the tag.
 */
const SHORT_FORMS: Readonly<Record<string, string>> = {
  '!Ref': 'Ref',
  '!Condition': 'Condition',
  '!Sub': 'Fn::Sub',
  '!GetAtt': 'Fn::GetAtt',
  '!Join': 'Fn::Join',
  '!If': 'Fn::If',
  '!Select': 'Fn::Select',
  '!Split': 'Fn::Split',
  '!FindInMap': 'Fn::FindInMap',
  '!Base64': 'Fn::Base64',
  '!Cidr': 'Fn::Cidr',
  '!ImportValue': 'Fn::ImportValue',
  '!GetAZs': 'Fn::GetAZs',
  '!Equals': 'Fn::Equals',
  '!And': 'Fn::And',
  '!Or': 'Fn::Or',
  '!Not': 'Fn::Not',
  '!Transform': 'Fn::Transform',
  '!Length': 'Fn::Length',
  '!ToJsonString': 'Fn::ToJsonString',
};

/** `!GetAtt Res.Attr.Sub` means `["Res", "Attr.Sub"]`: the logical id never contains a dot, attributes may. */
function getAttArgument(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const dot = value.indexOf('.');
  return dot < 0 ? value : [value.slice(0, dot), value.slice(dot + 1)];
}

function longForm(intrinsic: string, argument: unknown): Record<string, unknown> {
  return { [intrinsic]: intrinsic === 'Fn::GetAtt' ? getAttArgument(argument) : argument };
}

function tagsFor(tag: string, intrinsic: string): Array<ScalarTag | CollectionTag> {
  const scalar: ScalarTag = {
    tag,
    resolve: (value: string) => longForm(intrinsic, value),
  };
  const sequence: CollectionTag = {
    tag,
    collection: 'seq',
    resolve: (node) => longForm(intrinsic, node.toJSON()),
  };
  const mapping: CollectionTag = {
    tag,
    collection: 'map',
    resolve: (node) => longForm(intrinsic, node.toJSON()),
  };
  return [scalar, sequence, mapping];
}

const CLOUDFORMATION_TAGS = Object.entries(SHORT_FORMS).flatMap(([tag, intrinsic]) => tagsFor(tag, intrinsic));

/** A YAML problem with the position it was found at (1-based). */
export interface YamlProblem {
  readonly message: string;
  readonly line?: number;
  readonly column?: number;
}

export type YamlParseResult = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly problem: YamlProblem };

/**
 * Parses a CloudFormation YAML document into the same plain structure as its JSON form.
 * Unknown tags are an error (CloudFormation rejects them too). A duplicate key keeps its last
 * value, as `JSON.parse` does for JSON templates, so both syntaxes read the same.
 */
export function parseCloudFormationYaml(text: string): YamlParseResult {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { customTags: CLOUDFORMATION_TAGS, prettyErrors: false, uniqueKeys: false, lineCounter });
  const problems = [...document.errors, ...document.warnings.filter((w) => w.code === 'TAG_RESOLVE_FAILED')];
  if (problems.length > 0) {
    const first = problems[0];
    const position = lineCounter.linePos(first.pos[0]);
    return { ok: false, problem: { message: firstLine(first.message), line: position.line, column: position.col } };
  }
  try {
    // The alias limit stops "billion laughs" documents from expanding without bound.
    return { ok: true, value: document.toJS({ maxAliasCount: 100 }) };
  } catch (error) {
    return { ok: false, problem: { message: firstLine((error as Error).message ?? String(error)) } };
  }
}

/** yaml's messages may carry a code frame quoting the input; the input can hold a credential, so keep only the first line. */
function firstLine(message: string): string {
  return message.split('\n')[0].replace(/\s+at line \d+, column \d+:?$/, '').trim();
}
