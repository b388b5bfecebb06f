const createNextIntlPlugin = require('next-intl/plugin');

const withNextIntl = createNextIntlPlugin('./i18n/request.ts');

const securityHeaders = require('./security-headers');

/** @type {import('next').NextConfig} */
module.exports = withNextIntl({
  serverExternalPackages: ['better-sqlite3'],
  // The build checks the app's own code; tests and tools are checked by npm test (tsc -p tsconfig.json).
  typescript: { tsconfigPath: 'tsconfig.build.json' },
  poweredByHeader: false,
  async headers() {
    return [{ source: '/:path*', headers: securityHeaders }];
  },
});
