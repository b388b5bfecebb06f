import type { Metadata, Viewport } from 'next';
import { headers } from 'next/headers';
import { getLocale, getTranslations } from 'next-intl/server';
import { htmlLang, type Locale } from '@/i18n/locale';
import { registry } from '@/lib/web/service';
import './globals.css';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('site');
  return { title: `${t('name')} · ${t('tagline')}`, description: t('description') };
}

export const viewport: Viewport = { width: 'device-width', initialScale: 1, themeColor: '#0b57a4' };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const locale = (await getLocale()) as Locale;
  const t = await getTranslations('site');
  const path = (await headers()).get('x-path') ?? '/';
  const other: Locale = locale === 'zh' ? 'en' : 'zh';
  const demo = (await registry()).info.demo;
  return (
    <html lang={htmlLang(locale)}>
      <body>
        <header className="site-header">
          <div className="inner">
            <a className="brand" href="/">
              {t('name')} <small>{t('tagline')}</small>
            </a>
            <nav aria-label={t('nav.home')}>
              <a href="/">{t('nav.home')}</a>
              <a href="/batch">{t('nav.batch')}</a>
              <a href="/about">{t('nav.about')}</a>
              <a href={`/lang?to=${other}&back=${encodeURIComponent(path)}`} lang={htmlLang(other)} hrefLang={htmlLang(other)}>
                {t('switchTo')}
              </a>
            </nav>
          </div>
        </header>
        {demo && (
          <div className="demo-banner" role="note">
            {t('demo')}
          </div>
        )}
        {children}
        <footer className="site-footer">{t('footer')}</footer>
      </body>
    </html>
  );
}
