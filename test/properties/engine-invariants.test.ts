import * as fc from 'fast-check';
import { shuffleKeys, template } from './arbitraries';
import { ALL_RULES } from '../../lib/checks/catalogue';
import { checkModel } from '../../lib/checks/engine';
import { TemplateModel } from '../../lib/checks/model/template-model';

const RUNS = Number(process.env.PROPERTY_RUNS ?? 150);
const run = (t: object) => checkModel(new TemplateModel(t), ALL_RULES);

describe('engine invariants over generated templates (fast-check)', () => {
  test('no rule throws, whatever the input (intrinsics, missing properties, wrong types)', () => {
    fc.assert(
      fc.property(template, (t) => {
        const crashes = run(t).findings.filter((f) => f.message.startsWith('The rule could not evaluate'));
        expect(crashes.map((f) => `${f.ruleId}: ${f.message}`)).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  });

  test('findings are deterministic and independent of property order', () => {
    fc.assert(
      fc.property(template, fc.integer({ min: 1, max: 1_000_000 }), (t, seed) => {
        const first = JSON.stringify(run(t).findings);
        expect(JSON.stringify(run(t).findings)).toBe(first);
        expect(JSON.stringify(run(shuffleKeys(t, seed) as object).findings)).toBe(first);
      }),
      { numRuns: RUNS },
    );
  });

  test('no finding message repeats a credential value from the input', () => {
    fc.assert(
      fc.property(template, (t) => {
        const text = JSON.stringify(run(t).findings);
        expect(text).not.toContain('AKIAABCDEFGHIJKLMNOP');
        expect(text).not.toContain('hunter2');
        expect(text).not.toContain('BEGIN PRIVATE KEY');
      }),
      { numRuns: RUNS },
    );
  });
});
