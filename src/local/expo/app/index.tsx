import { useEffect, useState } from 'react';
import { Pressable, StyleSheet, Text, View } from 'react-native';
import { useAuthenticator } from '@aws-amplify/ui-react-native';
import { fetchUserAttributes } from 'aws-amplify/auth';

// The dashboard (/): the signed-in user's email and a way out.
export default function Dashboard() {
  const { signOut } = useAuthenticator((context) => [context.user]);
  const [email, setEmail] = useState<string | undefined>();

  useEffect(() => {
    let current = true;
    fetchUserAttributes().then((attributes) => {
      if (current) setEmail(attributes.email);
    });
    return () => {
      current = false;
    };
  }, []);

  return (
    <View testID="dashboard.screen" style={styles.screen}>
      <Text role="heading" style={styles.title}>Dashboard</Text>
      {email && <Text testID="dashboard.userEmail">{email}</Text>}
      <Pressable testID="dashboard.signOut" role="button" onPress={signOut} style={styles.button}>
        <Text style={styles.buttonText}>Sign out</Text>
      </Pressable>
    </View>
  );
}

const styles = StyleSheet.create({
  screen: { flex: 1, padding: 24, gap: 12, maxWidth: 420, width: '100%', alignSelf: 'center' },
  title: { fontSize: 24, fontWeight: '600', marginBottom: 8 },
  button: { backgroundColor: '#1f5fbf', borderRadius: 6, padding: 12, alignItems: 'center' },
  buttonText: { color: '#fff', fontSize: 16, fontWeight: '600' },
});
