// Headers every response carries, pages, API routes and static files alike (ADR 0012): next.config.mjs adds them to
// what Next.js serves, and the prerendered-page server (static-page-server.ts) to the pages it sends itself. Pages get
// their Content-Security-Policy from proxy.ts (a fresh nonce per response) or from their build-time hashes.
export const securityHeaders = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  // Nothing Kubelab links to needs to know which page a learner came from.
  { key: 'Referrer-Policy', value: 'same-origin' },
  // Kubelab uses none of these; a script that got in could not either. Clipboard writes (copy invite link) stay allowed.
  {
    key: 'Permissions-Policy',
    value:
      'accelerometer=(), autoplay=(), bluetooth=(), browsing-topics=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), hid=(), magnetometer=(), microphone=(), midi=(), payment=(), publickey-credentials-get=(), serial=(), usb=(), xr-spatial-tracking=()',
  },
  // For browsers without CSP frame-ancestors.
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
  { key: 'Cross-Origin-Resource-Policy', value: 'same-origin' },
]

// Only where the browser reached Kubelab over TLS (a proxy says so in X-Forwarded-Proto); over plain http it means nothing.
export const strictTransportSecurity = { key: 'Strict-Transport-Security', value: 'max-age=31536000; includeSubDomains' }
