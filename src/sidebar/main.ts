/** The sidebar's entry point: reads the view the server asked for and renders it into #app. */
import type { BootDelivery, SidebarBoot, SidebarView } from '../ui/rpc-types';
import { setSidebarContext } from './context';
import { replaceChildren } from './dom';
import { bootView, type Navigate } from './router';
import { run } from './rpc';
import { adoptView } from './views/adopt';
import { cardView } from './views/card';
import { checkinView } from './views/checkin';
import { editClientView } from './views/edit-client';
import { newClientView } from './views/new-client';
import { offboardView } from './views/offboard';
import { paymentView } from './views/payment';
import { requestView } from './views/request';
import { selfCheckView } from './views/self-check';

const navigate: Navigate = (view: SidebarView) => {
  const root = document.getElementById('app') as HTMLElement;
  replaceChildren(root);
  root.setAttribute('data-view', view.view);
  document.body.setAttribute('data-view', view.view);
  switch (view.view) {
    case 'checkin':
      return checkinView(root, view);
    case 'card':
      return cardView(root, view, navigate);
    case 'newClient':
      return newClientView(root, navigate);
    case 'adopt':
      return adoptView(root, navigate);
    case 'payment':
      return paymentView(root, view, navigate);
    case 'request':
      return requestView(root, view, navigate);
    case 'offboard':
      return offboardView(root, view, navigate);
    case 'editClient':
      return editClientView(root, view, navigate);
    case 'selfcheck':
      return selfCheckView(root, received);
  }
};

/** The start-up token this page found, and how (the self-check reports it). */
let received: { token: string | null; via: BootDelivery } = { token: null, via: 'none' };

function start(boot: SidebarBoot, via: BootDelivery): void {
  received = { token: typeof boot.token === 'string' ? boot.token : null, via };
  document.body.setAttribute('data-boot', via);
  setSidebarContext(boot.context);
  navigate(boot);
}

// The data is in the page; if Apps Script ever drops the block, the server still has it (one call).
const inPage = bootView();
if (inPage) start(inPage, 'inline');
else
  run('rpcGetBoot')
    .then((boot) => start(boot, 'rpc'))
    .catch(() => start({ view: 'checkin' }, 'none'));
