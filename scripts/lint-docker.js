// `npm run lint:docker`: a static check of the container build that runs without a Docker engine.
//
// 1. Every docker/*.Dockerfile (or the files named on the command line) against the rules below,
//    the hadolint rules we rely on (ids as hadolint's where one matches) plus this project's policy.
//    hadolint itself is a Haskell binary, not on npm or Debian's archive; the npm linters
//    (dockerfilelint, dockerfile_lint) are unmaintained and check none of the policy rules, so
//    these few rules are written here, with no dependency.
// 2. .dockerignore keeps node_modules, dist, data, .git and .env out of the build context.
// 3. docker-compose.yml with `docker compose config -q` (or Debian's `docker-compose`), which
//    needs no engine: once with the default profile and once with `--profile all`. Skipped, with
//    a line that says so, when neither is installed (`apt-get install docker-compose`).
//
// One line per finding (`file:line RULE message`), exit 1 on any. `--self-test` checks the rules
// against inline Dockerfiles; `--no-compose` skips step 3.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

// ---- parsing ----------------------------------------------------------------------------------

/** Instructions of a Dockerfile: `{ line, keyword, args }`, continuation lines joined, comments dropped. */
export function parseDockerfile(text) {
  const lines = text.split(/\r?\n/);
  let escape = '\\';
  // Parser directives: only at the very top, before any instruction, comment or blank line.
  for (const line of lines) {
    const directive = /^#\s*([a-z]+)\s*=\s*(\S+)\s*$/i.exec(line);
    if (!directive) break;
    if (directive[1].toLowerCase() === 'escape') escape = directive[2];
  }
  const instructions = [];
  let current = null;
  lines.forEach((raw, index) => {
    const trimmed = raw.trim();
    if (current === null && (trimmed === '' || trimmed.startsWith('#'))) return;
    if (current !== null && (trimmed === '' || trimmed.startsWith('#'))) return; // inside a continuation
    let text = raw.replace(/\s+$/, '');
    const continues = text.endsWith(escape);
    if (continues) text = text.slice(0, -escape.length);
    if (current === null) {
      const match = /^\s*(\S+)\s*(.*)$/s.exec(text);
      current = { line: index + 1, keyword: match[1].toUpperCase(), args: match[2] };
    } else {
      current.args += ` ${text.trim()}`;
    }
    if (!continues) {
      current.args = current.args.trim();
      instructions.push(current);
      current = null;
    }
  });
  if (current !== null) instructions.push({ ...current, args: current.args.trim() });
  return instructions;
}

/** `KEY=value` pairs of ENV/ARG (quotes removed); a legacy `ENV KEY value` is one pair; `ARG NAME` has value undefined. */
function parsePairs(keyword, args) {
  if (keyword === 'ENV' && !/^[^\s=]+=/.test(args)) {
    const [key, ...rest] = args.split(/\s+/);
    return [{ key, value: rest.join(' ') }];
  }
  const pairs = [];
  const re = /([^\s=]+)(?:=("(?:[^"\\]|\\.)*"|'[^']*'|\S*))?/g;
  for (const m of args.matchAll(re)) {
    let value = m[2];
    if (value !== undefined && /^(["']).*\1$/s.test(value)) value = value.slice(1, -1);
    pairs.push({ key: m[1], value });
  }
  return pairs;
}

function substitute(text, vars) {
  return text.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)(?::?[-+][^}]*)?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (whole, a, b) => {
    const name = a ?? b;
    if (vars[name] !== undefined && vars[name] !== '') return vars[name];
    const fallback = /^\$\{[^}:]+:?-([^}]*)\}$/.exec(whole);
    return fallback ? fallback[1] : whole;
  });
}

function isExecForm(args) {
  if (!args.startsWith('[')) return false;
  try {
    const value = JSON.parse(args);
    return Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'string');
  } catch {
    return false;
  }
}

// ---- rules ------------------------------------------------------------------------------------

const SECRET_NAME = /(^|_)(PASSWORD|PASSWD|SECRET|TOKEN|API_?KEY|KEY|CREDENTIALS?)(_|$)/i;
const ROOT_USER = /^(root|0)(:.*)?$/;

/** Findings `{ line, rule, message }` for one Dockerfile's text. */
export function lintDockerfile(text) {
  const findings = [];
  const report = (line, rule, message) => findings.push({ line, rule, message });
  const instructions = parseDockerfile(text);
  const globalArgs = {};
  const stages = [];
  for (const ins of instructions) {
    if (ins.keyword === 'FROM') {
      stages.push({ from: ins, instructions: [] });
    } else if (stages.length === 0) {
      if (ins.keyword === 'ARG') for (const { key, value } of parsePairs('ARG', ins.args)) globalArgs[key] = value;
    } else {
      stages.at(-1).instructions.push(ins);
    }
    if (stages.length === 0 && ins.keyword !== 'ARG') report(ins.line, 'DL3061', `${ins.keyword} before the first FROM`);
  }
  if (stages.length === 0) {
    report(1, 'DL3061', 'no FROM instruction');
    return findings;
  }

  const stageNames = new Set();
  for (const [index, stage] of stages.entries()) {
    const { from } = stage;
    const words = from.args.split(/\s+/).filter((w) => !w.startsWith('--'));
    const [image = '', as, name] = words;
    if (as?.toUpperCase() === 'AS' && name) stage.name = name.toLowerCase();
    const resolved = substitute(image, globalArgs);
    if (stageNames.has(resolved.toLowerCase()) || resolved === 'scratch') {
      // an earlier stage of this file, or the empty image
    } else if (/\$/.test(resolved)) {
      report(from.line, 'DL3006', `FROM ${image}: a build argument without a default; pin the base image`);
    } else if (!/@sha256:[0-9a-f]{64}$/.test(resolved)) {
      const lastPart = resolved.split('/').pop();
      const tag = lastPart.includes(':') ? lastPart.split(':').pop() : undefined;
      if (tag === undefined)
        report(from.line, 'DL3006', `FROM ${resolved}: no tag; pin an explicit version (e.g. node:20.20.2-bookworm-slim)`);
      else if (tag === 'latest') report(from.line, 'DL3007', `FROM ${resolved}: "latest" is not a version; pin an explicit one`);
      else if (!/\d/.test(tag))
        report(from.line, 'DL3007', `FROM ${resolved}: "${tag}" is a moving tag, not a version; pin an explicit one`);
    }
    if (stage.name) stageNames.add(stage.name);

    for (const ins of stage.instructions) {
      const { keyword, args, line } = ins;
      if (keyword === 'ENV' || keyword === 'ARG') {
        for (const { key, value } of parsePairs(keyword, args)) {
          if (!SECRET_NAME.test(key) || value === undefined || value === '') continue;
          if (/^\$\{?[A-Za-z_][A-Za-z0-9_]*\}?$/.test(value)) continue; // a reference, not a literal
          report(
            line,
            'SECRETS',
            `${keyword} ${key} has a literal value: pass secrets at run time or with build secrets, never in the image`,
          );
        }
      } else if (keyword === 'RUN') {
        const commands = args.split(/&&|\|\||;|\|/).map((c) => c.trim());
        let installs = false;
        for (const command of commands) {
          if (/(^|\s)apt(\s|$)/.test(command) && /\sinstall(\s|$)/.test(command)) {
            report(line, 'DL3027', 'use apt-get, not apt, in scripts');
          }
          if (!/(^|\s)apt-get\s/.test(command) || !/\sinstall(\s|$)/.test(command)) continue;
          installs = true;
          if (!/--no-install-recommends/.test(command)) report(line, 'DL3015', 'apt-get install without --no-install-recommends');
          if (!/(\s-[a-z]*y|\s--yes|\s--assume-yes|\s-qq)(\s|$)/.test(command)) report(line, 'DL3014', 'apt-get install without -y');
        }
        if (installs && !/rm\s+-(rf|fr|r)\s+\/var\/lib\/apt\/lists/.test(args)) {
          report(line, 'DL3009', 'apt-get lists not removed in the same RUN (rm -rf /var/lib/apt/lists/*)');
        }
      } else if (keyword === 'ADD') {
        const words = args.startsWith('[') && isExecForm(args) ? JSON.parse(args) : args.split(/\s+/).filter((w) => !w.startsWith('--'));
        const sources = words.slice(0, -1);
        const fine = sources.every(
          (s) => /^(https?|git):\/\//.test(s) || /\.(tar|tar\.gz|tgz|tar\.bz2|tbz2?|tar\.xz|txz|tar\.zst)$/.test(s),
        );
        if (!fine) report(line, 'DL3020', 'ADD of local files: use COPY (ADD only for URLs or archives to extract)');
      } else if (keyword === 'CMD' || keyword === 'ENTRYPOINT') {
        if (!isExecForm(args) && !/^exec\s/.test(args)) {
          report(
            line,
            'DL3025',
            `${keyword} in shell form: use the exec (JSON) form, or start it with exec, so that SIGTERM reaches the process`,
          );
        }
      }
    }

    if (index === stages.length - 1) {
      const users = stage.instructions.filter((i) => i.keyword === 'USER');
      const last = users.at(-1);
      if (!last) report(from.line, 'DL3002', 'the final stage has no USER: it runs as root; add a non-root USER');
      else if (ROOT_USER.test(substitute(last.args.trim(), globalArgs)))
        report(last.line, 'DL3002', `the last USER is root (${last.args.trim()})`);
      const health = stage.instructions.filter((i) => i.keyword === 'HEALTHCHECK').at(-1);
      if (!health) report(from.line, 'HEALTHCHECK', 'the final stage has no HEALTHCHECK');
      else if (/^NONE$/i.test(health.args.trim())) report(health.line, 'HEALTHCHECK', 'HEALTHCHECK NONE disables the health check');
      if (!stage.instructions.some((i) => i.keyword === 'CMD' || i.keyword === 'ENTRYPOINT')) {
        report(from.line, 'CMD', 'the final stage has no CMD or ENTRYPOINT: it would run the base image’s');
      }
    }
  }
  return findings.sort((a, b) => a.line - b.line);
}

/** Findings for .dockerignore: what must never enter the build context. */
export function lintDockerignore(text) {
  const entries = new Set(
    text
      .split(/\r?\n/)
      .map((l) => l.trim().replace(/^\/+|\/+$/g, ''))
      .filter((l) => l && !l.startsWith('#')),
  );
  return ['node_modules', 'dist', 'data', '.git', '.env']
    .filter((e) => !entries.has(e) && !entries.has(`**/${e}`))
    .map((e) => ({ line: 1, rule: 'DOCKERIGNORE', message: `${e} is not ignored: it would be sent into the build context` }));
}

// ---- docker-compose.yml -------------------------------------------------------------------------

function composeCommand() {
  const v2 = spawnSync('docker', ['compose', 'version'], { encoding: 'utf8' });
  if (!v2.error && v2.status === 0) return ['docker', 'compose'];
  const v1 = spawnSync('docker-compose', ['version'], { encoding: 'utf8' });
  if (!v1.error && v1.status === 0) return ['docker-compose'];
  return null;
}

function lintCompose(file) {
  const command = composeCommand();
  if (!command) {
    console.log(`${file}: not validated: neither "docker compose" nor "docker-compose" is installed (apt-get install docker-compose)`);
    return [];
  }
  const findings = [];
  for (const profiles of [[], ['--profile', 'all']]) {
    const args = [...command.slice(1), '-f', file, ...profiles, 'config', '-q'];
    const run = spawnSync(command[0], args, { cwd: root, encoding: 'utf8' });
    const label = `${command.join(' ')} ${profiles.join(' ')} config -q`.replace(/\s+/g, ' ');
    if (run.status !== 0) {
      const output = `${run.stderr}${run.stdout}`.trim().split('\n').filter(Boolean);
      findings.push({ line: 1, rule: 'COMPOSE', message: `${label} failed: ${output.join(' | ') || run.error?.message}` });
    } else {
      console.log(`${file}: ${label}: ok`);
    }
  }
  return findings;
}

// ---- self-test --------------------------------------------------------------------------------

function selfTest() {
  const bad = [
    'FROM node AS build',
    'ARG NPM_TOKEN=abc123',
    'RUN apt-get update && apt-get install python3 make',
    'FROM node:latest AS second',
    'FROM debian:bookworm-slim',
    'ENV DB_PASSWORD=hunter2 \\',
    '    MONKEY=ok',
    'ADD src /app/src',
    'RUN apt install -y curl',
    'USER root',
    'CMD node main.js',
  ].join('\n');
  const good = [
    '# escape=\\',
    'ARG BASE=node:20.20.2-bookworm-slim',
    'FROM ${BASE} AS build',
    'ARG NPM_TOKEN',
    'RUN apt-get update \\',
    '  # a comment inside a continuation',
    '  && apt-get install -y --no-install-recommends python3 \\',
    '  && rm -rf /var/lib/apt/lists/*',
    'FROM node:20.20.2-bookworm-slim',
    'ENV API_KEY=${API_KEY} NODE_ENV=production',
    'COPY --from=build /app /app',
    'ADD https://example.invalid/file.tar.gz /tmp/',
    'USER node',
    'HEALTHCHECK CMD ["node", "healthcheck.js"]',
    'CMD exec node main.js',
  ].join('\n');
  const cases = [
    {
      name: 'bad Dockerfile',
      text: bad,
      expected: [
        'DL3006',
        'SECRETS',
        'DL3015',
        'DL3014',
        'DL3009',
        'DL3007',
        'DL3007',
        'SECRETS',
        'DL3020',
        'DL3027',
        'DL3002',
        'DL3025',
        'HEALTHCHECK',
      ],
    },
    { name: 'good Dockerfile', text: good, expected: [] },
    { name: 'no USER, no CMD', text: 'FROM node:20.20.2-bookworm-slim\nHEALTHCHECK NONE', expected: ['DL3002', 'HEALTHCHECK', 'CMD'] },
    { name: 'the project Dockerfile', text: readFileSync(join(root, 'docker/app.Dockerfile'), 'utf8'), expected: [] },
  ];
  let passed = 0;
  let failed = 0;
  for (const c of cases) {
    const got = lintDockerfile(c.text).map((f) => f.rule);
    const ok = [...got].sort().join(',') === [...c.expected].sort().join(',');
    if (ok) passed += 1;
    else failed += 1;
    console.log(`${ok ? 'ok' : 'FAIL'} ${c.name}${ok ? '' : `: expected [${c.expected.join(', ')}], got [${got.join(', ')}]`}`);
  }
  const ignore = lintDockerignore('node_modules\n/dist/\n# data\n.git').map((f) => f.message.split(' ')[0]);
  const ignoreOk = ignore.join(',') === 'data,.env';
  if (ignoreOk) passed += 1;
  else failed += 1;
  console.log(`${ignoreOk ? 'ok' : 'FAIL'} .dockerignore rule${ignoreOk ? '' : `: got [${ignore.join(', ')}]`}`);
  console.log(`lint-docker self-test: ${passed} passed, ${failed} failed`);
  return failed === 0;
}

// ---- main ---------------------------------------------------------------------------------------

function main(argv) {
  if (argv.includes('--self-test')) return selfTest() ? 0 : 1;
  const named = argv.filter((a) => !a.startsWith('--'));
  const dockerDir = join(root, 'docker');
  const files = named.length
    ? named.map((f) => resolve(f))
    : existsSync(dockerDir)
      ? readdirSync(dockerDir)
          .filter((f) => f.endsWith('.Dockerfile') || f === 'Dockerfile')
          .map((f) => join(dockerDir, f))
      : [];
  const findings = [];
  if (files.length === 0) findings.push({ file: 'docker/', line: 1, rule: 'FILES', message: 'no docker/*.Dockerfile to check' });
  for (const file of files) {
    if (!existsSync(file)) findings.push({ file: relative(root, file), line: 1, rule: 'FILES', message: 'no such file' });
    else for (const f of lintDockerfile(readFileSync(file, 'utf8'))) findings.push({ file: relative(root, file), ...f });
  }
  if (named.length === 0) {
    const ignore = join(root, '.dockerignore');
    if (!existsSync(ignore)) findings.push({ file: '.dockerignore', line: 1, rule: 'DOCKERIGNORE', message: 'missing' });
    else for (const f of lintDockerignore(readFileSync(ignore, 'utf8'))) findings.push({ file: '.dockerignore', ...f });
    if (!argv.includes('--no-compose') && existsSync(join(root, 'docker-compose.yml'))) {
      for (const f of lintCompose('docker-compose.yml')) findings.push({ file: 'docker-compose.yml', ...f });
    }
  }
  for (const f of findings) console.log(`${f.file}:${f.line} ${f.rule} ${f.message}`);
  console.log(`lint:docker: ${files.length} Dockerfile(s) checked, ${findings.length} finding(s)`);
  return findings.length > 0 ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
