/**
 * The admin page's policy: its own scripts, styles and API only; no inline code, no framing.
 * `img-src data:` is for nothing but the favicon.
 */
export const ADMIN_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self'",
  "img-src 'self' data:",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ')

/**
 * The admin page's HTML shell. It holds no data: the bundle renders every view and fills in data as text.
 *
 * @example
 * c.html(ADMIN_PAGE_HTML)
 */
export const ADMIN_PAGE_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>CRM</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/admin/admin.css">
<script type="module" src="/admin/admin.js"></script>
</head>
<body>
<div id="root" aria-live="polite"><p class="boot">Loading…</p></div>
<noscript>The CRM admin page needs JavaScript.</noscript>
</body>
</html>
`
