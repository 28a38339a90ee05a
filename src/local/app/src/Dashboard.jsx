import { useEffect, useState } from 'react';
import { Text } from 'react-native';
import { fetchUserAttributes, signOut } from 'aws-amplify/auth';
import { ROUTES } from './routes';
import { Button, Screen } from './ui';

export default function Dashboard({ flow, message }) {
  const [email, setEmail] = useState(null);

  useEffect(() => {
    // Ignored once the user has left the dashboard, so a late answer cannot land on another screen.
    let current = true;
    fetchUserAttributes().then(
      (attributes) => current && setEmail(attributes.email),
      (error) => current && flow.report(error),
    );
    return () => {
      current = false;
    };
  }, []); // once per visit: the signed-in user does not change while the dashboard is shown

  const handleSignOut = () =>
    flow.act(async () => {
      await signOut();
      flow.navigate(ROUTES.signIn);
    });

  return (
    <Screen testID="dashboard.screen" title="Dashboard" message={message}>
      {email && <Text testID="dashboard.userEmail">{email}</Text>}
      <Button testID="dashboard.signOut" label="Sign out" onPress={handleSignOut} disabled={flow.busy} />
    </Screen>
  );
}
