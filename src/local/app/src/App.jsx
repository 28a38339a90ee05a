import { useEffect, useRef, useState } from 'react';
import { ActivityIndicator, View } from 'react-native';
import { getCurrentUser, resendSignUpCode, resetPassword, signIn } from 'aws-amplify/auth';
import { ROUTES, codeSentNotice } from './routes';
import SignUp from './SignUp';
import ConfirmSignUp from './ConfirmSignUp';
import SignIn from './SignIn';
import ForgotPassword from './ForgotPassword';
import ResetPassword from './ResetPassword';
import Dashboard from './Dashboard';

const SCREENS = {
  [ROUTES.signUp]: SignUp,
  [ROUTES.confirmSignUp]: ConfirmSignUp,
  [ROUTES.signIn]: SignIn,
  [ROUTES.forgotPassword]: ForgotPassword,
  [ROUTES.resetPassword]: ResetPassword,
  [ROUTES.dashboard]: Dashboard,
};

// These act on an account named earlier in the flow; opened without one (a deep link, a reload
// in another tab), they send the user to the screen where it is entered.
const NEEDS_EMAIL = {
  [ROUTES.confirmSignUp]: ROUTES.signIn,
  [ROUTES.resetPassword]: ROUTES.forgotPassword,
};

// The root-layout gate. It runs on launch and on every route change, browser Back included, so a
// signed-out user never reaches the dashboard from a link or from history.
async function gate({ path, email }) {
  const signedIn = await getCurrentUser().then(
    () => true,
    () => false,
  );
  if (signedIn) return ROUTES.dashboard;
  if (path === ROUTES.dashboard || !SCREENS[path]) return ROUTES.signIn;
  if (!email && NEEDS_EMAIL[path]) return NEEDS_EMAIL[path];
  return path;
}

// The email travels in history state so Back and reload keep it; the password never does.
function currentLocation() {
  return { path: window.location.pathname, email: window.history.state?.email };
}

export default function App() {
  const [location, setLocation] = useState(currentLocation);
  const [decision, setDecision] = useState(null);
  const [message, setMessage] = useState(null);
  const [busy, setBusy] = useState(false);
  // Held in memory only, for the sign-in that follows confirming the account.
  const credentials = useRef(null);

  useEffect(() => {
    const onPopState = () => {
      setMessage(null);
      setLocation(currentLocation());
    };
    window.addEventListener('popstate', onPopState);
    return () => window.removeEventListener('popstate', onPopState);
  }, []);

  useEffect(() => {
    let current = true;
    gate(location).then((path) => {
      if (!current) return;
      if (path !== location.path) window.history.replaceState(window.history.state, '', path);
      setDecision({ location, path });
    });
    return () => {
      current = false;
    };
  }, [location]);

  const navigate = (path, { email, info } = {}) => {
    window.history.pushState({ email }, '', path);
    setMessage(info ? { kind: 'info', text: info } : null);
    setLocation({ path, email });
  };

  const notify = (text) => setMessage({ kind: 'info', text });

  // Amplify's own message, verbatim: tests and users both rely on Cognito's wording.
  const report = (error) => setMessage({ kind: 'error', text: error.message });

  // Every auth call from a button goes through here, so there is one at a time and every failure
  // is reported the same way.
  const act = async (call) => {
    setMessage(null);
    setBusy(true);
    try {
      await call();
    } catch (error) {
      report(error);
    } finally {
      setBusy(false);
    }
  };

  const rememberPassword = (email, password) => {
    credentials.current = { email, password };
  };

  const recallPassword = (email) =>
    credentials.current?.email === email ? credentials.current.password : null;

  const handleResetPasswordNextSteps = (email, { nextStep }) => {
    if (nextStep.resetPasswordStep === 'CONFIRM_RESET_PASSWORD_WITH_CODE') {
      navigate(ROUTES.resetPassword, { email, info: codeSentNotice(nextStep.codeDeliveryDetails) });
    } else {
      navigate(ROUTES.signIn, { info: 'Password reset. Sign in with your new password.' });
    }
  };

  // Shared by the sign-in screen and by the automatic sign-in after confirming an account.
  const signInAndContinue = async (email, password) => {
    // Amplify's default flow, USER_SRP_AUTH, as a Gen 2 app client allows.
    const { nextStep } = await signIn({ username: email, password });
    switch (nextStep.signInStep) {
      case 'DONE':
        credentials.current = null;
        navigate(ROUTES.dashboard);
        return;
      case 'CONFIRM_SIGN_UP':
        // Amplify reports UserNotConfirmedException as this step and sends no code, so ask for one.
        rememberPassword(email, password);
        navigate(ROUTES.confirmSignUp, { email });
        notify(codeSentNotice(await resendSignUpCode({ username: email })));
        return;
      case 'RESET_PASSWORD':
        handleResetPasswordNextSteps(email, await resetPassword({ username: email }));
        return;
      default:
        throw new Error(`This app does not handle the sign-in step ${nextStep.signInStep}.`);
    }
  };

  const shown = decision?.location === location ? decision.path : null;
  if (!shown) {
    return (
      <View testID="app.loading" style={{ flex: 1, justifyContent: 'center' }}>
        <ActivityIndicator />
      </View>
    );
  }
  const flow = {
    email: location.email,
    busy,
    navigate,
    notify,
    report,
    act,
    rememberPassword,
    recallPassword,
    signInAndContinue,
    handleResetPasswordNextSteps,
  };
  const Shown = SCREENS[shown];
  return <Shown flow={flow} message={message} />;
}
