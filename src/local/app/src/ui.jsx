import { Pressable, StyleSheet, Text, TextInput, View } from 'react-native';

export function Screen({ testID, title, message, children }) {
  return (
    <View testID={testID} style={styles.screen}>
      <Text role="heading" style={styles.title}>{title}</Text>
      <Notice message={message} />
      {children}
    </View>
  );
}

// Rendered only when there is something to say, so a test can treat its presence as the signal.
function Notice({ message }) {
  if (!message) return null;
  const isError = message.kind === 'error';
  return (
    <Text
      testID={`auth.${message.kind}`}
      role={isError ? 'alert' : 'status'}
      style={[styles.notice, isError ? styles.error : styles.info]}
    >
      {message.text}
    </Text>
  );
}

export function Field({ label, ...input }) {
  return (
    <View style={styles.field}>
      <Text style={styles.label}>{label}</Text>
      <TextInput aria-label={label} autoCapitalize="none" autoCorrect={false} style={styles.input} {...input} />
    </View>
  );
}

export function Button({ testID, label, onPress, disabled }) {
  return (
    <Pressable
      testID={testID}
      role="button"
      onPress={onPress}
      disabled={disabled}
      style={[styles.button, disabled && styles.disabled]}
    >
      <Text style={styles.buttonText}>{label}</Text>
    </Pressable>
  );
}

export function Link({ testID, label, onPress }) {
  return (
    <Pressable testID={testID} role="link" onPress={onPress} style={styles.link}>
      <Text style={styles.linkText}>{label}</Text>
    </Pressable>
  );
}

const styles = StyleSheet.create({
  screen: { flex: 1, padding: 24, gap: 12, maxWidth: 420, width: '100%', alignSelf: 'center' },
  title: { fontSize: 24, fontWeight: '600', marginBottom: 8 },
  notice: { padding: 12, borderRadius: 6 },
  error: { backgroundColor: '#fdecea', color: '#8a1c12' },
  info: { backgroundColor: '#e8f1fb', color: '#0b3d6e' },
  field: { gap: 4 },
  label: { fontSize: 14, color: '#444' },
  input: { borderWidth: 1, borderColor: '#bbb', borderRadius: 6, padding: 10, fontSize: 16 },
  button: { backgroundColor: '#1f5fbf', borderRadius: 6, padding: 12, alignItems: 'center' },
  disabled: { opacity: 0.5 },
  buttonText: { color: '#fff', fontSize: 16, fontWeight: '600' },
  link: { paddingVertical: 6 },
  linkText: { color: '#1f5fbf', fontSize: 15 },
});
