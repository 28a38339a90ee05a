import { useState } from 'react';
import { confirmSignUp, resendSignUpCode } from 'aws-amplify/auth';
import { ROUTES, codeSentNotice } from './routes';
import { Button, Field, Screen } from './ui';

export default function ConfirmSignUp({ flow, message }) {
  const [code, setCode] = useState('');

  const handleSignUpConfirmation = () =>
    flow.act(async () => {
      await confirmSignUp({ username: flow.email, confirmationCode: code });
      const password = flow.recallPassword(flow.email);
      if (password) {
        await flow.signInAndContinue(flow.email, password);
      } else {
        flow.navigate(ROUTES.signIn, { info: 'Account confirmed. Sign in with your password.' });
      }
    });

  const handleResendSignUpCode = () =>
    flow.act(async () => flow.notify(codeSentNotice(await resendSignUpCode({ username: flow.email }))));

  return (
    <Screen testID="confirmSignUp.screen" title="Confirm your account" message={message}>
      <Field testID="confirmSignUp.code" label="Confirmation code" inputMode="numeric" autoComplete="one-time-code" value={code} onChangeText={setCode} />
      <Button testID="confirmSignUp.submit" label="Confirm" onPress={handleSignUpConfirmation} disabled={flow.busy} />
      <Button testID="confirmSignUp.resend" label="Send a new code" onPress={handleResendSignUpCode} disabled={flow.busy} />
    </Screen>
  );
}
