// Headers for every response (next.config.js sets them on what Next serves, scripts/fast-routes.mjs
// on what it serves past Next's router); the content security policy itself is set per page in proxy.ts.
module.exports = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  // Result links carry the text in the URL: never send it on to tile servers or other sites.
  { key: 'Referrer-Policy', value: 'no-referrer' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=()' },
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
];
