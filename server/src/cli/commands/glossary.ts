import type { CliIO } from '../io';
export function glossaryCommand(_argv: string[], _io: CliIO): number { return 2; }
