/** chat.html: the iframe's page. Its script is a file (no inline script), its style inline. */
export function chatPage(css: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>Chat</title>
<style>${css}</style>
</head>
<body>
<div id="app"></div>
<script src="chat.js"></script>
</body>
</html>
`;
}
