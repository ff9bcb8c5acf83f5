/**
 * NIST SP 800-53 r5 and PCI DSS 3.2.1 ids of the Control Tower ECS proactive controls, as the
 * controls' own metadata lists them (rule catalogue §2.2). Rules take their framework mappings
 * from here so the same control maps the same way everywhere.
 */
export interface FrameworkIds {
  readonly nist80053: readonly string[];
  readonly pciDss: readonly string[];
}

const LEAST_PRIVILEGE_NIST = ['AC-2(1)', 'AC-3', 'AC-3(7)', 'AC-3(15)', 'AC-5', 'AC-6'];
const BASELINE_NIST = ['CA-9(1)', 'CM-2'];

export const CONTROL_TOWER_ECS: Readonly<Record<string, FrameworkIds>> = {
  'CT.ECS.PR.3': { nist80053: LEAST_PRIVILEGE_NIST, pciDss: ['7.1.1'] },
  'CT.ECS.PR.4': {
    nist80053: ['SC-7', 'SC-7(3)', 'SC-7(5)', 'SC-7(9)', 'SC-7(11)', 'SC-7(16)', 'SC-7(20)', 'SC-7(21)'],
    pciDss: ['1.2.1', '1.3', '1.3.1', '1.3.2', '1.3.4', '1.3.6'],
  },
  'CT.ECS.PR.5': {
    nist80053: ['AC-4(26)', 'AU-2', 'AU-3', 'AU-6(3)', 'AU-6(4)', 'AU-10', 'AU-12', 'CA-7', 'SC-7(9)', 'SI-7(8)'],
    pciDss: ['10.1', '10.2.1', '10.2.2', '10.2.3', '10.2.4', '10.2.5', '10.2.6', '10.2.7', '10.3.1', '10.3.2', '10.3.3', '10.3.4', '10.3.5', '10.3.6'],
  },
  'CT.ECS.PR.6': { nist80053: LEAST_PRIVILEGE_NIST, pciDss: ['7.1.1', '7.2.1', '7.2.2'] },
  'CT.ECS.PR.7': { nist80053: BASELINE_NIST, pciDss: ['2.2'] },
  'CT.ECS.PR.8': { nist80053: LEAST_PRIVILEGE_NIST, pciDss: ['7.1.1', '7.1.2', '7.2.1', '7.2.2'] },
  'CT.ECS.PR.10': { nist80053: BASELINE_NIST, pciDss: ['1.3.7'] },
  'CT.ECS.PR.11': { nist80053: LEAST_PRIVILEGE_NIST, pciDss: ['7.1.1', '7.2.1', '7.2.2'] },
  'CT.ECS.PR.12': { nist80053: BASELINE_NIST, pciDss: ['8.2.1'] },
};

/** The framework ids of one Control Tower ECS control (empty lists for an unknown id). */
export function frameworksOf(controlId: string): FrameworkIds {
  return CONTROL_TOWER_ECS[controlId] ?? { nist80053: [], pciDss: [] };
}
