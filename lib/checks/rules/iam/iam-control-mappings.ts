import { ComplianceMappings } from '../../rule';

/**
 * NIST SP 800-53 r5 and PCI DSS 3.2.1 ids of the Control Tower IAM proactive controls, from the
 * controls' own metadata (rule catalogue §2.2), so every IAM rule maps the same control the same way.
 */
const NO_ADMIN_NIST = ['AC-2', 'AC-2(1)', 'AC-3', 'AC-3(7)', 'AC-3(15)', 'AC-5', 'AC-6', 'AC-6(2)', 'AC-6(3)', 'AC-6(10)'];
const NO_ADMIN_PCI = ['2.2', '7.1.1', '7.1.2', '7.2.1', '7.2.2'];

/** CT.IAM.PR.1/2 (no `*` on `*`), backed by Security Hub IAM.1. */
export const NO_ADMIN_CONTROLS: ComplianceMappings = {
  securityHub: ['IAM.1'],
  controlTower: ['CT.IAM.PR.1', 'CT.IAM.PR.2'],
  configRules: ['iam-policy-no-statements-with-admin-access'],
  nist80053: NO_ADMIN_NIST,
  pciDss: NO_ADMIN_PCI,
};

/** CT.IAM.PR.3/5 (no `svc:*`, no Allow+NotAction), backed by Security Hub IAM.21. */
export const NO_FULL_ACCESS_CONTROLS: ComplianceMappings = {
  securityHub: ['IAM.21'],
  controlTower: ['CT.IAM.PR.3', 'CT.IAM.PR.5'],
  configRules: ['iam-policy-no-statements-with-full-access', 'iam-inline-policy-no-statements-with-full-access'],
  nist80053: NO_ADMIN_NIST,
  pciDss: NO_ADMIN_PCI,
};

/** CT.IAM.PR.4 (no policies on IAM users), backed by Security Hub IAM.2. */
export const NO_USER_POLICY_CONTROLS: ComplianceMappings = {
  securityHub: ['IAM.2'],
  controlTower: ['CT.IAM.PR.4'],
  configRules: ['iam-user-no-policies-check'],
  nist80053: ['AC-2', 'AC-2(1)', 'AC-3', 'AC-3(7)', 'AC-3(15)', 'AC-6', 'AC-6(3)'],
  pciDss: NO_ADMIN_PCI,
};

/** Least-privilege frameworks for rules without a Control Tower control of their own. */
export const LEAST_PRIVILEGE_FRAMEWORKS: Pick<ComplianceMappings, 'nist80053'> = {
  nist80053: ['AC-6', 'AC-6(10)'],
};
