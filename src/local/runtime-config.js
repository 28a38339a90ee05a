// The runtime-config contract of the local stack's apps (src/local/app, src/local/authenticator):
// the pool is fetched when the app starts rather than built in, so one build serves the Cognito
// stand-in and real pools alike. The harness's AppServer serves the file.
export const CONFIG_URL = new URL('/runtime-config.json', window.location.href).href;

export async function loadRuntimeConfig() {
  const response = await fetch(CONFIG_URL, { cache: 'no-store' });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  // A server with a single-page fallback answers a missing file with index.html, not a 404.
  const config = await response.json().catch(() => {
    throw new Error('not JSON (is the file missing?)');
  });
  for (const key of ['userPoolId', 'userPoolClientId']) {
    if (!config[key]) throw new Error(`"${key}" is missing`);
  }
  return config;
}

// What Amplify.configure takes. No authFlowType: Amplify signs in with its default, SRP, as a Gen 2
// app does. Amplify takes the region from the pool id's prefix; the endpoint is set only for a
// local pool.
export function amplifyConfig({ userPoolId, userPoolClientId, userPoolEndpoint }) {
  return {
    Auth: {
      Cognito: {
        userPoolId,
        userPoolClientId,
        ...(userPoolEndpoint && { userPoolEndpoint }),
        loginWith: { email: true },
      },
    },
  };
}
