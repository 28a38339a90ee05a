import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The stock Authenticator of @aws-amplify/ui-react-native, built for the browser with
// react-native-web. Its dist ships JSX in .js files (it expects Metro/Babel), so .js is read as JSX.
const jsAsJsx = { moduleTypes: { '.js': 'jsx' } };

export default defineConfig({
  plugins: [react({ include: /\.(js|jsx)$/ })],
  resolve: {
    alias: [{ find: /^react-native$/, replacement: 'react-native-web' }],
    extensions: ['.web.js', '.js', '.jsx', '.mjs', '.json'],
  },
  // Amplify's platform detection reads Node's `global`; React Native code reads __DEV__.
  define: { global: 'globalThis', __DEV__: 'false' },
  optimizeDeps: { rolldownOptions: jsAsJsx },
  // One bundle of about 0.9 MB, served from loopback: splitting it would gain nothing here.
  build: { rolldownOptions: jsAsJsx, chunkSizeWarningLimit: 2000 },
});
