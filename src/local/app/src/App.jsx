import { useEffect, useRef, useState } from 'react';
import { ActivityIndicator, View } from 'react-native';
import { confirmSignIn, getCurrentUser, resendSignUpCode, resetPassword, signIn } from 'aws-amplify/auth';
import { ROUTES, codeSentNotice } from './routes';
import SignUp from './SignUp';
import ConfirmSignUp from './ConfirmSignUp';
import SignIn from './SignIn';
import ForgotPassword from './ForgotPassword';
import ResetPassword from './ResetPassword';
import Dashboard from './Dashboard';
import SetupTotp from './SetupTotp';
import ConfirmSignIn from './ConfirmSignIn';
import SelectMfaType from './SelectMfaType';

const SCREENS = {
  [ROUTES.signUp]: SignUp,
  [ROUTES.confirmSignUp]: ConfirmSignUp,
  [ROUTES.signIn]: SignIn,
  [ROUTES.forgotPassword]: ForgotPassword,
  [ROUTES.resetPassword]: ResetPassword,
  [ROUTES.dashboard]: Dashboard,
  [ROUTES.setupTotp]: SetupTotp,
  [ROUTES.confirmSignIn]: ConfirmSignIn,
  [ROUTES.selectMfaType]: SelectMfaType,
};

// These act on an account named earlier in the flow; opened without one (a deep link, a reload
// in another tab), they send the user to the screen where it is entered.
const NEEDS_EMAIL = {
  [ROUTES.confirmSignUp]: ROUTES.signIn,
  [ROUTES.resetPassword]: ROUTES.forgotPassword,
  // A sign-in's next steps live in Amplify's memory of that sign-in: opened without one, sign in.
  [ROUTES.setupTotp]: ROUTES.signIn,
  [ROUTES.confirmSignIn]: ROUTES.signIn,
  [ROUTES.selectMfaType]: ROUTES.signIn,
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

// The email travels in history state so Back and reload keep it; the password never does. A
// sign-in step's details (the key to set up, the factors to choose from) travel with it.
function currentLocation() {
  const state = window.history.state;
  return { path: window.location.pathname, email: state?.email, step: state?.step };
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

  const navigate = (path, { email, info, step } = {}) => {
    window.history.pushState({ email, step }, '', path);
    setMessage(info ? { kind: 'info', text: info } : null);
    setLocation({ path, email, step });
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

  // Where each step of a sign-in leads, whatever started it: the password, a code, a choice.
  const continueSignIn = async (email, password, nextStep) => {
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
      case 'CONTINUE_SIGN_IN_WITH_TOTP_SETUP':
        navigate(ROUTES.setupTotp, {
          email,
          step: { secret: nextStep.totpSetupDetails.sharedSecret },
        });
        return;
      case 'CONTINUE_SIGN_IN_WITH_MFA_SETUP_SELECTION':
        // This app sets up an authenticator app where the pool allows one.
        if (nextStep.allowedMFATypes?.includes('TOTP')) {
          await continueSignIn(email, password, (await confirmSignIn({ challengeResponse: 'TOTP' })).nextStep);
          return;
        }
        throw new Error(`This app sets up no ${nextStep.allowedMFATypes?.join(' or ')} second factor.`);
      case 'CONTINUE_SIGN_IN_WITH_MFA_SELECTION':
        navigate(ROUTES.selectMfaType, { email, step: { allowed: nextStep.allowedMFATypes } });
        return;
      case 'CONFIRM_SIGN_IN_WITH_TOTP_CODE':
        navigate(ROUTES.confirmSignIn, { email, info: 'Enter the code from your authenticator app.' });
        return;
      case 'CONFIRM_SIGN_IN_WITH_SMS_CODE':
      case 'CONFIRM_SIGN_IN_WITH_EMAIL_CODE':
        navigate(ROUTES.confirmSignIn, { email, info: codeSentNotice(nextStep.codeDeliveryDetails) });
        return;
      default:
        throw new Error(`This app does not handle the sign-in step ${nextStep.signInStep}.`);
    }
  };

  // Shared by the sign-in screen and by the automatic sign-in after confirming an account.
  const signInAndContinue = async (email, password) => {
    // Amplify's default flow, USER_SRP_AUTH, as a Gen 2 app client allows.
    const { nextStep } = await signIn({ username: email, password });
    await continueSignIn(email, password, nextStep);
  };

  // Sign-in with a code by email and no password: Cognito's choice-based flow, asking for EMAIL_OTP.
  const signInWithEmailCode = async (email) => {
    const { nextStep } = await signIn({
      username: email,
      options: { authFlowType: 'USER_AUTH', preferredChallenge: 'EMAIL_OTP' },
    });
    await continueSignIn(email, null, nextStep);
  };

  // The answer to the step shown (a code, a key's first code, a factor chosen).
  const answerSignIn = async (challengeResponse) => {
    const { nextStep } = await confirmSignIn({ challengeResponse });
    await continueSignIn(location.email, recallPassword(location.email), nextStep);
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
    signInWithEmailCode,
    answerSignIn,
    step: location.step,
    handleResetPasswordNextSteps,
  };
  const Shown = SCREENS[shown];
  return <Shown flow={flow} message={message} />;
}
