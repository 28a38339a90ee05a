import { AppRegistry } from 'react-native';
import { Amplify } from 'aws-amplify';
import outputs from '../amplify_outputs.json';
import App from './App';

// As Amplify's Gen 2 docs show: the backend's generated outputs, imported at build time.
Amplify.configure(outputs);

AppRegistry.registerComponent('authflow', () => App);
AppRegistry.runApplication('authflow', { rootTag: document.getElementById('root') });
