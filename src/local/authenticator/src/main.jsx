import 'react-native-get-random-values';
import { AppRegistry, Text } from 'react-native';
import { Amplify } from 'aws-amplify';
import RootLayout from './RootLayout';

// The same runtime-config contract as the reference app (src/local/app/src/main.jsx): fetched at
// startup, so one build serves the local stand-in and real pools alike.
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

// No authFlowType anywhere: the Authenticator signs in with Amplify's default, SRP.
function configureAmplify({ userPoolId, userPoolClientId, userPoolEndpoint }) {
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
    configureAmplify(await loadRuntimeConfig());
    return RootLayout;
  } catch (error) {
    return () => <Text testID="app.configError">Could not load {CONFIG_URL}: {error.message}</Text>;
  }
}

const root = await rootComponent();
AppRegistry.registerComponent('authflow', () => root);
AppRegistry.runApplication('authflow', { rootTag: document.getElementById('root') });
