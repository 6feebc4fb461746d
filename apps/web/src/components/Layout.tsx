import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation } from "wouter";
import { navigationFor } from "../session/navigation";
import { useSession } from "../session/SessionContext";
import { BrandMark } from "./BrandMark";
import { LanguageSwitcher } from "./LanguageSwitcher";

/** A section is current on its own page and on the pages below it (`/classes/…`). */
function isCurrent(href: string, location: string): boolean {
  return href === "/" ? location === "/" : location === href || location.startsWith(`${href}/`);
}

/** The page frame: skip link, banner with navigation and account, one `main` landmark. */
export function Layout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const session = useSession();
  const [location] = useLocation();
  const user = session.user;
  return (
    <>
      <a className="skip-link" href="#main">
        {t("app.skipToContent")}
      </a>
      <header className="app-header">
        <div className="app-header__inner">
          <Link href="/" className="brand">
            <BrandMark />
            <span>{t("app.name")}</span>
          </Link>
          {user && (
            <nav className="app-nav" aria-label={t("nav.label")}>
              <ul>
                {navigationFor(user.role).map((entry) => (
                  <li key={entry.href}>
                    <Link
                      href={entry.href}
                      aria-current={isCurrent(entry.href, location) ? "page" : undefined}
                    >
                      {t(entry.label)}
                    </Link>
                  </li>
                ))}
              </ul>
            </nav>
          )}
          <div className="app-header__tools">
            <LanguageSwitcher />
            {user && (
              <>
                <span className="account">{t("nav.signedInAs", { name: user.displayName })}</span>
                <button
                  type="button"
                  className="button button--secondary"
                  onClick={() => void session.logOut()}
                >
                  {t("nav.logOut")}
                </button>
              </>
            )}
          </div>
        </div>
      </header>
      <main id="main" className="app-main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}

export function PageHeader({ title, lead }: { title: string; lead?: string }) {
  return (
    <div className="page-header">
      <h1>{title}</h1>
      {lead && <p>{lead}</p>}
    </div>
  );
}
