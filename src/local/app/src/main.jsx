import { AppRegistry, Text } from 'react-native';
import { Amplify } from 'aws-amplify';
import { CONFIG_URL, amplifyConfig, loadRuntimeConfig } from '../../runtime-config.js';
import App from './App';

async function rootComponent() {
  try {
    Amplify.configure(amplifyConfig(await loadRuntimeConfig()));
    return App;
  } catch (error) {
    return () => <Text testID="auth.error">Could not load {CONFIG_URL}: {error.message}</Text>;
  }
}

const root = await rootComponent();
AppRegistry.registerComponent('authflow', () => root);
AppRegistry.runApplication('authflow', { rootTag: document.getElementById('root') });
