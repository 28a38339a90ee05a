import { useState } from 'react';
import { ROUTES } from './routes';
import { Button, Field, Link, Screen } from './ui';

export default function SignIn({ flow, message }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');

  const onSignInPressed = () => flow.act(() => flow.signInAndContinue(email, password));

  return (
    <Screen testID="signIn.screen" title="Sign in" message={message}>
      <Field testID="signIn.email" label="Email" inputMode="email" autoComplete="username" value={email} onChangeText={setEmail} />
      <Field testID="signIn.password" label="Password" secureTextEntry autoComplete="current-password" value={password} onChangeText={setPassword} />
      <Button testID="signIn.submit" label="Sign in" onPress={onSignInPressed} disabled={flow.busy} />
      <Link testID="signIn.withEmailCode" label="Email me a sign-in code instead" onPress={() => flow.act(() => flow.signInWithEmailCode(email))} />
      <Link testID="signIn.forgotPassword" label="Forgot password?" onPress={() => flow.navigate(ROUTES.forgotPassword)} />
      <Link testID="signIn.goToSignUp" label="New here? Create an account" onPress={() => flow.navigate(ROUTES.signUp)} />
    </Screen>
  );
}
