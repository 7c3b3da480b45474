// Finds the system Chromium for the end-to-end tests. Never downloads a browser:
// on Debian, as root, it installs the distribution's `chromium` package.
import { execSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

const wanted = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (existsSync(wanted)) process.exit(0);

const isDebian = existsSync('/etc/debian_version') || /debian/i.test(safeRead('/etc/os-release'));
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (!isDebian || !isRoot || process.env.CHROMIUM_PATH) {
  console.error(
    `Chromium not found at ${wanted}. Install it (Debian: apt-get install chromium) or set CHROMIUM_PATH.`,
  );
  process.exit(1);
}
console.log('Chromium is missing: installing the Debian chromium package (apt-get)…');
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
execSync('apt-get update -qq', { stdio: 'inherit', env });
execSync('apt-get install -y -qq chromium', { stdio: 'inherit', env });
if (!existsSync(wanted)) {
  console.error(`apt-get finished but ${wanted} is still missing.`);
  process.exit(1);
}

function safeRead(path) {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}
