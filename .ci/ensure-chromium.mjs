// Run before the tests: makes sure a Chromium is there, installing Debian's
// `chromium` with apt-get where it can (as root), else says exactly what to run.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findChromium } from './chromium.mjs';

let found;
try {
  found = findChromium();
} catch (error) {
  console.error(`chromium: ${error.message}. Unset it, or point it at a Chromium or Chrome binary.`);
  process.exit(1);
}
if (found) {
  console.log(`chromium: ${found}`);
  process.exit(0);
}

const installLine = 'sudo apt-get update && sudo apt-get install -y chromium';
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasApt = existsSync('/usr/bin/apt-get');
if (isRoot && hasApt) {
  console.log('chromium: not found, installing Debian\'s chromium with apt-get…');
  try {
    execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', {
      stdio: 'inherit',
    });
  } catch {
    console.error(`chromium: apt-get failed. Install it by hand:\n  ${installLine}`);
    process.exit(1);
  }
  const installed = findChromium();
  if (installed) {
    console.log(`chromium: ${installed}`);
    process.exit(0);
  }
}
console.error(
  `chromium: no Chromium found. Install one and run the tests again:\n  ${installLine}\n` +
    'or point CHROMIUM_PATH at a Chromium or Chrome binary.',
);
process.exit(1);
