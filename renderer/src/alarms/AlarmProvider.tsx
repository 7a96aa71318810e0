import { useEffect, useState, type ReactNode } from 'react';
import { useServices } from '../components/services-context.js';
import { alarmClient } from './alarm-client.js';
import { AlarmContext, type AlarmServices } from './alarm-context.js';
import { createAlarmStore } from './alarm-store.js';
import { Annunciator } from './annunciator.js';
import { startAlarmSession } from './start-alarm-session.js';
import './alarms.css';

/** Builds the alarm store, client and horn once for the page, and keeps them in step with main. */
export function AlarmProvider({ children, trendHere = true }: { readonly children: ReactNode; readonly trendHere?: boolean }) {
  const { bridge } = useServices();
  const [services] = useState((): AlarmServices => ({ store: createAlarmStore(), client: alarmClient(bridge), annunciator: new Annunciator(window), trendHere }));
  useEffect(() => {
    const session = startAlarmSession(services.client, services.store, services.annunciator);
    return () => session.dispose();
  }, [services]);
  useEffect(() => () => services.annunciator.dispose(), [services]);
  return <AlarmContext value={services}>{children}</AlarmContext>;
}
