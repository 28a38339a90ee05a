#!/usr/bin/env bash
# Prepares what the embedded local stack runs besides the JVM. Called by Maven (exec plugin) in
# mvn test and mvn verify; cheap when nothing changed, so it runs every time.
#  - npm ci from the committed lock files (only when a lock file changed since the last install);
#  - the browser builds of the apps the local stack can serve: the reference app (app/) and the
#    stock Amplify UI Authenticator app (authenticator/), each only when its sources changed;
#  - Chromium and ChromeDriver from the OS packages when no browser is found (root on Debian/Ubuntu
#    only); elsewhere it says what to install. The harness itself finds the browser when the local
#    stack starts (local.browser, PATH, the usual install places: see BrowserLookup.java).
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
  # Both apps also build ../runtime-config.js, their shared contract with the harness.
  sources="$(cd "$app" && find src index.html vite.config.js package-lock.json ../runtime-config.js -type f | sort)"
  want="$(cd "$app" && fingerprint $sources)"
  if [[ ! -f "$app/dist/index.html" || "$(cat "$app/dist/.authflow-src.sha256" 2>/dev/null)" != "$want" ]]; then
    echo "authflow-e2e: building the app in src/local/$part"
    (cd "$app" && npm run --silent build >/dev/null)
    echo "$want" > "$app/dist/.authflow-src.sha256"
  fi
done

have() { command -v "$1" >/dev/null 2>&1; }
browser_found() {
  [[ -n "${AUTHFLOW_LOCAL_BROWSER:-}" ]] && return 0
  local name place
  for name in chromium chromium-browser google-chrome google-chrome-stable chrome; do
    have "$name" && return 0
  done
  for place in "/Applications/Google Chrome.app" "/Applications/Chromium.app" \
      "${HOME:-}/Applications/Google Chrome.app" "${HOME:-}/Applications/Chromium.app" \
      "${PROGRAMFILES:-/nowhere}/Google/Chrome/Application" "${LOCALAPPDATA:-/nowhere}/Google/Chrome/Application"; do
    [[ -d "$place" ]] && return 0
  done
  return 1
}
driver_found() { [[ -n "${AUTHFLOW_LOCAL_CHROMEDRIVER:-}" ]] || have chromedriver; }

if ! browser_found || ! driver_found; then
  if [[ "$(id -u)" == 0 ]] && have apt-get; then
    echo "authflow-e2e: installing Chromium and ChromeDriver (apt-get install chromium chromium-driver)"
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
  elif ! browser_found; then
    # Not fatal: the harness looks in more places (and config/<env>.yaml's local.browser) and stops
    # with its own line if it finds nothing.
    case "$(uname -s)" in
      Darwin) how="brew install --cask google-chrome (ChromeDriver: brew install --cask chromedriver, or let Appium download it)" ;;
      MINGW*|MSYS*|CYGWIN*) how="winget install Google.Chrome (ChromeDriver: choco install chromedriver, or let Appium download it)" ;;
      *) how="sudo apt-get install chromium chromium-driver (Fedora: sudo dnf install chromium chromedriver)" ;;
    esac
    echo "authflow-e2e: no Chromium or Google Chrome found for the local stack; install one: $how, or set AUTHFLOW_LOCAL_BROWSER to its path." >&2
  fi
fi
