/**
 * Matches `*` wildcard patterns such as ECR tag-mutability exclusion filters (`release-*`) and
 * registry allow-list entries (`*.dkr.ecr.*.amazonaws.com`). Case-sensitive; callers lower-case
 * host names themselves. With `withinSegment`, `*` does not cross `/`.
 */
export function wildcardMatches(pattern: string, text: string, withinSegment = false): boolean {
  const any = withinSegment ? '[^/]*' : '.*';
  const source = pattern.split('*').map((literal) => literal.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join(any);
  return new RegExp(`^${source}$`).test(text);
}
