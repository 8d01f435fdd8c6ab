import { startSecureTwin } from './secure';

export default startSecureTwin;
