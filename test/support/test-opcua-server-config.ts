/** How a test OPC UA server is set up (test-opcua-server-process.ts reads it). */
export interface TestServerConfig {
  /** The server's own PKI; keep it across a restart so the server keeps its certificate. */
  readonly pkiDir: string;
  /** 0 or absent picks a free port; a restart passes the first run's port. */
  readonly port?: number;
  readonly securityModes?: readonly ('None' | 'Sign' | 'SignAndEncrypt')[];
  readonly securityPolicies?: readonly ('None' | 'Basic256Sha256' | 'Aes128_Sha256_RsaOaep' | 'Aes256_Sha256_RsaPss')[];
  readonly allowAnonymous?: boolean;
  readonly users?: readonly { readonly userName: string; readonly password: string }[];
  /** Writes user-cert.pem and user-key.pem here and trusts them as an X.509 user identity. */
  readonly x509UserDir?: string;
  /** A certificate made wrong on purpose. */
  readonly certificate?: 'valid' | 'expired' | 'wrongUri' | 'wrongHost';
  /** Number of Double counters Test.V0..; 10 by default. */
  readonly counters?: number;
  /** How often every counter steps, ms; 100 by default. */
  readonly updateMs?: number;
  /** Past values of Test.History (historizing), one per updateMs before the server started; 2500 by default. */
  readonly historyValues?: number;
  /** Test.Retyped serves Double values, then this long after start turns into an Int32 node (a PLC download); never by default. */
  readonly retypeAfterMs?: number;
  readonly maxMonitoredItemsPerCall?: number;
  readonly maxNodesPerRead?: number;
  readonly maxNodesPerBrowse?: number;
}

export interface TestServerMessage {
  readonly type: 'ready';
  readonly endpointUrl: string;
  readonly applicationUri: string;
  /** SHA-1 of the server certificate's DER, lower-case hex. */
  readonly certificateThumbprint: string;
}
