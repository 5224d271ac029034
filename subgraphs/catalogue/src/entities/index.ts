export { Market } from './market';
export { Brand } from './brand';
export { Solution } from './solution';
export { Certification } from './certification';
