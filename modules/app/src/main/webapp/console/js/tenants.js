// Tenant names for display, cached per page load (ids are what the API and the URLs carry).

import {api, fetchAll} from './api.js';

const byId = new Map();
let listPromise;

export function listTenants() {
  listPromise = listPromise || fetchAll('/api/v1/tenants').then(({items}) => {
    items.forEach(t => byId.set(t.id, Promise.resolve(t)));
    return items;
  }).catch(e => { listPromise = null; throw e; });
  return listPromise;
}

export function getTenant(id) {
  if (!byId.has(id)) {
    const p = api('GET', `/api/v1/tenants/${encodeURIComponent(id)}`).catch(e => { byId.delete(id); throw e; });
    byId.set(id, p);
  }
  return byId.get(id);
}

export async function tenantName(id) {
  try { return (await getTenant(id)).name; } catch { return id; }
}

export function forgetTenants() { byId.clear(); listPromise = null; }
