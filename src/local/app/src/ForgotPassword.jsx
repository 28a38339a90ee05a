import { useState } from 'react';
import { resetPassword } from 'aws-amplify/auth';
import { Button, Field, Screen } from './ui';

export default function ForgotPassword({ flow, message }) {
  const [email, setEmail] = useState('');

  const handleResetPassword = () =>
    flow.act(async () => flow.handleResetPasswordNextSteps(email, await resetPassword({ username: email })));

  return (
    <Screen testID="forgotPassword.screen" title="Reset your password" message={message}>
      <Field testID="forgotPassword.email" label="Email" inputMode="email" autoComplete="username" value={email} onChangeText={setEmail} />
      <Button testID="forgotPassword.submit" label="Send code" onPress={handleResetPassword} disabled={flow.busy} />
    </Screen>
  );
}
