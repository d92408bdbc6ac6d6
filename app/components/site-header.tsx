import { Form, Link, useLocation } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { type Lang, otherLang, switchLangPath } from "~/modules/i18n/index.ts";
import type { Shell } from "~/modules/web/index.ts";

/**
 * A native <details> menu (works without JavaScript, announced as expandable) that also closes
 * the way menus do: on Escape (focus back on its button), on a click outside, on navigation.
 */
function useDismissable(pathname: string) {
  const ref = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    const close = (event: Event) => {
      const menu = ref.current;
      if (!menu?.open) return;
      if (event instanceof KeyboardEvent) {
        if (event.key !== "Escape") return;
        menu.open = false;
        menu.querySelector("summary")?.focus();
      } else if (!menu.contains(event.target as Node)) {
        menu.open = false;
      }
    };
    document.addEventListener("keydown", close);
    document.addEventListener("pointerdown", close);
    return () => {
      document.removeEventListener("keydown", close);
      document.removeEventListener("pointerdown", close);
    };
  }, []);
  useEffect(() => {
    if (ref.current) ref.current.open = false;
  }, [pathname]);
  return ref;
}

export function SiteHeader({ shell }: { shell: Shell | undefined }) {
  const { t, i18n } = useTranslation();
  const location = useLocation();
  const lang = (shell?.lang ?? i18n.language) as Lang;
  const target = otherLang(lang);
  const user = shell?.user ?? null;
  const nav = shell?.nav;
  const menu = useDismissable(location.pathname);

  return (
    <header className="site-header">
      <div className="site-header__bar">
        <Link to={`/${lang}`} className="brand" aria-label={`${t("appName")} — ${t("nav.home")}`}>
          <svg aria-hidden="true" width="28" height="28" viewBox="0 0 32 32" className="brand__mark">
            <path d="M2 22 Q16 4 30 22" fill="none" stroke="currentColor" strokeWidth="3" />
            <path d="M2 22h28M8 22v-6M16 22v-9M24 22v-6" stroke="currentColor" strokeWidth="2.5" />
          </svg>
          <span className="brand__name">{t("appName")}</span>
        </Link>
        <div className="site-header__tools">
          <a
            href={switchLangPath(`${location.pathname}${location.search}`, target)}
            hrefLang={target}
            lang={target}
            className="lang-switch"
            aria-label={t("language.switchToLabel")}
          >
            {t("language.switchTo")}
          </a>
          {user ? (
            <details className="account-menu" ref={menu}>
              <summary aria-label={t("nav.accountMenu", { name: user.name })}>
                <span className="account-menu__name">{user.name}</span>
              </summary>
              <div className="account-menu__panel">
                <Link to={`/${lang}/account`}>{t("nav.account")}</Link>
                <Link to={`/${lang}/credentials`}>{t("nav.myCredentials")}</Link>
                <Form method="post" action={`/${lang}/logout`}>
                  <button type="submit" className="link-button">
                    {t("nav.signOut")}
                  </button>
                </Form>
              </div>
            </details>
          ) : (
            <Link to={`/${lang}/login`} className="button button--small">
              {t("nav.signIn")}
            </Link>
          )}
        </div>
      </div>
      <nav aria-label={t("nav.label")} className="site-nav">
        <ul>
          <li>
            <Link to={`/${lang}/courses`}>{t("nav.courses")}</Link>
          </li>
          <li>
            <Link to={`/${lang}/glossary`}>{t("nav.glossary")}</Link>
          </li>
          <li>
            <Link to={`/${lang}/search`}>{t("actions.search")}</Link>
          </li>
          {user ? (
            <li>
              <Link to={`/${lang}/learn`}>{t("nav.myLearning")}</Link>
            </li>
          ) : null}
          {nav?.instructor ? (
            <li>
              <Link to={`/${lang}/instructor`}>{t("nav.instructor")}</Link>
            </li>
          ) : null}
          {nav?.organization ? (
            <li>
              <Link to={`/${lang}/orgs`}>{t("nav.organization")}</Link>
            </li>
          ) : null}
          {nav?.vetting ? (
            <li>
              <Link to={`/${lang}/vetting`}>{t("nav.vetting")}</Link>
            </li>
          ) : null}
          {nav?.vettingChecks ? (
            <li>
              <Link to={`/${lang}/vetting/checks`}>{t("nav.vettingChecks")}</Link>
            </li>
          ) : null}
          {nav?.admin ? (
            <li>
              <Link to={`/${lang}/admin/users`}>{t("nav.admin")}</Link>
            </li>
          ) : null}
        </ul>
      </nav>
    </header>
  );
}
