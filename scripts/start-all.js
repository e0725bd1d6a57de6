// `npm start`: the five services as five OS processes on the embedded defaults (SQLite files and
// the SQL message log under DATA_DIR), each log line prefixed with its service name.
// Ctrl-C (SIGINT) or SIGTERM stops all of them; if one dies, the others are stopped too.
import { concurrently } from 'concurrently';
import { SERVICES } from './services.js';

const { result, commands } = concurrently(
  SERVICES.map((s) => ({ name: s.name, command: `node ${s.entry}` })),
  {
    prefix: '[{name}]',
    prefixColors: ['blue', 'green', 'magenta', 'cyan', 'yellow'],
    killOthersOn: ['failure', 'success'],
    killSignal: 'SIGTERM',
  },
);

console.log(
  `AeroAlpes: starting ${SERVICES.map((s) => `${s.name} on :${process.env[s.portVariable] ?? s.port}`).join(', ')}; ` +
    `data in ${process.env.DATA_DIR ?? './data'}. Ctrl-C stops all.`,
);

result.then(
  () => process.exit(0),
  (events) => {
    const failed = events.filter((e) => e.exitCode !== 0 && e.killed !== true);
    process.exit(failed.length > 0 && commands.length > 0 ? 1 : 0);
  },
);
