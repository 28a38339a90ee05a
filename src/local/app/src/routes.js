// Paths double as the app's deep links in the browser build.
export const ROUTES = {
  signUp: '/sign-up',
  confirmSignUp: '/confirm-sign-up',
  signIn: '/sign-in',
  forgotPassword: '/forgot-password',
  resetPassword: '/reset-password',
  dashboard: '/dashboard',
  setupTotp: '/setup-totp',
  confirmSignIn: '/confirm-sign-in',
  selectMfaType: '/select-mfa-type',
};

const MEDIUM = { EMAIL: 'email', SMS: 'SMS', PHONE: 'phone' };

// Cognito masks the destination (e.g. s***@e***), so it is safe to show as is.
export function codeSentNotice({ deliveryMedium, destination } = {}) {
  const by = deliveryMedium ? ` by ${MEDIUM[deliveryMedium] ?? deliveryMedium}` : '';
  const to = destination ? ` to ${destination}` : '';
  return `We sent a code${by}${to}.`;
}
