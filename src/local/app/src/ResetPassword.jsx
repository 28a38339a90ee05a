import { useState } from 'react';
import { confirmResetPassword } from 'aws-amplify/auth';
import { ROUTES } from './routes';
import { Button, Field, Screen } from './ui';

export default function ResetPassword({ flow, message }) {
  const [code, setCode] = useState('');
  const [newPassword, setNewPassword] = useState('');

  // The product sends the user back to sign in rather than signing them in with the new password.
  const handleConfirmResetPassword = () =>
    flow.act(async () => {
      await confirmResetPassword({ username: flow.email, confirmationCode: code, newPassword });
      flow.navigate(ROUTES.signIn, { info: 'Password changed. Sign in with your new password.' });
    });

  return (
    <Screen testID="resetPassword.screen" title="Choose a new password" message={message}>
      <Field testID="resetPassword.code" label="Code" inputMode="numeric" autoComplete="one-time-code" value={code} onChangeText={setCode} />
      <Field testID="resetPassword.newPassword" label="New password" secureTextEntry autoComplete="new-password" value={newPassword} onChangeText={setNewPassword} />
      <Button testID="resetPassword.submit" label="Change password" onPress={handleConfirmResetPassword} disabled={flow.busy} />
    </Screen>
  );
}
