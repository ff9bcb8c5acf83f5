import * as fs from 'fs';
import { parseDockerfileAssignments } from './dockerfile-assignments';
import { detectCredential } from '../checks/construct-validation';

/** A credential-looking variable baked into an image at build time. Never carries the value. */
export interface BuildCredentialFinding {
  /** Where it was found, e.g. `Dockerfile line 4: ENV DB_PASSWORD` or `build argument NPM_TOKEN`. */
  readonly where: string;
  readonly name: string;
  /** Why it looks like a credential (from the rule engine's TD-15 detector). */
  readonly reason: string;
}

/**
 * Finds credential-looking `ENV`/`ARG` variables in a Dockerfile and in the build arguments of an
 * asset image. Both end up in the image (its config or its history), readable by anyone who can
 * pull it. `allowedNames` are exempted by the caller with a recorded reason.
 */
export function findBuildCredentials(
  dockerfilePath: string,
  buildArgs: Record<string, string> | undefined,
  allowedNames: readonly string[],
): BuildCredentialFinding[] {
  const findings: BuildCredentialFinding[] = [];
  const allowed = new Set(allowedNames);
  const dockerfile = fs.readFileSync(dockerfilePath, 'utf8');
  for (const assignment of parseDockerfileAssignments(dockerfile)) {
    if (allowed.has(assignment.name)) continue;
    const signal = detectCredential(assignment.name, assignment.value);
    if (signal) {
      findings.push({
        where: `${dockerfilePath} line ${assignment.line}: ${assignment.instruction} ${assignment.name}`,
        name: assignment.name,
        reason: signal.reason,
      });
    }
  }
  for (const [name, value] of Object.entries(buildArgs ?? {})) {
    if (allowed.has(name)) continue;
    const signal = detectCredential(name, value);
    if (signal) findings.push({ where: `build argument ${name}`, name, reason: signal.reason });
  }
  return findings;
}
