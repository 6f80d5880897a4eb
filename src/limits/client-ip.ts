import type { IncomingMessage } from 'node:http';
import proxyAddr from 'proxy-addr';

export type TrustFn = (address: string, hop: number) => boolean;

/**
 * Which proxies to believe about the client's address, from TRUST_PROXY: `false` (or empty) trusts
 * none, so X-Forwarded-For is ignored; `true` trusts every hop (only behind a proxy that strips the
 * header); a number trusts that many hops; anything else is a comma-separated list of addresses,
 * CIDR ranges or `loopback`, `linklocal`, `uniquelocal`. Express and the sockets use the same
 * function, so REST calls and socket events of one client share one address.
 */
export function compileTrustProxy(setting: string): TrustFn {
  const s = setting.trim().toLowerCase();
  if (s === '' || s === 'false' || s === '0') return () => false;
  if (s === 'true') return () => true;
  if (/^\d+$/.test(s)) {
    const hops = Number(s);
    return (_address, hop) => hop < hops;
  }
  return proxyAddr.compile(
    setting
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean),
  );
}

/** The client address of a request (HTTP or a socket's handshake) under the trust setting. */
export function clientIp(req: IncomingMessage, trust: TrustFn): string {
  return proxyAddr(req, trust);
}
