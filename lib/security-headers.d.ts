/** Types of lib/security-headers.js (plain JS so next.config.js can load it). */
export function securityHeaders(opts: { dev: boolean }): { key: string; value: string }[];
export function contentSecurityPolicy(opts: { dev: boolean }): string;
