import { Authenticator } from '@aws-amplify/ui-react-native';
import Dashboard from './Dashboard';

// "The Root Layout is wrapped in <Authenticator>": the stock component decides every signed-out
// screen; the app's own content shows only once a user is signed in. Like the reference app, it
// offers a mobile number at sign-up, optional, for those who want their code by SMS.
const SIGN_UP_ATTRIBUTES = ['phone_number'];
const FORM_FIELDS = { signUp: { phone_number: { isRequired: false } } };

export default function RootLayout() {
  return (
    <Authenticator.Provider>
      <Authenticator signUpAttributes={SIGN_UP_ATTRIBUTES} formFields={FORM_FIELDS}>
        <Dashboard />
      </Authenticator>
    </Authenticator.Provider>
  );
}
