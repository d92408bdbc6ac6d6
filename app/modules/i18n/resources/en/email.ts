export const email = {
  greeting: "Hello {{name}},",
  signature: "— The Puente team",
  ignore: "If you did not ask for this, you can ignore this message; nothing will change.",
  verify: {
    subject: "Verify your email address for Puente",
    body: "Please confirm that this is your email address by opening the link below. The link works for 24 hours.",
  },
  reset: {
    subject: "Reset your Puente password",
    body: "We received a request to reset your password. Open the link below to choose a new one. The link works for 1 hour and only once.",
  },
  changeEmail: {
    subject: "Confirm your new email address for Puente",
    body: "Open the link below to confirm that Puente should use this address from now on. The link works for 24 hours.",
  },
} as const;
