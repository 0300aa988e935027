// Public surface of PSPLIB levelling support: an instance as the RCPSP the core levels, and an
// independent check of a levelled schedule against the file.
export { psplibToRcpsp } from './psplib-rcpsp.ts';
export { checkPsplibSchedule } from './psplib-feasibility.ts';
