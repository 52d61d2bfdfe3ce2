/** The reader's core tasks in chromium-86; see tests/helpers/engine-suite.ts. */
import { describeEngineSuite } from '../helpers/engine-suite.ts';
import { chromium86 } from '../helpers/engines.ts';

describeEngineSuite(chromium86, { narrowWidth: 360 });
