// What the page frame (header, account menu, language) needs on every page.
import { getMemberships, getSessionState, readLanguageOffer } from "~/modules/auth/index.server.ts";
import { holds } from "~/modules/auth/index.ts";
import { demoAccountsExist } from "~/modules/demo/index.server.ts";
import { DEFAULT_LANG, isLang, type Lang } from "~/modules/i18n/index.ts";
import { langCookie, remixI18n } from "~/modules/i18n/index.server.ts";

export type ShellNav = {
  admin: boolean;
  organization: boolean;
  vetting: boolean;
  vettingChecks: boolean;
  instructor: boolean;
};

export type Shell = {
  lang: Lang;
  user: { name: string; email: string; emailVerified: boolean } | null;
  nav: ShellNav;
  requestId: string | null;
  // Demo accounts (with their published password) exist: every page says so.
  demo: boolean;
  // Just signed in reading another language than the saved one: offer to save this one.
  languageOffer: Lang | null;
};

export async function loadShell(request: Request, params: { lang?: string }, context: unknown) {
  const [{ user, setCookie }, demo] = await Promise.all([getSessionState(request), demoAccountsExist()]);
  const lang: Lang = isLang(params.lang) ? params.lang : ((await remixI18n.getLocale(request)) as Lang) || DEFAULT_LANG;
  const memberships = user ? await getMemberships(request, user.id) : [];
  const subject = {
    isPlatformAdmin: user?.isPlatformAdmin ?? false,
    emailVerified: user?.emailVerified ?? false,
    memberships,
  };
  const nav: ShellNav = {
    admin: holds(subject, "read:users:any"),
    organization: holds(subject, "read:members:org") || holds(subject, "create:orgs:any"),
    vetting: holds(subject, "read:vetting-status:org"),
    vettingChecks: holds(subject, "read:vetting-check:org"),
    instructor: holds(subject, "read:lesson-preview:any"),
  };
  const headers = new Headers();
  if (setCookie) headers.append("Set-Cookie", setCookie);
  const languageOffer = await readLanguageOffer(request, user, lang);
  if (languageOffer.setCookie) headers.append("Set-Cookie", languageOffer.setCookie);
  // Remember the language the reader chose, for the next visit to "/".
  if (isLang(params.lang)) {
    const current = await langCookie.parse(request.headers.get("Cookie"));
    if (current !== params.lang) headers.append("Set-Cookie", await langCookie.serialize(params.lang));
  }
  const requestId = (context as { requestId?: string } | undefined)?.requestId ?? null;
  const shell: Shell = {
    lang,
    user: user ? { name: user.name, email: user.email, emailVerified: user.emailVerified } : null,
    nav,
    requestId,
    demo,
    languageOffer: languageOffer.offer,
  };
  return { shell, headers };
}
