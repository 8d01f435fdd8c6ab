import { stopSecureTwin } from './secure';

export default stopSecureTwin;
