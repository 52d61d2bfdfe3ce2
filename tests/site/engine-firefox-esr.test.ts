/** The reader's core tasks in firefox-esr; see tests/helpers/engine-suite.ts. */
import { describeEngineSuite } from '../helpers/engine-suite.ts';
import { firefoxEsr } from '../helpers/engines.ts';

describeEngineSuite(firefoxEsr, { narrowWidth: 360 });
