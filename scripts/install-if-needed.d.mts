export declare const HASH_FILE: string;
export declare function lockHash(root: string): string;
export declare function installReason(root: string): string | null;
export declare function markInstalled(root: string): void;
