import { createServices, type Services } from '../services/create-services.js';
import { withStore } from './open-configured-store.js';

// The services of the configured store, built once per command like the API builds them once per app.

/** Run `work` with the services of the configured store, closing the store afterwards whatever happens. */
export async function withServices<T>(work: (services: Services) => Promise<T>): Promise<T> {
  return withStore((store) => work(createServices(store)));
}
