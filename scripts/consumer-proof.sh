#!/usr/bin/env bash
# Proves the published artifact: compile with jsii, check API.md is current, pack the tarball, install it into a
# fresh app outside the repository, synthesize a hardened service with the real cdk CLI (the HardenedEcsChecks pack
# registered), then run the installed `hardened-ecs` bin on the cloud assembly.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
export JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION=20 CDK_DISABLE_VERSION_CHECK=1 NO_COLOR=1

echo "consumer-proof: jsii compile and API.md"
npx projen compile
npx projen docgen
if [ -n "$(git status --porcelain -- API.md 2>/dev/null)" ]; then
  echo "consumer-proof: API.md is out of date with the public API. Run 'npx projen docgen' (or 'npx projen build') and commit API.md." >&2
  git --no-pager status --short -- API.md >&2
  exit 1
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/hardened-ecs-consumer.XXXXXX")"
trap 'rm -rf "$work"' EXIT
tarball="$(npm pack --silent --pack-destination "$work" | tail -n 1)"
echo "consumer-proof: packed $tarball"
if tar tzf "$work/$tarball" | grep -qE '^package/lib/.*\.ts$'; then
  echo "consumer-proof: the tarball ships TypeScript sources from lib/" >&2; exit 1
fi

app="$work/app"
mkdir -p "$app/bin"
cd "$app"
cat > package.json <<'JSON'
{ "name": "hardened-ecs-consumer", "version": "1.0.0", "private": true }
JSON
npm install --no-audit --no-fund --silent "$work/$tarball" aws-cdk-lib@2.276.0 'constructs@^10.5.1' 'cdk-nag@^3.0.2'
npm install --no-audit --no-fund --silent -D 'aws-cdk@^2.1148.1' tsx 'typescript@~6.0' '@types/node@^20'
cat > cdk.json <<'JSON'
{ "app": "npx tsx bin/app.ts" }
JSON
cat > tsconfig.json <<'JSON'
{ "compilerOptions": { "target": "ES2022", "module": "node16", "moduleResolution": "node16", "strict": true, "rootDir": ".", "noEmit": true, "skipLibCheck": true } }
JSON
cat > bin/app.ts <<'TS'
import { App, Stack, Validations } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecr from 'aws-cdk-lib/aws-ecr';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { HardenedEcsChecks, HardenedFargateService, HardenedImage } from 'cdk-hardened-ecs';

const app = new App();
Validations.of(app).addPlugins(new HardenedEcsChecks(app));
const stack = new Stack(app, 'ConsumerStack');
const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 1 });
const repository = ecr.Repository.fromRepositoryName(stack, 'Repo', 'consumer');
const service = new HardenedFargateService(stack, 'Api', {
  vpc,
  container: {
    image: HardenedImage.fromEcrRepository(repository, 'sha256:4f8c2d1e9b7a6c5d3e2f1a0b9c8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f3a2b1c0d'),
    user: '10001:10001',
    portMappings: [{ containerPort: 8080 }],
    environment: { LOG_LEVEL: 'info' },
  },
});
const bucket = new s3.Bucket(stack, 'Reports', { enforceSSL: true });
bucket.grantRead(service, 'reports/*');
app.synth();
TS
npx tsc -p tsconfig.json
echo "consumer-proof: cdk synth (HardenedEcsChecks registered)"
npx cdk synth --quiet -o cdk.out
echo "consumer-proof: installed bin: hardened-ecs check cdk.out"
npx hardened-ecs check cdk.out --format json > check.json
node -e "
const r = require('./check.json');
const findings = r.findings ?? [];
if (findings.filter((f) => !f.acknowledged).length > 0) { console.error(JSON.stringify(findings, null, 2)); process.exit(1); }
console.log('consumer-proof: ok: ' + (r.summary ? JSON.stringify(r.summary) : findings.length + ' findings'));
"
