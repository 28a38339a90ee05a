// Windows has no bash of its own: this runs prepare.sh with Git for Windows' bash (Git Bash), or
// says in one line what to install. Maven calls it instead of `bash prepare.sh` on Windows (the
// windows profile in pom.xml). WSL's bash.exe is skipped on purpose: it would install Linux
// packages into node_modules for the Windows node that runs the stack.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const script = path.join(path.dirname(fileURLToPath(import.meta.url)), 'prepare.sh');
const gitFolders = [process.env.ProgramFiles, process.env['ProgramFiles(x86)'], process.env.LOCALAPPDATA && path.join(process.env.LOCALAPPDATA, 'Programs')]
  .filter(Boolean)
  .map((base) => path.join(base, 'Git', 'bin', 'bash.exe'));
const bash = gitFolders.find((candidate) => existsSync(candidate));

if (!bash) {
  console.error(
    'authflow-e2e: preparing the local stack needs Git for Windows (its bash runs src/local/prepare.sh);'
      + ' looked for Git\\bin\\bash.exe under %ProgramFiles%, %ProgramFiles(x86)% and'
      + ' %LOCALAPPDATA%\\Programs. Install it (winget install Git.Git) and run again,'
      + ' or run Maven inside WSL 2 as on Linux.');
  process.exit(1);
}
const run = spawnSync(bash, [script], { stdio: 'inherit' });
process.exit(run.status ?? 1);
