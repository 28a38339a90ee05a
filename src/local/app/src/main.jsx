import { AppRegistry, Text } from 'react-native';
import { Amplify } from 'aws-amplify';
import App from './App';

// Fetched at startup rather than built in, so one build serves cognito-local and real pools alike.
const CONFIG_URL = new URL('/runtime-config.json', window.location.href).href;

async function loadRuntimeConfig() {
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

function configureAmplify({ userPoolId, userPoolClientId, userPoolEndpoint }) {
  // Amplify takes the region from the pool id's prefix; the endpoint is only set for a local pool.
  Amplify.configure({
    Auth: {
      Cognito: {
        userPoolId,
        userPoolClientId,
        ...(userPoolEndpoint && { userPoolEndpoint }),
        loginWith: { email: true },
      },
    },
  });
}

async function rootComponent() {
  try {
    const config = await loadRuntimeConfig();
    configureAmplify(config);
    return App;
  } catch (error) {
    return () => <Text testID="auth.error">Could not load {CONFIG_URL}: {error.message}</Text>;
  }
}

const root = await rootComponent();
AppRegistry.registerComponent('authflow', () => root);
AppRegistry.runApplication('authflow', { rootTag: document.getElementById('root') });
