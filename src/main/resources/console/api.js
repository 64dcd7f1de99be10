// Every call to the service goes through here, so every request carries the signed-in token.
const TOKEN = 'copyguard.token';
const FOLLOWER = 'copyguard.follower';

export const session = {
  token: () => sessionStorage.getItem(TOKEN),
  follower: () => sessionStorage.getItem(FOLLOWER) || '',
  signIn(token, follower) {
    sessionStorage.setItem(TOKEN, token);
    sessionStorage.setItem(FOLLOWER, follower || followerFromToken(token) || '');
  },
  signOut() {
    sessionStorage.removeItem(TOKEN);
    sessionStorage.removeItem(FOLLOWER);
  },
};

/** A follower id carried by a JWT (claim followerId, else sub), when the token is one. */
export function followerFromToken(token) {
  const parts = (token || '').split('.');
  if (parts.length !== 3) return null;
  try {
    const claims = JSON.parse(atob(parts[1].replace(/-/g, '+').replace(/_/g, '/')));
    return claims.follower || claims.followerId || claims.sub || null;
  } catch {
    return null;
  }
}

export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

export async function api(method, path, body) {
  const headers = { Authorization: 'Bearer ' + session.token(), Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  let data = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = { message: text };
  }
  if (!res.ok) {
    if (res.status === 401) window.dispatchEvent(new CustomEvent('copyguard:unauthorized'));
    throw new ApiError(res.status, data && data.error, (data && data.message) || res.statusText);
  }
  return data;
}

export const get = (path) => api('GET', path);
/** The items of one page of a list endpoint (every list answers {items, nextCursor}). */
export const items = async (path) => (await get(path)).items;
export const post = (path, body) => api('POST', path, body ?? {});
export const patch = (path, body) => api('PATCH', path, body);
export const del = (path) => api('DELETE', path);
