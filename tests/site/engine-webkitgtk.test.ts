/** The reader's core tasks in webkitgtk; see tests/helpers/engine-suite.ts. */
import { describeEngineSuite } from '../helpers/engine-suite.ts';
import { webkitGtk } from '../helpers/engines.ts';

describeEngineSuite(webkitGtk, { narrowWidth: 460 });
