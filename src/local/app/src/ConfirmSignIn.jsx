import { useState } from 'react';
import { Button, Field, Screen } from './ui';

// The code that completes a sign-in: from an authenticator app, or sent by SMS or email.
export default function ConfirmSignIn({ flow, message }) {
  const [code, setCode] = useState('');

  return (
    <Screen testID="confirmSignIn.screen" title="Enter your sign-in code" message={message}>
      <Field testID="confirmSignIn.code" label="Sign-in code" inputMode="numeric" autoComplete="one-time-code" value={code} onChangeText={setCode} />
      <Button testID="confirmSignIn.submit" label="Sign in" onPress={() => flow.act(() => flow.answerSignIn(code))} disabled={flow.busy} />
    </Screen>
  );
}
