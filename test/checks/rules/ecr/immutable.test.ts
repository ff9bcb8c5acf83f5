import * as ecr from 'aws-cdk-lib/aws-ecr';
import { immutable } from '../../../../lib/checks/rules/ecr/immutable';
import { describeRule, outcomesOf } from '../harness';
import { repositoryTemplate } from './fixtures';

const withExclusion = {
  name: 'peer bug #36: IMMUTABLE_WITH_EXCLUSION passes and names the mutable tags (CT ECR.PR.3 fails it)',
  template: repositoryTemplate({
    ImageTagMutability: 'IMMUTABLE_WITH_EXCLUSION',
    ImageTagMutabilityExclusionFilters: [{ ImageTagMutabilityExclusionFilterType: 'WILDCARD', ImageTagMutabilityExclusionFilterValue: 'dev-*' }],
  }),
};

describeRule(immutable, {
  passing: [
    { name: 'IMMUTABLE', template: repositoryTemplate({ ImageTagMutability: 'IMMUTABLE' }) },
    withExclusion,
    { name: 'Ref to a parameter default', template: repositoryTemplate({ ImageTagMutability: { Ref: 'Mutability' } }, {}, { Mutability: { Type: 'String', Default: 'IMMUTABLE' } }) },
    { name: 'Fn::Join over literals', template: repositoryTemplate({ ImageTagMutability: { 'Fn::Join': ['', ['IMM', 'UTABLE']] } }) },
    { name: 'cdk: ecr.Repository imageTagMutability IMMUTABLE', cdk: (stack) => new ecr.Repository(stack, 'Repo', { imageTagMutability: ecr.TagMutability.IMMUTABLE }) },
  ],
  failing: [
    { name: 'absent means MUTABLE', template: repositoryTemplate({}) },
    { name: 'MUTABLE', template: repositoryTemplate({ ImageTagMutability: 'MUTABLE' }) },
    { name: 'cdk: ecr.Repository defaults', cdk: (stack) => new ecr.Repository(stack, 'Repo') },
  ],
  unresolvable: [
    { name: 'imported', template: repositoryTemplate({ ImageTagMutability: { 'Fn::ImportValue': 'Mutability' } }) },
    { name: 'Fn::Sub over a parameter without a default', template: repositoryTemplate({ ImageTagMutability: { 'Fn::Sub': '${NoDefault}' } }) },
    { name: 'custom resource attribute', template: repositoryTemplate({ ImageTagMutability: { 'Fn::GetAtt': ['Settings', 'Mutability'] } }) },
  ],
});

test('ECR-02 names the exclusion filters of IMMUTABLE_WITH_EXCLUSION', () => {
  expect(outcomesOf(immutable, withExclusion)[0].message).toContain('dev-*');
});
