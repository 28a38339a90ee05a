import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The app is React Native code; react-native-web renders it in the browser, so Appium's chromium
// driver can drive it on any machine without an emulator.
export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: [{ find: /^react-native$/, replacement: 'react-native-web' }],
  },
  // Amplify's platform detection reads Node's `global`; in the browser that is globalThis.
  define: { global: 'globalThis' },
});
