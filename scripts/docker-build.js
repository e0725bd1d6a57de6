// `npm run docker:build -- <app> [<app>…]` (or `all`): builds the image of each app from
// docker/app.Dockerfile, tagged aeroalpes/<app>:<version of package.json>. Needs the docker CLI and
// a Docker engine; says so in one line when either is missing.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SERVICES } from './services.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const names = SERVICES.map((s) => s.name);
const usage = `usage: npm run docker:build -- <${names.join('|')}|all> [...]`;

function fail(message) {
  process.stderr.write(`docker:build: ${message}\n`);
  process.exit(1);
}

const args = process.argv.slice(2);
if (args.includes('-h') || args.includes('--help')) {
  process.stdout.write(`${usage}\n`);
  process.exit(0);
}
if (args.length === 0) fail(usage);
const unknown = args.filter((a) => a !== 'all' && !names.includes(a));
if (unknown.length > 0) fail(`unknown app ${unknown.map((a) => `"${a}"`).join(', ')}; ${usage}`);
const apps = args.includes('all') ? names : [...new Set(args)];

const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

const cli = spawnSync('docker', ['--version'], { encoding: 'utf8' });
if (cli.error) {
  fail(
    cli.error.code === 'ENOENT'
      ? 'the docker CLI is not on PATH: install Docker (Engine or Desktop) to build images'
      : `cannot run docker: ${cli.error.message}`,
  );
}
const engine = spawnSync('docker', ['version', '--format', '{{.Server.Version}}'], { encoding: 'utf8' });
if (engine.status !== 0) {
  const reason = (engine.stderr || engine.stdout || '').trim().split('\n').pop();
  fail(`no Docker engine answers (${reason || 'docker version failed'}); start Docker, or set DOCKER_HOST`);
}

for (const app of apps) {
  const { port } = SERVICES.find((s) => s.name === app);
  const tag = `aeroalpes/${app}:${version}`;
  const command = ['build', '-f', 'docker/app.Dockerfile', '--build-arg', `APP=${app}`, '--build-arg', `PORT=${port}`, '-t', tag, '.'];
  process.stdout.write(`docker ${command.join(' ')}\n`);
  const build = spawnSync('docker', command, { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) fail(`building ${tag} failed (docker exited with ${build.status ?? build.signal})`);
  process.stdout.write(`built ${tag}\n`);
}
