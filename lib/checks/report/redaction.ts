import { Finding } from '../engine';
import { CredentialSignal, detectCredential } from '../rules/ecs/task-definition/credential-detector';

/**
 * Defence in depth for every output format: rules never put a credential value in a message,
 * but if one ever does (or a file name or reason carries one), the report still must not
 * repeat it. Uses the same value patterns as the environment-variable rules.
 *
 * Only shape-based patterns apply here (access key ids, PEM keys, URLs with passwords, vendor
 * tokens). The detector's "long, high-entropy string" heuristic is deliberately not used: CDK
 * logical ids and ARNs look exactly like that, and the report must keep them.
 */

const PEM_BLOCK = /-----BEGIN ([A-Z0-9]+ )*PRIVATE KEY( BLOCK)?-----[\s\S]*?(-----END ([A-Z0-9]+ )*PRIVATE KEY( BLOCK)?-----|$)/g;
/** Candidate tokens: runs between whitespace, quotes and the separators messages put around values. */
const TOKEN = /[^\s"'`<>()[\]{},;|=]+/g;
/** Sentence punctuation a message may put right after a value. */
const TRAILING_PUNCTUATION = /[.:!?]+$/;
/** `NAME=value` pairs, judged by name and value together like an environment variable. */
const ASSIGNMENT = /([A-Za-z_][A-Za-z0-9_.-]*)=("[^"]*"|'[^']*'|[^\s"',;)\]}]+)/g;

export function redactText(text: string): string {
  if (!text) return text;
  let result = text.replace(PEM_BLOCK, (block) => (detectCredential('', block) ? placeholder('a PEM private key block') : block));
  result = result.replace(ASSIGNMENT, (whole, name: string, rawValue: string) => {
    const value = rawValue.replace(/^["']|["']$/g, '');
    return value.length > 0 && isShapeOrNameVerdict(detectCredential(name, value)) ? `${name}=${placeholder(`value of ${name}`)}` : whole;
  });
  return result.replace(TOKEN, (token) => {
    // Vendor token patterns are anchored, so a token that ends a sentence is judged without its full stop.
    const core = token.replace(TRAILING_PUNCTUATION, '');
    return isCredentialShape(core) ? `${placeholder('credential-shaped value')}${token.slice(core.length)}` : token;
  });
}

/** A copy of a finding with every free-text field redacted. */
export function redactFinding(finding: Finding): Finding {
  return {
    ...finding,
    title: redactText(finding.title),
    key: redactText(finding.key),
    message: redactText(finding.message),
    fix: redactText(finding.fix),
    container: finding.container === undefined ? undefined : redactText(finding.container),
    resource: { ...finding.resource, logicalId: redactText(finding.resource.logicalId), name: redactText(finding.resource.name) },
    source: {
      file: finding.source.file === undefined ? undefined : redactText(finding.source.file),
      stack: finding.source.stack === undefined ? undefined : redactText(finding.source.stack),
    },
    condition: finding.condition === undefined ? undefined : redactText(finding.condition),
    acknowledged: finding.acknowledged ? { reason: redactText(finding.acknowledged.reason) } : undefined,
  };
}

function placeholder(what: string): string {
  return `[REDACTED ${what}]`;
}

/** A token that is a credential by its shape alone (no name to go by). TOKEN never starts inside a placeholder: it excludes `[`. */
function isCredentialShape(token: string): boolean {
  return token.length >= 16 && isShapeOrNameVerdict(detectCredential('', token));
}

function isShapeOrNameVerdict(signal: CredentialSignal | undefined): boolean {
  return signal !== undefined && signal.reason !== ENTROPY_REASON;
}

/** The detector's wording for an entropy-only verdict, learned from a sample instead of copied. */
const ENTROPY_REASON = detectCredential('', 'q7Ld2Vx9Pm4Rt8Zk3Wn6Bj1Hc5Fg0YsXa')?.reason;
