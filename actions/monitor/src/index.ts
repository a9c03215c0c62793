import { exitWhenFlushed } from '@ml-actions/github';
import { run } from './main.ts';

await run();
// A stalled upload or download must not keep the finished step running.
exitWhenFlushed();
