import type { Upcaster } from '../src/event-store.js';
import { appendContract } from './contract-appends.js';
import { readContract } from './contract-reads.js';
import { contractUpcasters, type ContractGaps, type TestedStore, type ContractSubject } from './contract-support.js';
import { tamperContract } from './contract-tamper.js';

export {
  RENAMED_TYPE,
  contractUpcasters,
  everything,
  newEvent,
  type ContractGaps,
  type ContractSubject,
  type Tamper,
  type Undo,
} from './contract-support.js';

/**
 * The suite every EventStore passes (PostgreSQL/PGlite, KurrentDB and its stand-in): appends
 * (contract-appends.ts), reads (contract-reads.ts) and tamper detection (contract-tamper.ts).
 */
export function describeEventStoreContract(
  name: string,
  factory: (setup: { upcast: Upcaster }) => Promise<ContractSubject>,
  gaps: ContractGaps = {},
): void {
  describe(`EventStore contract: ${name}`, () => {
    const tested = {} as TestedStore;

    beforeAll(async () => {
      tested.subject = await factory({ upcast: contractUpcasters().upcast });
      tested.store = tested.subject.store;
    });
    afterAll(async () => {
      await tested.subject?.store.close();
      await tested.subject?.cleanup();
    });

    appendContract(tested);
    readContract(tested);
    tamperContract(tested, gaps);
  });
}
