export declare const securityHeaders: ReadonlyArray<{ key: string; value: string }>
export declare const strictTransportSecurity: { key: string; value: string }
