import { Slot } from 'expo-router';
import { Amplify } from 'aws-amplify';
import { Authenticator } from '@aws-amplify/ui-react-native';
import outputs from '../amplify_outputs.json';

Amplify.configure(outputs);

// The Root Layout is wrapped in the stock <Authenticator>: it decides every signed-out screen, and
// the app's routes show only once a user is signed in. A mobile number is offered at sign-up,
// optional, for those who want their code by SMS.
export default function RootLayout() {
  return (
    <Authenticator.Provider>
      <Authenticator
        signUpAttributes={['phone_number']}
        // @ts-expect-error The React Native Authenticator's props type omits formFields, but the
        // component passes them to its state machine, which makes the phone number optional.
        formFields={{ signUp: { phone_number: { isRequired: false } } }}
      >
        <Slot />
      </Authenticator>
    </Authenticator.Provider>
  );
}
