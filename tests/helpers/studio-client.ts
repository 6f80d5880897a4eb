/** A merchandiser account for tests that start the app with it in `consoleAgents`. */
export const MERCHANDISER = { email: 'mia@example.com', password: 'merch-password-3', role: 'merchandiser' as const };

/** One JSON request to the app, with a console token when given; the status and the parsed body. */
export async function callJson(baseUrl: string, method: string, route: string, token: string | null, body?: unknown) {
  const res = await fetch(`${baseUrl}${route}`, {
    method,
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return { status: res.status, body: (await res.json()) as Record<string, any> };
}
