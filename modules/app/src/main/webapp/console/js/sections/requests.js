// Requests: the queue (#/requests), one request (#/requests/<id>), the CCPA metrics (#/requests/metrics)
// and filing on a subject's behalf (#/requests/new).

import {session} from '../api.js';
import {h, pageTitle} from '../ui.js';
import {READERS} from '../requests/common.js';
import {renderQueue} from '../requests/queue.js';
import {renderDetail} from '../requests/detail.js';
import {METRICS_READERS, renderMetrics} from '../requests/metrics.js';
import {FILERS, renderFile} from '../requests/file.js';

export const section = {
  route: 'requests',
  title: 'Requests',
  roles: READERS,
  async render(main, params) {
    const [first] = params;
    if (!first) return renderQueue(main);
    if (first === 'metrics') return guard(main, METRICS_READERS, 'Request metrics', renderMetrics);
    if (first === 'new') return guard(main, FILERS, 'File a request', renderFile);
    return renderDetail(main, first);
  },
};

function guard(main, roles, title, fn) {
  if (session.has(...roles)) return fn(main);
  main.append(pageTitle(title), h('p', {class: 'notice', 'data-testid': 'forbidden'}, 'Your role may not open this page.'));
}
