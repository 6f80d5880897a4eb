/**
 * This server's public origin for links in answers to outside agents: PUBLIC_URL when set,
 * otherwise the origin the request came to (its scheme as the trusted proxy reports it).
 */
export function publicOrigin(
  configured: string | undefined,
  req: { protocol: string; get(name: string): string | undefined },
): string {
  if (configured) return configured.replace(/\/+$/, '');
  const host = req.get('host');
  return host && /^[\w.-]+(:\d+)?$/.test(host) ? `${req.protocol}://${host}` : 'http://localhost';
}
