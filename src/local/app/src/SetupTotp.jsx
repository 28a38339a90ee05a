import { useState } from 'react';
import { Text } from 'react-native';
import { Button, Field, Screen } from './ui';

// A pool that requires MFA asks a user without a second factor to set up an authenticator app.
export default function SetupTotp({ flow, message }) {
  const [code, setCode] = useState('');

  return (
    <Screen testID="setupTotp.screen" title="Set up your authenticator app" message={message}>
      <Text>Add this key to your authenticator app, then enter the code it shows.</Text>
      <Text testID="setupTotp.secret" selectable>{flow.step?.secret}</Text>
      <Field testID="setupTotp.code" label="Code from your authenticator app" inputMode="numeric" autoComplete="one-time-code" value={code} onChangeText={setCode} />
      <Button testID="setupTotp.submit" label="Confirm" onPress={() => flow.act(() => flow.answerSignIn(code))} disabled={flow.busy} />
    </Screen>
  );
}
