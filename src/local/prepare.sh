#!/usr/bin/env bash
# Prepares what the embedded local stack runs besides the JVM. Called by Maven (exec plugin) in
# mvn test and mvn verify; cheap when nothing changed, so it runs every time.
#  - npm ci from the committed lock files (only when a lock file changed since the last install);
#  - the browser builds of the apps the local stack can serve: the reference app (app/) and the
#    stock Amplify UI Authenticator app (authenticator/), each only when its sources changed;
#  - Chromium and ChromeDriver from the OS packages when missing (root on Debian/Ubuntu only).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"

fail() { echo "authflow-e2e: $*" >&2; exit 1; }

command -v node >/dev/null && command -v npm >/dev/null \
  || fail "Node.js 20 and npm are needed for the local stack; install them (e.g. apt-get install nodejs npm) and run again."

fingerprint() { cat "$@" 2>/dev/null | sha256sum | cut -d' ' -f1; }

# Install scripts are not needed by any of these packages (appium's only prints a notice), and
# skipping them keeps the install from fetching anything beyond the registry.
for part in cognito app authenticator appium; do
  dir="$here/$part"
  stamp="$dir/node_modules/.authflow-lock.sha256"
  want="$(fingerprint "$dir/package-lock.json")"
  if [[ ! -f "$stamp" || "$(cat "$stamp")" != "$want" ]]; then
    echo "authflow-e2e: npm ci in src/local/$part"
    (cd "$dir" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)
    echo "$want" > "$stamp"
  fi
done

for part in app authenticator; do
  app="$here/$part"
  sources="$(cd "$app" && find src index.html vite.config.js package-lock.json -type f | sort)"
  want="$(cd "$app" && fingerprint $sources)"
  if [[ ! -f "$app/dist/index.html" || "$(cat "$app/dist/.authflow-src.sha256" 2>/dev/null)" != "$want" ]]; then
    echo "authflow-e2e: building the app in src/local/$part"
    (cd "$app" && npm run --silent build >/dev/null)
    echo "$want" > "$app/dist/.authflow-src.sha256"
  fi
done

if [[ ! -x /usr/bin/chromium || ! -x /usr/bin/chromedriver ]]; then
  if [[ "$(id -u)" == 0 ]] && command -v apt-get >/dev/null; then
    echo "authflow-e2e: installing Chromium and ChromeDriver (apt-get install chromium chromium-driver)"
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
  else
    fail "Chromium and ChromeDriver are needed at /usr/bin/chromium and /usr/bin/chromedriver for the local stack; install them (Debian/Ubuntu: sudo apt-get install chromium chromium-driver) and run again."
  fi
fi
