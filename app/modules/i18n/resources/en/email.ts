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
  orgInvitation: {
    subject: "You are invited to {{org}} on Puente",
    body: "{{inviter}} invites you to join {{org}} on Puente as {{role}}. Open the link below to accept: if you do not have a password yet you will choose one there. The link works for 7 days and only once.",
  },
  vettingReminder: {
    credentialSubject: "Your credential “{{item}}” expires on {{date}}",
    credentialBody: "Your credential “{{item}}” expires on {{date}}.",
    credentialAction:
      "To renew it without a gap, pass the quizzes of its course again before that date. The course is at the link below.",
    checkSubject: "Your vetting check “{{item}}” expires on {{date}}",
    checkBody: "Your vetting check “{{item}}” on record at {{org}} expires on {{date}}.",
    checkAction:
      "Your organization's vetting officer records the new check in Puente; please contact them in good time.",
    supervisorCredentialSubject: "{{person}}: credential “{{item}}” expires on {{date}}",
    supervisorCredentialBody: "The credential “{{item}}” of {{person}} expires on {{date}}.",
    supervisorCheckSubject: "{{person}}: vetting check “{{item}}” expires on {{date}}",
    supervisorCheckBody: "The vetting check “{{item}}” of {{person}} at {{org}} expires on {{date}}.",
    supervisorAction:
      "You receive this because you supervise {{person}} at {{org}}. Their vetting status is at the link below.",
    why: "Puente sends this reminder 60, 30 and 7 days before a credential or a vetting check expires.",
  },
  notices: {
    passwordChanged: {
      subject: "Your Puente password was changed",
      body: "The password of your Puente account was just changed, and every other session was signed out.",
      ifNotYou:
        "If you did not change it, someone else knows your password. Choose a new one at once with the link below, and tell your organisation's administrator.",
    },
    passwordReset: {
      subject: "Your Puente password was reset",
      body: "The password of your Puente account was just reset with a link sent to this address, and every session was signed out.",
      ifNotYou:
        "If you did not do this, someone can read your email. Secure your email account, then choose a new password with the link below, and tell your organisation's administrator.",
    },
    emailChanged: {
      subject: "The email address of your Puente account was changed",
      body: "Your Puente account now uses {{newEmail}} instead of this address. If you made this change, there is nothing to do.",
      ifNotYou:
        "If you did not, open the link below within 7 days. It puts this address back, signs out every session and asks you to choose a new password, because whoever made the change knew your current one. Then tell your organisation's administrator.",
    },
    signInFailures: {
      subject: "Failed sign-ins to your Puente account",
      body: "In the last hour there were {{count}} failed attempts to sign in to your Puente account. We send this message at most once an hour.",
      ifNotYou:
        "If these were not you, someone may be guessing your password. Attempts from each place are limited; after many failures, signing in with the password is paused for up to an hour, and a reset link requested from the page below signs you in. If your password is short or used elsewhere, choose a new one there.",
    },
    secondFactorReset: {
      subject: "The authenticator of your Puente account was reset",
      body: "A Puente platform administrator reset the authenticator app of your account, as asked when a phone is lost or replaced. Your recovery codes no longer work and every session was signed out. The next time you sign in, you will set up your authenticator app again.",
      ifNotYou:
        "If you did not ask for this, tell your organisation's administrator at once. Your password still protects the account; sign in with the link below to set up your authenticator before anyone else does.",
    },
    signUpExisting: {
      subject: "You already have a Puente account",
      body: "Someone, perhaps you, tried to create a Puente account with this address. This address already has an account, so nothing was created.",
      ifNotYou:
        "If it was you, sign in with your password, or choose a new one with the link below. If it was not you, you can ignore this message.",
    },
  },
} as const;
