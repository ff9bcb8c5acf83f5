import * as ecr from 'aws-cdk-lib/aws-ecr';
import { scan } from '../../../../lib/checks/rules/ecr/scan';
import { describeRule } from '../harness';
import { repositoryTemplate } from './fixtures';

const registryScan = (filter: unknown, frequency = 'SCAN_ON_PUSH') => ({
  Registry: {
    Type: 'AWS::ECR::RegistryScanningConfiguration',
    Properties: { ScanType: 'BASIC', Rules: [{ ScanFrequency: frequency, RepositoryFilters: [{ Filter: filter, FilterType: 'WILDCARD' }] }] },
  },
});

describeRule(scan, {
  passing: [
    { name: 'ScanOnPush true', template: repositoryTemplate({ ImageScanningConfiguration: { ScanOnPush: true } }) },
    { name: 'ScanOnPush from a Ref default', template: repositoryTemplate({ ImageScanningConfiguration: { ScanOnPush: { Ref: 'Scan' } } }, {}, { Scan: { Type: 'String', Default: 'true' } }) },
    { name: 'registry scanning of every repository', template: repositoryTemplate({ RepositoryName: 'app' }, registryScan('*')) },
    { name: 'registry continuous scanning with a matching prefix filter', template: repositoryTemplate({ RepositoryName: 'team-a/app' }, registryScan('team-a/*', 'CONTINUOUS_SCAN')) },
    {
      name: 'ScanOnPush imported, but registry scanning covers every repository',
      template: repositoryTemplate({ RepositoryName: 'app', ImageScanningConfiguration: { ScanOnPush: { 'Fn::ImportValue': 'ScanOnPush' } } }, registryScan('*')),
    },
    { name: 'registry filter with a dot matches the dot literally', template: repositoryTemplate({ RepositoryName: 'my.team/app' }, registryScan('my.team/*')) },
    { name: 'cdk: ecr.Repository imageScanOnPush', cdk: (stack) => new ecr.Repository(stack, 'Repo', { imageScanOnPush: true }) },
  ],
  failing: [
    { name: 'no scanning configuration', template: repositoryTemplate({}) },
    { name: 'ScanOnPush false', template: repositoryTemplate({ ImageScanningConfiguration: { ScanOnPush: 'false' } }) },
    { name: 'registry filter does not cover the repository', template: repositoryTemplate({ RepositoryName: 'team-b/app' }, registryScan('team-a/*')) },
    { name: 'registry rule scans manually only', template: repositoryTemplate({ RepositoryName: 'app' }, registryScan('*', 'MANUAL')) },
    { name: 'cdk: ecr.Repository defaults', cdk: (stack) => new ecr.Repository(stack, 'Repo') },
  ],
  unresolvable: [
    { name: 'ScanOnPush imported', template: repositoryTemplate({ ImageScanningConfiguration: { ScanOnPush: { 'Fn::ImportValue': 'ScanOnPush' } } }) },
    { name: 'ScanOnPush from a custom resource', template: repositoryTemplate({ ImageScanningConfiguration: { ScanOnPush: { 'Fn::GetAtt': ['Settings', 'Scan'] } } }) },
    {
      name: 'repository name from Fn::Sub against a narrow registry filter',
      template: repositoryTemplate({ RepositoryName: { 'Fn::Sub': '${AWS::StackName}-app' } }, registryScan({ 'Fn::Join': ['', ['team-a/', '*']] })),
    },
    { name: 'repository without a name (generated) against a narrow registry filter', template: repositoryTemplate({}, registryScan('team-a/*')) },
    { name: 'registry filter imported, named repository', template: repositoryTemplate({ RepositoryName: 'team-a/app' }, registryScan({ 'Fn::ImportValue': 'ScanFilter' })) },
    {
      name: 'registry scanning rules imported',
      template: repositoryTemplate({ RepositoryName: 'app' }, {
        Registry: { Type: 'AWS::ECR::RegistryScanningConfiguration', Properties: { ScanType: 'ENHANCED', Rules: { 'Fn::ImportValue': 'ScanRules' } } },
      }),
    },
    {
      name: 'one registry scanning rule imported as a whole',
      template: repositoryTemplate({ RepositoryName: 'app' }, {
        Registry: { Type: 'AWS::ECR::RegistryScanningConfiguration', Properties: { ScanType: 'ENHANCED', Rules: [{ 'Fn::ImportValue': 'ScanRule' }] } },
      }),
    },
    {
      name: 'registry ScanFrequency from a parameter without a default',
      template: repositoryTemplate({ RepositoryName: 'app' }, registryScan('*', { Ref: 'Frequency' } as unknown as string), { Frequency: { Type: 'String' } }),
    },
    {
      name: 'registry RepositoryFilters imported',
      template: repositoryTemplate({ RepositoryName: 'app' }, {
        Registry: {
          Type: 'AWS::ECR::RegistryScanningConfiguration',
          Properties: { ScanType: 'BASIC', Rules: [{ ScanFrequency: 'SCAN_ON_PUSH', RepositoryFilters: { 'Fn::ImportValue': 'ScanFilters' } }] },
        },
      }),
    },
  ],
});
