/** The local chat: kotodama without Discord, through the same queues and workers. */
export { LocalSession } from './session.ts';
export { runTerminal } from './terminal.ts';
