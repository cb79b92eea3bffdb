// Types for next.config.mjs, for the test that keeps it in step with the TypeScript side (lib/server/http/next-config.test.ts).
import type { NextConfig } from 'next'

declare const nextConfig: NextConfig
export default nextConfig
export declare const apiContentSecurityPolicy: string
export declare function serverActionOrigins(publicUrl: string | undefined): string[]
