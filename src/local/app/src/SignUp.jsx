import { useState } from 'react';
import { signUp } from 'aws-amplify/auth';
import { ROUTES, codeSentNotice } from './routes';
import { Button, Field, Link, Screen } from './ui';

export default function SignUp({ flow, message }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [phone, setPhone] = useState('');

  const handleSignUp = () =>
    flow.act(async () => {
      const userAttributes = phone ? { email, phone_number: phone } : { email };
      const { nextStep } = await signUp({ username: email, password, options: { userAttributes } });
      if (nextStep.signUpStep === 'CONFIRM_SIGN_UP') {
        flow.rememberPassword(email, password);
        flow.navigate(ROUTES.confirmSignUp, {
          email,
          info: codeSentNotice(nextStep.codeDeliveryDetails),
        });
      } else {
        flow.navigate(ROUTES.signIn, { info: 'Account created. Sign in with your password.' });
      }
    });

  return (
    <Screen testID="signUp.screen" title="Create account" message={message}>
      <Field testID="signUp.email" label="Email" inputMode="email" autoComplete="email" value={email} onChangeText={setEmail} />
      <Field testID="signUp.password" label="Password" secureTextEntry autoComplete="new-password" value={password} onChangeText={setPassword} />
      <Field testID="signUp.phone" label="Mobile number (optional, e.g. +15550001234)" inputMode="tel" autoComplete="tel" value={phone} onChangeText={setPhone} />
      <Button testID="signUp.submit" label="Sign up" onPress={handleSignUp} disabled={flow.busy} />
      <Link testID="signUp.goToSignIn" label="Already have an account? Sign in" onPress={() => flow.navigate(ROUTES.signIn)} />
    </Screen>
  );
}
