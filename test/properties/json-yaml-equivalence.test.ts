import * as fc from 'fast-check';
import { Document, Scalar, YAMLMap, YAMLSeq, isMap, isSeq, visit } from 'yaml';
import { template } from './arbitraries';
import { ALL_RULES } from '../../lib/checks/catalogue';
import { checkModel } from '../../lib/checks/engine';
import { parseDocument } from '../../lib/checks/input/parse-document';
import { TemplateModel } from '../../lib/checks/model/template-model';

const RUNS = Number(process.env.PROPERTY_RUNS ?? 60);

/** Intrinsics that have a short-form YAML tag (`{ "Fn::Sub": x }` -> `!Sub x`). */
const SHORT_FORMS: Record<string, string> = {
  'Ref': '!Ref',
  'Fn::GetAtt': '!GetAtt',
  'Fn::Join': '!Join',
  'Fn::Sub': '!Sub',
  'Fn::If': '!If',
  'Fn::Select': '!Select',
  'Fn::Split': '!Split',
  'Fn::ImportValue': '!ImportValue',
  'Fn::GetAZs': '!GetAZs',
  'Fn::Equals': '!Equals',
  'Fn::FindInMap': '!FindInMap',
};

/** Renders a template as YAML, writing every intrinsic in its short form, as people write CloudFormation by hand. */
function toShortFormYaml(value: unknown): string {
  const doc = new Document(value, { aliasDuplicateObjects: false });
  visit(doc, {
    Map(_key, node) {
      if (!isMap(node) || node.items.length !== 1) return undefined;
      const pair = node.items[0];
      const name = (pair.key as Scalar).value as string;
      const tag = SHORT_FORMS[name];
      if (!tag) return undefined;
      const inner = pair.value as Scalar | YAMLSeq | YAMLMap;
      if (isSeq(inner) || isMap(inner) || inner instanceof Scalar) {
        inner.tag = tag;
        return inner;
      }
      return undefined;
    },
  });
  return doc.toString();
}

function findings(parsed: unknown): string {
  return JSON.stringify(checkModel(new TemplateModel(parsed as object), ALL_RULES).findings);
}

describe('JSON and the equivalent YAML give the same findings (fast-check)', () => {
  test('long-form YAML, short-form YAML and JSON parse to templates with identical findings', () => {
    fc.assert(
      fc.property(template, (t) => {
        const fromJson = parseDocument(Buffer.from(JSON.stringify(t, null, 2)));
        const fromLongYaml = parseDocument(Buffer.from(new Document(t, { aliasDuplicateObjects: false }).toString()));
        const fromShortYaml = parseDocument(Buffer.from(toShortFormYaml(t)));
        expect(fromJson.syntax).toBe('JSON');
        expect(fromShortYaml.syntax).toBe('YAML');
        const expected = findings(fromJson.value);
        expect(findings(fromLongYaml.value)).toBe(expected);
        expect(findings(fromShortYaml.value)).toBe(expected);
      }),
      { numRuns: RUNS },
    );
  });

  test('the short-form renderer really writes tags (the property above would be vacuous otherwise)', () => {
    const yaml = toShortFormYaml({ A: { 'Fn::Sub': 'x-${AWS::Region}' }, B: { 'Fn::GetAtt': ['R', 'Arn'] }, C: { Ref: 'P' } });
    expect(yaml).toContain('!Sub');
    expect(yaml).toContain('!GetAtt');
    expect(yaml).toContain('!Ref');
  });
});
