/** The sidebar's entry point: reads the view the server asked for and renders it into #app. */
import type { SidebarView } from '../ui/rpc-types';
import { setSidebarContext } from './context';
import { replaceChildren } from './dom';
import { bootView, type Navigate } from './router';
import { adoptView } from './views/adopt';
import { cardView } from './views/card';
import { checkinView } from './views/checkin';
import { newClientView } from './views/new-client';
import { offboardView } from './views/offboard';
import { paymentView } from './views/payment';
import { requestView } from './views/request';

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
  }
};

const boot = bootView();
setSidebarContext(boot.context);
navigate(boot);
