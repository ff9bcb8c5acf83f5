import { Opaque, displayValue, isOpaque } from '../../model/opaque';
import { TemplateModel } from '../../model/template-model';
import { booleanValue, listValue, property, recordValue, stringValue } from '../../model/values';
import { Outcome, Rule, fail, pass, unverified } from '../../rule';

/** ECR-01: images are scanned on push, by the repository or by registry-level scanning in the template. */
export const scan: Rule = {
  id: 'ECR-01',
  name: 'scan',
  title: 'Repository images are scanned for vulnerabilities on push',
  severity: 'high',
  rationale:
    'Scanning on push reports known CVEs in an image before a service deploys it. Registry-level scanning ' +
    '(AWS::ECR::RegistryScanningConfiguration, basic or enhanced with Amazon Inspector) replaces the per-repository ' +
    'setting; Control Tower and Checkov ignore it, we accept it when the template configures it with a filter that covers ' +
    'the repository. Registry scanning configured outside the template cannot be seen, so the repository setting fails.',
  fix:
    'Set `ImageScanningConfiguration.ScanOnPush: true` on the AWS::ECR::Repository (aws-cdk-lib `imageScanOnPush: true`), ' +
    'or configure registry scanning with a SCAN_ON_PUSH or CONTINUOUS_SCAN rule whose filter covers the repository.',
  applicability: { os: ['linux', 'windows'], launchTypes: ['FARGATE', 'EC2', 'EXTERNAL', 'MANAGED_INSTANCES'] },
  resourceTypes: ['AWS::ECR::Repository'],
  compliance: {
    securityHub: ['ECR.1'],
    controlTower: ['CT.ECR.PR.2'],
    configRules: ['ecr-private-image-scanning-enabled'],
    nist80053: ['RA-5'],
    pciDss: ['6.3.2', '11.2.3'],
    related: ['CKV_AWS_163', 'Prowler ecr_repositories_scan_images_on_push_enabled'],
  },
  enabledByDefault: true,

  evaluate(properties, context) {
    const configuration = recordValue(property(properties, 'ImageScanningConfiguration'));
    const scanOnPush = isOpaque(configuration) ? configuration : booleanValue(configuration && property(configuration, 'ScanOnPush'));
    if (scanOnPush === true) return [pass('', 'ScanOnPush is true.')];
    const registry = registryScanning(context.model, stringValue(property(properties, 'RepositoryName')));
    if (registry?.status === 'pass') return [registry];
    if (isOpaque(scanOnPush)) {
      return [unverified('', `ScanOnPush is ${scanOnPush.display}, which cannot be resolved: ${scanOnPush.details.reason ?? 'unknown value'}.`)];
    }
    if (registry) return [registry];
    return [fail('', `ScanOnPush is ${scanOnPush === false ? 'false' : 'not set'}, and no registry scanning configuration in this template covers the repository.`)];
  },
};

/**
 * The verdict from registry-level scanning configured in the same template: pass when a
 * scan-on-push or continuous rule's filter covers the repository name, unverified when the
 * name or a filter cannot be resolved, undefined when no configuration covers it.
 */
function registryScanning(model: TemplateModel, repositoryName: string | Opaque | undefined): Outcome | undefined {
  for (const registry of model.resourcesOfType('AWS::ECR::RegistryScanningConfiguration')) {
    const rules = listValue(property(model.properties(registry), 'Rules'));
    if (isOpaque(rules)) return unverified('', `Registry scanning rules of ${registry.logicalId} are ${rules.display}, which cannot be resolved.`);
    for (const rule of rules ?? []) {
      // A rule that cannot be read may cover the repository: unverified, never a silent fail.
      const cannotRead = (what: string, value: Opaque) =>
        unverified('', `Registry scanning (${registry.logicalId}) ${what} is ${value.display}, which cannot be resolved; it may cover the repository.`);
      const record = recordValue(rule);
      if (isOpaque(record)) return cannotRead('rule', record);
      if (!record) continue;
      const frequency = stringValue(property(record, 'ScanFrequency'));
      if (isOpaque(frequency)) return cannotRead('ScanFrequency', frequency);
      if (typeof frequency !== 'string' || !/^(SCAN_ON_PUSH|CONTINUOUS_SCAN)$/i.test(frequency)) continue;
      const filters = listValue(property(record, 'RepositoryFilters'));
      if (isOpaque(filters)) return cannotRead('RepositoryFilters', filters);
      if (!Array.isArray(filters)) continue;
      for (const filter of filters) {
        const entry = recordValue(filter);
        const text = isOpaque(entry) ? entry : stringValue(entry && property(entry, 'Filter'));
        if (text === '*') return pass('', `Registry scanning (${registry.logicalId}) scans every repository (${frequency}).`);
        if (typeof text !== 'string' || typeof repositoryName !== 'string') {
          return unverified('', `Registry scanning (${registry.logicalId}) filter ${displayValue(text)} may or may not cover repository ${displayValue(repositoryName ?? '(generated name)')}.`);
        }
        if (wildcardMatches(text, repositoryName)) return pass('', `Registry scanning (${registry.logicalId}) covers ${repositoryName} with filter ${text} (${frequency}).`);
      }
    }
  }
  return undefined;
}

/** ECR repository filters support `*` wildcards only. */
function wildcardMatches(filter: string, name: string): boolean {
  const pattern = filter.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*');
  return new RegExp(`^${pattern}$`).test(name);
}
