import { wildcardMatches } from '../../../lib/checks/model/wildcard';

describe('wildcardMatches', () => {
  test('a pattern without * matches the whole text exactly', () => {
    expect(wildcardMatches('release', 'release')).toBe(true);
    expect(wildcardMatches('release', 'release-1')).toBe(false);
    expect(wildcardMatches('release', 'pre-release')).toBe(false);
  });

  test('* matches any run of characters, including none and including /', () => {
    expect(wildcardMatches('release-*', 'release-')).toBe(true);
    expect(wildcardMatches('release-*', 'release-1.2/hotfix')).toBe(true);
    expect(wildcardMatches('*.dkr.ecr.*.amazonaws.com', '123.dkr.ecr.eu-west-1.amazonaws.com')).toBe(true);
    expect(wildcardMatches('*', '')).toBe(true);
  });

  test('within a segment, * stops at /', () => {
    expect(wildcardMatches('team/*', 'team/app', true)).toBe(true);
    expect(wildcardMatches('team/*', 'team/app/sub', true)).toBe(false);
    expect(wildcardMatches('team/*', 'team/app/sub')).toBe(true);
  });

  test('regular expression characters in the pattern are literal', () => {
    expect(wildcardMatches('a.b', 'axb')).toBe(false);
    expect(wildcardMatches('a.b', 'a.b')).toBe(true);
    expect(wildcardMatches('v1+(x)', 'v1+(x)')).toBe(true);
    expect(wildcardMatches('v1+', 'v11')).toBe(false);
    expect(wildcardMatches('[ab]?', '[ab]?')).toBe(true);
    expect(wildcardMatches('[ab]?', 'a')).toBe(false);
    expect(wildcardMatches('^a$|b\\', '^a$|b\\')).toBe(true);
    expect(wildcardMatches('{1}', '{1}')).toBe(true);
  });

  test('matching is case-sensitive', () => {
    expect(wildcardMatches('Release-*', 'release-1')).toBe(false);
  });
});
