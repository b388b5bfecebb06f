/** @type {import('next').NextConfig} */
module.exports = {
  serverExternalPackages: ['better-sqlite3'],
};
