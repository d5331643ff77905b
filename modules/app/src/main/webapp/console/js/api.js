// The console's only door to the server: every call carries the session cookie and the CSRF token.

const STORE_KEY = 'steward.console.session';

export class ApiError extends Error {
  constructor(status, problem) {
    super((problem && (problem.detail || problem.title)) || `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem || {status, title: `HTTP ${status}`};
  }
}

function load() {
  try { return JSON.parse(sessionStorage.getItem(STORE_KEY)) || null; } catch { return null; }
}

// The session as the console knows it; only csrfToken, username and roles are kept (per tab).
export const session = {
  get csrfToken() { return load()?.csrfToken || null; },
  get username() { return load()?.username || null; },
  get roles() { return load()?.roles || []; },
  get active() { return !!load()?.csrfToken; },
  has(...roles) { const mine = this.roles; return roles.some(r => mine.includes(r)); },
  clear() { sessionStorage.removeItem(STORE_KEY); },
};

// Listeners for "the session is gone" (401): app.js shows the login again.
const expiredListeners = new Set();
export function onSessionExpired(fn) { expiredListeners.add(fn); return () => expiredListeners.delete(fn); }

async function readProblem(res) {
  const type = res.headers.get('Content-Type') || '';
  try {
    if (type.includes('json')) return await res.json();
    const text = await res.text();
    return {status: res.status, title: res.statusText || `HTTP ${res.status}`, detail: text.slice(0, 300) || undefined};
  } catch {
    return {status: res.status, title: res.statusText || `HTTP ${res.status}`};
  }
}

async function send(method, path, body, {headers = {}, accept} = {}) {
  const h = {'Accept': accept || 'application/json, application/problem+json', ...headers};
  const csrf = session.csrfToken;
  if (csrf) h['X-CSRF-Token'] = csrf;
  const init = {method, credentials: 'same-origin', headers: h};
  if (body !== undefined && body !== null) {
    if (typeof body === 'string' || body instanceof Blob || body instanceof FormData) {
      init.body = body;
    } else {
      h['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
  }
  let res;
  try {
    res = await fetch(path, init);
  } catch (e) {
    throw new ApiError(0, {status: 0, title: 'The server cannot be reached', detail: String(e.message || e)});
  }
  if (res.status === 401 && path !== '/api/v1/session') {
    const problem = await readProblem(res);
    session.clear();
    expiredListeners.forEach(fn => { try { fn(problem); } catch { /* a listener's bug must not hide the error */ } });
    throw new ApiError(401, problem);
  }
  if (!res.ok) throw new ApiError(res.status, await readProblem(res));
  return res;
}

// api('GET', '/api/v1/requests') → parsed JSON, text for non-JSON, null for 204.
export async function api(method, path, body, opts = {}) {
  const res = await send(method, path, body, opts);
  if (res.status === 204) return null;
  const type = res.headers.get('Content-Type') || '';
  if (type.includes('json')) {
    const text = await res.text();
    return text ? JSON.parse(text) : null;
  }
  return res.text();
}

// Same as api() but also hands back the response headers (Location, Retry-After...).
export async function apiFull(method, path, body, opts = {}) {
  const res = await send(method, path, body, opts);
  const type = res.headers.get('Content-Type') || '';
  let data = null;
  if (res.status !== 204) {
    const text = await res.text();
    data = text && type.includes('json') ? JSON.parse(text) : text;
  }
  return {status: res.status, headers: res.headers, data};
}

function filenameFrom(res, fallback) {
  const cd = res.headers.get('Content-Disposition') || '';
  const m = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(cd);
  return m ? decodeURIComponent(m[1]) : fallback;
}

// Fetch with the session, then save the body through a temporary <a download>.
export async function download(path, filename, {headers, accept} = {}) {
  const res = await send('GET', path, undefined, {headers, accept: accept || '*/*'});
  const blob = await res.blob();
  saveBlob(blob, filenameFrom(res, filename || 'download'));
  return blob;
}

export function saveBlob(blob, filename) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

export async function login(username, password) {
  const res = await send('POST', '/api/v1/session', {username, password});
  const s = await res.json();
  sessionStorage.setItem(STORE_KEY, JSON.stringify({csrfToken: s.csrfToken, username: s.username, roles: s.roles || []}));
  return s;
}

export async function logout() {
  try {
    if (session.active) await send('DELETE', '/api/v1/session');
  } catch (e) {
    if (!(e instanceof ApiError) || e.status !== 401) throw e;
  } finally {
    session.clear();
  }
}

// Builds a query string from an object, dropping empty values.
export function qs(params) {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) {
    if (v === undefined || v === null || v === '') continue;
    if (Array.isArray(v)) v.forEach(x => p.append(k, x)); else p.append(k, String(v));
  }
  const s = p.toString();
  return s ? `?${s}` : '';
}

// Role names as the server spells them.
export const ROLES = {
  ADMIN: 'ADMIN', DPO: 'PRIVACY_OFFICER', SUPPORT: 'SUPPORT_AGENT', AUDITOR: 'AUDITOR', SERVICE: 'SERVICE',
};

// Follows nextCursor: collects items until the last page, `maxPages`, or `until(item)` says stop.
// Answers {items, truncated}: truncated says more pages existed than were read.
export async function fetchAll(path, params = {}, {limit = 200, maxPages = 25, until} = {}) {
  const items = [];
  let cursor;
  for (let page = 0; page < maxPages; page++) {
    const res = await api('GET', path + qs({...params, limit, cursor}));
    const got = (res && res.items) || [];
    for (const it of got) {
      if (until && until(it)) return {items, truncated: false, stopped: true};
      items.push(it);
    }
    cursor = res && res.nextCursor;
    if (!cursor) return {items, truncated: false};
  }
  return {items, truncated: true};
}

// One page: {items, nextCursor}.
export function page(path, params = {}) {
  return api('GET', path + qs(params));
}
