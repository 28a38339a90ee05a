import 'react-native-get-random-values';
import { AppRegistry } from 'react-native';
import { Amplify } from 'aws-amplify';
import outputs from '../amplify_outputs.json';
import RootLayout from './RootLayout';

// As Amplify's Gen 2 docs show: the backend's generated outputs, imported at build time.
Amplify.configure(outputs);

AppRegistry.registerComponent('authflow', () => RootLayout);
AppRegistry.runApplication('authflow', { rootTag: document.getElementById('root') });
