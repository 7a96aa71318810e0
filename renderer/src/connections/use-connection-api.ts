import type { ConnectionApi } from '../../../shared/api/connection-api.js';
import { useServices } from '../components/services-context.js';
import { connectionApi } from './connection-api-client.js';

export function useConnectionApi(): ConnectionApi {
  return connectionApi(useServices().bridge);
}
