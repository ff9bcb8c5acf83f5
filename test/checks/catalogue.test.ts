import * as fs from 'fs';
import * as path from 'path';
import { ALL_RULES, UnknownRuleError, findRule, selectRules } from '../../lib/checks/catalogue';
import { Rule, Severity, pass } from '../../lib/checks/rule';

const RULES_DIR = path.join(__dirname, '../../lib/checks/rules');
const TESTS_DIR = path.join(__dirname, 'rules');

/** Every module under lib/checks/rules that exports a Rule object (helpers and index files export none). */
function ruleModules(): Array<{ file: string; rules: Rule[] }> {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') && entry.name !== 'index.ts') files.push(full);
    }
  };
  walk(RULES_DIR);
  return files.map((file) => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const exports = require(file) as Record<string, unknown>;
    const rules = Object.values(exports).filter((v): v is Rule => !!v && typeof v === 'object' && 'evaluate' in v && 'id' in v);
    return { file, rules };
  });
}

describe('rule catalogue', () => {
  const modules = ruleModules();

  test('rule ids are unique', () => {
    const ids = ALL_RULES.map((r) => r.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  test('each rule file holds exactly one rule, and every rule in a file is in the catalogue', () => {
    const catalogued = new Set(ALL_RULES);
    for (const { file, rules } of modules.filter((m) => m.rules.length > 0)) {
      expect({ file, count: rules.length }).toEqual({ file, count: 1 });
      expect({ file, catalogued: catalogued.has(rules[0]) }).toEqual({ file, catalogued: true });
    }
  });

  test('every rule has a mirrored test file that runs describeRule on it', () => {
    for (const { file, rules } of modules.filter((m) => m.rules.length > 0)) {
      const testFile = path.join(TESTS_DIR, path.relative(RULES_DIR, file)).replace(/\.ts$/, '.test.ts');
      const exists = fs.existsSync(testFile);
      const where = { rule: rules[0].id, testFile: path.relative(TESTS_DIR, testFile) };
      expect({ ...where, exists }).toEqual({ ...where, exists: true });
      expect(fs.readFileSync(testFile, 'utf8')).toContain('describeRule(');
    }
  });

  test('selection by default takes only rules enabled by default', () => {
    expect(selectRules().every((r) => r.enabledByDefault)).toBe(true);
  });

  test('selection filters by id, severity and exclusion, and rejects unknown ids', () => {
    const first = ALL_RULES[0];
    if (first) {
      expect(selectRules({ ruleIds: [first.id.toLowerCase()] })).toEqual([first]);
      expect(selectRules({ excludeRuleIds: [first.id] })).not.toContain(first);
    }
    expect(selectRules({ minSeverity: 'critical' }).every((r) => r.severity === 'critical')).toBe(true);
    expect(() => selectRules({ ruleIds: ['NOPE-99'] })).toThrow(UnknownRuleError);
    expect(() => selectRules({ minSeverity: 'urgent' as never })).toThrow(/Unknown severity/);
  });
});

describe('findRule', () => {
  test('finds a catalogue rule by id, whatever the case, and nothing for an unknown id', () => {
    const first = ALL_RULES[0];
    expect(findRule(first.id.toLowerCase())).toBe(first);
    expect(findRule(ALL_RULES[1].id)).toBe(ALL_RULES[1]);
    expect(findRule('NOPE-99')).toBeUndefined();
  });
});

describe('selectRules over a small catalogue', () => {
  const rule = (id: string, severity: Severity, enabledByDefault = true): Rule => ({
    id,
    name: id.toLowerCase(),
    title: id,
    severity,
    rationale: '',
    fix: '',
    applicability: { os: ['linux'], launchTypes: ['FARGATE'] },
    resourceTypes: ['Test::Thing'],
    compliance: {},
    enabledByDefault,
    evaluate: () => [pass('', 'ok')],
  });
  const catalogue = () => [rule('AA-01', 'critical'), rule('BB-01', 'high'), rule('CC-01', 'medium'), rule('DD-01', 'low', false)];
  const ids = (rules: Rule[]) => rules.map((r) => r.id);

  test('by default every rule enabled by default, in catalogue order', () => {
    expect(ids(selectRules({}, catalogue()))).toEqual(['AA-01', 'BB-01', 'CC-01']);
  });

  test('an included off-by-default rule joins the default ones', () => {
    expect(ids(selectRules({ includeRuleIds: ['dd-01'] }, catalogue()))).toEqual(['AA-01', 'BB-01', 'CC-01', 'DD-01']);
  });

  test('explicit ids select exactly those rules, on or off by default, minus exclusions', () => {
    expect(ids(selectRules({ ruleIds: ['dd-01', 'bb-01'] }, catalogue()))).toEqual(['BB-01', 'DD-01']);
    expect(ids(selectRules({ ruleIds: ['DD-01', 'BB-01'], excludeRuleIds: ['bb-01'] }, catalogue()))).toEqual(['DD-01']);
  });

  test('a minimum severity keeps that severity and worse', () => {
    expect(ids(selectRules({ minSeverity: 'high' }, catalogue()))).toEqual(['AA-01', 'BB-01']);
    expect(ids(selectRules({ minSeverity: 'low', includeRuleIds: ['DD-01'] }, catalogue()))).toEqual(['AA-01', 'BB-01', 'CC-01', 'DD-01']);
  });

  test('an unknown id, in any of the lists, is rejected with the known ids', () => {
    const message = "Unknown rule id 'zz-09'. Known ids: AA-01, BB-01, CC-01, DD-01.";
    expect(() => selectRules({ ruleIds: ['zz-09'] }, catalogue())).toThrow(message);
    expect(() => selectRules({ includeRuleIds: ['zz-09'] }, catalogue())).toThrow(message);
    expect(() => selectRules({ excludeRuleIds: ['zz-09'] }, catalogue())).toThrow(message);
  });

  test('an unknown severity is rejected with the valid ones', () => {
    expect(() => selectRules({ minSeverity: 'urgent' as never }, catalogue())).toThrow(
      new UnknownRuleError("Unknown severity 'urgent'. Use one of: critical, high, medium, low, info."),
    );
  });
});
