import * as fs from 'fs';
import * as path from 'path';
import { ALL_RULES, UnknownRuleError, selectRules } from '../../lib/checks/catalogue';
import { Rule } from '../../lib/checks/rule';

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
