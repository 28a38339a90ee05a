import { useState } from 'react';
import { Button, Link, Screen } from './ui';

// A user with several second factors and none preferred picks one for this sign-in.
const OPTIONS = [
  { type: 'TOTP', testID: 'selectMfaType.totp', label: 'Authenticator app' },
  { type: 'SMS', testID: 'selectMfaType.sms', label: 'Text message (SMS)' },
  { type: 'EMAIL', testID: 'selectMfaType.email', label: 'Email' },
];

export default function SelectMfaType({ flow, message }) {
  const [chosen, setChosen] = useState(null);
  const allowed = OPTIONS.filter(({ type }) => flow.step?.allowed?.includes(type));

  return (
    <Screen testID="selectMfaType.screen" title="How do you want to get your code?" message={message}>
      {allowed.map(({ type, testID, label }) => (
        <Link key={type} testID={testID} label={chosen === type ? `✓ ${label}` : label} onPress={() => setChosen(type)} />
      ))}
      <Button testID="selectMfaType.submit" label="Continue" onPress={() => flow.act(() => flow.answerSignIn(chosen))} disabled={flow.busy || !chosen} />
    </Screen>
  );
}
