/**
 * Decides whether a plain environment variable (or a Dockerfile ENV/ARG) carries a credential.
 *
 * Name and value are weighed together: `DB_PASSWORD=hunter2` is a credential,
 * `MAX_PASSWORD_LENGTH=64` and `TOKEN_TTL_SECONDS=300` are settings. A value that is a
 * credential by its shape (an AWS access key id, a PEM private key, a URL with a password,
 * a well-known token format) is flagged under any name. The detector never returns the value.
 */

export interface CredentialSignal {
  /** Which pattern matched, safe to print (never contains the value). */
  readonly reason: string;
}

/** Names that ECS and Security Hub (ECS.8) treat as credentials whatever their value. */
export const ALWAYS_CREDENTIAL_NAMES: readonly string[] = ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'ECS_ENGINE_AUTH_DATA'];

/** Words that make a variable name credential-like. Matched as whole `_`-separated words (or camelCase parts). */
const CREDENTIAL_WORDS = ['PASSWORD', 'PASSWD', 'PWD', 'PASS', 'SECRET', 'TOKEN', 'APIKEY', 'PASSPHRASE', 'CREDENTIAL', 'CREDENTIALS', 'PRIVATEKEY', 'ACCESSKEY', 'AUTHKEY', 'SIGNINGKEY', 'ENCRYPTIONKEY', 'CLIENTSECRET', 'DSN'];
/** Two-word credential phrases (after splitting), e.g. API_KEY, PRIVATE_KEY. */
const CREDENTIAL_PHRASES = [['API', 'KEY'], ['PRIVATE', 'KEY'], ['ACCESS', 'KEY'], ['SECRET', 'KEY'], ['AUTH', 'KEY'], ['SIGNING', 'KEY'], ['ENCRYPTION', 'KEY'], ['MASTER', 'KEY'], ['LICENSE', 'KEY'], ['CONNECTION', 'STRING']];

/**
 * Words that turn a credential-like name into a setting about the credential
 * (`TOKEN_TTL_SECONDS`, `PASSWORD_MIN_LENGTH`, `SECRET_ARN`). The value must then also look
 * like a setting for the variable to pass.
 */
const SETTING_WORDS = new Set([
  'LENGTH', 'LEN', 'MIN', 'MAX', 'TTL', 'TIMEOUT', 'SECONDS', 'SECS', 'SEC', 'MINUTES', 'MINS', 'HOURS', 'DAYS', 'MS', 'MILLIS',
  'EXPIRY', 'EXPIRES', 'EXPIRATION', 'LIFETIME', 'DURATION', 'INTERVAL', 'AGE', 'TYPE', 'ENABLED', 'DISABLED', 'ENABLE', 'DISABLE',
  'REQUIRED', 'FILE', 'PATH', 'DIR', 'ARN', 'NAME', 'ID', 'URL', 'URI', 'ENDPOINT', 'HOST', 'PORT', 'HEADER', 'FIELD', 'PARAM',
  'PARAMETER', 'POLICY', 'ROTATION', 'COUNT', 'SIZE', 'LIMIT', 'VERSION', 'ALGORITHM', 'ALG', 'ISSUER', 'AUDIENCE', 'REGION',
  'PREFIX', 'SUFFIX', 'STORE', 'PROVIDER', 'MODE', 'FORMAT', 'ROUNDS', 'COST', 'STRENGTH', 'COMPLEXITY', 'HISTORY', 'RESET',
  'REFRESH', 'RETRIES', 'ATTEMPTS', 'BUCKET', 'LOCATION', 'SOURCE', 'KIND', 'SCOPE', 'SCOPES', 'CACHE', 'STAGE', 'KEYS',
]);

const VALUE_PATTERNS: ReadonlyArray<{ reason: string; pattern: RegExp }> = [
  { reason: 'an AWS access key id (AKIA…/ASIA…)', pattern: /(^|[^A-Z0-9])(AKIA|ASIA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA|ABIA|ACCA|A3T[A-Z0-9])[A-Z0-9]{16}([^A-Z0-9]|$)/ },
  { reason: 'a PEM private key block', pattern: /-----BEGIN ([A-Z0-9]+ )*PRIVATE KEY( BLOCK)?-----/ },
  // The user part may be empty (`redis://:password@host`).
  { reason: 'a URL with an embedded password (scheme://user:password@host)', pattern: /^[a-z][a-z0-9+.-]*:\/\/[^\s/:@]*:[^\s/@]+@[^\s]+/i },
  { reason: 'a CloudFormation dynamic reference to a secret ({{resolve:secretsmanager|ssm-secure:…}}), resolved into plain text', pattern: /\{\{resolve:(secretsmanager|ssm-secure):/ },
  { reason: 'a GitHub token', pattern: /^(ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{30,}$|^github_pat_[A-Za-z0-9_]{40,}$/ },
  { reason: 'a Slack token', pattern: /^xox[abprs]-[A-Za-z0-9-]{10,}$/ },
  { reason: 'a Stripe live key', pattern: /^(sk|rk)_live_[A-Za-z0-9]{16,}$/ },
  { reason: 'a Google API key', pattern: /^AIza[0-9A-Za-z_-]{35}$/ },
  { reason: 'a GitLab token', pattern: /^glpat-[A-Za-z0-9_-]{20,}$/ },
  { reason: 'a JSON Web Token', pattern: /^eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}$/ },
];

/**
 * An AWS secret access key: 40 base64 characters. Only keys containing `/` or `+` are judged by this
 * shape (identifiers never contain them); purely alphanumeric ones fall to the entropy heuristic.
 */
const AWS_SECRET_KEY_REASON = 'a 40-character AWS secret access key';

/** Setting words that say the value locates the credential (its name, id, ARN, path, URL) rather than holding it. */
const LOCATOR_WORDS = new Set(['NAME', 'ID', 'ARN', 'PATH', 'FILE', 'DIR', 'URL', 'URI', 'ENDPOINT', 'HOST', 'LOCATION', 'SOURCE', 'STORE', 'BUCKET', 'PARAM', 'PARAMETER', 'PREFIX']);

/** Checks a name and (optional) literal value. `value` undefined means "not known" (only the name is judged). */
export function detectCredential(name: string, value: string | undefined, extraNames: readonly string[] = []): CredentialSignal | undefined {
  const upperName = name.toUpperCase();
  if ([...ALWAYS_CREDENTIAL_NAMES, ...extraNames.map((n) => n.toUpperCase())].includes(upperName)) {
    return { reason: `the name ${name} is reserved for credentials` };
  }
  if (value !== undefined) {
    const byShape = detectCredentialShape(value);
    if (byShape) return byShape;
  }

  const words = nameWords(name);
  const credentialWord = findCredentialWord(words);
  if (!credentialWord) {
    return value !== undefined && looksLikeGeneratedSecret(value) && !looksLikeSetting(value)
      ? { reason: 'the value is a long, high-entropy string (a generated key or password)' }
      : undefined;
  }
  const isSetting = words.some((w) => SETTING_WORDS.has(w));
  // With the value unknown, a setting about the credential (SECRET_ARN, TOKEN_TTL_SECONDS) is judged by its name alone.
  if (value === undefined) return isSetting ? undefined : { reason: `the name contains ${credentialWord}` };
  const trimmed = value.trim();
  if (trimmed === '') return undefined; // an empty value leaks nothing
  if (isSetting && looksLikeSetting(trimmed)) return undefined;
  if (words.some((w) => LOCATOR_WORDS.has(w)) && looksLikeIdentifier(trimmed)) return undefined;
  if (!isSetting && looksLikeReference(trimmed)) return undefined;
  return { reason: `the name contains ${credentialWord} and the value is not a setting or a reference` };
}

/**
 * Judges a value by its shape alone (access keys, PEM blocks, URLs with passwords, secret dynamic
 * references, vendor tokens), without the name and without the entropy heuristic. Safe on text
 * with placeholders for deploy-time parts, such as `postgres://app:X@db/app`.
 */
export function detectCredentialShape(value: string): CredentialSignal | undefined {
  const trimmed = value.trim();
  const byShape = VALUE_PATTERNS.find((p) => p.pattern.test(trimmed));
  if (byShape) return { reason: `the value is ${byShape.reason}` };
  return looksLikeAwsSecretKey(trimmed) ? { reason: `the value is ${AWS_SECRET_KEY_REASON}` } : undefined;
}

/** Splits `dbPassword`, `DB_PASSWORD`, `db-password`, `db.password` into upper-case words. */
export function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w.toUpperCase());
}

function findCredentialWord(words: string[]): string | undefined {
  for (let i = 0; i < words.length; i++) {
    if (CREDENTIAL_WORDS.includes(words[i])) return words[i];
    for (const [first, second] of CREDENTIAL_PHRASES) {
      if (words[i] === first && words[i + 1] === second) return `${first}_${second}`;
    }
  }
  return undefined;
}

/** Numbers, durations, booleans, sizes, short lower-case enum words, ARNs, paths and credential-free URLs. */
function looksLikeSetting(value: string): boolean {
  return (
    /^-?\d+(\.\d+)?\s*(ms|s|sec|secs|seconds|m|min|mins|minutes|h|hr|hours|d|days|w|weeks|k|kb|mb|gb|kib|mib|gib|%)?$/i.test(value) ||
    /^P(\d+[YMWD])*(T(\d+[HMS])+)?$/.test(value) || // ISO-8601 duration
    /^(true|false|yes|no|on|off|enabled|disabled|required|optional|none)$/i.test(value) ||
    /^[a-z][a-z0-9_-]{0,23}$/.test(value) || // enum-like word: bearer, jwt, hs256, sha-256
    /^[A-Z][A-Za-z0-9]{0,15}$/.test(value) && !/\d/.test(value) || // Bearer, Basic
    looksLikeReference(value)
  );
}

/** Where a secret lives rather than the secret itself: ARNs, file paths, names of parameters, credential-free URLs. */
function looksLikeReference(value: string): boolean {
  return (
    /^arn:aws[a-z-]*:(secretsmanager|ssm|kms|iam|s3):/.test(value) ||
    /^(\/[\w.@-]+)+\/?$/.test(value) || // /run/secrets/db, /app/config/token
    /^[a-z][a-z0-9+.-]*:\/\/[^\s:@/]+(:\d+)?(\/\S*)?$/i.test(value) // https://auth.example.com/token
  );
}

/** A long token with high character entropy and mixed character classes: a generated key or password. */
export function looksLikeGeneratedSecret(value: string): boolean {
  const v = value.trim();
  if (v.length < 32 || /\s/.test(v) || looksLikeReference(v)) return false;
  if (/^[0-9a-f]+$/i.test(v) || /^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$/i.test(v)) return false; // hex digests, UUIDs
  // CDK logical ids: CamelCase words + 8-hex hash. One character class per step, so no nested quantifier can
  // backtrack exponentially (`([A-Z]?[a-z0-9]+)+` took minutes on a 40-character lower-case value).
  if (/^(?:[A-Z]?[a-z0-9])+[0-9A-F]{8}$/.test(v)) return false;
  // Image references: repository paths are lower-case by Docker's rules; tags may not be.
  if (/^[a-z0-9.-]+(:\d+)?(\/[a-z0-9._-]+)+(:[\w.-]+)?(@sha256:[0-9a-f]{64})?$/.test(v)) return false;
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/].filter((r) => r.test(v)).length;
  return classes === 3 && shannonEntropy(v) >= 4.2 && !madeOfWords(v);
}

/**
 * Names are built from words; random tokens are not. Two runs of five or more lower-case letters
 * occur in about 4% of random 40-character base62 tokens, but in every CDK physical name
 * (`PaymentsServiceStack-OrdersTable59C0D3E0-1J3K5ZQW8XYV4`) and most human-chosen identifiers.
 */
function madeOfWords(value: string): boolean {
  return (value.match(/[a-z]{5,}/g) ?? []).length >= 2;
}

/** Secrets Manager / SSM style names such as `prod/db` or `app-db.credentials`, short and not random-looking. */
function looksLikeIdentifier(value: string): boolean {
  return /^[A-Za-z0-9/_+=.@-]{1,128}$/.test(value) && !looksLikeGeneratedSecret(value) && !looksLikeAwsSecretKey(value);
}

function looksLikeAwsSecretKey(value: string): boolean {
  if (!/^[A-Za-z0-9/+]{40}$/.test(value) || !/[/+]/.test(value)) return false;
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/].filter((r) => r.test(value)).length;
  // Random base64 is about half upper-case; CamelCase paths (construct paths, file names) are mostly lower-case.
  const letters = value.replace(/[^A-Za-z]/g, '');
  const upperShare = letters.replace(/[^A-Z]/g, '').length / Math.max(letters.length, 1);
  return classes === 3 && upperShare >= 0.25 && upperShare <= 0.8 && shannonEntropy(value) >= 4;
}

function shannonEntropy(value: string): number {
  const counts = new Map<string, number>();
  for (const ch of value) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let entropy = 0;
  for (const n of counts.values()) {
    const p = n / value.length;
    entropy -= p * Math.log2(p);
  }
  return entropy;
}
